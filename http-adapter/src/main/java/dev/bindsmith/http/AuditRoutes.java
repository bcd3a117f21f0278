package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PROTECTED;

import dev.bindsmith.http.access.GuardedApi;

/** {@code GET /api/v1/audit?zone=&since=&until=&cursor=&limit=}: the audit log, as far as the token sees. */
final class AuditRoutes implements RouteGroup {
    static final String AUDIT = "/api/v1/audit";

    private final GuardedApi api;

    AuditRoutes(GuardedApi api) {
        this.api = api;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get(
                AUDIT,
                PROTECTED,
                r -> r.guarded(api.readAudit(
                        r.caller(),
                        r.query("zone"),
                        r.query("since"),
                        r.query("until"),
                        r.query("cursor"),
                        r.query("limit"))));
    }
}
