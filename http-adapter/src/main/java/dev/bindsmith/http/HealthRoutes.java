package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PUBLIC;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.http.json.Bodies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/health} (the process answers: 200, or 503 while shutting down, which the pipeline
 * gives every route) and {@code /api/v1/ready} (503 with the checks when one fails, so that probes can
 * act on it). Both are public and not rate-limited.
 */
final class HealthRoutes implements RouteGroup {
    private final ReadinessProbe readiness;

    HealthRoutes(ReadinessProbe readiness) {
        this.readiness = readiness;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get(
                "/api/v1/health",
                PUBLIC,
                r -> Reply.json(200, Bodies.of("status", "healthy", "version", BindsmithServer.version())));
        routes.get("/api/v1/ready", PUBLIC, r -> ready());
    }

    private Reply ready() {
        List<ReadinessProbe.Check> checks = readiness.check();
        Map<String, String> results = new LinkedHashMap<>();
        checks.forEach(c -> results.put(c.name(), c.ok() ? "ok" : "failed"));
        var failed = checks.stream().filter(c -> !c.ok()).toList();
        if (failed.isEmpty()) {
            return Reply.json(200, Bodies.of("ready", true, "checks", results));
        }
        var body = Bodies.of(
                "ready",
                false,
                "checks",
                results,
                "error",
                failed.getFirst().failure(),
                "details",
                String.join(
                        "; ", failed.stream().map(ReadinessProbe.Check::failure).toList()),
                "code",
                ErrorCode.UNAVAILABLE.name());
        return new Reply.Json(503, body, Map.of(), true);
    }
}
