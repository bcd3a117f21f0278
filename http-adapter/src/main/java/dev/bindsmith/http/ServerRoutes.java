package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PROTECTED;

import dev.bindsmith.http.access.GuardedApi;

/**
 * {@code /api/v1/server/…}: the name server's status, a reload of everything, and the reconcile of the
 * zone store with the name server (the last report, or a new one).
 */
final class ServerRoutes implements RouteGroup {
    private final GuardedApi api;

    ServerRoutes(GuardedApi api) {
        this.api = api;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get("/api/v1/server/status", PROTECTED, r -> r.guarded(api.serverStatus(r.caller())));
        routes.post("/api/v1/server/reload", PROTECTED, r -> r.guarded(api.reloadServer(r.caller())));
        routes.get("/api/v1/server/reconcile", PROTECTED, r -> r.guarded(api.lastReconcile(r.caller())));
        routes.post(
                "/api/v1/server/reconcile",
                PROTECTED,
                r -> r.guarded(api.reconcile(r.caller(), r.query("full"), r.query("setAside"))));
    }
}
