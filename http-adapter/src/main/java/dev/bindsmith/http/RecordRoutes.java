package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PROTECTED;

import dev.bindsmith.http.access.GuardedApi;
import dev.bindsmith.http.json.RecordListQuery;

/**
 * {@code /api/v1/zones/{name}/records}: the reference's POST (201), PUT (200) and DELETE (200, body
 * required), plus PATCH (an atomic change set, {@code ?dryRun=true}) and GET (a page of records,
 * {@code ?name=&type=&cursor=&limit=}), served by {@link GuardedApi}.
 */
final class RecordRoutes implements RouteGroup {
    static final String RECORDS = "/api/v1/zones/{name}/records";

    private final GuardedApi api;

    RecordRoutes(GuardedApi api) {
        this.api = api;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.post(RECORDS, PROTECTED, r -> r.withJson(body -> api.addRecord(r.caller(), r.param("name"), body)));
        routes.put(RECORDS, PROTECTED, r -> r.withJson(body -> api.updateRecord(r.caller(), r.param("name"), body)));
        routes.delete(RECORDS, PROTECTED, r -> r.withJson(body -> api.removeRecord(r.caller(), r.param("name"), body)));
        routes.patch(
                RECORDS,
                PROTECTED,
                r -> r.withJson(body -> api.applyRecords(r.caller(), r.param("name"), body, r.query("dryRun"))));
        routes.get(
                RECORDS,
                PROTECTED,
                r -> r.guarded(api.listRecords(
                        r.caller(),
                        r.param("name"),
                        new RecordListQuery(r.query("name"), r.query("type"), r.query("cursor"), r.query("limit")))));
    }
}
