package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.testing.memory.Gate;
import io.helidon.common.mapper.MapperManager;
import io.helidon.webclient.http1.Http1Client;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server as the CLI's {@code serve} runs it: start, port, graceful stop, the listener's own 413. */
class BindsmithServerTest {
    private final ApiFixture fx = new ApiFixture();
    private BindsmithServer server;

    private BindsmithServer start(Map<String, String> env) {
        var config = HttpServerConfig.parse(env, Map.of("API_PORT", "0"));
        server = BindsmithServer.builder(fx.useCases, ReadinessProbe.of(fx.store, fx.control), config)
                .clock(fx.clock)
                .build()
                .start();
        return server;
    }

    @AfterEach
    void stop() {
        fx.control.clearFaults();
        if (server != null) {
            server.stop();
        }
    }

    private Http1Client client() {
        return Http1Client.builder()
                .baseUri("http://127.0.0.1:" + server.port())
                .build();
    }

    @Test
    @SuppressWarnings("removal")
    void aPreparedServerLeavesHelidonOneMapperManagerRatherThanOnePerRequest() {
        BindsmithServer.prepare();
        start(Map.of());
        assertThat(new Exchange.Request("GET", "/api/v1/health").send(client()).status())
                .isEqualTo(200);
        // Helidon's HTTP/1 connection asks for this on every request (issue 11: a registry search each time)
        assertThat(MapperManager.global()).isSameAs(MapperManager.global());
    }

    @Test
    void itListensOnLoopbackOnAnEphemeralPortWhenAskedForPortZero() {
        start(Map.of());
        assertThat(server.port()).isPositive();
        var r = new Exchange.Request("GET", "/api/v1/health").send(client());
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedAsJsonBeforeItIsSent() throws IOException {
        start(Map.of("BINDSMITH_MAX_BODY_BYTES", "100"));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/zones HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 17000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response)
                    .startsWith("HTTP/1.1 413")
                    .contains("Content-Type: application/json")
                    .contains("Connection: close")
                    .contains("\"limit\":\"100 bytes\"")
                    .contains("\"size\":\"17000000 bytes\"")
                    .contains("\"code\":\"BODY_TOO_LARGE\"")
                    .contains("\"requestId\":");
        }
    }

    @Test
    void stopLetsRequestsInFlightFinishAndTurnsNewOnesAwayWith503() throws Exception {
        start(Map.of());
        fx.createZone("inflight.example.com");
        Gate held = fx.control.hold("reload");
        var client = client();
        // Own threads: the common pool may have a single thread on a small machine.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Exchange.Response> inFlight = CompletableFuture.supplyAsync(
                () -> new Exchange.Request("POST", "/api/v1/zones/inflight.example.com/reload").send(client), threads);
        assertThat(held.awaitArrivals(1, Duration.ofSeconds(30))).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop, threads);
        Exchange.Response turnedAway = null;
        for (int i = 0; i < 3000 && turnedAway == null; i++) {
            var r = new Exchange.Request("GET", "/api/v1/zones").send(client);
            if (r.status() == 503) {
                turnedAway = r;
            } else {
                Thread.sleep(5);
            }
        }
        assertThat(turnedAway).as("a request during shutdown").isNotNull();
        assertThat(turnedAway.json().path("details").asText()).isEqualTo("Server is shutting down");
        assertThat(stopping).isNotDone();

        held.open();
        assertThat(inFlight.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        stopping.get(30, TimeUnit.SECONDS);
        threads.shutdown();
        try (Socket ignored = new Socket()) {
            assertThatThrownBy(() -> ignored.connect(new java.net.InetSocketAddress("127.0.0.1", server.port())))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotBuyANewBucket() {
        start(Map.of("RATE_LIMIT_BURST", "2"));
        var client = client();
        for (int i = 0; i < 2; i++) {
            assertThat(new Exchange.Request("GET", "/api/v1/zones")
                            .client("198.51.100." + i)
                            .send(client)
                            .status())
                    .isEqualTo(200);
        }
        var forged = new Exchange.Request("GET", "/api/v1/zones")
                .client("203.0.113.77")
                .header("X-Real-IP", "203.0.113.78")
                .send(client);
        assertThat(forged.status()).isEqualTo(429);
    }

    @Test
    void aTakenPortIsAStartupErrorNamingTheVariableNotAServerOnPortMinusOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var config = HttpServerConfig.parse(Map.of(), Map.of("API_PORT", Integer.toString(taken.getLocalPort())));
            BindsmithServer s = BindsmithServer.builder(fx.useCases, ReadinessProbe.of(fx.store, fx.control), config)
                    .clock(fx.clock)
                    .build();

            assertThatThrownBy(s::start)
                    .isInstanceOfSatisfying(
                            ConfigException.class, e -> assertThat(e.variable()).isEqualTo("API_PORT"))
                    .hasMessageStartingWith("API_PORT: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void healthReportsTheProjectVersionNotDev() {
        // The build passes the version it filtered into version.properties; a jar without it said "dev".
        assertThat(BindsmithServer.version())
                .isEqualTo(System.getProperty("bindsmith.version"))
                .isNotEqualTo("dev");
    }

    @Test
    void stoppingTwiceIsHarmless() {
        start(Map.of());
        server.stop();
        server.stop();
        assertThat(server.port()).isPositive();
    }
}
