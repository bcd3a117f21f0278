package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PUBLIC;

import io.helidon.http.HeaderNames;
import java.util.Map;

/**
 * {@code GET /metrics}: the Prometheus text (OpenMetrics when the scraper's {@code Accept} asks for
 * it), at the root as in the reference, with the JVM and process collectors. Public, not rate-limited.
 */
final class MetricsRoutes implements RouteGroup {
    private final Metrics metrics;

    MetricsRoutes(Metrics metrics) {
        this.metrics = metrics;
        metrics.includeRuntime();
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get("/metrics", PUBLIC, r -> {
            var exposition = metrics.scrape(r.header(HeaderNames.ACCEPT).orElse(""));
            return new Reply.Text(200, exposition.contentType(), exposition.body(), Map.of());
        });
    }
}
