package dev.bindsmith.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bindsmith.http.ConfigException;
import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendConfigurationException;
import dev.bindsmith.wiring.BackendSettings;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code bindsmith} command line, with everything it touches passed in: the environment, the
 * standard streams, how to open a backend and how to run a server. {@link Main} runs it on the real
 * ones; tests on in-memory adapters and captured streams.
 */
public final class Cli {

    /**
     * Opens the backend the settings choose; {@code answerDns} is false in direct mode (see
     * {@link Backend#open}). Production: {@link Backend#open}; tests: in-memory adapters.
     */
    @FunctionalInterface
    public interface Backends {
        Backend open(BackendSettings settings, boolean answerDns);
    }

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Backends backends;
    private final Serve.Launcher launcher;
    private final Supplier<SecureRandom> random = SecureRandom::new;
    /** Made when first needed: a command printing a table never pays for Jackson's databind start-up. */
    private ObjectMapper json;

    private Root root = new Root();
    /** Whether standard output is a terminal a person reads (and not a log someone else may read). */
    private boolean terminal;

    public Cli(
            Map<String, String> env,
            InputStream in,
            PrintWriter out,
            PrintWriter err,
            Backends backends,
            Serve.Launcher launcher) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.backends = Objects.requireNonNull(backends, "backends");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    /** Says that standard output is a terminal: {@code serve} then also shows the token it made. */
    public Cli terminal(boolean isTerminal) {
        this.terminal = isTerminal;
        return this;
    }

    boolean terminal() {
        return terminal;
    }

    /** Runs one command line and returns its exit code (see {@link ExitCodes}). */
    public int run(String... args) {
        try {
            Logging.command(env, err);
        } catch (IllegalArgumentException e) {
            err.println("bindsmith: " + e.getMessage());
            err.flush();
            return ExitCodes.ERROR;
        }
        if (args.length == 1 && args[0].equals("serve")) {
            return serveFromEnvironment();
        }
        CommandLine cl = commandLine(args);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * {@code bindsmith serve} with nothing but the environment, as a service manager starts it: the
     * same command, without building the command-line model (every command's options, read by
     * reflection from picocli's annotations), which was about a third of serve's start-up. Anything
     * more on the command line goes through the model.
     */
    private int serveFromEnvironment() {
        root = new Root();
        int code;
        try {
            code = new Serve(this).serve(new java.util.LinkedHashMap<>());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = ExitCodes.ERROR;
        } catch (RuntimeException e) {
            code = unexpected(e);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command tree {@code args} need: only the commands they name when that tree parses them (see
     * {@link CommandTree#path}), else the whole tree, whose errors and suggestions see every command.
     * The root's help and completion, and an argument file ({@code @file}), which may name any
     * command, get the whole tree.
     */
    CommandLine commandLine(String... args) {
        if (Arrays.stream(args).noneMatch(arg -> arg.startsWith("@"))) {
            root = new Root();
            CommandLine path = CommandTree.ROOT.path(root, new Factory(), args);
            // naming no command, they want the root itself (its help lists completion too)
            if (path.getSubcommands().size() == 1) {
                try {
                    configure(path).parseArgs(args);
                    return path;
                } catch (CommandLine.ParameterException e) {
                    // the whole tree reports it, with every command in view
                }
            }
        }
        return wholeCommandLine();
    }

    /** Every command, and {@code completion}. */
    CommandLine wholeCommandLine() {
        root = new Root();
        CommandLine cl = CommandTree.ROOT.whole(root, new Factory());
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
        completion
                .getCommandSpec()
                .usageMessage()
                .description(
                        "Print a bash/zsh completion script for bindsmith.",
                        "",
                        "Example:",
                        "  source <(bindsmith completion)");
        completion.getCommandSpec().usageMessage().hidden(false);
        completion.getCommandSpec().name("completion");
        completion.getCommandSpec().usageMessage().footerHeading("").footer(new String[0]);
        cl.addSubcommand("completion", completion);
        removeOptions(
                completion.getCommandSpec(),
                "--url",
                "--token",
                "--output",
                "--timeout",
                "--verbose",
                "--backend",
                "--rndc-conf",
                "--key-file",
                "--rndc-allow-weak-algorithms",
                "--server",
                "--zone-dir",
                "--data-dir",
                "--dns-address",
                "--dns-port",
                "--audit-log",
                "--audit-max-bytes",
                "--audit-keep");
        return configure(cl);
    }

    /** What the commands present in {@code cl} need beyond their annotations. */
    private CommandLine configure(CommandLine cl) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine serve = cl.getSubcommands().get("serve");
        if (serve != null) {
            Serve.addServerOptions(serve.getCommandSpec());
            // Options about reaching an API, or printing its replies, mean nothing to serve.
            removeOptions(serve.getCommandSpec(), "--url", "--token", "--output", "--timeout");
        }
        CommandLine tokens = cl.getSubcommands().get("token");
        if (tokens != null) {
            // the token commands edit a local file: a server's URL, token or timeout mean nothing to them
            for (CommandLine token : tokens.getSubcommands().values()) {
                removeOptions(token.getCommandSpec(), "--url", "--token", "--timeout", "--dns-address", "--dns-port");
            }
        }
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> unexpected(e));
        return cl;
    }

    private static void removeOptions(CommandSpec spec, String... names) {
        for (String name : names) {
            OptionSpec option = spec.findOption(name);
            if (option != null) {
                spec.remove(option);
            }
        }
    }

    // ---- what the commands share ----

    Map<String, String> env() {
        return env;
    }

    InputStream in() {
        return in;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    GlobalOptions global() {
        return root.global;
    }

    ObjectMapper json() {
        if (json == null) {
            json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        }
        return json;
    }

    Serve.Launcher launcher() {
        return launcher;
    }

    /** A fresh SecureRandom for each token this process makes. */
    SecureRandom random() {
        return random.get();
    }

    Backends backends() {
        return backends;
    }

    /** The settings the backend flags and the environment give; a bad value throws, naming its variable. */
    BackendSettings backendSettings() {
        return backendSettings(Map.of());
    }

    /** As {@link #backendSettings()}, with a command's own flags (by variable name) laid over the rest. */
    BackendSettings backendSettings(Map<String, String> commandVariables) {
        Map<String, String> vars = global().backendVariables(env);
        vars.putAll(commandVariables);
        return BackendSettings.fromEnvironment(vars);
    }

    /**
     * The API the global options point at: a server with --url, otherwise the backend's use cases in
     * this process (no server, no port, no token: see {@link InProcessApi}).
     */
    Api openApi() {
        if (global().url != null) {
            Duration timeout = Duration.ofSeconds(Math.max(1, global().timeoutSeconds));
            return new RemoteApi(global().url, global().token(env), json(), timeout);
        }
        BackendSettings settings = backendSettings();
        if (global().verbose) {
            err.println(settings.describe());
        }
        return new InProcessApi(backends.open(settings, false), user());
    }

    /** Who runs this command, as the audit log records a direct-mode change: {@code $USER}, else the JVM's user. */
    String user() {
        String u = env.getOrDefault("USER", env.getOrDefault("LOGNAME", ""));
        return u.isBlank() ? System.getProperty("user.name", "unknown") : u;
    }

    /**
     * Runs one call and prints its reply: the body (human or JSON) on success, one line on standard
     * error on failure (and the envelope on standard output with {@code --output json}).
     */
    int call(Function<Api, Reply> call, Function<JsonNode, String> human) {
        return withApi(api -> print(call.apply(api), human));
    }

    /** Runs {@code work} on the API the options point at; a configuration that cannot be used is exit code 1. */
    int withApi(Function<Api, Integer> work) {
        URI url = global().url;
        if (url != null
                && (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())))) {
            err.println("bindsmith: --url must look like http://host:port");
            return ExitCodes.USAGE;
        }
        try (Api api = openApi()) {
            if (global().verbose) {
                err.println("using " + api.describe());
            }
            return work.apply(api);
        } catch (BackendConfigurationException | ConfigException e) {
            err.println("bindsmith: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    int print(Reply reply, Function<JsonNode, String> human) {
        if (reply.problem().isPresent()) {
            if (global().json()) {
                printJson(reply.json());
            }
            printFailure(reply.problem().get());
        } else if (global().json()) {
            printJson(reply.json());
        } else {
            out.print(human.apply(reply.json()));
        }
        return reply.exitCode();
    }

    void printJson(JsonNode node) {
        if (node.isMissingNode()) {
            return;
        }
        try {
            out.println(json().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** One line: {@code bindsmith: Zone not found: No zone named 'x' exists}; with --verbose the code and context. */
    void printFailure(Reply.Problem problem) {
        err.println("bindsmith: " + problem.oneLine());
        if (global().verbose) {
            err.println("  code: " + problem.code());
            problem.context().forEach((k, v) -> err.println("  " + k + ": " + v));
        }
    }

    private int unexpected(Exception e) {
        err.println("bindsmith: unexpected error: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        if (global().verbose) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        } else {
            err.println("  (run with --verbose for details)");
        }
        return ExitCodes.ERROR;
    }

    /** Creates the command objects, handing those that want it this Cli. */
    private final class Factory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Cli.class).newInstance(Cli.this);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
