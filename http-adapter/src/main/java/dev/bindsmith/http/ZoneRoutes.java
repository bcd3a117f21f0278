package dev.bindsmith.http;

import static dev.bindsmith.http.ApiRouting.Access.PROTECTED;

import dev.bindsmith.http.access.GuardedApi;
import dev.bindsmith.http.json.ZoneCommand;

/** {@code /api/v1/zones…}: the zone operations of {@link GuardedApi} with the reference API's paths. */
final class ZoneRoutes implements RouteGroup {
    static final String ZONES = "/api/v1/zones";
    static final String ZONE = "/api/v1/zones/{name}";

    private final GuardedApi api;

    ZoneRoutes(GuardedApi api) {
        this.api = api;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get(ZONES, PROTECTED, r -> r.guarded(api.listZones(r.caller(), r.query("cursor"), r.query("limit"))));
        routes.post(ZONES, PROTECTED, r -> r.withJson(body -> api.createZone(r.caller(), body)));
        routes.get(ZONE, PROTECTED, r -> r.guarded(api.getZone(r.caller(), r.param("name"))));
        routes.delete(ZONE, PROTECTED, r -> r.guarded(api.deleteZone(r.caller(), r.param("name"))));
        routes.patch(ZONE, PROTECTED, r -> r.withJson(body -> api.modifyZone(r.caller(), r.param("name"), body)));
        routes.get(ZONE + "/status", PROTECTED, r -> r.guarded(api.zoneStatus(r.caller(), r.param("name"))));
        for (ZoneCommand command : ZoneCommand.values()) {
            routes.post(
                    ZONE + "/" + command.path(),
                    PROTECTED,
                    r -> r.guarded(api.zoneCommand(r.caller(), r.param("name"), command)));
        }
    }
}
