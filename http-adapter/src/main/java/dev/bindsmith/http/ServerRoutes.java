package dev.bindsmith.http;

import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.service.ZoneService;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.bindsmith.http.ApiRouting.Access.PROTECTED;

/** {@code /api/v1/server/…}: the name server's status and a reload of everything. */
final class ServerRoutes implements RouteGroup {
    private final ZoneService zones;

    ServerRoutes(ZoneService zones) {
        this.zones = zones;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get("/api/v1/server/status", PROTECTED, r -> OutcomeReplies.of(zones.serverStatus(), ServerRoutes::status));
        routes.post("/api/v1/server/reload", PROTECTED, r -> OutcomeReplies.of(zones.reloadServer(),
                reply -> ZoneRoutes.commandBody("Server reloaded successfully", reply)));
    }

    /** {@code status} is the raw text, as in the reference; the parsed fields sit beside it. */
    private static Map<String, Object> status(ServerStatus s) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", s.raw());
        body.put("version", s.version());
        s.zoneCount().ifPresent(n -> body.put("zoneCount", n));
        body.put("running", s.running());
        body.put("properties", s.properties());
        return body;
    }
}
