package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PUBLIC;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.http.json.Bodies;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/health} (the process answers: 200, or 503 while shutting down, which the pipeline
 * gives every route) and {@code /api/v1/ready} (503 with the checks when one fails, so that probes can
 * act on it). Both are public and not rate-limited, so readiness asks the backend (an rndc
 * {@code status}, a file written and removed) at most once per {@link CachedCheck#DEFAULT_TTL}, one
 * check at a time, however many ask: probes cannot flood named or starve commands of rndc connections.
 */
final class HealthRoutes implements RouteGroup {
    private final CachedCheck<List<ReadinessProbe.Check>> readiness;

    HealthRoutes(ReadinessProbe readiness, Clock clock) {
        this.readiness = new CachedCheck<>(readiness::check, CachedCheck.DEFAULT_TTL, clock);
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
        List<ReadinessProbe.Check> checks = readiness.get();
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
