package dev.bindsmith.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.service.RecordRequest;
import dev.bindsmith.core.service.SoaRequest;
import dev.bindsmith.core.service.ZoneConfigRequest;
import dev.bindsmith.core.service.ZonePatchRequest;
import dev.bindsmith.core.service.ZoneRequest;
import dev.bindsmith.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON trees into the core's request records, with the reference API's camelCase names. Values are
 * not judged here (that is the core's validation); only JSON types are. Each result carries the
 * request as far as it could be read, the type violations, and the unknown fields that were ignored.
 */
final class RequestBodies {

    /** A request read from JSON: the value, the fields of the wrong JSON type, the fields ignored. */
    record Read<T>(T value, List<Violation> violations, Set<String> unknown) {
        Read {
            violations = List.copyOf(violations);
            unknown = Set.copyOf(unknown);
        }
    }

    static final Set<String> ZONE_FIELDS =
            Set.of("zoneName", "zoneType", "zoneConfig", "updateKeyName", "catalogGroup");
    static final Set<String> CONFIG_FIELDS = Set.of(
            "ttl",
            "soa",
            "nameServers",
            "nameServerIps",
            "records",
            "primaries",
            "alsoNotify",
            "allowTransfer",
            "dnssecPolicy",
            "inlineSigning");
    static final Set<String> SOA_FIELDS =
            Set.of("primaryNs", "adminEmail", "serial", "refresh", "retry", "expire", "negativeTtl");
    static final Set<String> RECORD_FIELDS = Set.of("name", "type", "value", "ttl", "priority");
    static final Set<String> PATCH_FIELDS = Set.of("alsoNotify", "allowTransfer", "allowUpdate");

    private RequestBodies() {}

    static Read<ZoneRequest> zone(JsonNode body) {
        var f = new JsonFields();
        Optional<JsonNode> root = f.root(body);
        if (root.isEmpty()) {
            return new Read<>(
                    new ZoneRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                    f.violations(),
                    f.unknown());
        }
        JsonNode r = root.get();
        f.expect(r, "", ZONE_FIELDS);
        var request = new ZoneRequest(
                f.string(r, "", "zoneName"),
                f.string(r, "", "zoneType"),
                f.object(r, "", "zoneConfig").map(c -> zoneConfig(f, c, "zoneConfig")),
                f.string(r, "", "updateKeyName"),
                f.string(r, "", "catalogGroup"));
        return new Read<>(request, f.violations(), f.unknown());
    }

    static Read<ZonePatchRequest> patch(JsonNode body) {
        var f = new JsonFields();
        Optional<JsonNode> root = f.root(body);
        if (root.isEmpty()) {
            return new Read<>(
                    new ZonePatchRequest(Optional.empty(), Optional.empty(), Optional.empty()),
                    f.violations(),
                    f.unknown());
        }
        JsonNode r = root.get();
        f.expect(r, "", PATCH_FIELDS);
        var request = new ZonePatchRequest(
                f.strings(r, "", "alsoNotify"), f.strings(r, "", "allowTransfer"), f.strings(r, "", "allowUpdate"));
        return new Read<>(request, f.violations(), f.unknown());
    }

    /** One record object (inside {@code zoneConfig.records} or a records request) at {@code path}. */
    static RecordRequest record(JsonFields f, JsonNode r, String path) {
        f.expect(r, path, RECORD_FIELDS);
        return new RecordRequest(
                f.string(r, path, "name"),
                f.string(r, path, "type"),
                f.string(r, path, "value"),
                f.integer(r, path, "ttl"),
                f.integer(r, path, "priority"));
    }

    private static ZoneConfigRequest zoneConfig(JsonFields f, JsonNode c, String path) {
        f.expect(c, path, CONFIG_FIELDS);
        List<RecordRequest> records = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : f.objects(c, path, "records")) {
            records.add(record(f, e.getValue(), e.getKey()));
        }
        return new ZoneConfigRequest(
                f.integer(c, path, "ttl"),
                f.object(c, path, "soa").map(s -> soa(f, s, JsonFields.join(path, "soa"))),
                f.strings(c, path, "nameServers").orElse(List.of()),
                f.stringMap(c, path, "nameServerIps"),
                records,
                f.strings(c, path, "primaries").orElse(List.of()),
                f.strings(c, path, "alsoNotify").orElse(List.of()),
                f.strings(c, path, "allowTransfer").orElse(List.of()),
                f.string(c, path, "dnssecPolicy"),
                f.bool(c, path, "inlineSigning"));
    }

    private static SoaRequest soa(JsonFields f, JsonNode s, String path) {
        f.expect(s, path, SOA_FIELDS);
        return new SoaRequest(
                f.string(s, path, "primaryNs"),
                f.string(s, path, "adminEmail"),
                f.integer(s, path, "serial"),
                f.integer(s, path, "refresh"),
                f.integer(s, path, "retry"),
                f.integer(s, path, "expire"),
                f.integer(s, path, "negativeTtl"));
    }
}
