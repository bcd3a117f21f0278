package dev.bindsmith.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.ChangeRequest;
import dev.bindsmith.core.service.ChangeSetResult;
import dev.bindsmith.core.service.RecordChanged;
import dev.bindsmith.core.service.RecordPage;
import dev.bindsmith.core.service.RecordQuery;
import dev.bindsmith.core.service.RecordRemoveRequest;
import dev.bindsmith.core.service.RecordRequest;
import dev.bindsmith.core.service.RecordService;
import dev.bindsmith.core.service.RecordUpdateRequest;
import dev.bindsmith.core.service.ZoneRequests;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static dev.bindsmith.http.ApiRouting.Access.PROTECTED;

/**
 * {@code /api/v1/zones/{name}/records}: the reference's POST (201), PUT (200) and DELETE (200, body
 * required) with its bodies and {@code RecordResponse}, plus PATCH (an atomic change set, {@code ?dryRun=true})
 * and GET (a page of records, {@code ?name=&type=&cursor=&limit=}).
 */
final class RecordRoutes implements RouteGroup {
    static final String RECORDS = "/api/v1/zones/{name}/records";

    static final Set<String> UPDATE_FIELDS = Set.of("name", "type", "currentValue", "newValue", "ttl", "priority");
    static final Set<String> REMOVE_FIELDS = Set.of("name", "type", "value");
    static final Set<String> CHANGE_SET_FIELDS = Set.of("changes");

    private final RecordService records;

    RecordRoutes(RecordService records) {
        this.records = records;
    }

    @Override
    public void register(ApiRouting routes) {
        routes.post(RECORDS, PROTECTED, this::add);
        routes.put(RECORDS, PROTECTED, this::update);
        routes.delete(RECORDS, PROTECTED, this::remove);
        routes.patch(RECORDS, PROTECTED, this::apply);
        routes.get(RECORDS, PROTECTED, this::list);
    }

    private Reply add(ApiRequest r) {
        return withBody(r, (f, root) -> {
            RecordRequest request = RequestBodies.record(f, root, "");
            if (!f.violations().isEmpty()) {
                Optional<ZoneName> zone = ZoneName.parse(r.param("name"));
                return OutcomeReplies.failure(zone.isPresent()
                        ? ZoneRoutes.withValidation(f.violations(), ZoneRequests.validate(request, zone.get(), ""))
                        : Outcome.invalid(f.violations()));
            }
            return OutcomeReplies.of(records.add(r.param("name"), request), c -> recordResponse(
                    "Record added to zone " + c.zone().value(), c, record(request.name(), c, c.added())));
        });
    }

    private Reply update(ApiRequest r) {
        return withBody(r, (f, root) -> {
            RecordUpdateRequest request = update(f, root, "");
            if (!f.violations().isEmpty()) {
                return OutcomeReplies.failure(Outcome.invalid(f.violations()));
            }
            return OutcomeReplies.of(records.update(r.param("name"), request), c -> {
                var record = new LinkedHashMap<String, Object>();
                record.put("name", request.name().orElse(""));
                record.put("type", c.type().name());
                record.put("currentValue", c.removed().getFirst().data().presentation());
                record.put("newValue", c.added().getFirst().data().presentation());
                record.put("ttl", c.added().getFirst().ttl().orElse(RecordService.DEFAULT_TTL));
                return recordResponse("Record updated in zone " + c.zone().value(), c, record);
            });
        });
    }

    private Reply remove(ApiRequest r) {
        return withBody(r, (f, root) -> {
            RecordRemoveRequest request = remove(f, root, "");
            if (!f.violations().isEmpty()) {
                return OutcomeReplies.failure(Outcome.invalid(f.violations()));
            }
            return OutcomeReplies.of(records.remove(r.param("name"), request), c -> {
                var record = new LinkedHashMap<String, Object>();
                record.put("name", request.name().orElse(""));
                record.put("type", c.type().name());
                record.put("value", request.value().isPresent() && !c.removed().isEmpty()
                        ? c.removed().getFirst().data().presentation() : null);
                return recordResponse("Record removed from zone " + c.zone().value(), c, record);
            });
        });
    }

    private Reply apply(ApiRequest r) {
        Optional<String> dryRunText = r.query("dryRun");
        boolean dryRun = dryRunText.map("true"::equalsIgnoreCase).orElse(false);
        if (dryRunText.isPresent() && !dryRunText.get().equalsIgnoreCase("true")
                && !dryRunText.get().equalsIgnoreCase("false")) {
            return OutcomeReplies.failure(Outcome.invalid(List.of(Violation.malformed("dryRun",
                    "Invalid field type: dryRun must be true or false"))));
        }
        return withBody(r, (f, root) -> {
            f.expect(root, "", CHANGE_SET_FIELDS);
            List<ChangeRequest> changes = new ArrayList<>();
            JsonNode list = root.get("changes");
            if (list == null || list.isNull()) {
                return OutcomeReplies.failure(Outcome.invalid(List.of(Violation.missing("changes"))));
            }
            if (!list.isArray()) {
                return OutcomeReplies.failure(Outcome.invalid(List.of(Violation.malformed("changes",
                        "Invalid field type: changes must be an array of operations"))));
            }
            for (int i = 0; i < list.size(); i++) {
                String path = "changes[" + i + "]";
                JsonNode op = list.get(i);
                if (!op.isObject()) {
                    return OutcomeReplies.failure(Outcome.invalid(List.of(Violation.malformed(path,
                            "Invalid field type: each change is an object with an op"))));
                }
                Optional<String> kind = f.string(op, path, "op");
                ObjectFieldsWithoutOp view = new ObjectFieldsWithoutOp(op);
                switch (kind.orElse("")) {
                    case "add" -> {
                        f.expect(view.node(), path, RequestBodies.RECORD_FIELDS);
                        changes.add(new ChangeRequest.Add(recordIn(f, view.node(), path)));
                    }
                    case "update" -> changes.add(new ChangeRequest.Update(update(f, view.node(), path)));
                    case "remove" -> changes.add(new ChangeRequest.Remove(remove(f, view.node(), path)));
                    default -> {
                        return OutcomeReplies.failure(Outcome.invalid(List.of(Violation.malformed(path + ".op",
                                "Invalid field value: op must be add, update or remove"))));
                    }
                }
            }
            if (!f.violations().isEmpty()) {
                return OutcomeReplies.failure(Outcome.invalid(f.violations()));
            }
            return OutcomeReplies.of(records.apply(r.param("name"), changes, dryRun), RecordRoutes::changeSet);
        });
    }

    private Reply list(ApiRequest r) {
        OptionalInt limit = OptionalInt.empty();
        Optional<String> limitText = r.query("limit");
        if (limitText.isPresent()) {
            try {
                limit = OptionalInt.of(Integer.parseInt(limitText.get().strip()));
            } catch (NumberFormatException e) {
                // reported by the use case as out of range, with the allowed range
                limit = OptionalInt.of(-1);
            }
        }
        RecordQuery query = new RecordQuery(r.query("name"), r.query("type"), r.query("cursor"), limit);
        return OutcomeReplies.of(records.list(r.param("name"), query), RecordRoutes::page);
    }

    // ---- bodies ----

    @FunctionalInterface
    private interface BodyHandler {
        Reply handle(JsonFields fields, JsonNode root);
    }

    private static Reply withBody(ApiRequest r, BodyHandler handler) {
        Outcome<JsonNode> body = r.json();
        if (!(body instanceof Outcome.Ok<JsonNode> json)) {
            return OutcomeReplies.of(body, v -> v);
        }
        var f = new JsonFields();
        Optional<JsonNode> root = f.root(json.value());
        if (root.isEmpty()) {
            return OutcomeReplies.failure(Outcome.invalid(f.violations()));
        }
        Reply reply = handler.handle(f, root.get());
        ApiRouting.ignored(r, f.unknown());
        return reply;
    }

    /** An operation object seen without its {@code op} member, so that {@code op} is not an unknown field. */
    private record ObjectFieldsWithoutOp(JsonNode node) {
        ObjectFieldsWithoutOp {
            node = node.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("op");
        }
    }

    private static RecordRequest recordIn(JsonFields f, JsonNode node, String path) {
        return new RecordRequest(f.string(node, path, "name"), f.string(node, path, "type"),
                f.string(node, path, "value"), f.integer(node, path, "ttl"), f.integer(node, path, "priority"));
    }

    private static RecordUpdateRequest update(JsonFields f, JsonNode node, String path) {
        f.expect(node, path, UPDATE_FIELDS);
        return new RecordUpdateRequest(f.string(node, path, "name"), f.string(node, path, "type"),
                f.string(node, path, "currentValue"), f.string(node, path, "newValue"), f.integer(node, path, "ttl"),
                f.integer(node, path, "priority"));
    }

    private static RecordRemoveRequest remove(JsonFields f, JsonNode node, String path) {
        f.expect(node, path, REMOVE_FIELDS);
        return new RecordRemoveRequest(f.string(node, path, "name"), f.string(node, path, "type"),
                f.string(node, path, "value"));
    }

    // ---- replies ----

    /** The reference's RecordResponse, plus what was removed and added as typed records. */
    private static Map<String, Object> recordResponse(String message, RecordChanged c, Map<String, Object> record) {
        return Reply.body("success", true, "message", message,
                "details", Reply.body("zone", c.zone().value(), "record", record),
                "removed", c.removed().stream().map(RecordRoutes::json).toList(),
                "added", c.added().stream().map(RecordRoutes::json).toList());
    }

    private static Map<String, Object> record(Optional<String> name, RecordChanged c, List<Record> added) {
        var record = new LinkedHashMap<String, Object>();
        record.put("name", name.orElse(""));
        record.put("type", c.type().name());
        record.put("value", added.isEmpty() ? null : added.getFirst().data().presentation());
        record.put("ttl", added.isEmpty() ? RecordService.DEFAULT_TTL
                : added.getFirst().ttl().orElse(RecordService.DEFAULT_TTL));
        return record;
    }

    static Map<String, Object> json(Record r) {
        var map = new LinkedHashMap<String, Object>();
        map.put("name", r.owner().absolute());
        map.put("type", r.type() == dev.bindsmith.core.zone.RecordType.OTHER
                && r.data() instanceof dev.bindsmith.core.zone.RData.Unknown u ? u.mnemonic() : r.type().name());
        r.ttl().ifPresent(ttl -> map.put("ttl", ttl));
        map.put("value", r.data().presentation());
        return map;
    }

    private static Map<String, Object> changeSet(ChangeSetResult result) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (int i = 0; i < result.changes().size(); i++) {
            RecordChanged c = result.changes().get(i);
            changes.add(Reply.body("index", i, "operation", c.operation().name().toLowerCase(java.util.Locale.ROOT),
                    "name", c.owner().absolute(), "type", c.type().name(),
                    "removed", c.removed().stream().map(RecordRoutes::json).toList(),
                    "added", c.added().stream().map(RecordRoutes::json).toList()));
        }
        return Reply.body("success", true, "message", (result.applied() ? "Change set applied to zone "
                        : "Dry run: nothing changed in zone ") + result.zone().value(),
                "zone", result.zone().value(), "dryRun", !result.applied(), "applied", result.applied(),
                "changes", changes);
    }

    private static Map<String, Object> page(RecordPage page) {
        var body = new LinkedHashMap<String, Object>();
        body.put("zone", page.zone().value());
        body.put("records", page.records().stream().map(RecordRoutes::json).toList());
        body.put("count", page.records().size());
        page.nextCursor().ifPresent(c -> body.put("nextCursor", c));
        return body;
    }
}
