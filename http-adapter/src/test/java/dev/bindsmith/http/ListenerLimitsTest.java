package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.testing.memory.Gate;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The listener does not take unlimited connections or requests: a request over the concurrency limit
 * is turned away at once with 503 and the JSON envelope, instead of queueing behind the others. Its
 * connections send at once (no Nagle).
 */
class ListenerLimitsTest {

    @Test
    void theDefaultsBoundConnectionsAndConcurrentRequests() {
        HttpServerConfig defaults = HttpServerConfig.defaults();

        assertThat(defaults.maxConnections()).isEqualTo(1000);
        assertThat(defaults.maxConcurrentRequests()).isEqualTo(200);
    }

    @Test
    void connectionsSendWithoutNagleSoThatALargeAnswerIsNotHeldForTheClientsDelayedAck() {
        WebServerConfig.Builder server = WebServer.builder();

        new ApiFixture().api.configure(server);

        assertThat(server.connectionOptions())
                .hasValueSatisfying(o -> assertThat(o.tcpNoDelay()).isTrue());
    }

    @Test
    void aRequestOverTheConcurrencyLimitIs503WhileTheOthersFinish() throws Exception {
        ApiFixture fx = new ApiFixture();
        fx.createZone("held.example.com");
        HttpServerConfig config = HttpServerConfig.parse(
                Map.of("BIND_API_TOKEN", ApiFixture.TOKEN, "RATE_LIMIT_ENABLED", "false"),
                Map.of("API_PORT", "0", "BINDSMITH_MAX_CONCURRENT_REQUESTS", "1"));
        BindsmithServer server = BindsmithServer.builder(fx.useCases, ReadinessProbe.of(fx.store, fx.control), config)
                .clock(fx.clock)
                .build()
                .start();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (HttpClient http = HttpClient.newHttpClient()) {
            Gate held = fx.control.hold("reload");
            String base = "http://127.0.0.1:" + server.port() + "/api/v1/zones";
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                    () -> send(
                            http,
                            HttpRequest.newBuilder(URI.create(base + "/held.example.com/reload"))
                                    .POST(HttpRequest.BodyPublishers.noBody())),
                    threads);
            assertThat(held.awaitArrivals(1, Duration.ofSeconds(30))).isTrue();

            HttpResponse<String> second =
                    send(http, HttpRequest.newBuilder(URI.create(base)).GET());

            assertThat(second.statusCode()).as(second.body()).isEqualTo(503);
            assertThat(second.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
            assertThat(second.body()).contains("\"code\":\"UNAVAILABLE\"");
            held.open();
            assertThat(first.get().statusCode()).isEqualTo(200);
        } finally {
            threads.shutdownNow();
            server.stop();
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(
                    request.header("Authorization", "Bearer " + ApiFixture.TOKEN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
