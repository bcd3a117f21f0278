package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.Prerequisite;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Plans validated operations against the zone's current records (read once per owner): a CNAME
 * stands alone, the apex keeps its NS, the record to change or remove exists. Each check becomes a
 * prerequisite of the update too, so that a change made between the read and the write fails the
 * update instead of being overwritten.
 */
final class ChangePlanner {
    /** The change set to send and, per operation, what it changes. */
    record Plan(ChangeSet changes, List<RecordChanged> results) {}

    private final RecordReader reader;

    ChangePlanner(RecordReader reader) {
        this.reader = reader;
    }

    /**
     * The operations applied in order to the records the zone has now, as one change set whose
     * prerequisites pin what was read; a conflict or a missing record stops the whole set.
     */
    Outcome<Plan> plan(ZoneName zone, List<RecordOp> ops, boolean indexed) {
        // every owner at once: one round of (pipelined) queries however many operations there are
        Outcome<Map<DomainName, List<Record>>> read =
                reader.read(zone, ops.stream().map(RecordOp::owner).distinct().toList());
        if (!(read instanceof Outcome.Ok<Map<DomainName, List<Record>>>(Map<DomainName, List<Record>> owners))) {
            return ((Outcome.Failure<Map<DomainName, List<Record>>>) read).as();
        }
        return plan(zone, ops, indexed, owners);
    }

    /** As {@link #plan(ZoneName, List, boolean)}, with the owners' records read already (every owner a key). */
    Outcome<Plan> plan(ZoneName zone, List<RecordOp> ops, boolean indexed, Map<DomainName, List<Record>> owners) {
        Map<DomainName, List<Record>> original = new LinkedHashMap<>();
        Map<DomainName, List<Record>> state = new LinkedHashMap<>();
        for (RecordOp op : ops) {
            if (!original.containsKey(op.owner())) {
                List<Record> records = owners.getOrDefault(op.owner(), List.of());
                original.put(op.owner(), List.copyOf(records));
                state.put(op.owner(), new ArrayList<>(records));
            }
        }
        LinkedHashSet<Prerequisite> prerequisites = new LinkedHashSet<>();
        List<RecordChange> changes = new ArrayList<>();
        List<RecordChanged> results = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            RecordOp op = ops.get(i);
            String field = indexed ? "changes[" + i + "]" : "";
            List<Record> before = original.get(op.owner());
            List<Record> now = state.get(op.owner());
            Outcome<RecordChanged> step = switch (op) {
                case RecordOp.Add add -> planAdd(zone, add.record(), before, now, field, prerequisites, changes);
                case RecordOp.Update update -> planUpdate(zone, update, before, now, field, prerequisites, changes);
                case RecordOp.Remove remove ->
                    planRemove(zone, remove.record(), before, now, field, prerequisites, changes);
                case RecordOp.RemoveRRset rrset ->
                    planRemoveRRset(zone, rrset, before, now, field, prerequisites, changes);
            };
            if (!(step instanceof Outcome.Ok<RecordChanged>(RecordChanged changed))) {
                return ((Outcome.Failure<RecordChanged>) step).as();
            }
            results.add(changed);
        }
        return new Outcome.Ok<>(new Plan(new ChangeSet(List.copyOf(prerequisites), changes), results));
    }

    private static Outcome<RecordChanged> planAdd(
            ZoneName zone,
            Record asked,
            List<Record> before,
            List<Record> now,
            String field,
            Set<Prerequisite> prerequisites,
            List<RecordChange> changes) {
        DomainName owner = asked.owner();
        boolean cname = asked.type() == RecordType.CNAME;
        if (cname) {
            List<Record> others = now.stream()
                    .filter(r -> r.type() != RecordType.CNAME && r.type() != RecordType.OTHER)
                    .toList();
            if (!others.isEmpty()) {
                return conflict(
                        zone,
                        field,
                        "A CNAME cannot coexist with other records: " + owner.absolute() + " has " + typesOf(others)
                                + " records");
            }
            Optional<Record> existing =
                    now.stream().filter(r -> r.type() == RecordType.CNAME).findFirst();
            if (existing.isPresent() && !existing.get().data().equals(asked.data())) {
                return conflict(
                        zone,
                        field,
                        owner.absolute() + " has a CNAME already (to "
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
        Record record = asked.ttl().isPresent()
                ? asked
                : new Record(
                        owner,
                        OptionalLong.of(now.stream()
                                .filter(r -> r.type() == asked.type() && r.ttl().isPresent())
                                .mapToLong(r -> r.ttl().getAsLong())
                                .findFirst()
                                .orElse(RecordService.DEFAULT_TTL)),
                        asked.data());
        changes.add(new RecordChange.Add(record));
        now.removeIf(r -> sameData(r, record));
        now.add(record);
        return new Outcome.Ok<>(new RecordChanged(
                zone, RecordChanged.Operation.ADDED, owner, record.type(), List.of(), List.of(record)));
    }

    private static Outcome<RecordChanged> planUpdate(
            ZoneName zone,
            RecordOp.Update update,
            List<Record> before,
            List<Record> now,
            String field,
            Set<Prerequisite> prerequisites,
            List<RecordChange> changes) {
        Optional<Record> current =
                now.stream().filter(r -> sameData(r, update.current())).findFirst();
        if (current.isEmpty()) {
            return recordNotFound(zone, field, update.current());
        }
        if (before.stream().anyMatch(r -> sameData(r, update.current()))) {
            prerequisites.add(new Prerequisite.RecordExists(update.current()));
        }
        Record next = update.next().ttl().isPresent()
                ? update.next()
                : new Record(
                        update.next().owner(),
                        current.get().ttl().isPresent()
                                ? current.get().ttl()
                                : OptionalLong.of(RecordService.DEFAULT_TTL),
                        update.next().data());
        changes.add(new RecordChange.Remove(update.current()));
        changes.add(new RecordChange.Add(next));
        now.remove(current.get());
        now.removeIf(r -> sameData(r, next));
        now.add(next);
        return new Outcome.Ok<>(new RecordChanged(
                zone,
                RecordChanged.Operation.UPDATED,
                next.owner(),
                next.type(),
                List.of(current.get()),
                List.of(next)));
    }

    private static Outcome<RecordChanged> planRemove(
            ZoneName zone,
            Record asked,
            List<Record> before,
            List<Record> now,
            String field,
            Set<Prerequisite> prerequisites,
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
        return new Outcome.Ok<>(new RecordChanged(
                zone, RecordChanged.Operation.REMOVED, asked.owner(), asked.type(), List.of(current.get()), List.of()));
    }

    private static Outcome<RecordChanged> planRemoveRRset(
            ZoneName zone,
            RecordOp.RemoveRRset rrset,
            List<Record> before,
            List<Record> now,
            String field,
            Set<Prerequisite> prerequisites,
            List<RecordChange> changes) {
        List<Record> current =
                now.stream().filter(r -> r.type() == rrset.type()).toList();
        if (current.isEmpty()) {
            return notFound(
                    zone,
                    field,
                    "No " + rrset.type() + " records at " + rrset.owner().absolute());
        }
        if (isApexNs(zone, rrset.owner(), rrset.type())) {
            return conflict(zone, field, "The zone apex must keep at least one NS record");
        }
        if (before.stream().anyMatch(r -> r.type() == rrset.type())) {
            prerequisites.add(new Prerequisite.RRsetExists(rrset.owner(), rrset.type()));
        }
        changes.add(new RecordChange.RemoveRRset(rrset.owner(), rrset.type()));
        now.removeAll(current);
        return new Outcome.Ok<>(new RecordChanged(
                zone, RecordChanged.Operation.REMOVED, rrset.owner(), rrset.type(), current, List.of()));
    }

    // ---- RFC 2136 messages: the same records and rules, applied as BIND applies a dynamic update ----

    /**
     * The updates of an RFC 2136 message applied in order to the records the zone has now, as BIND
     * applies them (RFC 2136 §3.4.2): what the API refuses as a conflict is ignored here — a CNAME
     * beside other data, other data beside a CNAME, removing the apex SOA or its last NS, an SOA
     * whose serial is not greater — and removing what is not there changes nothing. Empty when the
     * message changes nothing; otherwise the change set of the effective changes only.
     */
    Outcome<Optional<Plan>> planDynamic(ZoneName zone, List<DynamicUpdate.Operation> ops) {
        Map<DomainName, List<Record>> original = new LinkedHashMap<>();
        Map<DomainName, List<Record>> state = new LinkedHashMap<>();
        for (DynamicUpdate.Operation op : ops) {
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
        for (DynamicUpdate.Operation op : ops) {
            List<Record> before = original.get(op.owner());
            List<Record> now = state.get(op.owner());
            switch (op) {
                case DynamicUpdate.Operation.Add add ->
                    dynamicAdd(zone, add.record(), before, now, prerequisites, changes, results);
                case DynamicUpdate.Operation.Delete delete ->
                    dynamicDelete(zone, delete.record(), before, now, prerequisites, changes, results);
                case DynamicUpdate.Operation.DeleteRRset rrset ->
                    dynamicDeleteRRset(zone, rrset.owner(), rrset.type(), now, changes, results);
                case DynamicUpdate.Operation.DeleteName name -> {
                    for (RecordType type :
                            now.stream().map(Record::type).distinct().toList()) {
                        dynamicDeleteRRset(zone, name.owner(), type, now, changes, results);
                    }
                }
            }
        }
        if (changes.isEmpty()) {
            return new Outcome.Ok<>(Optional.empty());
        }
        return new Outcome.Ok<>(
                Optional.of(new Plan(new ChangeSet(List.copyOf(prerequisites), changes), List.copyOf(results))));
    }

    private static void dynamicAdd(
            ZoneName zone,
            Record asked,
            List<Record> before,
            List<Record> now,
            Set<Prerequisite> prerequisites,
            List<RecordChange> changes,
            List<RecordChanged> results) {
        DomainName owner = asked.owner();
        if (asked.data() instanceof RData.StartOfAuthority next) {
            Optional<Record> current =
                    now.stream().filter(r -> r.type() == RecordType.SOA).findFirst();
            if (current.isPresent()
                    && current.get().data() instanceof RData.StartOfAuthority soa
                    && serialGreater(next.soa().serial(), soa.soa().serial())) {
                changes.add(new RecordChange.Add(asked));
                now.remove(current.get());
                now.add(asked);
                results.add(new RecordChanged(
                        zone,
                        RecordChanged.Operation.UPDATED,
                        owner,
                        RecordType.SOA,
                        List.of(current.get()),
                        List.of(asked)));
            }
            return;
        }
        boolean hasCname = now.stream().anyMatch(r -> r.type() == RecordType.CNAME);
        if (asked.type() == RecordType.CNAME) {
            if (now.stream().anyMatch(r -> r.type() != RecordType.CNAME)) {
                return; // BIND: "attempt to add CNAME alongside non-CNAME ignored"
            }
        } else if (hasCname) {
            return; // BIND: "attempt to add non-CNAME alongside CNAME ignored"
        }
        List<Record> replaced = new ArrayList<>();
        if (asked.type() == RecordType.CNAME) {
            // RFC 2136 §3.4.2.2: a CNAME added where one is replaces it
            now.stream()
                    .filter(r -> r.type() == RecordType.CNAME && !sameData(r, asked))
                    .forEach(replaced::add);
        }
        boolean unchanged = now.stream()
                        .filter(r -> r.type() == asked.type())
                        .allMatch(r -> r.ttl().equals(asked.ttl()))
                && now.stream().anyMatch(r -> sameData(r, asked));
        if (unchanged) {
            return;
        }
        if (!hasCname && before.stream().noneMatch(r -> r.type() == RecordType.CNAME)) {
            prerequisites.add(new Prerequisite.RRsetAbsent(owner, RecordType.CNAME));
        }
        for (Record old : replaced) {
            changes.add(new RecordChange.Remove(old));
            now.remove(old);
        }
        changes.add(new RecordChange.Add(asked));
        // one RRset, one TTL: the record added last sets it for the whole RRset
        now.replaceAll(r -> r.type() == asked.type() ? new Record(r.owner(), asked.ttl(), r.data()) : r);
        now.removeIf(r -> sameData(r, asked));
        now.add(asked);
        results.add(new RecordChanged(
                zone,
                replaced.isEmpty() ? RecordChanged.Operation.ADDED : RecordChanged.Operation.UPDATED,
                owner,
                asked.type(),
                replaced,
                List.of(asked)));
    }

    private static void dynamicDelete(
            ZoneName zone,
            Record asked,
            List<Record> before,
            List<Record> now,
            Set<Prerequisite> prerequisites,
            List<RecordChange> changes,
            List<RecordChanged> results) {
        Optional<Record> current = now.stream().filter(r -> sameData(r, asked)).findFirst();
        if (current.isEmpty() || asked.type() == RecordType.SOA) {
            return;
        }
        if (isApexNs(zone, asked.owner(), asked.type())
                && now.stream().filter(r -> r.type() == RecordType.NS).count() == 1) {
            return; // BIND keeps the last NS of the apex
        }
        if (before.stream().anyMatch(r -> sameData(r, asked))) {
            prerequisites.add(new Prerequisite.RecordExists(current.get()));
        }
        changes.add(new RecordChange.Remove(current.get()));
        now.remove(current.get());
        results.add(new RecordChanged(
                zone, RecordChanged.Operation.REMOVED, asked.owner(), asked.type(), List.of(current.get()), List.of()));
    }

    private static void dynamicDeleteRRset(
            ZoneName zone,
            DomainName owner,
            RecordType type,
            List<Record> now,
            List<RecordChange> changes,
            List<RecordChanged> results) {
        List<Record> current = now.stream().filter(r -> r.type() == type).toList();
        if (current.isEmpty() || type == RecordType.SOA || (owner.equals(zone.apex()) && type == RecordType.NS)) {
            return;
        }
        if (type == RecordType.OTHER) {
            // types core does not model have no type of their own here: each record goes by its data
            current.forEach(r -> changes.add(new RecordChange.Remove(r)));
        } else {
            changes.add(new RecordChange.RemoveRRset(owner, type));
        }
        now.removeAll(current);
        results.add(new RecordChanged(zone, RecordChanged.Operation.REMOVED, owner, type, current, List.of()));
    }

    /** RFC 1982 serial arithmetic (SERIAL_BITS = 32): {@code a} is greater than {@code b}. */
    static boolean serialGreater(long a, long b) {
        long half = 1L << 31;
        return (a < b && b - a > half) || (a > b && a - b < half);
    }

    private static boolean isApexNs(ZoneName zone, DomainName owner, RecordType type) {
        return type == RecordType.NS && owner.equals(zone.apex());
    }

    /** The same record for RFC 2136: owner and data; the TTL does not count. */
    static boolean sameData(Record a, Record b) {
        return a.owner().equals(b.owner()) && a.data().equals(b.data());
    }

    private static String typesOf(List<Record> records) {
        return String.join(
                ", ", records.stream().map(r -> r.type().name()).distinct().toList());
    }

    private static <T> Outcome<T> conflict(ZoneName zone, String field, String message) {
        return Outcome.invalidRecord(
                List.of(Violation.semantic(field.isEmpty() ? "record" : field, message)),
                Outcome.orderedPairs("zone", zone.value()));
    }

    private static <T> Outcome<T> recordNotFound(ZoneName zone, String field, Record record) {
        return notFound(
                zone,
                field,
                "No " + record.type() + " record " + record.owner().absolute() + " "
                        + record.data().presentation() + " in zone " + zone.value());
    }

    private static <T> Outcome<T> notFound(ZoneName zone, String field, String details) {
        Map<String, String> context = field.isEmpty()
                ? Outcome.orderedPairs("zone", zone.value())
                : Outcome.orderedPairs("zone", zone.value(), "field", field);
        return new Outcome.NotFound<>(ErrorCode.RECORD_NOT_FOUND, "Record not found", details, context);
    }
}
