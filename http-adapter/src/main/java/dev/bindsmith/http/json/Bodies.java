package dev.bindsmith.http.json;

import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.DnssecKey;
import dev.bindsmith.core.port.DnssecStatus;
import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.service.CatalogPage;
import dev.bindsmith.core.service.CatalogReconciliation;
import dev.bindsmith.core.service.ChangeSetResult;
import dev.bindsmith.core.service.Propagation;
import dev.bindsmith.core.service.ReconcileReport;
import dev.bindsmith.core.service.RecordChanged;
import dev.bindsmith.core.service.RecordPage;
import dev.bindsmith.core.service.ZoneCreated;
import dev.bindsmith.core.service.ZoneDetails;
import dev.bindsmith.core.service.ZoneList;
import dev.bindsmith.core.service.ZonePage;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The success bodies of the API, as ordered maps: the reference's fields first, bindsmith's beside them. */
public final class Bodies {
    private Bodies() {}

    /** A map that keeps insertion order, for bodies whose key order is part of their readability. */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // ---- zones ----

    static Map<String, Object> command(String message, ControlReply reply) {
        return of("success", true, "message", message, "details", reply.text());
    }

    static Map<String, Object> created(ZoneCreated c) {
        return of(
                "success",
                true,
                "message",
                "Zone " + c.zone().value() + " created successfully",
                "zone",
                c.zone().value(),
                "zoneType",
                c.type().wireName(),
                "filePath",
                c.filePath(),
                "details",
                c.details());
    }

    static ZoneListBody list(ZoneList list) {
        return new ZoneListBody(list.zones(), Optional.empty());
    }

    /** A page of zones: the list's fields, and {@code nextCursor} when more follow. */
    static ZoneListBody zonePage(ZonePage page) {
        return new ZoneListBody(page.zones(), page.nextCursor());
    }

    static Map<String, Object> reconcile(ReconcileReport r) {
        var actions = new java.util.TreeMap<String, Integer>();
        r.findings().forEach(f -> actions.merge(word(f.action()), 1, Integer::sum));
        return of(
                "success",
                true,
                "message",
                "Reconciled " + r.checked() + " zone" + (r.checked() == 1 ? "" : "s") + ": "
                        + r.findings().size() + " needed attention",
                "ran",
                true,
                "full",
                r.full(),
                "setAside",
                r.setAside(),
                "startedAt",
                r.startedAt().toString(),
                "durationMs",
                r.took().toMillis(),
                "checked",
                r.checked(),
                "actions",
                actions,
                "findings",
                r.findings().stream()
                        .map(f -> of(
                                "zone",
                                f.zone().value(),
                                "problem",
                                word(f.problem()),
                                "action",
                                word(f.action()),
                                "details",
                                f.details()))
                        .toList());
    }

    static Map<String, Object> lastReconcile(java.util.Optional<ReconcileReport> report) {
        return report.map(Bodies::reconcile)
                .orElseGet(() ->
                        of("success", true, "message", "No reconcile has run since the server started", "ran", false));
    }

    /** An enum constant as the API writes it: {@code UNFINISHED_CREATE} → {@code unfinished_create}. */
    private static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static Map<String, Object> details(ZoneDetails d) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", d.zone().value());
        body.put("zoneType", d.status().type());
        d.status().serial().ifPresent(s -> body.put("serial", s));
        d.filePath().ifPresent(f -> body.put("filePath", f));
        statusFields(body, d.status());
        return body;
    }

    static Map<String, Object> status(String zone, ZoneStatus s) {
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

    // ---- the server ----

    /** {@code status} is the raw text, as in the reference; the parsed fields sit beside it. */
    static Map<String, Object> server(ServerStatus s) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", s.raw());
        body.put("version", s.version());
        s.zoneCount().ifPresent(n -> body.put("zoneCount", n));
        body.put("running", s.running());
        body.put("properties", s.properties());
        return body;
    }

    // ---- records ----

    /** The reference's RecordResponse, plus what was removed and added as typed records. */
    static Map<String, Object> recordResponse(String message, RecordChanged c, Map<String, Object> record) {
        return of(
                "success",
                true,
                "message",
                message,
                "details",
                of("zone", c.zone().value(), "record", record),
                "removed",
                c.removed().stream().map(Bodies::record).toList(),
                "added",
                c.added().stream().map(Bodies::record).toList());
    }

    /** One record as the API shows it: absolute owner, type (an unknown type by its mnemonic), TTL, value. */
    public static Map<String, Object> record(Record r) {
        var map = new LinkedHashMap<String, Object>();
        map.put("name", r.owner().absolute());
        map.put(
                "type",
                r.type() == RecordType.OTHER && r.data() instanceof RData.Unknown u
                        ? u.mnemonic()
                        : r.type().name());
        r.ttl().ifPresent(ttl -> map.put("ttl", ttl));
        map.put("value", r.data().presentation());
        return map;
    }

    static Map<String, Object> changeSet(ChangeSetResult result) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (int i = 0; i < result.changes().size(); i++) {
            RecordChanged c = result.changes().get(i);
            changes.add(of(
                    "index",
                    i,
                    "operation",
                    c.operation().name().toLowerCase(Locale.ROOT),
                    "name",
                    c.owner().absolute(),
                    "type",
                    c.type().name(),
                    "removed",
                    c.removed().stream().map(Bodies::record).toList(),
                    "added",
                    c.added().stream().map(Bodies::record).toList()));
        }
        return of(
                "success",
                true,
                "message",
                (result.applied() ? "Change set applied to zone " : "Dry run: nothing changed in zone ")
                        + result.zone().value(),
                "zone",
                result.zone().value(),
                "dryRun",
                !result.applied(),
                "applied",
                result.applied(),
                "changes",
                changes);
    }

    static Map<String, Object> page(RecordPage page) {
        var body = new LinkedHashMap<String, Object>();
        body.put("zone", page.zone().value());
        body.put("records", page.records().stream().map(Bodies::record).toList());
        body.put("count", page.records().size());
        page.nextCursor().ifPresent(c -> body.put("nextCursor", c));
        return body;
    }

    // ---- the fleet: catalog, propagation, DNSSEC ----

    static Map<String, Object> catalogPage(CatalogPage page) {
        var body = new LinkedHashMap<String, Object>();
        body.put("catalog", page.catalog().value());
        body.put("serial", page.serial());
        body.put("total", page.total());
        body.put("members", page.members().stream().map(Bodies::member).toList());
        body.put("count", page.members().size());
        page.nextCursor().ifPresent(c -> body.put("nextCursor", c));
        return body;
    }

    private static Map<String, Object> member(CatalogMember m) {
        var body = new LinkedHashMap<String, Object>();
        body.put("zone", m.zone().value());
        body.put("id", m.id());
        m.group().ifPresent(g -> body.put("group", g));
        m.changeOfOwnership().ifPresent(c -> body.put("coo", c.value()));
        return body;
    }

    static Map<String, Object> reconciliation(CatalogReconciliation r) {
        var body = new LinkedHashMap<String, Object>();
        body.put("success", true);
        body.put(
                "message",
                r.changed()
                        ? "Catalog zone " + r.catalog() + " reconciled with the managed zones"
                        : "Catalog zone " + r.catalog() + " agrees with the managed zones");
        body.put("catalog", r.catalog().value());
        body.put("created", r.created());
        body.put("serialBefore", r.serialBefore());
        body.put("serialAfter", r.serialAfter());
        body.put("added", names(r.added()));
        body.put("removed", names(r.removed()));
        body.put("moved", names(r.moved()));
        r.movedFrom().ifPresent(m -> body.put("movedFrom", m.value()));
        return body;
    }

    private static List<String> names(List<ZoneName> zones) {
        return zones.stream().map(ZoneName::value).toList();
    }

    static Map<String, Object> propagation(Propagation p) {
        var body = new LinkedHashMap<String, Object>();
        body.put("zone", p.zone().value());
        p.primarySerial().ifPresent(s -> body.put("primarySerial", s));
        body.put("inSync", p.inSync());
        body.put("waitedMs", p.waited().toMillis());
        body.put("secondaries", p.secondaries().stream().map(Bodies::secondary).toList());
        return body;
    }

    private static Map<String, Object> secondary(Propagation.Secondary s) {
        var body = new LinkedHashMap<String, Object>();
        body.put("server", s.server().toString());
        body.put("state", s.state());
        s.serial().ifPresent(serial -> body.put("serial", serial));
        body.put("authoritative", s.authoritative());
        body.put("matches", s.matches());
        body.put("detail", s.detail());
        return body;
    }

    static Map<String, Object> dnssec(DnssecStatus d) {
        var body = new LinkedHashMap<String, Object>();
        body.put("zone", d.zone().value());
        body.put("signed", d.signed());
        d.policy().ifPresent(p -> body.put("policy", p));
        body.put("keys", d.keys().stream().map(Bodies::key).toList());
        body.put(
                "ds",
                d.ds().stream()
                        .map(ds -> Bodies.of(
                                "keyTag", ds.keyTag(),
                                "algorithm", ds.algorithm(),
                                "digestType", ds.digestType(),
                                "digest", ds.digestHex(),
                                "record", d.zone().absolute() + " IN DS " + ds.presentation()))
                        .toList());
        body.put("details", d.raw());
        return body;
    }

    private static Map<String, Object> key(DnssecKey k) {
        var body = new LinkedHashMap<String, Object>();
        body.put("tag", k.tag());
        body.put("algorithm", k.algorithm());
        body.put("role", k.role());
        body.put("published", k.published());
        body.put("keySigning", k.keySigning());
        body.put("zoneSigning", k.zoneSigning());
        body.put("nextEvent", k.nextEvent());
        body.put("states", k.states());
        return body;
    }
}
