package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/ready} is public: however many ask, the backend is checked at most once per period
 * and one check at a time, and authenticated commands are answered while a slow check runs.
 */
class ReadinessUnderLoadTest {
    private final ApiFixture fx = new ApiFixture();
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final CountDownLatch checking = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private WebServer server;

    private final ReadinessProbe slowProbe = () -> {
        checks.incrementAndGet();
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        checking.countDown();
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        return List.of(new ReadinessProbe.Check("name_server", true, "Name server not responding"));
    };

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void manyProbesCostOneCheckAndCommandsAreAnsweredMeanwhile() throws Exception {
        var routing = BindsmithServer.routes(
                fx.config,
                fx.useCases,
                slowProbe,
                fx.clock,
                () -> new SplittableRandom(7),
                new Metrics(fx.clock),
                new ShutdownGate());
        server = ApiFixture.serve(routing);
        String base = "http://127.0.0.1:" + server.port();
        try (HttpClient http = HttpClient.newHttpClient()) {
            List<CompletableFuture<HttpResponse<String>>> probes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                probes.add(http.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            assertThat(checking.await(30, TimeUnit.SECONDS)).isTrue();

            // While the one check is held, an authenticated command is answered.
            var zones = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/zones"))
                            .header("Authorization", "Bearer " + ApiFixture.TOKEN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(zones.statusCode()).as(zones.body()).isEqualTo(200);

            release.countDown();
            for (var probe : probes) {
                assertThat(probe.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(checks).as("backend checks for 40 probes").hasValue(1);
            assertThat(mostAtOnce).hasValue(1);

            fx.clock.advance(CachedCheck.DEFAULT_TTL);
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/ready")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(checks).hasValue(2);
        }
    }
}
