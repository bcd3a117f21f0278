package dev.bindsmith.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.CatalogQuery;
import dev.bindsmith.core.service.ChangeRequest;
import dev.bindsmith.core.service.DnssecRequest;
import dev.bindsmith.core.service.PropagationQuery;
import dev.bindsmith.core.service.RecordChanged;
import dev.bindsmith.core.service.RecordQuery;
import dev.bindsmith.core.service.RecordRemoveRequest;
import dev.bindsmith.core.service.RecordRequest;
import dev.bindsmith.core.service.RecordService;
import dev.bindsmith.core.service.RecordUpdateRequest;
import dev.bindsmith.core.service.UseCases;
import dev.bindsmith.core.service.ZonePatchRequest;
import dev.bindsmith.core.service.ZoneQuery;
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
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The bindsmith API without a transport: one method per operation, taking what a request carries
 * (path parameters, query, the body as a JSON tree) and answering the use case's outcome with the
 * API's JSON body. The HTTP routes serve it; the CLI calls it in process, so that its
 * {@code --output json} is the API's body byte for byte with no server in between.
 *
 * <p>Bodies are read with the reference API's camelCase names; a field of the wrong JSON type is a
 * violation named by its path, reported together with everything validation finds in the rest of the
 * request, and an unknown field is ignored (and returned in {@link Answer#ignored()} for the log).
 */
public final class JsonApi {
    static final Set<String> UPDATE_FIELDS = Set.of("name", "type", "currentValue", "newValue", "ttl", "priority");
    static final Set<String> REMOVE_FIELDS = Set.of("name", "type", "value");
    static final Set<String> CHANGE_SET_FIELDS = Set.of("changes");

    static final Set<String> DNSSEC_FIELDS = Set.of("keyTag", "state");

    private final ZoneService zones;
    private final RecordService records;
    private final UseCases useCases;
    private final Clock clock;

    public JsonApi(UseCases useCases, Clock clock) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.zones = useCases.zones();
        this.records = useCases.records();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- zones ----

    public Answer listZones() {
        return Answer.of(zones.list().map(Bodies::list));
    }

    /** The zones {@code visible} admits, as if no other existed (the count is theirs). */
    public Answer listZones(Predicate<ZoneName> visible) {
        return listZones(visible, Optional.empty(), Optional.empty());
    }

    /**
     * {@code GET /zones?limit=&cursor=}: with neither, every zone (the reference's {@code zones} and
     * {@code count}, bindsmith's {@code items}); with either, one page of them and {@code nextCursor}.
     */
    public Answer listZones(Optional<String> cursor, Optional<String> limit) {
        return listZones(zone -> true, cursor, limit);
    }

    /** As {@link #listZones(Optional, Optional)}, over the zones {@code visible} admits, as if no other existed. */
    public Answer listZones(Predicate<ZoneName> visible, Optional<String> cursor, Optional<String> limit) {
        Objects.requireNonNull(visible, "visible");
        return Answer.of(
                zones.list(new ZoneQuery(cursor, number(limit)), visible).map(Bodies::zonePage));
    }

    /** A page size as typed; one that is not a number is reported by the use case with the allowed range. */
    private static OptionalInt number(Optional<String> text) {
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(text.get().strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.of(-1);
        }
    }

    public Answer getZone(String name) {
        return Answer.of(zones.get(name).map(Bodies::details));
    }

    public Answer zoneStatus(String name) {
        return Answer.of(zones.status(name).map(s -> Bodies.status(shown(name), s)));
    }

    public Answer createZone(JsonNode body) {
        RequestBodies.Read<ZoneRequest> read = RequestBodies.zone(body);
        if (!read.violations().isEmpty()) {
            return new Answer(
                    withValidation(read.violations(), ZoneRequests.validate(read.value(), clock)), read.unknown());
        }
        return new Answer(widen(zones.create(read.value()).map(Bodies::created)), read.unknown());
    }

    public Answer modifyZone(String name, JsonNode body) {
        RequestBodies.Read<ZonePatchRequest> read = RequestBodies.patch(body);
        if (!read.violations().isEmpty()) {
            return new Answer(withValidation(read.violations(), ZoneRequests.validate(read.value())), read.unknown());
        }
        return new Answer(
                widen(zones.modify(name, read.value())
                        .map(reply -> Bodies.command("Zone " + shown(name) + " modified successfully", reply))),
                read.unknown());
    }

    public Answer deleteZone(String name) {
        return Answer.of(zones.delete(name));
    }

    public Answer zoneCommand(String name, ZoneCommand command) {
        var outcome = switch (command) {
            case RELOAD -> zones.reload(name);
            case FREEZE -> zones.freeze(name);
            case THAW -> zones.thaw(name);
            case NOTIFY -> zones.notify(name);
            case RETRANSFER -> zones.retransfer(name);
        };
        return Answer.of(outcome.map(reply -> Bodies.command(command.message(shown(name)), reply)));
    }

    // ---- the server ----

    public Answer serverStatus() {
        return Answer.of(zones.serverStatus().map(Bodies::server));
    }

    public Answer reloadServer() {
        return Answer.of(zones.reloadServer().map(reply -> Bodies.command("Server reloaded successfully", reply)));
    }

    /**
     * {@code POST /server/reconcile?full=&setAside=}: settles the zone store with the name server and
     * reports what it found and did. {@code full} (default true) checks every zone, not only the ones
     * the store cannot vouch for; {@code setAside} (default false) moves the files of zones the server
     * does not serve out of the way instead of only reporting them.
     */
    public Answer reconcile(Optional<String> full, Optional<String> setAside) {
        List<Violation> violations = new ArrayList<>();
        Optional<Boolean> f = flag(full, "full", violations);
        Optional<Boolean> a = flag(setAside, "setAside", violations);
        if (!violations.isEmpty()) {
            return Answer.of(Outcome.invalid(violations));
        }
        return Answer.of(zones.reconcile(f.orElse(true), a.orElse(false)).map(Bodies::reconcile));
    }

    /** {@code GET /server/reconcile}: the report of the last reconcile (the one at start, or on demand). */
    public Answer lastReconcile() {
        return Answer.of(new Outcome.Ok<>(Bodies.lastReconcile(zones.lastReconcile())));
    }

    private static Optional<Boolean> flag(Optional<String> text, String name, List<Violation> violations) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().equalsIgnoreCase("true") || text.get().equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(text.get().toLowerCase(java.util.Locale.ROOT)));
        }
        violations.add(Violation.malformed(name, "Invalid field type: " + name + " must be true or false"));
        return Optional.empty();
    }

    // ---- records ----

    /** {@code POST /zones/{zone}/records}: the reference's record body; 201 with its RecordResponse. */
    public Answer addRecord(String zone, JsonNode body) {
        return withObject(body, (f, root) -> {
            RecordRequest request = RequestBodies.record(f, root, "");
            if (!f.violations().isEmpty()) {
                Optional<ZoneName> name = ZoneName.parse(zone);
                return name.isPresent()
                        ? withValidation(f.violations(), ZoneRequests.validate(request, name.get(), ""))
                        : Outcome.invalid(f.violations());
            }
            return widen(records.add(zone, request)
                    .map(c -> Bodies.recordResponse(
                            "Record added to zone " + c.zone().value(), c, recordOf(request.name(), c))));
        });
    }

    /** {@code PUT /zones/{zone}/records}: {@code currentValue} replaced by {@code newValue}. */
    public Answer updateRecord(String zone, JsonNode body) {
        return withObject(body, (f, root) -> {
            RecordUpdateRequest request = update(f, root, "");
            if (!f.violations().isEmpty()) {
                return Outcome.invalid(f.violations());
            }
            return widen(records.update(zone, request).map(c -> {
                var record = new LinkedHashMap<String, Object>();
                record.put("name", request.name().orElse(""));
                record.put("type", c.type().name());
                record.put("currentValue", c.removed().getFirst().data().presentation());
                record.put("newValue", c.added().getFirst().data().presentation());
                record.put("ttl", c.added().getFirst().ttl().orElse(RecordService.DEFAULT_TTL));
                return Bodies.recordResponse(
                        "Record updated in zone " + c.zone().value(), c, record);
            }));
        });
    }

    /** {@code DELETE /zones/{zone}/records}: one record by its value, or the whole RRset without one. */
    public Answer removeRecord(String zone, JsonNode body) {
        return withObject(body, (f, root) -> {
            RecordRemoveRequest request = remove(f, root, "");
            if (!f.violations().isEmpty()) {
                return Outcome.invalid(f.violations());
            }
            return widen(records.remove(zone, request).map(c -> {
                var record = new LinkedHashMap<String, Object>();
                record.put("name", request.name().orElse(""));
                record.put("type", c.type().name());
                record.put(
                        "value",
                        request.value().isPresent() && !c.removed().isEmpty()
                                ? c.removed().getFirst().data().presentation()
                                : null);
                return Bodies.recordResponse(
                        "Record removed from zone " + c.zone().value(), c, record);
            }));
        });
    }

    /**
     * {@code PATCH /zones/{zone}/records}: {@code {"changes": [{"op": "add"|"update"|"remove", …}]}}
     * applied as one atomic change set; {@code dryRun} ({@code true}/{@code false}) only judges it.
     */
    public Answer applyRecords(String zone, JsonNode body, Optional<String> dryRunText) {
        if (dryRunText.isPresent()
                && !dryRunText.get().equalsIgnoreCase("true")
                && !dryRunText.get().equalsIgnoreCase("false")) {
            return Answer.of(Outcome.invalid(
                    List.of(Violation.malformed("dryRun", "Invalid field type: dryRun must be true or false"))));
        }
        boolean dryRun = dryRunText.map("true"::equalsIgnoreCase).orElse(false);
        return withObject(body, (f, root) -> {
            f.expect(root, "", CHANGE_SET_FIELDS);
            JsonNode list = root.get("changes");
            if (list == null || list.isNull()) {
                return Outcome.invalid(List.of(Violation.missing("changes")));
            }
            if (!list.isArray()) {
                return Outcome.invalid(List.of(
                        Violation.malformed("changes", "Invalid field type: changes must be an array of operations")));
            }
            List<ChangeRequest> changes = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "changes[" + i + "]";
                JsonNode op = list.get(i);
                if (!op.isObject()) {
                    return Outcome.invalid(List.of(
                            Violation.malformed(path, "Invalid field type: each change is an object with an op")));
                }
                Optional<String> kind = f.string(op, path, "op");
                // the operation seen without its op member, so that op is not an unknown field
                ObjectNode fields = op.deepCopy();
                fields.remove("op");
                switch (kind.orElse("")) {
                    case "add" -> changes.add(new ChangeRequest.Add(RequestBodies.record(f, fields, path)));
                    case "update" -> changes.add(new ChangeRequest.Update(update(f, fields, path)));
                    case "remove" -> changes.add(new ChangeRequest.Remove(remove(f, fields, path)));
                    default -> {
                        return Outcome.invalid(List.of(Violation.malformed(
                                path + ".op", "Invalid field value: op must be add, update or remove")));
                    }
                }
            }
            if (!f.violations().isEmpty()) {
                return Outcome.invalid(f.violations());
            }
            return widen(records.apply(zone, changes, dryRun).map(Bodies::changeSet));
        });
    }

    /** {@code GET /zones/{zone}/records?name=&type=&cursor=&limit=}: one page in canonical order. */
    public Answer listRecords(String zone, RecordListQuery query) {
        OptionalInt limit = OptionalInt.empty();
        if (query.limit().isPresent()) {
            try {
                limit = OptionalInt.of(Integer.parseInt(query.limit().get().strip()));
            } catch (NumberFormatException e) {
                // reported by the use case as out of range, with the allowed range
                limit = OptionalInt.of(-1);
            }
        }
        return Answer.of(records.list(zone, new RecordQuery(query.name(), query.type(), query.cursor(), limit))
                .map(Bodies::page));
    }

    // ---- the fleet: catalog, propagation, DNSSEC ----

    /** {@code GET /catalog?cursor=&limit=}: the catalog's name, serial and one page of members. */
    public Answer catalog(Optional<String> cursor, Optional<String> limit) {
        return Answer.of(useCases.catalog()
                .list(new CatalogQuery(cursor, limitOf(limit)))
                .map(Bodies::catalogPage));
    }

    /** {@code POST /catalog/reconcile}: what the reconciliation added, removed and moved. */
    public Answer reconcileCatalog() {
        return Answer.of(useCases.catalog().reconcile().map(Bodies::reconciliation));
    }

    /** {@code GET /zones/{zone}/propagation?wait=}: the serial each secondary serves, against the primary's. */
    public Answer propagation(String zone, Optional<String> wait) {
        return Answer.of(
                useCases.propagation().check(zone, new PropagationQuery(wait)).map(Bodies::propagation));
    }

    /** {@code GET /zones/{zone}/dnssec}: signed or not, the policy, the keys, the DS for the parent. */
    public Answer dnssecStatus(String zone) {
        return Answer.of(useCases.dnssec().status(zone).map(Bodies::dnssec));
    }

    /** {@code POST /zones/{zone}/dnssec/rollover} with {@code {"keyTag": N}}. */
    public Answer dnssecRollover(String zone, JsonNode body) {
        return withObject(body, (f, root) -> {
            DnssecRequest request = dnssecRequest(f, root);
            if (!f.violations().isEmpty()) {
                return Outcome.invalid(f.violations());
            }
            return widen(useCases.dnssec()
                    .rollover(zone, request)
                    .map(reply -> Bodies.command("Key rollover of zone " + shown(zone) + " scheduled", reply)));
        });
    }

    /** {@code POST /zones/{zone}/dnssec/checkds} with {@code {"state": "published"|"withdrawn", "keyTag": N}}. */
    public Answer dnssecCheckds(String zone, JsonNode body) {
        return withObject(body, (f, root) -> {
            DnssecRequest request = dnssecRequest(f, root);
            if (!f.violations().isEmpty()) {
                return Outcome.invalid(f.violations());
            }
            return widen(useCases.dnssec()
                    .checkds(zone, request)
                    .map(reply -> Bodies.command("DS state of zone " + shown(zone) + " recorded", reply)));
        });
    }

    private static DnssecRequest dnssecRequest(JsonFields f, JsonNode root) {
        f.expect(root, "", DNSSEC_FIELDS);
        return new DnssecRequest(f.integer(root, "", "keyTag"), f.string(root, "", "state"));
    }

    private static OptionalInt limitOf(Optional<String> raw) {
        if (raw.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(raw.get().strip()));
        } catch (NumberFormatException e) {
            // reported by the use case as out of range, with the allowed range
            return OptionalInt.of(-1);
        }
    }

    // ---- reading bodies ----

    private static Answer withObject(JsonNode body, BiFunction<JsonFields, JsonNode, Outcome<Object>> handler) {
        var f = new JsonFields();
        Optional<JsonNode> root = f.root(body);
        if (root.isEmpty()) {
            return new Answer(Outcome.invalid(f.violations()), f.unknown());
        }
        Outcome<Object> outcome = handler.apply(f, root.get());
        return new Answer(outcome, f.unknown());
    }

    private static RecordUpdateRequest update(JsonFields f, JsonNode node, String path) {
        f.expect(node, path, UPDATE_FIELDS);
        return new RecordUpdateRequest(
                f.string(node, path, "name"),
                f.string(node, path, "type"),
                f.string(node, path, "currentValue"),
                f.string(node, path, "newValue"),
                f.integer(node, path, "ttl"),
                f.integer(node, path, "priority"));
    }

    private static RecordRemoveRequest remove(JsonFields f, JsonNode node, String path) {
        f.expect(node, path, REMOVE_FIELDS);
        return new RecordRemoveRequest(
                f.string(node, path, "name"), f.string(node, path, "type"), f.string(node, path, "value"));
    }

    private static Map<String, Object> recordOf(Optional<String> name, RecordChanged c) {
        var record = new LinkedHashMap<String, Object>();
        record.put("name", name.orElse(""));
        record.put("type", c.type().name());
        record.put(
                "value",
                c.added().isEmpty() ? null : c.added().getFirst().data().presentation());
        record.put(
                "ttl",
                c.added().isEmpty()
                        ? RecordService.DEFAULT_TTL
                        : c.added().getFirst().ttl().orElse(RecordService.DEFAULT_TTL));
        return record;
    }

    /**
     * Type violations plus what validation says about the rest of the request, so a client sees every
     * problem at once; validation's complaint about a field that was of the wrong type (it saw it as
     * absent) is left out.
     */
    static Outcome<Object> withValidation(List<Violation> typeViolations, Outcome<?> validated) {
        List<Violation> all = new ArrayList<>(typeViolations);
        List<Violation> more = List.of();
        if (validated instanceof Outcome.Invalid<?> invalid) {
            more = invalid.violations();
        } else if (validated instanceof Outcome.Unprocessable<?> unprocessable) {
            more = unprocessable.violations();
        }
        for (Violation v : more) {
            boolean covered = typeViolations.stream()
                    .anyMatch(t -> v.field().equals(t.field())
                            || v.field().startsWith(t.field() + ".")
                            || v.field().startsWith(t.field() + "["));
            if (!covered) {
                all.add(v);
            }
        }
        return Outcome.invalid(all);
    }

    /** The zone as the messages name it: normalised when it is a valid name, as typed otherwise. */
    private static String shown(String raw) {
        return ZoneName.parse(raw).map(ZoneName::value).orElse(raw);
    }

    @SuppressWarnings("unchecked")
    private static Outcome<Object> widen(Outcome<?> outcome) {
        return (Outcome<Object>) outcome;
    }
}
