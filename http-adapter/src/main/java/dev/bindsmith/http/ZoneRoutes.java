package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PROTECTED;

import dev.bindsmith.http.json.JsonApi;
import dev.bindsmith.http.json.ZoneCommand;

/** {@code /api/v1/zones…}: the zone operations of {@link JsonApi} with the reference API's paths. */
final class ZoneRoutes implements RouteGroup {
    static final String ZONES = "/api/v1/zones";
    static final String ZONE = "/api/v1/zones/{name}";

    private final JsonApi api;

    ZoneRoutes(JsonApi api) {
        this.api = api;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get(ZONES, PROTECTED, r -> r.answer(api.listZones(r.query("cursor"), r.query("limit"))));
        routes.post(ZONES, PROTECTED, r -> r.withJson(api::createZone));
        routes.get(ZONE, PROTECTED, r -> r.answer(api.getZone(r.param("name"))));
        routes.delete(ZONE, PROTECTED, r -> r.answer(api.deleteZone(r.param("name"))));
        routes.patch(ZONE, PROTECTED, r -> r.withJson(body -> api.modifyZone(r.param("name"), body)));
        routes.get(ZONE + "/status", PROTECTED, r -> r.answer(api.zoneStatus(r.param("name"))));
        for (ZoneCommand command : ZoneCommand.values()) {
            routes.post(
                    ZONE + "/" + command.path(), PROTECTED, r -> r.answer(api.zoneCommand(r.param("name"), command)));
        }
    }
}
