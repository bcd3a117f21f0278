package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.service.UseCases;
import dev.bindsmith.testing.MutableClock;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guessing tokens is throttled whatever the request looks like: every request that reaches a protected
 * route spends the client's rate limit before its token or its body is judged, and failed
 * authentications spend a stricter bucket of their own.
 */
class TokenGuessingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static BindsmithServer server(Map<String, String> env) {
        MutableClock clock = new MutableClock(TestClocks.INSTANT);
        InMemoryZoneStore store = new InMemoryZoneStore();
        InMemoryNameServerControl control = new InMemoryNameServerControl(store, clock);
        InMemoryRecordStore records = new InMemoryRecordStore(control);
        var config = HttpServerConfig.parse(env, Map.of("API_PORT", "0"));
        return BindsmithServer.builder(
                        UseCases.of(store, control, records, records, clock), ReadinessProbe.of(store, control), config)
                .clock(clock)
                .build()
                .start();
    }

    private static List<Integer> guesses(BindsmithServer server, int count, int bodyBytes) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/v1/zones"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer guess" + i + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(bodyBytes)))
                    .build();
            statuses.add(
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        return statuses;
    }

    @Test
    void guessesWithABodyOverTheLimitAreRateLimitedLikeAnyOther() throws Exception {
        BindsmithServer s = server(Map.of(
                "BIND_API_TOKEN", HttpServerConfigTest.STRONG,
                "BINDSMITH_MAX_BODY_BYTES", "1024",
                "RATE_LIMIT_BURST", "5"));
        try {
            List<Integer> statuses = guesses(s, 12, 2048);

            assertThat(statuses).contains(429);
            assertThat(statuses).doesNotContain(413, 200, 201);
        } finally {
            s.stop();
        }
    }

    @Test
    void failedAuthenticationsSpendAStricterBucketThanTheRateLimit() throws Exception {
        BindsmithServer s = server(Map.of(
                "BIND_API_TOKEN", HttpServerConfigTest.STRONG,
                "RATE_LIMIT_REQUESTS", "1000",
                "RATE_LIMIT_BURST", "1000"));
        try {
            List<Integer> statuses = guesses(s, 30, 2);

            assertThat(statuses.subList(0, 3)).containsOnly(401);
            assertThat(statuses.subList(20, 30)).containsOnly(429);
        } finally {
            s.stop();
        }
    }
}
