package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PROTECTED;

import dev.bindsmith.http.json.JsonApi;

/**
 * {@code /api/v1/server/…}: the name server's status, a reload of everything, and the reconcile of the
 * zone store with the name server (the last report, or a new one).
 */
final class ServerRoutes implements RouteGroup {
    private final JsonApi api;

    ServerRoutes(JsonApi api) {
        this.api = api;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get("/api/v1/server/status", PROTECTED, r -> r.answer(api.serverStatus()));
        routes.post("/api/v1/server/reload", PROTECTED, r -> r.answer(api.reloadServer()));
        routes.get("/api/v1/server/reconcile", PROTECTED, r -> r.answer(api.lastReconcile()));
        routes.post(
                "/api/v1/server/reconcile",
                PROTECTED,
                r -> r.answer(api.reconcile(r.query("full"), r.query("setAside"))));
    }
}
