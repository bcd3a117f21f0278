package dev.bindsmith.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One run of the command line with captured standard output and error. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(
            Map<String, String> env, Cli.Backends backends, Serve.Launcher launcher, String stdin, String... args) {
        return run(false, env, backends, launcher, stdin, args);
    }

    /** With {@code terminal}, as if standard output were a terminal. */
    static CliRun run(
            boolean terminal,
            Map<String, String> env,
            Cli.Backends backends,
            Serve.Launcher launcher,
            String stdin,
            String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(
                env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                backends,
                launcher);
        int code = cli.terminal(terminal).run(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A run that must not open a backend or start a server. */
    static CliRun run(String... args) {
        return run(
                Map.of(),
                (settings, dns) -> {
                    throw new AssertionError("no backend expected, got " + settings.describe());
                },
                (backend, env, overrides) -> {
                    throw new AssertionError("no server expected");
                },
                "",
                args);
    }
}
