package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The use case behind a DNS front end's UPDATE (RFC 2136): a message's records are judged by the same
 * rules as the API's ({@link RecordValidation}), its prerequisites are checked against the zone's
 * records, its updates are planned by the API's planner ({@link ChangePlanner}) with the rules BIND
 * applies to dynamic updates — what cannot be applied (a CNAME beside other data, the apex SOA or
 * last NS removed, an SOA with an older serial) is ignored rather than refused — and the result is one
 * atomic change set for the {@link RecordUpdater}. A message that changes nothing changes nothing: no
 * serial is moved.
 *
 * <p>Failures, so that a front end can answer with RFC 2136's response codes:
 * <ul>
 * <li>a record the API would refuse: {@code Invalid} (malformed) or {@code Unprocessable}
 *     ({@code RECORD_CONFLICT}), the violation's field {@code updates[i]…};</li>
 * <li>a prerequisite that does not hold: {@code NotFound} ({@code RECORD_NOT_FOUND}) when something
 *     should exist, {@code Unprocessable} ({@code RECORD_CONFLICT}) when something should not; the
 *     context's (or violation's) {@code field} is {@code prerequisites[i]};</li>
 * <li>the updater's own failures (unknown zone, not dynamic, a file not written) as it reports them.</li>
 * </ul>
 * The caller makes reading and applying one step (the embedded server holds the zone's lock
 * throughout); the change set also carries prerequisites that pin what was read.
 */
public final class DynamicUpdates {
    private final RecordReader reader;
    private final RecordUpdater updater;
    private final ChangePlanner planner;

    public DynamicUpdates(RecordReader reader, RecordUpdater updater) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.updater = Objects.requireNonNull(updater, "updater");
        this.planner = new ChangePlanner(reader);
    }

    /** Ok with what changed (empty when nothing did), or the first reason the message cannot apply. */
    public Outcome<ChangeSetResult> apply(ZoneName zone, DynamicUpdate update) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(update, "update");
        List<Violation> violations = new ArrayList<>();
        List<DynamicUpdate.Operation> updates = update.updates();
        for (int i = 0; i < updates.size(); i++) {
            if (updates.get(i) instanceof DynamicUpdate.Operation.Add add) {
                violations.addAll(judge(zone, add.record(), "updates[" + i + "]"));
            }
        }
        if (!violations.isEmpty()) {
            return Outcome.invalidRecord(violations, Outcome.orderedPairs("zone", zone.value()));
        }
        Map<DomainName, List<Record>> read = new HashMap<>();
        List<DynamicUpdate.Condition> conditions = update.prerequisites();
        for (int i = 0; i < conditions.size(); i++) {
            DynamicUpdate.Condition condition = conditions.get(i);
            if (!read.containsKey(condition.owner())) {
                Outcome<List<Record>> records = reader.read(zone, condition.owner());
                if (!(records instanceof Outcome.Ok<List<Record>>(List<Record> found))) {
                    return ((Outcome.Failure<List<Record>>) records).as();
                }
                read.put(condition.owner(), found);
            }
            Optional<Outcome.Failure<ChangeSetResult>> unmet =
                    check(zone, condition, read.get(condition.owner()), "prerequisites[" + i + "]");
            if (unmet.isPresent()) {
                return unmet.get();
            }
        }
        return planner.planDynamic(zone, updates).flatMap(plan -> {
            if (plan.isEmpty()) {
                return new Outcome.Ok<>(new ChangeSetResult(zone, true, List.of()));
            }
            return updater.apply(zone, plan.get().changes())
                    .map(report -> new ChangeSetResult(zone, true, plan.get().results()));
        });
    }

    /** An added record judged as the API judges one; an SOA (which the API never takes as a record) only by its place. */
    private static List<Violation> judge(ZoneName zone, Record record, String field) {
        if (record.data() instanceof RData.StartOfAuthority) {
            return record.owner().equals(zone.apex())
                    ? List.of()
                    : List.of(Violation.semantic(
                            field + ".name",
                            "An SOA record belongs at the zone apex (" + zone.absolute() + "), not at "
                                    + record.owner().absolute()));
        }
        return switch (RecordValidation.validateTyped(zone, record, field)) {
            case Outcome.Invalid<Record> invalid -> invalid.violations();
            case Outcome.Unprocessable<Record> unprocessable -> unprocessable.violations();
            case Outcome.Failure<Record> other ->
                List.of(Violation.malformed(field, other.details().isEmpty() ? other.error() : other.details()));
            case Outcome.Ok<Record> ok -> List.of();
            case Outcome.Created<Record> created -> List.of();
            case Outcome.Deleted<Record> deleted -> List.of();
        };
    }

    private static Optional<Outcome.Failure<ChangeSetResult>> check(
            ZoneName zone, DynamicUpdate.Condition condition, List<Record> at, String field) {
        String owner = condition.owner().absolute();
        return switch (condition) {
            case DynamicUpdate.Condition.NameInUse c ->
                at.isEmpty()
                        ? Optional.of(missing(zone, field, "The name " + owner + " has no records"))
                        : Optional.empty();
            case DynamicUpdate.Condition.NameNotInUse c ->
                at.isEmpty() ? Optional.empty() : Optional.of(present(field, zone, "The name " + owner + " is in use"));
            case DynamicUpdate.Condition.RRsetExists c ->
                ofType(at, c.type()).isEmpty()
                        ? Optional.of(missing(zone, field, "No " + c.type() + " records exist at " + owner))
                        : Optional.empty();
            case DynamicUpdate.Condition.RRsetDoesNotExist c ->
                ofType(at, c.type()).isEmpty()
                        ? Optional.empty()
                        : Optional.of(present(field, zone, "A " + c.type() + " record exists at " + owner));
            case DynamicUpdate.Condition.RRsetExistsWithData c -> {
                Set<RData> have =
                        ofType(at, c.type()).stream().map(Record::data).collect(Collectors.toSet());
                Set<RData> want = c.records().stream().map(Record::data).collect(Collectors.toSet());
                yield have.equals(want)
                        ? Optional.empty()
                        : Optional.of(missing(
                                zone, field, "The " + c.type() + " records at " + owner + " are not the ones given"));
            }
        };
    }

    private static List<Record> ofType(List<Record> records, RecordType type) {
        return records.stream().filter(r -> r.type() == type).toList();
    }

    private static Outcome.Failure<ChangeSetResult> missing(ZoneName zone, String field, String details) {
        return new Outcome.NotFound<>(
                ErrorCode.RECORD_NOT_FOUND,
                "Prerequisite not met",
                details,
                Outcome.orderedPairs("zone", zone.value(), "field", field));
    }

    private static Outcome.Failure<ChangeSetResult> present(String field, ZoneName zone, String details) {
        return Outcome.invalidRecord(
                List.of(Violation.semantic(field, details)), Outcome.orderedPairs("zone", zone.value()));
    }
}
