package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeReport;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.Prerequisite;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The record use cases: add, update and remove one record, apply a change set, list a zone's records.
 * Each judges a request in the reference's order — zone name, then the body, then does the zone exist
 * and take updates, then do the records it names exist — and only then sends one atomic change set
 * to the {@link RecordUpdater}. The checks against the zone's current records (the record to change
 * exists, a CNAME stands alone, the apex keeps its NS) are made on what the {@link RecordReader}
 * returns, and repeated as prerequisites of the update so that a concurrent change cannot slip in
 * between the read and the write.
 */
public final class RecordService {

    /** TTL of an added record whose request names none and whose RRset is new: the reference's default. */
    public static final long DEFAULT_TTL = 3600;
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final NameServerControl control;
    private final RecordUpdater updater;
    private final RecordReader reader;
    private final ZoneLocks locks = new ZoneLocks();

    public RecordService(NameServerControl control, RecordUpdater updater, RecordReader reader) {
        this.control = Objects.requireNonNull(control, "control");
        this.updater = Objects.requireNonNull(updater, "updater");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** Created (201) with the record added; its location is the zone's records collection ({@code zones/<zone>/records}). */
    public Outcome<RecordChanged> add(String zone, RecordRequest request) {
        return single(zone, new ChangeRequest.Add(request)).flatMap(changed ->
                new Outcome.Created<>(changed, "zones/" + changed.zone().value() + "/records"));
    }

    /** Ok with the record replaced; NotFound ({@code RECORD_NOT_FOUND}) when the current value is not there. */
    public Outcome<RecordChanged> update(String zone, RecordUpdateRequest request) {
        return single(zone, new ChangeRequest.Update(request));
    }

    /** Ok with what was removed; NotFound ({@code RECORD_NOT_FOUND}) when the record or RRset is not there. */
    public Outcome<RecordChanged> remove(String zone, RecordRemoveRequest request) {
        return single(zone, new ChangeRequest.Remove(request));
    }

    /**
     * Applies every operation as one atomic change set, or — with {@code dryRun} — checks them all
     * against the zone and reports what would change without changing anything.
     */
    public Outcome<ChangeSetResult> apply(String zone, List<ChangeRequest> operations, boolean dryRun) {
        Objects.requireNonNull(operations, "operations");
        Outcome<ZoneName> name = zoneName(zone);
        if (!(name instanceof Outcome.Ok<ZoneName>(ZoneName z))) {
            return ((Outcome.Failure<ZoneName>) name).as();
        }
        if (operations.isEmpty()) {
            return Outcome.invalid(List.of(Violation.malformed("changes", "A change set needs at least one operation")),
                    Outcome.orderedPairs("zone", z.value()));
        }
        Outcome<List<Op>> ops = validate(z, operations, true);
        if (!(ops instanceof Outcome.Ok<List<Op>>(List<Op> valid))) {
            return ((Outcome.Failure<List<Op>>) ops).as();
        }
        return withZone(z, true, () -> plan(z, valid, true).flatMap(plan -> {
            if (dryRun) {
                return new Outcome.Ok<>(new ChangeSetResult(z, false, plan.results()));
            }
            return send(z, plan).map(report -> new ChangeSetResult(z, true, plan.results()));
        }));
    }

    /** A page of the zone's records, filtered by owner name and type, in canonical order. */
    public Outcome<RecordPage> list(String zone, RecordQuery query) {
        Objects.requireNonNull(query, "query");
        Outcome<ZoneName> name = zoneName(zone);
        if (!(name instanceof Outcome.Ok<ZoneName>(ZoneName z))) {
            return ((Outcome.Failure<ZoneName>) name).as();
        }
        List<Violation> violations = new ArrayList<>();
        Optional<DomainName> owner = Optional.empty();
        if (query.name().isPresent()) {
            Owners.Resolved resolved = Owners.resolve(query.name().get(), z, "name");
            resolved.violation().ifPresent(violations::add);
            owner = resolved.name();
        }
        Optional<RecordType> type = Optional.empty();
        if (query.type().isPresent()) {
            String raw = query.type().get();
            type = RecordType.parse(raw);
            if (type.isEmpty()) {
                violations.add(Violation.malformed("type", "Unknown record type: '" + Owners.printable(raw) + "'"));
            }
        }
        int limit = query.limit().orElse(DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(Violation.malformed("limit", "limit must be between 1 and " + MAX_LIMIT));
        }
        Optional<String> after = Optional.empty();
        if (query.cursor().isPresent()) {
            after = Cursors.decode(query.cursor().get());
            if (after.isEmpty()) {
                violations.add(Violation.malformed("cursor", "The cursor is not one this server issued"));
            }
        }
        if (!violations.isEmpty()) {
            return Outcome.invalid(violations, Outcome.orderedPairs("zone", z.value()));
        }
        Optional<DomainName> ownerFilter = owner;
        Optional<RecordType> typeFilter = type;
        Optional<String> afterKey = after;
        return withZone(z, false, () -> {
            Outcome<List<Record>> read = ownerFilter.isPresent() ? reader.read(z, ownerFilter.get()) : reader.read(z);
            return read.map(records -> {
                List<Record> sorted = records.stream()
                        .filter(r -> ownerFilter.map(o -> o.equals(r.owner())).orElse(true))
                        .filter(r -> typeFilter.map(t -> t == r.type()).orElse(true))
                        .filter(r -> afterKey.map(k -> Cursors.key(r).compareTo(k) > 0).orElse(true))
                        .sorted(Comparator.comparing(Cursors::key))
                        .distinct()
                        .toList();
                if (sorted.size() <= limit) {
                    return new RecordPage(z, sorted, Optional.empty());
                }
                List<Record> page = sorted.subList(0, limit);
                return new RecordPage(z, page, Optional.of(Cursors.encode(Cursors.key(page.get(limit - 1)))));
            });
        });
    }

    // ---- the single-record use cases are change sets of one ----

    private Outcome<RecordChanged> single(String zone, ChangeRequest request) {
        Outcome<ZoneName> name = zoneName(zone);
        if (!(name instanceof Outcome.Ok<ZoneName>(ZoneName z))) {
            return ((Outcome.Failure<ZoneName>) name).as();
        }
        Outcome<List<Op>> ops = validate(z, List.of(request), false);
        if (!(ops instanceof Outcome.Ok<List<Op>>(List<Op> valid))) {
            return ((Outcome.Failure<List<Op>>) ops).as();
        }
        return withZone(z, true, () -> plan(z, valid, false)
                .flatMap(plan -> send(z, plan).map(report -> plan.results().getFirst())));
    }

    private static Outcome<ZoneName> zoneName(String raw) {
        Optional<String> problem = ZoneName.problem(raw == null ? "" : raw);
        if (problem.isPresent()) {
            return new Outcome.Invalid<>(ErrorCode.INVALID_ZONE_NAME, "Invalid zone name",
                    List.of(Violation.malformed("zone", problem.get())),
                    Outcome.orderedPairs("zone", Owners.printable(raw == null ? "" : raw)));
        }
        return new Outcome.Ok<>(ZoneName.of(raw));
    }

    /** Runs {@code work} under the zone's lock once the name server has said the zone exists (and, for changes, takes updates). */
    private <T> Outcome<T> withZone(ZoneName zone, boolean changes, Supplier<Outcome<T>> work) {
        return locks.with(zone, () -> control.zoneStatus(zone).flatMap(status -> {
            if (changes && status.dynamic().equals(Optional.of(false))) {
                return notDynamic(zone);
            }
            if (changes && status.frozen()) {
                // named would answer REFUSED, which reads like a key or allow-update problem
                return frozen(zone);
            }
            return work.get();
        }));
    }

    static <T> Outcome<T> notDynamic(ZoneName zone) {
        return new Outcome.Invalid<>(ErrorCode.ZONE_NOT_DYNAMIC, "Zone does not support dynamic updates",
                List.of(Violation.malformed("zone", "Zone " + zone.value() + " does not accept dynamic updates;"
                        + " create it with updateKeyName or allow updates with PATCH (allowUpdate)")),
                Outcome.orderedPairs("zone", zone.value()));
    }

    static <T> Outcome<T> frozen(ZoneName zone) {
        return new Outcome.Invalid<>(ErrorCode.ZONE_FROZEN, "Zone is frozen",
                List.of(Violation.malformed("zone", "Zone " + zone.value() + " is frozen: dynamic updates are"
                        + " suspended until it is thawed (POST /api/v1/zones/" + zone.value() + "/thaw)")),
                Outcome.orderedPairs("zone", zone.value()));
    }

    // ---- validation: requests into operations on typed records ----

    /** An operation on validated records. */
    sealed interface Op {
        DomainName owner();

        RecordType type();

        record Add(Record record) implements Op {
            public DomainName owner() {
                return record.owner();
            }

            public RecordType type() {
                return record.type();
            }
        }

        record Update(Record current, Record next) implements Op {
            public DomainName owner() {
                return current.owner();
            }

            public RecordType type() {
                return current.type();
            }
        }

        record Remove(Record record) implements Op {
            public DomainName owner() {
                return record.owner();
            }

            public RecordType type() {
                return record.type();
            }
        }

        record RemoveRRset(DomainName owner, RecordType type) implements Op {
        }
    }

    private static Outcome<List<Op>> validate(ZoneName zone, List<ChangeRequest> requests, boolean indexed) {
        List<Op> ops = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String field = indexed ? "changes[" + i + "]" : "";
            Outcome<Op> op = validate(zone, Objects.requireNonNull(requests.get(i), "operation"), field);
            switch (op) {
                case Outcome.Ok<Op> ok -> ops.add(ok.value());
                case Outcome.Invalid<Op> invalid -> violations.addAll(invalid.violations());
                case Outcome.Unprocessable<Op> unprocessable -> violations.addAll(unprocessable.violations());
                case Outcome.Failure<Op> other -> {
                    return other.as();
                }
                case Outcome.Created<Op> created -> ops.add(created.value());
                case Outcome.Deleted<Op> deleted -> throw new IllegalStateException("validation deletes nothing");
            }
        }
        if (!violations.isEmpty()) {
            return Outcome.invalidRecord(violations, Outcome.orderedPairs("zone", zone.value()));
        }
        return new Outcome.Ok<>(ops);
    }

    private static Outcome<Op> validate(ZoneName zone, ChangeRequest request, String field) {
        return switch (request) {
            case ChangeRequest.Add add -> record(add.record(), zone, field).map(Op.Add::new);
            case ChangeRequest.Update update -> validateUpdate(zone, update.update(), field);
            case ChangeRequest.Remove remove -> validateRemove(zone, remove.remove(), field);
        };
    }

    private static Outcome<Op> validateUpdate(ZoneName zone, RecordUpdateRequest u, String field) {
        List<Violation> missing = new ArrayList<>();
        if (u.currentValue().isEmpty()) {
            missing.add(Violation.missing(path(field, "currentValue")));
        }
        if (u.newValue().isEmpty()) {
            missing.add(Violation.missing(path(field, "newValue")));
        }
        Outcome<Record> current = record(new RecordRequest(u.name(), u.type(),
                u.currentValue().or(() -> Optional.of("")), OptionalLong.empty(), u.priority()), zone, field, "currentValue");
        Outcome<Record> next = record(new RecordRequest(u.name(), u.type(),
                u.newValue().or(() -> Optional.of("")), u.ttl(), u.priority()), zone, field, "newValue");
        List<Violation> violations = new ArrayList<>(missing);
        if (u.currentValue().isPresent()) {
            violations.addAll(violationsOf(current));
        }
        if (u.newValue().isPresent()) {
            // the name and type were judged with currentValue already; report them once
            violationsOf(next).stream()
                    .filter(v -> u.currentValue().isEmpty() || !violationsOf(current).contains(v))
                    .forEach(violations::add);
        }
        if (!violations.isEmpty()) {
            return Outcome.invalidRecord(violations, Outcome.orderedPairs("zone", zone.value()));
        }
        if (current instanceof Outcome.Failure<Record> f) {
            return f.as();
        }
        if (next instanceof Outcome.Failure<Record> f) {
            return f.as();
        }
        return new Outcome.Ok<>(new Op.Update(valueOf(current), valueOf(next)));
    }

    private static Outcome<Op> validateRemove(ZoneName zone, RecordRemoveRequest r, String field) {
        if (r.value().isPresent()) {
            return record(new RecordRequest(r.name(), r.type(), r.value(), OptionalLong.empty(), OptionalLong.empty()),
                    zone, field).map(Op.Remove::new);
        }
        List<Violation> violations = new ArrayList<>();
        Optional<DomainName> owner = Optional.empty();
        if (r.name().isEmpty()) {
            violations.add(Violation.missing(path(field, "name")));
        } else {
            Owners.Resolved resolved = Owners.resolve(r.name().get(), zone, path(field, "name"));
            resolved.violation().ifPresent(violations::add);
            owner = resolved.name();
        }
        Optional<RecordType> type = Optional.empty();
        if (r.type().isEmpty()) {
            violations.add(Violation.missing(path(field, "type")));
        } else {
            type = RecordType.parse(r.type().get());
            if (type.isEmpty()) {
                violations.add(Violation.malformed(path(field, "type"),
                        "Invalid record type: '" + Owners.printable(r.type().get()) + "'"));
            } else if (!type.get().writable()) {
                violations.add(Violation.semantic(path(field, "type"),
                        "The " + type.get() + " record cannot be removed; it belongs to the zone"));
            }
        }
        if (!violations.isEmpty()) {
            return Outcome.invalidRecord(violations, Outcome.orderedPairs("zone", zone.value()));
        }
        return new Outcome.Ok<>(new Op.RemoveRRset(owner.orElseThrow(), type.orElseThrow()));
    }

    private static Outcome<Record> record(RecordRequest request, ZoneName zone, String field) {
        return record(request, zone, field, "value");
    }

    /** Validates one record, renaming the {@code value} field of its violations to {@code valueField}. */
    private static Outcome<Record> record(RecordRequest request, ZoneName zone, String field, String valueField) {
        Outcome<Record> parsed = ZoneRequests.validate(request, zone, field);
        if (!"value".equals(valueField)) {
            parsed = renamed(parsed, path(field, "value"), path(field, valueField));
        }
        if (parsed instanceof Outcome.Ok<Record>(Record r)) {
            List<Violation> violations = new ArrayList<>();
            if (!r.owner().isIn(zone)) {
                violations.add(Violation.malformed(path(field, "name"),
                        "The name " + r.owner().absolute() + " is not inside zone " + zone.value()));
            }
            if (!r.type().writable()) {
                violations.add(Violation.semantic(path(field, "type"),
                        "The " + r.type() + " record cannot be changed through record updates"));
            }
            if (!violations.isEmpty()) {
                return Outcome.invalidRecord(violations, Outcome.orderedPairs("zone", zone.value()));
            }
        }
        return parsed;
    }

    private static Outcome<Record> renamed(Outcome<Record> outcome, String from, String to) {
        if (outcome instanceof Outcome.Invalid<Record> i) {
            return new Outcome.Invalid<>(i.code(), i.error(), rename(i.violations(), from, to), i.context());
        }
        if (outcome instanceof Outcome.Unprocessable<Record> u) {
            return new Outcome.Unprocessable<>(u.code(), u.error(), rename(u.violations(), from, to), u.context());
        }
        return outcome;
    }

    private static List<Violation> rename(List<Violation> violations, String from, String to) {
        return violations.stream().map(v -> v.field().equals(from)
                ? new Violation(to, v.message(), v.kind()) : v).toList();
    }

    private static List<Violation> violationsOf(Outcome<Record> outcome) {
        if (outcome instanceof Outcome.Invalid<Record> i) {
            return i.violations();
        }
        if (outcome instanceof Outcome.Unprocessable<Record> u) {
            return u.violations();
        }
        return List.of();
    }

    private static Record valueOf(Outcome<Record> outcome) {
        if (outcome instanceof Outcome.Ok<Record>(Record r)) {
            return r;
        }
        if (outcome instanceof Outcome.Created<Record> created) {
            return created.value();
        }
        throw new IllegalStateException("not a success");
    }

    static String path(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    // ---- planning: the operations against the zone's current records ----

    record Plan(ChangeSet changes, List<RecordChanged> results) {
    }

    private Outcome<Plan> plan(ZoneName zone, List<Op> ops, boolean indexed) {
        Map<DomainName, List<Record>> original = new LinkedHashMap<>();
        Map<DomainName, List<Record>> state = new LinkedHashMap<>();
        for (Op op : ops) {
            if (!original.containsKey(op.owner())) {
                Outcome<List<Record>> read = reader.read(zone, op.owner());
                if (!(read instanceof Outcome.Ok<List<Record>>(List<Record> records))) {
                    return ((Outcome.Failure<List<Record>>) read).as();
                }
                original.put(op.owner(), List.copyOf(records));
                state.put(op.owner(), new ArrayList<>(records));
            }
        }
        LinkedHashSet<Prerequisite> prerequisites = new LinkedHashSet<>();
        List<RecordChange> changes = new ArrayList<>();
        List<RecordChanged> results = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            String field = indexed ? "changes[" + i + "]" : "";
            List<Record> before = original.get(op.owner());
            List<Record> now = state.get(op.owner());
            Outcome<RecordChanged> step = switch (op) {
                case Op.Add add -> planAdd(zone, add.record(), before, now, field, prerequisites, changes);
                case Op.Update update -> planUpdate(zone, update, before, now, field, prerequisites, changes);
                case Op.Remove remove -> planRemove(zone, remove.record(), before, now, field, prerequisites, changes);
                case Op.RemoveRRset rrset -> planRemoveRRset(zone, rrset, before, now, field, prerequisites, changes);
            };
            if (!(step instanceof Outcome.Ok<RecordChanged>(RecordChanged changed))) {
                return ((Outcome.Failure<RecordChanged>) step).as();
            }
            results.add(changed);
        }
        return new Outcome.Ok<>(new Plan(new ChangeSet(List.copyOf(prerequisites), changes), results));
    }

    private static Outcome<RecordChanged> planAdd(ZoneName zone, Record asked, List<Record> before, List<Record> now,
                                                  String field, Set<Prerequisite> prerequisites,
                                                  List<RecordChange> changes) {
        DomainName owner = asked.owner();
        boolean cname = asked.type() == RecordType.CNAME;
        if (cname) {
            List<Record> others = now.stream()
                    .filter(r -> r.type() != RecordType.CNAME && r.type() != RecordType.OTHER).toList();
            if (!others.isEmpty()) {
                return conflict(zone, field, "A CNAME cannot coexist with other records: " + owner.absolute()
                        + " has " + typesOf(others) + " records");
            }
            Optional<Record> existing = now.stream().filter(r -> r.type() == RecordType.CNAME).findFirst();
            if (existing.isPresent() && !existing.get().data().equals(asked.data())) {
                return conflict(zone, field, owner.absolute() + " has a CNAME already (to "
                        + existing.get().data().presentation() + "); a name can have only one");
            }
            if (before.isEmpty()) {
                prerequisites.add(new Prerequisite.NameAbsent(owner));
            }
        } else {
            if (now.stream().anyMatch(r -> r.type() == RecordType.CNAME)) {
                return conflict(zone, field, owner.absolute() + " has a CNAME; no other record can be added there");
            }
            if (before.stream().noneMatch(r -> r.type() == RecordType.CNAME)) {
                prerequisites.add(new Prerequisite.RRsetAbsent(owner, RecordType.CNAME));
            }
        }
        Record record = asked.ttl().isPresent() ? asked : new Record(owner, OptionalLong.of(now.stream()
                .filter(r -> r.type() == asked.type() && r.ttl().isPresent())
                .mapToLong(r -> r.ttl().getAsLong()).findFirst().orElse(DEFAULT_TTL)), asked.data());
        changes.add(new RecordChange.Add(record));
        now.removeIf(r -> sameData(r, record));
        now.add(record);
        return new Outcome.Ok<>(new RecordChanged(zone, RecordChanged.Operation.ADDED, owner, record.type(),
                List.of(), List.of(record)));
    }

    private static Outcome<RecordChanged> planUpdate(ZoneName zone, Op.Update update, List<Record> before,
                                                     List<Record> now, String field, Set<Prerequisite> prerequisites,
                                                     List<RecordChange> changes) {
        Optional<Record> current = now.stream().filter(r -> sameData(r, update.current())).findFirst();
        if (current.isEmpty()) {
            return recordNotFound(zone, field, update.current());
        }
        if (before.stream().anyMatch(r -> sameData(r, update.current()))) {
            prerequisites.add(new Prerequisite.RecordExists(update.current()));
        }
        Record next = update.next().ttl().isPresent() ? update.next()
                : new Record(update.next().owner(), current.get().ttl().isPresent() ? current.get().ttl()
                : OptionalLong.of(DEFAULT_TTL), update.next().data());
        changes.add(new RecordChange.Remove(update.current()));
        changes.add(new RecordChange.Add(next));
        now.remove(current.get());
        now.removeIf(r -> sameData(r, next));
        now.add(next);
        return new Outcome.Ok<>(new RecordChanged(zone, RecordChanged.Operation.UPDATED, next.owner(), next.type(),
                List.of(current.get()), List.of(next)));
    }

    private static Outcome<RecordChanged> planRemove(ZoneName zone, Record asked, List<Record> before, List<Record> now,
                                                     String field, Set<Prerequisite> prerequisites,
                                                     List<RecordChange> changes) {
        Optional<Record> current = now.stream().filter(r -> sameData(r, asked)).findFirst();
        if (current.isEmpty()) {
            return recordNotFound(zone, field, asked);
        }
        if (isApexNs(zone, asked.owner(), asked.type())
                && now.stream().filter(r -> r.type() == RecordType.NS).count() == 1) {
            return conflict(zone, field, "The zone apex must keep at least one NS record");
        }
        if (before.stream().anyMatch(r -> sameData(r, asked))) {
            prerequisites.add(new Prerequisite.RecordExists(asked));
        }
        changes.add(new RecordChange.Remove(asked));
        now.remove(current.get());
        return new Outcome.Ok<>(new RecordChanged(zone, RecordChanged.Operation.REMOVED, asked.owner(), asked.type(),
                List.of(current.get()), List.of()));
    }

    private static Outcome<RecordChanged> planRemoveRRset(ZoneName zone, Op.RemoveRRset rrset, List<Record> before,
                                                          List<Record> now, String field,
                                                          Set<Prerequisite> prerequisites,
                                                          List<RecordChange> changes) {
        List<Record> current = now.stream().filter(r -> r.type() == rrset.type()).toList();
        if (current.isEmpty()) {
            return notFound(zone, field, "No " + rrset.type() + " records at " + rrset.owner().absolute());
        }
        if (isApexNs(zone, rrset.owner(), rrset.type())) {
            return conflict(zone, field, "The zone apex must keep at least one NS record");
        }
        if (before.stream().anyMatch(r -> r.type() == rrset.type())) {
            prerequisites.add(new Prerequisite.RRsetExists(rrset.owner(), rrset.type()));
        }
        changes.add(new RecordChange.RemoveRRset(rrset.owner(), rrset.type()));
        now.removeAll(current);
        return new Outcome.Ok<>(new RecordChanged(zone, RecordChanged.Operation.REMOVED, rrset.owner(), rrset.type(),
                current, List.of()));
    }

    private Outcome<ChangeReport> send(ZoneName zone, Plan plan) {
        return updater.apply(zone, plan.changes());
    }

    private static boolean isApexNs(ZoneName zone, DomainName owner, RecordType type) {
        return type == RecordType.NS && owner.equals(zone.apex());
    }

    /** The same record for RFC 2136: owner and data; the TTL does not count. */
    static boolean sameData(Record a, Record b) {
        return a.owner().equals(b.owner()) && a.data().equals(b.data());
    }

    private static String typesOf(List<Record> records) {
        return String.join(", ", records.stream().map(r -> r.type().name()).distinct().toList());
    }

    private static <T> Outcome<T> conflict(ZoneName zone, String field, String message) {
        return Outcome.invalidRecord(List.of(Violation.semantic(field.isEmpty() ? "record" : field, message)),
                Outcome.orderedPairs("zone", zone.value()));
    }

    private static <T> Outcome<T> recordNotFound(ZoneName zone, String field, Record record) {
        return notFound(zone, field, "No " + record.type() + " record " + record.owner().absolute() + " "
                + record.data().presentation() + " in zone " + zone.value());
    }

    private static <T> Outcome<T> notFound(ZoneName zone, String field, String details) {
        Map<String, String> context = field.isEmpty() ? Outcome.orderedPairs("zone", zone.value())
                : Outcome.orderedPairs("zone", zone.value(), "field", field);
        return new Outcome.NotFound<>(ErrorCode.RECORD_NOT_FOUND, "Record not found", details, context);
    }

    /** The opaque page cursor: the canonical sort key of the last record of a page, base64url-encoded. */
    static final class Cursors {
        private Cursors() {
        }

        /** Owner labels right to left (DNS canonical order), then type code, then data. */
        static String key(Record r) {
            String owner = r.owner().value();
            List<String> labels = new ArrayList<>(List.of(owner.isEmpty() ? new String[0] : owner.split("\\.")));
            java.util.Collections.reverse(labels);
            int code = r.type() == RecordType.OTHER ? 65536 : r.type().code();
            return String.join("\u0001", labels) + "\u0000" + String.format("%05d", code) + "\u0000"
                    + r.data().presentation();
        }

        static String encode(String key) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        }

        static Optional<String> decode(String cursor) {
            try {
                String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                return key.indexOf('\u0000') > 0 || key.startsWith("\u0000") ? Optional.of(key) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
