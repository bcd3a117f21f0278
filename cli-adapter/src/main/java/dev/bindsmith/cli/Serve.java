package dev.bindsmith.cli;

import dev.bindsmith.http.backend.Backend;
import dev.bindsmith.http.backend.BackendConfigurationException;
import dev.bindsmith.http.backend.BackendSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code bindsmith serve}: the HTTP API on the chosen backend, until SIGTERM or Ctrl-C. When no
 * token is configured and authentication is on, it makes one (SecureRandom) and prints it once, to
 * standard output only.
 */
@Command(name = "serve", sortOptions = false,
        description = {"Run the bindsmith HTTP API on the chosen backend until stopped (SIGTERM, Ctrl-C).",
                "Configured by the same variables as the server (API_PORT, BIND_API_ADDRESS, BIND_API_TOKEN, "
                        + "DISABLE_AUTH, RATE_LIMIT_*, and the backend's); the options below override them.",
                "With no BIND_API_TOKEN (and auth not disabled) a random token is generated and printed once."},
        footerHeading = "%nExamples:%n",
        footer = {"  bindsmith serve",
                "  bindsmith serve --port 9090 --data-dir /srv/bindsmith",
                "  RNDC_SECRET=... BIND_ZONE_DIR=/var/cache/bind bindsmith serve"})
final class Serve implements Callable<Integer> {

    /** A server that runs until it is closed. */
    interface Running extends AutoCloseable {
        /** Where the API listens: {@code http://127.0.0.1:8080}. */
        String url();

        /** Blocks until the server has stopped (SIGTERM, Ctrl-C or {@link #close()}). */
        void awaitShutdown() throws InterruptedException;

        @Override
        void close();
    }

    /** Starts the HTTP server over a backend, configured by variables (the environment with the flags laid over it). */
    @FunctionalInterface
    interface Launcher {
        Running start(Backend backend, Map<String, String> variables);
    }

    static final String API_PORT = "API_PORT";
    static final String API_ADDRESS = "BIND_API_ADDRESS";
    static final String API_TOKEN = "BIND_API_TOKEN";
    static final String DISABLE_AUTH = "DISABLE_AUTH";

    private final Cli cli;
    private final Supplier<SecureRandom> random;

    @Option(names = "--port", paramLabel = "PORT", description = "The API port ($API_PORT, default 8080; 0 picks a free one).")
    String port;

    @Option(names = "--address", paramLabel = "IP", description = "The API address ($BIND_API_ADDRESS, default 127.0.0.1).")
    String address;

    @Option(names = "--disable-auth", description = "Serve without authentication ($DISABLE_AUTH=true); only on a trusted network.")
    boolean disableAuth;

    Serve(Cli cli) {
        this(cli, SecureRandom::new);
    }

    Serve(Cli cli, Supplier<SecureRandom> random) {
        this.cli = cli;
        this.random = random;
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> variables = new HashMap<>(cli.global().backendVariables(cli.env()));
        if (port != null) {
            variables.put(API_PORT, port);
        }
        if (address != null) {
            variables.put(API_ADDRESS, address);
        }
        if (disableAuth) {
            variables.put(DISABLE_AUTH, "true");
        }
        Optional<String> generated = Optional.empty();
        if (!authDisabled(variables) && blank(variables.get(API_TOKEN))) {
            generated = Optional.of(token(random.get()));
            variables.put(API_TOKEN, generated.get());
        }
        BackendSettings settings;
        try {
            settings = BackendSettings.fromEnvironment(variables);
        } catch (BackendConfigurationException e) {
            cli.err().println("bindsmith: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        try (Backend backend = cli.backends().open(settings);
             Running server = cli.launcher().start(backend, variables)) {
            var out = cli.out();
            out.println("bindsmith " + Version.version() + ": API on " + server.url());
            out.println(settings.describe());
            out.println("  " + backend.describe());
            if (generated.isPresent()) {
                out.println("API token (generated, shown only now; set BIND_API_TOKEN to choose one):");
                out.println("  " + generated.get());
            } else if (authDisabled(variables)) {
                out.println("Authentication is disabled (DISABLE_AUTH).");
            }
            out.println("Stop with Ctrl-C.");
            out.flush();
            server.awaitShutdown();
            return ExitCodes.SUCCESS;
        } catch (BackendConfigurationException e) {
            cli.err().println("bindsmith: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    /** 32 random bytes, hex: 256 bits, safe in a header and a shell variable. */
    static String token(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean authDisabled(Map<String, String> variables) {
        String v = variables.get(DISABLE_AUTH);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"));
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }
}
