package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PROTECTED;

import dev.bindsmith.http.json.JsonApi;

/**
 * The routes of a fleet of name servers: the catalog zone ({@code /api/v1/catalog}, its reconciliation),
 * how far a zone has propagated to the secondaries, and a zone's DNSSEC keys, served by {@link JsonApi}.
 */
final class FleetRoutes implements RouteGroup {
    static final String CATALOG = "/api/v1/catalog";
    static final String ZONE = "/api/v1/zones/{name}";

    private final JsonApi api;

    FleetRoutes(JsonApi api) {
        this.api = api;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get(CATALOG, PROTECTED, r -> r.answer(api.catalog(r.query("cursor"), r.query("limit"))));
        routes.post(CATALOG + "/reconcile", PROTECTED, r -> r.answer(api.reconcileCatalog()));
        routes.get(ZONE + "/propagation", PROTECTED, r -> r.answer(api.propagation(r.param("name"), r.query("wait"))));
        routes.get(ZONE + "/dnssec", PROTECTED, r -> r.answer(api.dnssecStatus(r.param("name"))));
        routes.post(
                ZONE + "/dnssec/rollover",
                PROTECTED,
                r -> r.withJson(body -> api.dnssecRollover(r.param("name"), body)));
        routes.post(
                ZONE + "/dnssec/checkds", PROTECTED, r -> r.withJson(body -> api.dnssecCheckds(r.param("name"), body)));
    }
}
