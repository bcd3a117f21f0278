package dev.bindsmith.wiring;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.ReconcileReport;
import dev.bindsmith.core.service.ZoneService;
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
    private static final System.Logger LOG = System.getLogger("dev.bindsmith.wiring");

    private final BindsmithServer server;
    private final String url;
    private final FleetDuties fleet;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread reconcile;

    private ApiServer(BindsmithServer server, String url, FleetDuties fleet, Thread reconcile) {
        this.server = server;
        this.url = url;
        this.fleet = fleet;
        this.reconcile = reconcile;
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
        // Once answering: settle what a crash or a lost reply left unfinished (its report is GET /server/reconcile).
        Thread reconcile = Thread.ofVirtual()
                .name("bindsmith-start-reconcile")
                .start(() -> reconcileAtStart(backend.useCases().zones()));
        return new ApiServer(server, "http://" + host + ":" + server.port(), fleet, reconcile);
    }

    /**
     * Builds what the HTTP server of this process shares and would otherwise build at its first
     * {@link #start}: Helidon's service registry, and the one mapper manager Helidon then uses for every
     * request instead of searching the registry for one each time ({@link BindsmithServer#prepare}; it
     * must come before anything else in the process uses Helidon). Safe to call on
     * another thread while the backend opens; the caller waits for it to finish before {@link #start},
     * so that no two threads initialize Helidon's classes at once.
     */
    public static void prepare() {
        BindsmithServer.prepare();
    }

    /**
     * The start-up reconcile: only the zones the store cannot vouch for (unfinished creates and deletes,
     * files it found), so that it costs nothing when there are none, however many zones there are.
     */
    static void reconcileAtStart(ZoneService zones) {
        switch (zones.reconcile(false, false)) {
            case Outcome.Ok<ReconcileReport> ok -> {
                ReconcileReport r = ok.value();
                if (r.findings().isEmpty()) {
                    LOG.log(System.Logger.Level.DEBUG, "start-up reconcile: nothing to settle");
                    return;
                }
                LOG.log(
                        System.Logger.Level.INFO,
                        "start-up reconcile: " + r.findings().size() + " zone(s) settled with the name server"
                                + " (GET /api/v1/server/reconcile has the report)");
                r.findings()
                        .forEach(f -> LOG.log(
                                System.Logger.Level.INFO,
                                "  " + f.zone().value() + ": "
                                        + f.problem().name().toLowerCase(java.util.Locale.ROOT)
                                        + " -> " + f.action().name().toLowerCase(java.util.Locale.ROOT) + " ("
                                        + f.details() + ")"));
            }
            case Outcome.Failure<ReconcileReport> f ->
                LOG.log(
                        System.Logger.Level.WARNING,
                        "start-up reconcile could not ask the name server (" + f.details()
                                + "); run it later with POST /api/v1/server/reconcile");
            default -> {}
        }
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
        reconcile.interrupt();
        fleet.close();
        server.stop();
        stopped.countDown();
    }
}
