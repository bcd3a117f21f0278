package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A body whose declared Content-Length is over the limit is refused without being read, by the pipeline
 * after the rate limit and the token: a wrong token learns nothing about the body, and every such request
 * is counted ({@link TokenGuessingTest}).
 */
class DeclaredTooLargeBodyTest {
    private static final ApiFixture FIXTURE = new ApiFixture();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String OVER_THE_LIMIT = "x".repeat((int) ApiFixture.BODY_LIMIT + 100);
    private static WebServer server;

    @BeforeAll
    static void start() {
        server = ApiFixture.serve(FIXTURE.api);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> post(String path, Optional<String> token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", FIXTURE.freshClient())
                .POST(HttpRequest.BodyPublishers.ofString(OVER_THE_LIMIT));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWrongTokenIs401NotTheBodySize() throws Exception {
        HttpResponse<String> r = post("/api/v1/zones", Optional.of("wrong-token"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("code").asText()).isEqualTo("AUTH_FAILED");
        assertThat(body.path("requestId").asText())
                .isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void noTokenOnARouteWithAZoneNameIs401() throws Exception {
        HttpResponse<String> r = post("/api/v1/zones/example.com/records", Optional.empty());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("AUTH_REQUIRED");
    }

    @Test
    void theRightTokenGetsTheSizeVerdict() throws Exception {
        HttpResponse<String> r = post("/api/v1/zones", Optional.of(ApiFixture.TOKEN));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("code").asText()).isEqualTo("BODY_TOO_LARGE");
        assertThat(body.path("size").asText()).isEqualTo(OVER_THE_LIMIT.length() + " bytes");
    }
}
