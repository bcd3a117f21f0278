package dev.bindsmith.http;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.UseCases;
import dev.bindsmith.core.service.ZoneService;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.http.access.ScopedToken;
import dev.bindsmith.http.access.TokenStore;
import dev.bindsmith.http.audit.FileAuditLog;
import dev.bindsmith.testing.MutableClock;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.InMemoryDnssecControl;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemorySoaProbe;
import dev.bindsmith.testing.memory.InMemoryZoneCatalog;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One API over in-memory adapters, as the HTTP tests use it: a token, an expired token, a trusted
 * proxy (so each test can be its own client through X-Forwarded-For), a small body limit, a clock
 * the test moves, and a store that can be made to throw.
 */
final class ApiFixture {
    static final String TOKEN = "7f3a9c1e5b2d8f0a4c6e1b3d5f7a9c2e";
    static final String EXPIRED_TOKEN = "e4b1d7a0c3f6e9b2d5a8c1f4e7b0d3a6";
    static final String FUTURE_TOKEN = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
    /** Scoped tokens of the tokens file: read on every contract zone (z…example.com). */
    static final String READ_TOKEN = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    /** Write, on zones that none of the contract's are. */
    static final String ELSEWHERE_TOKEN = "2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e";
    /** Write, on every contract zone, only A and TXT records. */
    static final String A_TXT_TOKEN = "3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f";
    /** Write, from 192.0.2.0/24 only (the contract's clients are 10.x.x.x). */
    static final String NETWORK_TOKEN = "4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";
    /** Read, expired. */
    static final String EXPIRED_SCOPED_TOKEN = "5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081";

    static final long BODY_LIMIT = 4096;
    static final int BURST = 10;
    static final ZoneName CATALOG = ZoneName.of("catalog.bindsmith.invalid");
    static final Endpoint SECONDARY_1 = Records.endpoint("192.0.2.201", 5301);
    static final Endpoint SECONDARY_2 = Records.endpoint("192.0.2.202", 5302);

    final MutableClock clock = new MutableClock(TestClocks.INSTANT);
    final InMemoryZoneStore memory = new InMemoryZoneStore();
    final ThrowingZoneStore store = new ThrowingZoneStore(memory);
    final InMemoryNameServerControl control = new InMemoryNameServerControl(memory, clock);
    final InMemoryRecordStore recordStore = new InMemoryRecordStore(control);
    final InMemoryZoneCatalog catalog = new InMemoryZoneCatalog(CATALOG);
    final InMemorySoaProbe probe = new InMemorySoaProbe();
    final UseCases useCases = UseCases.builder(store, control, recordStore, recordStore, clock)
            .catalog(catalog)
            .secondaries(List.of(SECONDARY_1, SECONDARY_2), probe)
            .propagationPause(clock::advance)
            .dnssec(new InMemoryDnssecControl(control, clock))
            .build();
    final ZoneService zones = useCases.zones();
    final Metrics metrics = new Metrics();
    final ShutdownGate gate = new ShutdownGate();
    final HttpServerConfig config;
    final TokenStore tokens;
    final FileAuditLog audit;
    final ApiRouting api;
    private final SplittableRandom random = new SplittableRandom(42);
    private final AtomicInteger clients = new AtomicInteger();

    ApiFixture() {
        this.config = HttpServerConfig.parse(
                Map.of(
                        "BIND_API_TOKEN", TOKEN,
                        "BIND_API_TOKEN_FILE", tokenFile().toString(),
                        "BINDSMITH_TOKENS_FILE", scopedTokensFile().toString(),
                        "TRUSTED_PROXIES", "127.0.0.1,::1",
                        "BINDSMITH_MAX_BODY_BYTES", Long.toString(BODY_LIMIT),
                        "RATE_LIMIT_BURST", Integer.toString(BURST)),
                Map.of());
        this.tokens = TokenStore.of(config.tokensFile().orElseThrow());
        try {
            Path dir = Files.createTempDirectory("bindsmith-audit");
            dir.toFile().deleteOnExit();
            this.audit = FileAuditLog.open(dir.resolve("audit.log"), 1 << 24, 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.api = routing(gate);
        Outcomes.ok(catalog.ensureExists());
    }

    /** The same API over a server without a fleet: no catalog, no secondaries, no DNSSEC. */
    ApiRouting routingWithoutFleet() {
        return BindsmithServer.routes(
                config,
                UseCases.of(store, control, recordStore, recordStore, clock),
                ReadinessProbe.of(store, control),
                clock,
                () -> random,
                metrics,
                gate);
    }

    ApiRouting routing(ShutdownGate g) {
        return BindsmithServer.routes(
                config, useCases, ReadinessProbe.of(store, control), clock, () -> random, metrics, g, tokens, audit);
    }

    void install(HttpRouting.Builder routing) {
        api.install(routing);
    }

    /** A real server on 127.0.0.1 and a free port, serving {@code routing} with its listener settings (body limit). */
    static WebServer serve(ApiRouting routing) {
        WebServerConfig.Builder b = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .shutdownHook(false)
                .routing(routing::install);
        routing.configure(b);
        return b.build().start();
    }

    /** A client address no other request used, so its rate-limit bucket is full. */
    String freshClient() {
        int n = clients.incrementAndGet();
        return "10." + (n >> 16 & 0xFF) + "." + (n >> 8 & 0xFF) + "." + (n & 0xFF);
    }

    /** Creates a primary zone straight through the service (not the API under test). */
    void createZone(String name) {
        var created = zones.create(TestZones.request(name).build());
        if (!(created instanceof Outcome.Created<?>)) {
            throw new IllegalStateException("fixture zone not created: " + created);
        }
    }

    /** Switches every fault off. */
    void reset() {
        memory.failWrites(false).failDeletes(false).unusable(false);
        store.explode(false);
        control.clearFaults();
        catalog.refuse(false).unreachable(false);
        probe.clear();
    }

    private static Path scopedTokensFile() {
        String json = """
                {"tokens": [
                  {"name": "reader", "sha256": "%s", "access": "read", "zones": ["*.example.com"]},
                  {"name": "elsewhere", "sha256": "%s", "access": "write", "zones": ["*.elsewhere.example"]},
                  {"name": "a-txt", "sha256": "%s", "access": "write", "zones": ["*.example.com"],
                   "recordTypes": ["A", "TXT"]},
                  {"name": "network", "sha256": "%s", "access": "write", "allowFrom": ["192.0.2.0/24"]},
                  {"name": "old", "sha256": "%s", "access": "read", "expires": "2020-01-01T00:00:00Z"}]}
                """.formatted(
                        ScopedToken.sha256Of(READ_TOKEN),
                        ScopedToken.sha256Of(ELSEWHERE_TOKEN),
                        ScopedToken.sha256Of(A_TXT_TOKEN),
                        ScopedToken.sha256Of(NETWORK_TOKEN),
                        ScopedToken.sha256Of(EXPIRED_SCOPED_TOKEN));
        try {
            Path file = Files.createTempFile("bindsmith-scoped-tokens", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tokenFile() {
        try {
            Path file = Files.createTempFile("bindsmith-tokens", ".txt");
            file.toFile().deleteOnExit();
            Files.writeString(
                    file,
                    "# test tokens\n" + EXPIRED_TOKEN + " expires=2020-01-01T00:00:00Z\n" + FUTURE_TOKEN
                            + " expires=2099-01-01T00:00:00Z\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
