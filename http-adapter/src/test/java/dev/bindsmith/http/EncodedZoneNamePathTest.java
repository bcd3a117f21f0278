package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Zone names with a percent-encoded slash, sent byte for byte as a client such as curl sends them
 * (the Helidon test client would encode the '%' again). The server decodes the path before routing,
 * so such a name matches no route; it must still be a 400 invalid zone name, never a 404 "no endpoint".
 */
class EncodedZoneNamePathTest {
    private static final ApiFixture FIXTURE = new ApiFixture();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = ApiFixture.serve(FIXTURE.api);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> send(String method, String rawPath, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + rawPath))
                .header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", FIXTURE.freshClient())
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /api/v1/zones/..%2F..%2Fetc",
        "GET, /api/v1/zones/a%2Fb",
        "GET, /api/v1/zones/..%2f..%2fetc/status",
        "DELETE, /api/v1/zones/..%2F..%2Fetc",
        "POST, /api/v1/zones/a%2F..%2Fb/reload",
        "GET, /api/v1/zones/%2E%2E%2Fetc/records"
    })
    void aZoneNameWithAnEncodedSlashIsAnInvalidZoneNameOnEveryRoute(String method, String rawPath) throws Exception {
        HttpResponse<String> r = send(method, rawPath, ApiFixture.TOKEN);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("code").asText()).isEqualTo("INVALID_ZONE_NAME");
        assertThat(body.path("details").asText()).startsWith("Invalid zone name");
        assertThat(r.body()).doesNotContain("etc");
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/v1/zones/..%2F..%2Fetc", "POST, /api/v1/zones/a%2Fb/freeze"})
    void itIsJudgedAfterTheTokenLikeAnyZoneRoute(String method, String rawPath) throws Exception {
        HttpResponse<String> r = send(method, rawPath, "wrong-token");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("AUTH_FAILED");
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/v1/zonesx/a%2Fb", "GET, /api/v1/other/a%2Fb"})
    void otherUnknownPathsStayEndpointNotFound(String method, String rawPath) throws Exception {
        HttpResponse<String> r = send(method, rawPath, ApiFixture.TOKEN);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("ENDPOINT_NOT_FOUND");
    }
}
