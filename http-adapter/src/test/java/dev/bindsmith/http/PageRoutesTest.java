package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console at /ui/ (on by default) and Swagger UI at /api/v1/docs (off by default), as files with a strict policy. */
class PageRoutesTest {
    private final ApiFixture fx = new ApiFixture();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private String start(Map<String, String> env) {
        var config = HttpServerConfig.parse(env, Map.of());
        var routing = BindsmithServer.routes(
                config,
                fx.useCases,
                ReadinessProbe.of(fx.store, fx.control),
                fx.clock,
                () -> new SplittableRandom(3),
                new Metrics(fx.clock),
                new ShutdownGate());
        server = ApiFixture.serve(routing);
        return "http://127.0.0.1:" + server.port();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theConsoleIsServedWithAStrictPolicyAndNoToken() throws Exception {
        String base = start(Map.of("BIND_API_TOKEN", ApiFixture.TOKEN));

        var index = get(base + "/ui/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains(
                                "default-src 'none'",
                                "script-src 'self'",
                                "connect-src 'self'",
                                "frame-ancestors 'none'")
                        .doesNotContain("unsafe"));
        assertThat(index.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(index.body())
                .contains("<script src=\"/ui/console.js\"></script>")
                .doesNotContain("<script>");

        var script = get(base + "/ui/console.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body())
                .contains("sessionStorage")
                .doesNotContain("localStorage")
                .doesNotContain("innerHTML");
        assertThat(get(base + "/ui/console.css").statusCode()).isEqualTo(200);

        var redirect = get(base + "/ui");
        assertThat(redirect.statusCode()).isEqualTo(308);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/ui/");
    }

    @Test
    void onlyTheListedFilesAreServed() throws Exception {
        String base = start(Map.of());
        for (String path : new String[] {"/ui/secret.txt", "/ui/..%2F..%2Fopenapi.yaml", "/ui/a/console.js"}) {
            var r = get(base + path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
        }
    }

    @Test
    void swaggerUiIsOffByDefault() throws Exception {
        String base = start(Map.of());
        assertThat(get(base + "/api/v1/docs").statusCode()).isEqualTo(404);
        assertThat(get(base + "/api/v1/docs/swagger-ui-bundle.js").statusCode()).isEqualTo(404);
    }

    @Test
    void swaggerUiFromTheWebjarWhenEnabled() throws Exception {
        String base = start(Map.of("BIND_ENABLE_DOCS", "true"));
        var index = get(base + "/api/v1/docs");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("/api/v1/docs/swagger-ui-bundle.js", "/api/v1/docs/docs.js");
        assertThat(index.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self';"));
        var bundle = get(base + "/api/v1/docs/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(get(base + "/api/v1/docs/docs.js").body()).contains("/api/v1/openapi.yaml");
        assertThat(get(base + "/api/v1/docs/swagger-ui.css").statusCode()).isEqualTo(200);
    }

    @Test
    void theConsoleCanBeSwitchedOff() throws Exception {
        String base = start(Map.of("BINDSMITH_ENABLE_CONSOLE", "false"));
        assertThat(get(base + "/ui/").statusCode()).isEqualTo(404);
    }
}
