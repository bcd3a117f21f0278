package dev.bindsmith.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.service.ZoneCreated;
import dev.bindsmith.core.service.ZoneDetails;
import dev.bindsmith.core.service.ZoneList;
import dev.bindsmith.core.service.ZonePatchRequest;
import dev.bindsmith.core.service.ZoneRequest;
import dev.bindsmith.core.service.ZoneRequests;
import dev.bindsmith.core.service.ZoneService;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.ZoneName;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.bindsmith.http.ApiRouting.Access.PROTECTED;

/** {@code /api/v1/zones…}: the zone use cases with the reference API's bodies. */
final class ZoneRoutes implements RouteGroup {
    static final String ZONES = "/api/v1/zones";
    static final String ZONE = "/api/v1/zones/{name}";

    private final ZoneService zones;
    private final Clock clock;

    ZoneRoutes(ZoneService zones, Clock clock) {
        this.zones = zones;
        this.clock = clock;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.get(ZONES, PROTECTED, r -> OutcomeReplies.of(zones.list(), ZoneRoutes::list));
        routes.post(ZONES, PROTECTED, this::create);
        routes.get(ZONE, PROTECTED, r -> OutcomeReplies.of(zones.get(r.param("name")), ZoneRoutes::details));
        routes.delete(ZONE, PROTECTED, r -> OutcomeReplies.of(zones.delete(r.param("name")), v -> v));
        routes.patch(ZONE, PROTECTED, this::modify);
        routes.get(ZONE + "/status", PROTECTED, r -> OutcomeReplies.of(zones.status(r.param("name")),
                s -> status(name(r), s)));
        command(routes, "reload", zones::reload, "Zone %s reloaded successfully");
        command(routes, "freeze", zones::freeze, "Zone %s frozen successfully");
        command(routes, "thaw", zones::thaw, "Zone %s thawed successfully");
        command(routes, "notify", zones::notify, "Notify sent for zone %s");
        command(routes, "retransfer", zones::retransfer, "Retransfer initiated for zone %s");
    }

    private static void command(ApiRouting routes, String verb, Function<String, Outcome<ControlReply>> use,
                                String message) {
        routes.post(ZONE + "/" + verb, PROTECTED, r -> OutcomeReplies.of(use.apply(r.param("name")),
                reply -> commandBody(message.formatted(name(r)), reply)));
    }

    private Reply create(ApiRequest r) {
        Outcome<JsonNode> body = r.json();
        if (!(body instanceof Outcome.Ok<JsonNode> json)) {
            return OutcomeReplies.of(body, v -> v);
        }
        RequestBodies.Read<ZoneRequest> read = RequestBodies.zone(json.value());
        ApiRouting.ignored(r, read.unknown());
        if (!read.violations().isEmpty()) {
            return OutcomeReplies.failure(withValidation(read.violations(),
                    ZoneRequests.validate(read.value(), clock)));
        }
        return OutcomeReplies.of(zones.create(read.value()), ZoneRoutes::created);
    }

    private Reply modify(ApiRequest r) {
        Outcome<JsonNode> body = r.json();
        if (!(body instanceof Outcome.Ok<JsonNode> json)) {
            return OutcomeReplies.of(body, v -> v);
        }
        RequestBodies.Read<ZonePatchRequest> read = RequestBodies.patch(json.value());
        ApiRouting.ignored(r, read.unknown());
        if (!read.violations().isEmpty()) {
            return OutcomeReplies.failure(withValidation(read.violations(), ZoneRequests.validate(read.value())));
        }
        return OutcomeReplies.of(zones.modify(r.param("name"), read.value()),
                reply -> commandBody("Zone " + name(r) + " modified successfully", reply));
    }

    /**
     * Type violations plus what validation says about the rest of the request, so a client sees every
     * problem at once; validation's complaint about a field that was of the wrong type (it saw it as
     * absent) is left out.
     */
    static Outcome.Failure<Void> withValidation(List<Violation> typeViolations, Outcome<?> validated) {
        List<Violation> all = new ArrayList<>(typeViolations);
        List<Violation> more = List.of();
        if (validated instanceof Outcome.Invalid<?> invalid) {
            more = invalid.violations();
        } else if (validated instanceof Outcome.Unprocessable<?> unprocessable) {
            more = unprocessable.violations();
        }
        for (Violation v : more) {
            boolean covered = typeViolations.stream().anyMatch(t -> v.field().equals(t.field())
                    || v.field().startsWith(t.field() + ".") || v.field().startsWith(t.field() + "["));
            if (!covered) {
                all.add(v);
            }
        }
        return Outcome.invalid(all);
    }

    static String name(ApiRequest r) {
        String raw = r.param("name");
        return ZoneName.parse(raw).map(ZoneName::value).orElse(raw);
    }

    static Map<String, Object> commandBody(String message, ControlReply reply) {
        return Reply.body("success", true, "message", message, "details", reply.text());
    }

    private static Map<String, Object> created(ZoneCreated c) {
        return Reply.body("success", true, "message", "Zone " + c.zone().value() + " created successfully",
                "zone", c.zone().value(), "zoneType", c.type().wireName(), "filePath", c.filePath(),
                "details", c.details());
    }

    private static Map<String, Object> list(ZoneList list) {
        return Reply.body("zones", list.zones().stream().map(z -> z.name().value()).toList(),
                "count", list.count(),
                "items", list.zones().stream().map(ZoneRoutes::stored).toList());
    }

    private static Map<String, Object> stored(StoredZone z) {
        return Reply.body("name", z.name().value(), "zoneType", z.type().wireName(), "filePath", z.file());
    }

    private static Map<String, Object> details(ZoneDetails d) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", d.zone().value());
        body.put("zoneType", d.status().type());
        d.status().serial().ifPresent(s -> body.put("serial", s));
        d.filePath().ifPresent(f -> body.put("filePath", f));
        statusFields(body, d.status());
        return body;
    }

    private static Map<String, Object> status(String zone, ZoneStatus s) {
        var body = new LinkedHashMap<String, Object>();
        body.put("success", true);
        body.put("message", "Zone " + zone + " status retrieved");
        body.put("details", s.raw());
        body.put("zone", s.name().value());
        body.put("zoneType", s.type());
        s.serial().ifPresent(serial -> body.put("serial", serial));
        statusFields(body, s);
        return body;
    }

    private static void statusFields(Map<String, Object> body, ZoneStatus s) {
        body.put("files", s.files());
        s.lastLoaded().ifPresent(l -> body.put("lastLoaded", l));
        s.dynamic().ifPresent(v -> body.put("dynamic", v));
        s.secure().ifPresent(v -> body.put("secure", v));
        body.put("properties", s.properties());
        body.putIfAbsent("raw", s.raw());
    }
}
