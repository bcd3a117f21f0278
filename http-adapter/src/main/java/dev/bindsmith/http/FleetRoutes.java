package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PROTECTED;

import dev.bindsmith.http.access.GuardedApi;

/**
 * The routes of a fleet of name servers: the catalog zone ({@code /api/v1/catalog}, its reconciliation),
 * how far a zone has propagated to the secondaries, and a zone's DNSSEC keys, served by {@link GuardedApi}.
 */
final class FleetRoutes implements RouteGroup {
    static final String CATALOG = "/api/v1/catalog";
    static final String ZONE = "/api/v1/zones/{name}";

    private final GuardedApi api;

    FleetRoutes(GuardedApi api) {
        this.api = api;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get(CATALOG, PROTECTED, r -> r.guarded(api.catalog(r.caller(), r.query("cursor"), r.query("limit"))));
        routes.post(CATALOG + "/reconcile", PROTECTED, r -> r.guarded(api.reconcileCatalog(r.caller())));
        routes.get(
                ZONE + "/propagation",
                PROTECTED,
                r -> r.guarded(api.propagation(r.caller(), r.param("name"), r.query("wait"))));
        routes.get(ZONE + "/dnssec", PROTECTED, r -> r.guarded(api.dnssecStatus(r.caller(), r.param("name"))));
        routes.post(
                ZONE + "/dnssec/rollover",
                PROTECTED,
                r -> r.withJson(body -> api.dnssecRollover(r.caller(), r.param("name"), body)));
        routes.post(
                ZONE + "/dnssec/checkds",
                PROTECTED,
                r -> r.withJson(body -> api.dnssecCheckds(r.caller(), r.param("name"), body)));
    }
}
