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
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get("/metrics", PUBLIC, r -> {
            // registered at the first scrape, not at start: the JVM and process collectors' management
            // beans were a sixth of serve's start-up CPU (JFR), for a server nobody may ever scrape
            metrics.includeRuntime();
            var exposition = metrics.scrape(r.header(HeaderNames.ACCEPT).orElse(""));
            return new Reply.Text(200, exposition.contentType(), exposition.body(), Map.of());
        });
    }
}
