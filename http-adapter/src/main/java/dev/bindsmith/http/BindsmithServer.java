package dev.bindsmith.http;

import dev.bindsmith.core.service.UseCases;
import dev.bindsmith.http.access.GuardedApi;
import dev.bindsmith.http.access.TokenStore;
import dev.bindsmith.http.audit.AuditLog;
import dev.bindsmith.http.json.JsonApi;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bindsmith HTTP server: the reference API on Helidon SE, built from the process's
 * {@link UseCases}, a {@link ReadinessProbe} and an {@link HttpServerConfig}.
 *
 * <pre>{@code
 * var server = BindsmithServer.builder(UseCases.of(store, control, updater, reader, clock),
 *         ReadinessProbe.of(store, control), HttpServerConfig.parse(System.getenv(), Map.of())).build().start();
 * // … server.port() …
 * server.stop();   // 503 for new requests while the ones in flight finish
 * }</pre>
 */
public final class BindsmithServer {
    private static final Logger LOG = LoggerFactory.getLogger("dev.bindsmith.http");
    private static final String VERSION = readVersion();

    private final HttpServerConfig config;
    private final ApiRouting routing;
    private final ShutdownGate gate;
    private final TokenStore tokens;
    private final Duration tokensCheckedEvery;
    private WebServer server;
    private int port;
    private Thread shutdownHook;

    private BindsmithServer(Builder b) {
        this.config = b.config;
        this.gate = new ShutdownGate();
        this.tokens = b.config.tokensFile().map(TokenStore::of).orElse(TokenStore.none());
        this.tokensCheckedEvery = b.tokensCheckedEvery;
        this.routing =
                routes(b.config, b.useCases, b.readiness, b.clock, b.random, b.metrics, gate, tokens, b.auditLog);
    }

    /** A server for the use cases of one process (build them once: {@link UseCases#of}). */
    public static Builder builder(UseCases useCases, ReadinessProbe readiness, HttpServerConfig config) {
        return new Builder(useCases, readiness, config);
    }

    /**
     * Builds, on the calling thread, what every server of this process shares and Helidon builds on
     * first use: its global service registry (found by reading the service metadata of every jar on
     * the class path) and the routing classes made from it. The first {@link #start()} does it
     * otherwise; {@code bindsmith serve} calls it on another thread while its backend opens, so that
     * the two overlap, and waits for it before building its server.
     *
     * <p>It also gives Helidon one mapper manager for the process ({@code HelidonMappers}): without it
     * Helidon searches its registry for a new one on every request. That only works before anything in
     * the process has used Helidon's mappers (Helidon warns otherwise), so it is done here, where a
     * process starts, and not by {@link #start()}: a service that embeds the server and wants it calls
     * this first.
     */
    public static void prepare() {
        HelidonMappers.pin();
        // initializing the routing classes creates the registry (their empty routing's parameters find
        // their mappers there); the builder itself is thrown away
        HttpRouting.builder();
    }

    /** Every route group, on one pipeline, with no scoped tokens and no audit log kept. */
    static ApiRouting routes(
            HttpServerConfig config,
            UseCases useCases,
            ReadinessProbe readiness,
            Clock clock,
            Supplier<? extends RandomGenerator> random,
            Metrics metrics,
            ShutdownGate gate) {
        return routes(config, useCases, readiness, clock, random, metrics, gate, TokenStore.none(), AuditLog.none());
    }

    /** Every route group, on one pipeline. A new group is one more {@code add}. */
    static ApiRouting routes(
            HttpServerConfig config,
            UseCases useCases,
            ReadinessProbe readiness,
            Clock clock,
            Supplier<? extends RandomGenerator> random,
            Metrics metrics,
            ShutdownGate gate,
            TokenStore tokens,
            AuditLog auditLog) {
        // the store's count: no list of every zone built for a gauge
        metrics.zonesManaged(() -> OptionalLong.of(useCases.zones().count()));
        GuardedApi api = new GuardedApi(new JsonApi(useCases, clock), useCases, auditLog, clock);
        return new ApiRouting(config, clock, random, metrics, gate, tokens)
                .add(new HealthRoutes(readiness, clock))
                .add(new ZoneRoutes(api))
                .add(new ServerRoutes(api))
                .add(new RecordRoutes(api))
                .add(new FleetRoutes(api))
                .add(new AuditRoutes(api))
                .add(new MetricsRoutes(metrics))
                .add(new OpenApiRoutes())
                .add(new PageRoutes(config.pages()));
    }

    /** Binds and starts listening; stops the server gracefully when the JVM is asked to exit. */
    public synchronized BindsmithServer start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        if (config.insecureOverrideInEffect()) {
            LOG.warn("BINDSMITH_ALLOW_INSECURE: listening on " + config.host()
                    + " WITHOUT authentication; anyone who can reach it can change zones");
        } else if (!config.authRequired()) {
            LOG.warn("authentication is off (no BIND_API_TOKEN, or DISABLE_AUTH): loopback listener only");
        }
        WebServerConfig.Builder b = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .shutdownHook(false)
                .routing(routing::install);
        routing.configure(b);
        // Helidon does not throw when the port is taken: it logs a stack trace and returns a server that
        // is not running (port -1). Check first, for a clean message naming the variable.
        refuseTakenPort();
        WebServer started = b.build().start();
        if (!started.isRunning()) {
            started.stop();
            throw portInUse();
        }
        server = started;
        port = server.port();
        tokens.watch(tokensCheckedEvery);
        shutdownHook = new Thread(this::stop, "bindsmith-http-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        LOG.info("bindsmith HTTP API listening on {}:{}", config.host(), server.port());
        return this;
    }

    private void refuseTakenPort() {
        if (config.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()));
        } catch (BindException e) {
            throw portInUse();
        } catch (IOException e) {
            // Not a verdict on the port: Helidon's own start says what is wrong.
        }
    }

    private ConfigException portInUse() {
        return new ConfigException(
                "API_PORT",
                "cannot listen on " + config.host() + ":" + config.port()
                        + " (address in use); is another server using it? Choose another with API_PORT or --api-port");
    }

    /**
     * Reads the tokens file again now (what SIGHUP does); a file that does not parse keeps the tokens in
     * force and says why. The file is also re-read on its own whenever it changes.
     */
    public TokenStore.Reload reloadTokens() {
        return tokens.reload();
    }

    /** The port it listens (or listened) on: useful when the configured port was 0. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return port;
    }

    /**
     * Graceful stop: new requests get 503 "Server is shutting down" while those in flight finish (at
     * most the configured grace), then the listener closes. Calling it again does nothing.
     */
    public void stop() {
        WebServer running;
        synchronized (this) {
            running = server;
            if (running == null || gate.isClosed()) {
                return;
            }
            gate.close();
        }
        try {
            if (!gate.awaitIdle(config.shutdownGrace())) {
                LOG.warn("shutdown grace of " + config.shutdownGrace().toSeconds()
                        + " s passed with requests still in flight");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.stop();
        tokens.close();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyExiting) {
                // The JVM is shutting down; the hook is running or will find nothing to do.
            }
        }
        LOG.info("bindsmith HTTP API stopped");
    }

    /** The project version the build wrote into {@code version.properties}; "dev" when it is missing. */
    static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = BindsmithServer.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").strip();
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // Fall through to the manifest: a version is for display only.
        }
        String v = BindsmithServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Optional parts: the clock (tokens' expiry, rate limits), randomness (request ids), the metrics registry. */
    public static final class Builder {
        private final UseCases useCases;
        private final ReadinessProbe readiness;
        private final HttpServerConfig config;
        private Clock clock = Clock.systemUTC();
        private Supplier<? extends RandomGenerator> random = sharedSecureRandom();
        private Metrics metrics = new Metrics();
        private AuditLog auditLog = AuditLog.none();
        private Duration tokensCheckedEvery = Duration.ofSeconds(2);

        private Builder(UseCases useCases, ReadinessProbe readiness, HttpServerConfig config) {
            this.useCases = Objects.requireNonNull(useCases, "useCases");
            this.readiness = Objects.requireNonNull(readiness, "readiness");
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder random(Supplier<? extends RandomGenerator> random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The registry to use, for example one a {@link MeteredNameServerControl} also reports to. */
        public Builder metrics(Metrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** Where every change is recorded before it is answered (default: nowhere). The caller closes it. */
        public Builder auditLog(AuditLog auditLog) {
            this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
            return this;
        }

        /** How often the tokens file is checked for a change (default 2 s). */
        public Builder tokensCheckedEvery(Duration period) {
            this.tokensCheckedEvery = Objects.requireNonNull(period, "period");
            return this;
        }

        private static Supplier<RandomGenerator> sharedSecureRandom() {
            RandomGenerator shared = new SecureRandom();
            return () -> shared;
        }

        public BindsmithServer build() {
            return new BindsmithServer(this);
        }
    }
}
