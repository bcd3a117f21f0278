package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Change requests as clients sent them into {@link RecordOp}s on typed records, judged without the
 * zone's current content: names inside the zone, values that parse, types that may be written.
 */
final class RecordValidation {
    private RecordValidation() {}

    /**
     * Every request as an operation on typed records, or every violation at once. {@code indexed}
     * names the fields of a change set ({@code changes[2].value}); a single change's fields are bare.
     */
    static Outcome<List<RecordOp>> validate(ZoneName zone, List<ChangeRequest> requests, boolean indexed) {
        List<RecordOp> ops = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String field = indexed ? "changes[" + i + "]" : "";
            Outcome<RecordOp> op = validate(zone, Objects.requireNonNull(requests.get(i), "operation"), field);
            switch (op) {
                case Outcome.Ok<RecordOp> ok -> ops.add(ok.value());
                case Outcome.Invalid<RecordOp> invalid -> violations.addAll(invalid.violations());
                case Outcome.Unprocessable<RecordOp> unprocessable -> violations.addAll(unprocessable.violations());
                case Outcome.Failure<RecordOp> other -> {
                    return other.as();
                }
                case Outcome.Created<RecordOp> created -> ops.add(created.value());
                case Outcome.Deleted<RecordOp> deleted -> throw new IllegalStateException("validation deletes nothing");
            }
        }
        if (!violations.isEmpty()) {
            return Outcome.invalidRecord(violations, Outcome.orderedPairs("zone", zone.value()));
        }
        return new Outcome.Ok<>(ops);
    }

    private static Outcome<RecordOp> validate(ZoneName zone, ChangeRequest request, String field) {
        return switch (request) {
            case ChangeRequest.Add add -> record(add.record(), zone, field).map(RecordOp.Add::new);
            case ChangeRequest.Update update -> validateUpdate(zone, update.update(), field);
            case ChangeRequest.Remove remove -> validateRemove(zone, remove.remove(), field);
        };
    }

    private static Outcome<RecordOp> validateUpdate(ZoneName zone, RecordUpdateRequest u, String field) {
        List<Violation> missing = new ArrayList<>();
        if (u.currentValue().isEmpty()) {
            missing.add(Violation.missing(path(field, "currentValue")));
        }
        if (u.newValue().isEmpty()) {
            missing.add(Violation.missing(path(field, "newValue")));
        }
        Outcome<Record> current = record(
                new RecordRequest(
                        u.name(),
                        u.type(),
                        u.currentValue().or(() -> Optional.of("")),
                        OptionalLong.empty(),
                        u.priority()),
                zone,
                field,
                "currentValue");
        Outcome<Record> next = record(
                new RecordRequest(u.name(), u.type(), u.newValue().or(() -> Optional.of("")), u.ttl(), u.priority()),
                zone,
                field,
                "newValue");
        List<Violation> violations = new ArrayList<>(missing);
        if (u.currentValue().isPresent()) {
            violations.addAll(violationsOf(current));
        }
        if (u.newValue().isPresent()) {
            // the name and type were judged with currentValue already; report them once
            violationsOf(next).stream()
                    .filter(v ->
                            u.currentValue().isEmpty() || !violationsOf(current).contains(v))
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
        return new Outcome.Ok<>(new RecordOp.Update(valueOf(current), valueOf(next)));
    }

    private static Outcome<RecordOp> validateRemove(ZoneName zone, RecordRemoveRequest r, String field) {
        if (r.value().isPresent()) {
            return record(
                            new RecordRequest(
                                    r.name(), r.type(), r.value(), OptionalLong.empty(), OptionalLong.empty()),
                            zone,
                            field)
                    .map(RecordOp.Remove::new);
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
                violations.add(Violation.malformed(
                        path(field, "type"),
                        "Invalid record type: '" + Owners.printable(r.type().get()) + "'"));
            } else if (!type.get().writable()) {
                violations.add(Violation.semantic(
                        path(field, "type"),
                        "The " + type.get() + " record cannot be removed; it belongs to the zone"));
            }
        }
        if (!violations.isEmpty()) {
            return Outcome.invalidRecord(violations, Outcome.orderedPairs("zone", zone.value()));
        }
        return new Outcome.Ok<>(new RecordOp.RemoveRRset(owner.orElseThrow(), type.orElseThrow()));
    }

    private static Outcome<Record> record(RecordRequest request, ZoneName zone, String field) {
        return record(request, zone, field, "value");
    }

    /**
     * A record that arrived typed (a DNS UPDATE) judged by exactly the rules of a client's request:
     * its owner, type, presentation and TTL are read back as a request's fields would be. Ok with
     * the record as given.
     */
    static Outcome<Record> validateTyped(ZoneName zone, Record record, String field) {
        RecordRequest request = new RecordRequest(
                Optional.of(record.owner().absolute()),
                Optional.of(record.type().name()),
                Optional.of(record.data().presentation()),
                record.ttl(),
                OptionalLong.empty());
        return record(request, zone, field).map(parsed -> record);
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
                violations.add(Violation.malformed(
                        path(field, "name"),
                        "The name " + r.owner().absolute() + " is not inside zone " + zone.value()));
            }
            if (!r.type().writable()) {
                violations.add(Violation.semantic(
                        path(field, "type"), "The " + r.type() + " record cannot be changed through record updates"));
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
        return violations.stream()
                .map(v -> v.field().equals(from) ? new Violation(to, v.message(), v.kind()) : v)
                .toList();
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
}
