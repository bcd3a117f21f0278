package dev.bindsmith.cli;

import dev.bindsmith.wiring.Backend;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code bindsmith} command's entry point: the command line on the real environment, streams and backends. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = new Cli(System.getenv(), System.in, out, err, Backend::open, new HttpLauncher()).run(args);
        System.exit(code);
    }
}
