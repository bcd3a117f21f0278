package dev.bindsmith.cli;

import dev.bindsmith.http.ConfigException;
import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendConfigurationException;
import dev.bindsmith.wiring.BackendSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bindsmith serve}: the HTTP API on the chosen backend, until SIGTERM or Ctrl-C. Every setting
 * of the HTTP server ({@link HttpServerConfig#SETTINGS}) is an option here as well as a variable.
 * When no token is configured and authentication is on, it makes one (SecureRandom) and writes it to
 * {@code .bindsmith/api-token} beside the zones, readable by its owner only, and says where, never
 * showing the token in a log: standard output of a server ends up in container and service logs. On a
 * terminal it also shows the token (on standard error when standard output is the JSON log,
 * {@link Logging}).
 */
@Command(
        name = "serve",
        sortOptions = false,
        description = {
            "Run the bindsmith HTTP API on the chosen backend until stopped (SIGTERM, Ctrl-C).",
            "Configured by the server's variables (API_PORT, BIND_API_ADDRESS, BIND_API_TOKEN, DISABLE_AUTH, "
                    + "RATE_LIMIT_*, …) and the backend's; the options below override them.",
            "With no BIND_API_TOKEN, token file or BINDSMITH_TOKENS_FILE (and authentication not disabled) a random"
                    + " admin token is generated and written to .bindsmith/api-token beside the zones (mode 0600);"
                    + " the path is printed."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bindsmith serve",
            "  bindsmith serve --api-port 9090 --data-dir /srv/bindsmith",
            "  bindsmith serve --tsig-keys keys.conf --notify 192.0.2.53,192.0.2.54 --transfer-key fleet-xfr",
            "  RNDC_SECRET=... BIND_ZONE_DIR=/var/cache/bind bindsmith serve"
        })
final class Serve implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("dev.bindsmith.cli.serve");

    /** A server that runs until it is closed or the JVM is asked to exit. */
    interface Running extends AutoCloseable {
        /** Where the API listens: {@code http://127.0.0.1:8080}. */
        String url();

        /** Blocks until {@link #close()}; on SIGTERM or Ctrl-C the process ends during the wait, after a graceful stop. */
        void awaitShutdown() throws InterruptedException;

        /** Reads the tokens file again (SIGHUP); a file that does not parse keeps the tokens in force. */
        default void reloadTokens() {}

        @Override
        void close();
    }

    /** Starts the HTTP server over a backend, from variables and flag overrides (keyed by variable or flag). */
    @FunctionalInterface
    interface Launcher {
        Running start(Backend backend, Map<String, String> env, Map<String, String> overrides);

        /**
         * Called once before the backend opens: a launcher may begin there, on another thread, the part
         * of its start that does not need the backend, and finish it in {@link #start}.
         */
        default void prepare() {}
    }

    static final String API_TOKEN = "BIND_API_TOKEN";
    static final String API_TOKEN_FILE = "BIND_API_TOKEN_FILE";
    static final String TOKENS_FILE = "BINDSMITH_TOKENS_FILE";
    static final String DISABLE_AUTH = "DISABLE_AUTH";
    /** The generated token's file, in the state directory ({@code .bindsmith/} beside the zones). */
    static final String TOKEN_FILE = "api-token";

    private static final Set<String> BOOLEAN_SETTINGS = Set.of(
            DISABLE_AUTH,
            "BINDSMITH_ALLOW_INSECURE",
            "RATE_LIMIT_ENABLED",
            "BINDSMITH_ENABLE_CONSOLE",
            "BIND_ENABLE_DOCS");

    private final Cli cli;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--tsig-keys",
            paramLabel = "FILE",
            description = "Embedded server: TSIG key file for signed dynamic updates and transfers ($"
                    + BackendSettings.TSIG_KEYS + "); make one with 'bindsmith key create'.")
    Path tsigKeys;

    @Option(
            names = "--tsig-allow-weak",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description =
                    "Embedded server: accept hmac-md5 and hmac-sha1 keys ($" + BackendSettings.TSIG_ALLOW_WEAK + ").")
    String tsigAllowWeak;

    @Option(
            names = "--notify",
            paramLabel = "IP[:PORT],...",
            description = "Embedded server: secondaries to NOTIFY of every change of every primary zone ($"
                    + BackendSettings.NOTIFY + ").")
    String notify;

    @Option(
            names = "--transfer-key",
            paramLabel = "NAME",
            description = "Embedded server: a key of --tsig-keys that may transfer every zone, for secondaries ($"
                    + BackendSettings.TRANSFER_KEY + ").")
    String transferKey;

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
                && blank(setting(env, overrides, API_TOKEN_FILE))
                && blank(setting(env, overrides, TOKENS_FILE))) {
            generated = Optional.of(token(cli.random()));
            overrides.put(API_TOKEN, generated.get());
        }
        Logging.Format format;
        try {
            format = Logging.serving(env, cli.global().verbose, cli.out());
        } catch (IllegalArgumentException e) {
            cli.err().println("bindsmith: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        // the HTTP server's share of start-up that needs no backend, while the backend opens (HttpLauncher)
        cli.launcher().prepare();
        BackendSettings settings;
        try {
            settings = cli.backendSettings(embeddedVariables());
        } catch (BackendConfigurationException e) {
            cli.err().println("bindsmith: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        Optional<Path> tokenFile = Optional.empty();
        if (generated.isPresent()) {
            try {
                tokenFile = Optional.of(writeOwnerOnly(settings.stateDirectory().resolve(TOKEN_FILE), generated.get()));
            } catch (IOException e) {
                cli.err()
                        .println("bindsmith: cannot write the generated token to "
                                + settings.stateDirectory().resolve(TOKEN_FILE) + " (" + e.getMessage()
                                + "); set BIND_API_TOKEN");
                return ExitCodes.ERROR;
            }
        }
        try (Backend backend = cli.backends().open(settings, true);
                Running server = cli.launcher().start(backend, env, overrides)) {
            boolean scoped = !blank(setting(env, overrides, TOKENS_FILE));
            boolean hangup = Signals.onHangup(server::reloadTokens);
            if (format == Logging.Format.JSON) {
                // Standard output is a log stream (one JSON object per line): the banner is log events.
                // A generated token, a secret, never goes into it: its file is named, and the token
                // itself is shown on standard error only when that is a terminal.
                LOG.atInfo()
                        .addKeyValue("version", Version.version())
                        .addKeyValue("url", server.url())
                        .log("bindsmith {}: HTTP API on {}", Version.version(), server.url());
                LOG.info("{}", settings.describe());
                LOG.info("{}", backend.describe().strip());
                backend.auditLog().describe().ifPresent(a -> LOG.info("{}", a));
                if (generated.isPresent()) {
                    LOG.info(
                            "API token generated for this run, in {} (readable by this user only; set BIND_API_TOKEN to choose one)",
                            tokenFile.orElseThrow());
                    if (cli.terminal()) {
                        cli.err().println("API token: " + generated.get());
                        cli.err().flush();
                    }
                } else if (authDisabled(env, overrides)) {
                    LOG.warn("Authentication is disabled (DISABLE_AUTH).");
                } else if (scoped) {
                    LOG.info(
                            "Scoped tokens from {} (re-read when it changes{})",
                            setting(env, overrides, TOKENS_FILE).strip(),
                            hangup ? " and on SIGHUP" : "");
                }
            } else {
                var out = cli.out();
                out.println("bindsmith " + Version.version() + ": HTTP API on " + server.url());
                out.println(settings.describe());
                out.println("  " + backend.describe());
                backend.auditLog().describe().ifPresent(a -> out.println("  " + a));
                if (generated.isPresent()) {
                    out.println("API token generated for this run, in " + tokenFile.orElseThrow()
                            + " (readable by this user only; set BIND_API_TOKEN to choose one)"
                            + (cli.terminal() ? ":" : ""));
                    if (cli.terminal()) {
                        out.println("  " + generated.get());
                    }
                } else if (authDisabled(env, overrides)) {
                    out.println("Authentication is disabled (DISABLE_AUTH).");
                } else if (scoped) {
                    out.println("Scoped tokens from "
                            + setting(env, overrides, TOKENS_FILE).strip() + " (re-read when it changes)");
                }
                if (hangup && scoped) {
                    out.println("Stop with Ctrl-C; SIGHUP re-reads the tokens file.");
                } else {
                    out.println("Stop with Ctrl-C.");
                }
                out.flush();
            }
            server.awaitShutdown();
            return ExitCodes.SUCCESS;
        } catch (BackendConfigurationException | ConfigException e) {
            cli.err().println("bindsmith: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    /** The embedded server's serve-only flags, under their variables' names. */
    private Map<String, String> embeddedVariables() {
        Map<String, String> vars = new LinkedHashMap<>();
        if (tsigKeys != null) {
            vars.put(BackendSettings.TSIG_KEYS, tsigKeys.toString());
        }
        if (tsigAllowWeak != null) {
            vars.put(BackendSettings.TSIG_ALLOW_WEAK, tsigAllowWeak);
        }
        if (notify != null) {
            vars.put(BackendSettings.NOTIFY, notify);
        }
        if (transferKey != null) {
            vars.put(BackendSettings.TRANSFER_KEY, transferKey);
        }
        return vars;
    }

    /**
     * Writes {@code token} to {@code file}, created with mode 0600 before anything is written to it and
     * replaced whole (a temporary file renamed over it), and returns its absolute path.
     */
    static Path writeOwnerOnly(Path file, String token) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            // the state directory is its owner's alone; whatever holds it keeps its own mode
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it meanwhile
            }
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        Path temporary =
                Files.createTempFile(dir, ".api-token", ".tmp", PosixFilePermissions.asFileAttribute(ownerOnly));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file.toAbsolutePath();
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
