package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    private final RecordReader reader;
    private final ChangePlanner planner;
    private final ZoneLocks locks;
    private final ZoneUpdates updates;

    /** Record use cases with locks of their own; {@link UseCases#of} shares one lock set with the zone use cases. */
    public RecordService(NameServerControl control, RecordUpdater updater, RecordReader reader) {
        this(control, updater, reader, new ZoneLocks(), Clock.systemUTC(), false);
    }

    RecordService(
            NameServerControl control,
            RecordUpdater updater,
            RecordReader reader,
            ZoneLocks locks,
            Clock clock,
            boolean newNamesFirst) {
        this.control = Objects.requireNonNull(control, "control");
        Objects.requireNonNull(updater, "updater");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.planner = new ChangePlanner(reader);
        this.locks = Objects.requireNonNull(locks, "locks");
        this.updates = new ZoneUpdates(
                control, updater, reader, planner, locks, Objects.requireNonNull(clock, "clock"), newNamesFirst);
    }

    /** Created (201) with the record added; its location is the zone's records collection ({@code zones/<zone>/records}). */
    public Outcome<RecordChanged> add(String zone, RecordRequest request) {
        return single(zone, new ChangeRequest.Add(request))
                .flatMap(changed ->
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
            return Outcome.invalid(
                    List.of(Violation.malformed("changes", "A change set needs at least one operation")),
                    Outcome.orderedPairs("zone", z.value()));
        }
        Outcome<List<RecordOp>> ops = RecordValidation.validate(z, operations, true);
        if (!(ops instanceof Outcome.Ok<List<RecordOp>>(List<RecordOp> valid))) {
            return ((Outcome.Failure<List<RecordOp>>) ops).as();
        }
        return updates.alone(z, valid, dryRun).map(plan -> new ChangeSetResult(z, !dryRun, plan.results()));
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
            after = RecordCursors.decode(query.cursor().get());
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
        return withZone(z, () -> {
            Outcome<List<Record>> read = ownerFilter.isPresent() ? reader.read(z, ownerFilter.get()) : reader.read(z);
            return read.map(records -> RecordCursors.page(z, records, ownerFilter, typeFilter, afterKey, limit));
        });
    }

    // ---- the single-record use cases are change sets of one ----

    private Outcome<RecordChanged> single(String zone, ChangeRequest request) {
        Outcome<ZoneName> name = zoneName(zone);
        if (!(name instanceof Outcome.Ok<ZoneName>(ZoneName z))) {
            return ((Outcome.Failure<ZoneName>) name).as();
        }
        Outcome<List<RecordOp>> ops = RecordValidation.validate(z, List.of(request), false);
        if (!(ops instanceof Outcome.Ok<List<RecordOp>>(List<RecordOp> valid))) {
            return ((Outcome.Failure<List<RecordOp>>) ops).as();
        }
        // concurrent single changes to one zone go to the name server together (ZoneUpdates)
        return updates.submit(z, valid).map(plan -> plan.results().getFirst());
    }

    private static Outcome<ZoneName> zoneName(String raw) {
        Optional<String> problem = ZoneName.problem(raw == null ? "" : raw);
        if (problem.isPresent()) {
            return new Outcome.Invalid<>(
                    ErrorCode.INVALID_ZONE_NAME,
                    "Invalid zone name",
                    List.of(Violation.malformed("zone", problem.get())),
                    Outcome.orderedPairs("zone", Owners.printable(raw == null ? "" : raw)));
        }
        return new Outcome.Ok<>(ZoneName.of(raw));
    }

    /** Runs {@code work} under the zone's lock once the name server has said the zone exists. */
    private <T> Outcome<T> withZone(ZoneName zone, Supplier<Outcome<T>> work) {
        return locks.with(zone, () -> control.zoneStatus(zone).flatMap(status -> work.get()));
    }

    static <T> Outcome<T> notDynamic(ZoneName zone) {
        return new Outcome.Invalid<>(
                ErrorCode.ZONE_NOT_DYNAMIC,
                "Zone does not support dynamic updates",
                List.of(Violation.malformed(
                        "zone",
                        "Zone " + zone.value() + " does not accept dynamic updates;"
                                + " create it with updateKeyName or allow updates with PATCH (allowUpdate)")),
                Outcome.orderedPairs("zone", zone.value()));
    }

    static <T> Outcome<T> frozen(ZoneName zone) {
        return new Outcome.Invalid<>(
                ErrorCode.ZONE_FROZEN,
                "Zone is frozen",
                List.of(Violation.malformed(
                        "zone",
                        "Zone " + zone.value() + " is frozen: dynamic updates are"
                                + " suspended until it is thawed: thaw the zone first")),
                Outcome.orderedPairs("zone", zone.value()));
    }
}
