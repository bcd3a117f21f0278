package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PUBLIC;

import java.util.Map;

/** {@code GET /metrics}: the Prometheus text, at the root as in the reference. Public, not rate-limited. */
final class MetricsRoutes implements RouteGroup {
    private final Metrics metrics;

    MetricsRoutes(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get(
                "/metrics",
                PUBLIC,
                r -> new Reply.Text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape(), Map.of()));
    }
}
