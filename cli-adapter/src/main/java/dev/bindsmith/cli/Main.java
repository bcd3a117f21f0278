package dev.bindsmith.cli;

import dev.bindsmith.wiring.Backend;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code bindsmith} command's entry point: the command line on the real environment, streams and backends. */
public final class Main {
    private Main() {}

    /**
     * Whether standard output is a terminal. Since JDK 22 {@code System.console()} exists even when the
     * streams are redirected and {@code Console.isTerminal()} says; on 21 a console means a terminal.
     */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = new Cli(System.getenv(), System.in, out, err, Backend::open, new HttpLauncher())
                .terminal(isTerminal())
                .run(args);
        System.exit(code);
    }
}
