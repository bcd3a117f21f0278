package dev.bindsmith.cli;

import dev.bindsmith.http.ConfigException;
import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendConfigurationException;
import dev.bindsmith.wiring.BackendSettings;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bindsmith serve}: the HTTP API on the chosen backend, until SIGTERM or Ctrl-C. Every setting
 * of the HTTP server ({@link HttpServerConfig#SETTINGS}) is an option here as well as a variable.
 * When no token is configured and authentication is on, it makes one (SecureRandom) and prints it
 * once, to standard output only: never to a log.
 */
@Command(
        name = "serve",
        sortOptions = false,
        description = {
            "Run the bindsmith HTTP API on the chosen backend until stopped (SIGTERM, Ctrl-C).",
            "Configured by the server's variables (API_PORT, BIND_API_ADDRESS, BIND_API_TOKEN, DISABLE_AUTH, "
                    + "RATE_LIMIT_*, …) and the backend's; the options below override them.",
            "With no BIND_API_TOKEN (and authentication not disabled) a random token is generated and "
                    + "printed once."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bindsmith serve",
            "  bindsmith serve --api-port 9090 --data-dir /srv/bindsmith",
            "  RNDC_SECRET=... BIND_ZONE_DIR=/var/cache/bind bindsmith serve"
        })
final class Serve implements Callable<Integer> {

    /** A server that runs until it is closed or the JVM is asked to exit. */
    interface Running extends AutoCloseable {
        /** Where the API listens: {@code http://127.0.0.1:8080}. */
        String url();

        /** Blocks until {@link #close()}; on SIGTERM or Ctrl-C the process ends during the wait, after a graceful stop. */
        void awaitShutdown() throws InterruptedException;

        @Override
        void close();
    }

    /** Starts the HTTP server over a backend, from variables and flag overrides (keyed by variable or flag). */
    @FunctionalInterface
    interface Launcher {
        Running start(Backend backend, Map<String, String> env, Map<String, String> overrides);
    }

    static final String API_TOKEN = "BIND_API_TOKEN";
    static final String API_TOKEN_FILE = "BIND_API_TOKEN_FILE";
    static final String DISABLE_AUTH = "DISABLE_AUTH";
    private static final Set<String> BOOLEAN_SETTINGS =
            Set.of(DISABLE_AUTH, "BINDSMITH_ALLOW_INSECURE", "RATE_LIMIT_ENABLED");

    private final Cli cli;

    @Spec
    CommandSpec spec;

    Serve(Cli cli) {
        this.cli = cli;
    }

    /** Adds one option per HTTP server setting ({@code --api-port} …) to the {@code serve} command. */
    static void addServerOptions(CommandSpec serve) {
        for (HttpServerConfig.Setting s : HttpServerConfig.SETTINGS) {
            OptionSpec.Builder option = OptionSpec.builder(s.flag())
                    .description(s.description() + " ($" + s.variable() + ")")
                    .type(String.class);
            if (BOOLEAN_SETTINGS.contains(s.variable())) {
                option.arity("0..1").fallbackValue("true").paramLabel("true|false");
            } else {
                option.paramLabel(s.variable().replace("BIND_", "").replace("BINDSMITH_", ""));
            }
            serve.addOption(option.build());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (HttpServerConfig.Setting s : HttpServerConfig.SETTINGS) {
            OptionSpec option = spec.findOption(s.flag());
            if (option != null && option.getValue() != null) {
                overrides.put(s.variable(), option.getValue().toString());
            }
        }
        return serve(overrides);
    }

    /** Serves until stopped, with the environment and {@code overrides} (keyed by variable). */
    int serve(Map<String, String> overrides) throws InterruptedException {
        Map<String, String> env = cli.env();
        Optional<String> generated = Optional.empty();
        if (!authDisabled(env, overrides)
                && blank(setting(env, overrides, API_TOKEN))
                && blank(setting(env, overrides, API_TOKEN_FILE))) {
            generated = Optional.of(token(cli.random()));
            overrides.put(API_TOKEN, generated.get());
        }
        Logging.serving(cli.global().verbose);
        BackendSettings settings;
        try {
            settings = cli.backendSettings();
        } catch (BackendConfigurationException e) {
            cli.err().println("bindsmith: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        try (Backend backend = cli.backends().open(settings, true);
                Running server = cli.launcher().start(backend, env, overrides)) {
            var out = cli.out();
            out.println("bindsmith " + Version.version() + ": HTTP API on " + server.url());
            out.println(settings.describe());
            out.println("  " + backend.describe());
            if (generated.isPresent()) {
                out.println("API token (generated for this run; set BIND_API_TOKEN to choose one):");
                out.println("  " + generated.get());
            } else if (authDisabled(env, overrides)) {
                out.println("Authentication is disabled (DISABLE_AUTH).");
            }
            out.println("Stop with Ctrl-C.");
            out.flush();
            server.awaitShutdown();
            return ExitCodes.SUCCESS;
        } catch (BackendConfigurationException | ConfigException e) {
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

    private static String setting(Map<String, String> env, Map<String, String> overrides, String variable) {
        return overrides.containsKey(variable) ? overrides.get(variable) : env.get(variable);
    }

    private static boolean authDisabled(Map<String, String> env, Map<String, String> overrides) {
        String v = setting(env, overrides, DISABLE_AUTH);
        return v != null && Set.of("true", "1", "yes", "on").contains(v.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }
}
