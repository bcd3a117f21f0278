package dev.bindsmith.wiring;

import dev.bindsmith.http.BindsmithServer;
import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.http.access.TokenStore;
import dev.bindsmith.http.audit.AuditLog;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * The HTTP API running over a backend's use cases: what {@code bindsmith serve} starts. Stopping it
 * lets the requests in flight finish; the backend stays open (its owner closes it).
 */
public final class ApiServer implements AutoCloseable {
    private final BindsmithServer server;
    private final String url;
    private final FleetDuties fleet;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ApiServer(BindsmithServer server, String url, FleetDuties fleet) {
        this.server = server;
        this.url = url;
        this.fleet = fleet;
    }

    /**
     * Starts listening as {@code config} says, over {@code backend}'s use cases, readiness, metrics and
     * audit log (opened now: a server does not run without it). First, when the backend keeps a catalog
     * zone, the catalog is reconciled with the managed zones; with secondaries configured, a survey for
     * the zones-behind gauge then runs every interval.
     *
     * @throws dev.bindsmith.http.ConfigException when the port is taken (naming {@code API_PORT})
     * @throws BackendConfigurationException when the audit log cannot be written (naming {@code BINDSMITH_AUDIT_LOG})
     */
    public static ApiServer start(Backend backend, HttpServerConfig config) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(config, "config");
        AuditLog auditLog = backend.requireAuditLog();
        FleetDuties fleet = FleetDuties.start(backend);
        BindsmithServer server;
        try {
            server = BindsmithServer.builder(backend.useCases(), backend.readiness(), config)
                    .clock(backend.clock())
                    .metrics(backend.metrics())
                    .auditLog(auditLog)
                    .build()
                    .start();
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return new ApiServer(server, "http://" + host + ":" + server.port(), fleet);
    }

    /** Reads the tokens file again now (SIGHUP); a file that does not parse keeps the tokens in force. */
    public TokenStore.Reload reloadTokens() {
        return server.reloadTokens();
    }

    /** Where the API listens: {@code http://127.0.0.1:8080}. */
    public String url() {
        return url;
    }

    /**
     * Blocks until {@link #close()}. On SIGTERM or Ctrl-C the server's own shutdown hook stops taking
     * requests and lets those in flight finish, and the JVM exits with this thread still waiting: a
     * hook of ours that closed the backend would race with those requests.
     */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        fleet.close();
        server.stop();
        stopped.countDown();
    }
}
