package dev.bindsmith.http.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.UseCases;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.http.audit.AuditEntry;
import dev.bindsmith.http.audit.AuditLog;
import dev.bindsmith.http.audit.AuditQuery;
import dev.bindsmith.http.json.Answer;
import dev.bindsmith.http.json.JsonApi;
import dev.bindsmith.http.json.RecordListQuery;
import dev.bindsmith.http.json.ZoneCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The API as both faces call it — the HTTP routes with the token's caller, the CLI's direct mode with
 * the local operator — around {@link JsonApi}:
 * <ol>
 * <li>the caller's grant is judged ({@link Policy}): a zone outside it answers 404 exactly as a zone that
 *     does not exist, a verb, record type or server action it lacks is {@link Guarded.Refused} (403).
 *     A change set is judged as a whole, before any of it is sent: one change of a type the grant lacks
 *     refuses the set;</li>
 * <li>for an operation that changes something, the audit log must be writable first (503 otherwise,
 *     nothing changed); the operation then runs holding its zone's lock between a read of the serial
 *     before and after ({@link UseCases#exclusively}), and its entry — who, from where, what, the records
 *     removed and added, the serials, the outcome — is written and synced before the answer is returned.
 *     If that write fails the answer is 503 and the entry is kept to be written first later;</li>
 * <li>refused attempts (404 for a hidden zone, 403) at a change are audited too.</li>
 * </ol>
 * Dry runs and reads change nothing and are not audited.
 */
public final class GuardedApi {
    private final JsonApi api;
    private final UseCases useCases;
    private final AuditLog audit;
    private final Clock clock;

    public GuardedApi(JsonApi api, UseCases useCases, AuditLog audit, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AuditLog auditLog() {
        return audit;
    }

    // ---- zones ----

    /** The zones the grant covers; the others are left out as if they did not exist. */
    public Guarded listZones(Caller caller) {
        return listZones(caller, Optional.empty(), Optional.empty());
    }

    /** Every zone, or one page ({@code ?limit=&cursor=}), of those the caller's scope covers. */
    public Guarded listZones(Caller caller, Optional<String> cursor, Optional<String> limit) {
        return run(
                caller,
                Operation.LIST_ZONES,
                Optional.empty(),
                List.of(),
                () -> api.listZones(caller.grant()::covers, cursor, limit));
    }

    /** The last reconcile's report (a server-wide read, as the server status). */
    public Guarded lastReconcile(Caller caller) {
        return run(caller, Operation.READ_RECONCILE, Optional.empty(), List.of(), api::lastReconcile);
    }

    /** A reconcile of the zone store with the name server now (a server-wide change, as a reload). */
    public Guarded reconcile(Caller caller, Optional<String> full, Optional<String> setAside) {
        return run(
                caller, Operation.RECONCILE_SERVER, Optional.empty(), List.of(), () -> api.reconcile(full, setAside));
    }

    public Guarded getZone(Caller caller, String zone) {
        return run(caller, Operation.GET_ZONE, Optional.of(zone), List.of(), () -> api.getZone(zone));
    }

    public Guarded zoneStatus(Caller caller, String zone) {
        return run(caller, Operation.ZONE_STATUS, Optional.of(zone), List.of(), () -> api.zoneStatus(zone));
    }

    public Guarded createZone(Caller caller, JsonNode body) {
        Optional<String> name = body.path("zoneName").isTextual()
                ? Optional.of(body.path("zoneName").asText())
                : Optional.empty();
        return run(caller, Operation.CREATE_ZONE, name, List.of(), () -> api.createZone(body));
    }

    public Guarded modifyZone(Caller caller, String zone, JsonNode body) {
        return run(caller, Operation.MODIFY_ZONE, Optional.of(zone), List.of(), () -> api.modifyZone(zone, body));
    }

    public Guarded deleteZone(Caller caller, String zone) {
        return run(caller, Operation.DELETE_ZONE, Optional.of(zone), List.of(), () -> api.deleteZone(zone));
    }

    public Guarded zoneCommand(Caller caller, String zone, ZoneCommand command) {
        Operation op = switch (command) {
            case RELOAD -> Operation.RELOAD_ZONE;
            case FREEZE -> Operation.FREEZE_ZONE;
            case THAW -> Operation.THAW_ZONE;
            case NOTIFY -> Operation.NOTIFY_ZONE;
            case RETRANSFER -> Operation.RETRANSFER_ZONE;
        };
        return run(caller, op, Optional.of(zone), List.of(), () -> api.zoneCommand(zone, command));
    }

    // ---- the server ----

    public Guarded serverStatus(Caller caller) {
        return run(caller, Operation.SERVER_STATUS, Optional.empty(), List.of(), api::serverStatus);
    }

    public Guarded reloadServer(Caller caller) {
        return run(caller, Operation.RELOAD_SERVER, Optional.empty(), List.of(), api::reloadServer);
    }

    // ---- records ----

    public Guarded addRecord(Caller caller, String zone, JsonNode body) {
        return run(caller, Operation.ADD_RECORD, Optional.of(zone), typeOf(body), () -> api.addRecord(zone, body));
    }

    public Guarded updateRecord(Caller caller, String zone, JsonNode body) {
        return run(
                caller, Operation.UPDATE_RECORD, Optional.of(zone), typeOf(body), () -> api.updateRecord(zone, body));
    }

    public Guarded removeRecord(Caller caller, String zone, JsonNode body) {
        return run(
                caller, Operation.REMOVE_RECORD, Optional.of(zone), typeOf(body), () -> api.removeRecord(zone, body));
    }

    /** A change set: every change's type judged before any is sent; a dry run is judged the same, not audited. */
    public Guarded applyRecords(Caller caller, String zone, JsonNode body, Optional<String> dryRun) {
        List<String> types = new ArrayList<>();
        JsonNode changes = body.path("changes");
        if (changes.isArray()) {
            changes.forEach(c -> types.addAll(typeOf(c)));
        }
        boolean dry = dryRun.map("true"::equalsIgnoreCase).orElse(false);
        return run(
                caller,
                Operation.APPLY_RECORDS,
                Optional.of(zone),
                types,
                () -> api.applyRecords(zone, body, dryRun),
                !dry);
    }

    public Guarded listRecords(Caller caller, String zone, RecordListQuery query) {
        return run(caller, Operation.LIST_RECORDS, Optional.of(zone), List.of(), () -> api.listRecords(zone, query));
    }

    private static List<String> typeOf(JsonNode change) {
        JsonNode type = change.path("type");
        return type.isTextual() ? List.of(type.asText()) : List.of();
    }

    // ---- the fleet: the catalog zone, propagation, DNSSEC keys ----

    /** The catalog names every zone: only a token that covers every zone reads it. */
    public Guarded catalog(Caller caller, Optional<String> cursor, Optional<String> limit) {
        return run(caller, Operation.LIST_CATALOG, Optional.empty(), List.of(), () -> api.catalog(cursor, limit));
    }

    public Guarded reconcileCatalog(Caller caller) {
        return run(caller, Operation.RECONCILE_CATALOG, Optional.empty(), List.of(), api::reconcileCatalog);
    }

    public Guarded propagation(Caller caller, String zone, Optional<String> wait) {
        return run(caller, Operation.ZONE_PROPAGATION, Optional.of(zone), List.of(), () -> api.propagation(zone, wait));
    }

    public Guarded dnssecStatus(Caller caller, String zone) {
        return run(caller, Operation.DNSSEC_STATUS, Optional.of(zone), List.of(), () -> api.dnssecStatus(zone));
    }

    /** Key operations change the zone's signatures, records of every type: a token limited to some types may not. */
    public Guarded dnssecRollover(Caller caller, String zone, JsonNode body) {
        return run(
                caller, Operation.DNSSEC_ROLLOVER, Optional.of(zone), List.of(), () -> api.dnssecRollover(zone, body));
    }

    public Guarded dnssecCheckds(Caller caller, String zone, JsonNode body) {
        return run(caller, Operation.DNSSEC_CHECKDS, Optional.of(zone), List.of(), () -> api.dnssecCheckds(zone, body));
    }

    // ---- the audit log ----

    /**
     * {@code GET /audit?zone=&since=&until=&cursor=&limit=}: entries in the order they were written. An
     * admin token sees every entry; any other only those of zones its grant covers (a zone outside it is
     * 404, as everywhere).
     */
    public Guarded readAudit(
            Caller caller,
            Optional<String> zone,
            Optional<String> since,
            Optional<String> until,
            Optional<String> cursor,
            Optional<String> limit) {
        Grant grant = caller.grant();
        if (Policy.decide(grant, Operation.READ_AUDIT, Optional.empty()) instanceof Policy.Decision.Insufficient why) {
            return new Guarded.Refused(why);
        }
        List<Violation> violations = new ArrayList<>();
        Optional<ZoneName> zoneName = Optional.empty();
        if (zone.isPresent()) {
            zoneName = ZoneName.parse(zone.get());
            if (zoneName.isEmpty()) {
                violations.add(
                        Violation.malformed("zone", ZoneName.problem(zone.get()).orElse("Invalid zone name")));
            }
        }
        Optional<Instant> from = instant("since", since, violations);
        Optional<Instant> to = instant("until", until, violations);
        int max = AuditQuery.DEFAULT_LIMIT;
        if (limit.isPresent()) {
            try {
                max = Integer.parseInt(limit.get().strip());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > AuditQuery.MAX_LIMIT) {
                violations.add(Violation.malformed("limit", "limit must be between 1 and " + AuditQuery.MAX_LIMIT));
            }
        }
        if (!violations.isEmpty()) {
            return new Guarded.Answered(Answer.of(Outcome.invalid(violations)));
        }
        if (zoneName.isPresent() && !grant.covers(zoneName.get())) {
            return new Guarded.Answered(
                    Answer.of(Outcome.zoneNotFound(zoneName.get().value())));
        }
        boolean everything = grant.access() == Access.ADMIN;
        Predicate<AuditEntry> visible = e -> everything
                || e.zone().flatMap(ZoneName::parse).map(grant::covers).orElse(false);
        AuditQuery query = new AuditQuery(zoneName.map(ZoneName::value), from, to, cursor, max, visible);
        return new Guarded.Answered(Answer.of(audit.read(query).map(page -> {
            var body = new LinkedHashMap<String, Object>();
            body.put("entries", page.entries().stream().map(AuditEntry::toJson).toList());
            body.put("count", page.entries().size());
            page.next().ifPresent(n -> body.put("nextCursor", n));
            return body;
        })));
    }

    private static Optional<Instant> instant(String field, Optional<String> raw, List<Violation> violations) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(raw.get().strip()));
        } catch (DateTimeParseException e) {
            violations.add(
                    Violation.malformed(field, field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z"));
            return Optional.empty();
        }
    }

    // ---- the one path every operation takes ----

    private Guarded run(
            Caller caller, Operation op, Optional<String> rawZone, List<String> types, Supplier<Answer> call) {
        return run(caller, op, rawZone, types, call, op.auditName().isPresent());
    }

    private Guarded run(
            Caller caller,
            Operation op,
            Optional<String> rawZone,
            List<String> types,
            Supplier<Answer> call,
            boolean audited) {
        Optional<ZoneName> zone = rawZone.flatMap(ZoneName::parse);
        Policy.Decision decision = Policy.decide(caller.grant(), op, rawZone);
        if (decision instanceof Policy.Decision.Allowed
                && op.target() == Operation.Target.RECORDS
                && zone.isPresent()) {
            decision = Policy.types(caller.grant(), op, zone.get(), types);
        }
        switch (decision) {
            case Policy.Decision.Hidden hidden -> {
                Answer notFound = Answer.of(Outcome.zoneNotFound(hidden.zone().value()));
                return recorded(caller, op, zone, audited, notFound.status(), code(notFound), new Ran(notFound))
                        .orElse(new Guarded.Answered(notFound));
            }
            case Policy.Decision.Insufficient why -> {
                return recorded(caller, op, zone, audited, 403, "INSUFFICIENT_SCOPE", null)
                        .orElse(new Guarded.Refused(why));
            }
            case Policy.Decision.Allowed allowed -> {
                Supplier<Answer> seen = caller.grant().everyZone() ? call : () -> sameAsHidden(call.get(), zone);
                if (!audited) {
                    return new Guarded.Answered(seen.get());
                }
                if (audit.ready() instanceof Outcome.Failure<String> failure) {
                    return new Guarded.Answered(Answer.of(new Outcome.Unavailable<>(
                            ErrorCode.UNAVAILABLE, failure.details() + "; nothing was changed")));
                }
                Ran ran = zone.isPresent()
                        ? useCases.exclusively(zone.get(), () -> serials(op, zone.get(), seen))
                        : new Ran(seen.get());
                return recorded(caller, op, zone, true, ran.answer().status(), code(ran.answer()), ran)
                        .orElse(new Guarded.Answered(ran.answer()));
            }
        }
    }

    /**
     * For a token limited to some zones, a zone of its scope that does not exist is answered exactly as a
     * zone outside it is (the name server's own wording would tell the two apart).
     */
    private static Answer sameAsHidden(Answer answer, Optional<ZoneName> zone) {
        if (zone.isPresent()
                && answer.outcome() instanceof Outcome.NotFound<Object> notFound
                && notFound.code() == ErrorCode.ZONE_NOT_FOUND) {
            return new Answer(Outcome.zoneNotFound(zone.get().value()), answer.ignored());
        }
        return answer;
    }

    /** An operation's answer with the zone's serial just before and just after it. */
    private record Ran(OptionalLong before, Answer answer, OptionalLong after) {
        Ran(Answer answer) {
            this(OptionalLong.empty(), answer, OptionalLong.empty());
        }
    }

    /**
     * The operation run with the zone's serial before and after it, each asked of the name server only
     * when the zone can have one: a zone being created has none before (a create that finds the zone
     * there is refused and changes nothing, so its serial before is the one after), a zone deleted has
     * none after. On named each question is an SOA query to its DNS port
     * ({@link dev.bindsmith.core.service.ZoneService#servedSerial}): an rndc {@code zonestatus} each was a
     * third of a create.
     */
    private Ran serials(Operation op, ZoneName zone, Supplier<Answer> run) {
        OptionalLong before = op == Operation.CREATE_ZONE ? OptionalLong.empty() : serial(zone);
        Answer answer = run.get();
        OptionalLong after = op == Operation.DELETE_ZONE && answer.outcome() instanceof Outcome.Deleted<Object>
                ? OptionalLong.empty()
                : serial(zone);
        if (op == Operation.CREATE_ZONE
                && answer.outcome() instanceof Outcome.Conflict<Object> conflict
                && conflict.code() == ErrorCode.ZONE_EXISTS) {
            before = after;
        }
        return new Ran(before, answer, after);
    }

    private OptionalLong serial(ZoneName zone) {
        return useCases.zones().servedSerial(zone);
    }

    /** Writes the entry (when {@code audited}); empty when written, or the 503 to answer instead. */
    private Optional<Guarded> recorded(
            Caller caller, Operation op, Optional<ZoneName> zone, boolean audited, int status, String code, Ran ran) {
        if (!audited) {
            return Optional.empty();
        }
        Object body = ran == null ? Map.of() : ran.answer().body().orElse(Map.of());
        AuditEntry entry = new AuditEntry(
                AuditEntry.newId(),
                clock.instant(),
                caller.via(),
                caller.token(),
                caller.user(),
                caller.client(),
                caller.requestId(),
                op.auditName().orElseThrow(),
                zone.map(ZoneName::value),
                ran == null ? OptionalLong.empty() : ran.before(),
                ran == null ? OptionalLong.empty() : ran.after(),
                recordsOf(op, body, "removed"),
                recordsOf(op, body, "added"),
                status,
                code,
                Map.of());
        if (audit.append(entry) instanceof Outcome.Failure<AuditEntry> failure) {
            return Optional.of(new Guarded.Answered(Answer.of(new Outcome.Unavailable<>(
                    ErrorCode.UNAVAILABLE,
                    failure.details() + (status < 300 ? "; the change was made" : "; nothing was changed")
                            + ", and its entry is kept to be written first when the log can be written again"))));
        }
        return Optional.empty();
    }

    /** The outcome's code as the audit log records it: the failure's, or OK / CREATED / DELETED. */
    static String code(Answer answer) {
        return switch (answer.outcome()) {
            case Outcome.Ok<Object> ok -> "OK";
            case Outcome.Created<Object> created -> "CREATED";
            case Outcome.Deleted<Object> deleted -> "DELETED";
            case Outcome.Failure<Object> failure -> failure.code().name();
        };
    }

    /**
     * Only record operations have records in their answer: a catalog reconciliation's {@code added} lists
     * zone names, which the audit entry's records are not.
     */
    private static List<Map<String, Object>> recordsOf(Operation op, Object body, String key) {
        return op.target() == Operation.Target.RECORDS ? records(body, key) : List.of();
    }

    /** The records of a record change's body, or of every change of a change set's. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Object body, String key) {
        List<Map<String, Object>> records = new ArrayList<>();
        if (body instanceof Map<?, ?> map) {
            if (map.get(key) instanceof List<?> list) {
                list.stream().filter(Map.class::isInstance).forEach(r -> records.add((Map<String, Object>) r));
            }
            if (map.get("changes") instanceof List<?> changes) {
                for (Object change : changes) {
                    records.addAll(records(change, key));
                }
            }
        }
        return records;
    }
}
