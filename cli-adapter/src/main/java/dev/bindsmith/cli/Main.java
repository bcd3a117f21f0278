package dev.bindsmith.cli;

import dev.bindsmith.wiring.Backend;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code bindsmith} command's entry point: the command line on the real environment, streams and backends. */
public final class Main {
    /**
     * The real backends. One call site for the command and its AOT training ({@link AotTraining}):
     * a method reference is linked, and its class made, where it is written, and only one the training
     * ran is in the cache; {@code main}'s own was made at every start (the JDK's class-file writer
     * initialized for it alone).
     */
    static final Cli.Backends BACKENDS = Backend::open;

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
        DirectLogback.bind();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = new Cli(System.getenv(), System.in, out, err, BACKENDS, new HttpLauncher())
                .terminal(isTerminal())
                .run(args);
        System.exit(code);
    }
}
