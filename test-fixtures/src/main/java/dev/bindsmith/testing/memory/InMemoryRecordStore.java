package dev.bindsmith.testing.memory;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeReport;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.Prerequisite;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.Soa;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 2136 updates ({@link RecordUpdater}) and zone reads ({@link RecordReader}) over the zones an
 * {@link InMemoryNameServerControl} serves, with named's semantics: prerequisites are checked first
 * and all or nothing applies; adding a record that exists changes nothing; a CNAME is not added
 * beside other data (nor other data beside a CNAME); the SOA and the apex NS RRset are not removed;
 * the SOA serial goes up by one when a change set changed something. A zone without
 * {@code allow-update} is Invalid ({@code ZONE_NOT_DYNAMIC}); a frozen zone refuses updates.
 * The control's faults apply under the command names {@code update} and {@code axfr}.
 */
public final class InMemoryRecordStore implements RecordUpdater, RecordReader {

    private final InMemoryNameServerControl server;

    public InMemoryRecordStore(InMemoryNameServerControl server) {
        this.server = server;
    }

    @Override
    public Outcome<ChangeReport> apply(ZoneName zone, ChangeSet changes) {
        return server.command("update", zone, () -> {
            Optional<ServedZone> found = server.served(zone);
            if (found.isEmpty()) {
                return InMemoryNameServerControl.notFound(zone);
            }
            ServedZone z = found.get();
            if (!z.dynamic()) {
                return new Outcome.Invalid<>(
                        ErrorCode.ZONE_NOT_DYNAMIC,
                        "Dynamic updates not enabled",
                        List.of(Violation.malformed(
                                "zone", "Zone '" + zone + "' does not accept dynamic updates: it has no allow-update")),
                        Outcome.orderedPairs("zone", zone.value()));
            }
            if (z.frozen) {
                return Outcome.backendRejected("update", "REFUSED: zone '" + zone + "' is frozen");
            }
            for (Prerequisite p : changes.prerequisites()) {
                Optional<Outcome<ChangeReport>> failed = check(z, p);
                if (failed.isPresent()) {
                    return failed.get();
                }
            }
            for (RecordChange c : changes.changes()) {
                DomainName owner = owner(c);
                if (!owner.isIn(zone)) {
                    return Outcome.invalidRecord(
                            List.of(Violation.malformed("name", "The name " + owner + " is outside zone " + zone)),
                            Outcome.orderedPairs("zone", zone.value()));
                }
            }
            List<Record> records = new ArrayList<>(z.records);
            boolean changed = false;
            for (RecordChange c : changes.changes()) {
                changed |= switch (c) {
                    case RecordChange.Add add -> add(z, records, z.withTtl(add.record()));
                    case RecordChange.Remove remove -> records.removeIf(r -> same(r, remove.record()));
                    case RecordChange.RemoveRRset rrset -> removeRRset(z, records, rrset.owner(), rrset.type());
                };
            }
            if (changed) {
                z.records = records;
                Soa s = z.soa;
                z.soa = new Soa(
                        s.primaryNs(),
                        s.adminMailbox(),
                        (s.serial() + 1) & 0xFFFFFFFFL,
                        s.refresh(),
                        s.retry(),
                        s.expire(),
                        s.negativeTtl());
            }
            return new Outcome.Ok<>(new ChangeReport(changes.changes()));
        });
    }

    @Override
    public Outcome<List<Record>> read(ZoneName zone) {
        return server.command("axfr", zone, () -> {
            Optional<ServedZone> found = server.served(zone);
            if (found.isEmpty()) {
                return InMemoryNameServerControl.notFound(zone);
            }
            ServedZone z = found.get();
            if (!z.loaded) {
                return Outcome.backendRejected("axfr", "SERVFAIL: zone not loaded");
            }
            List<Record> all = new ArrayList<>();
            all.add(z.soaRecord());
            all.addAll(z.records);
            return new Outcome.Ok<>(List.copyOf(all));
        });
    }

    private static Optional<Outcome<ChangeReport>> check(ServedZone z, Prerequisite p) {
        var context = Outcome.orderedPairs("zone", z.name.value());
        return switch (p) {
            case Prerequisite.RecordExists e ->
                z.records.stream().anyMatch(r -> same(r, e.record()))
                                || (e.record().type() == RecordType.SOA && same(z.soaRecord(), e.record()))
                        ? Optional.empty()
                        : Optional.of(Outcome.recordNotFound(
                                z.name.value(),
                                "No " + e.record().type() + " record "
                                        + e.record().data().presentation() + " at "
                                        + e.record().owner()));
            case Prerequisite.RRsetExists e ->
                has(z, e.owner(), e.type())
                        ? Optional.empty()
                        : Optional.of(
                                Outcome.recordNotFound(z.name.value(), "No " + e.type() + " records at " + e.owner()));
            case Prerequisite.RRsetAbsent a ->
                !has(z, a.owner(), a.type())
                        ? Optional.empty()
                        : Optional.of(Outcome.invalidRecord(
                                List.of(Violation.semantic(
                                        "records", a.owner() + " already has " + a.type() + " records")),
                                context));
            case Prerequisite.NameAbsent a ->
                z.records.stream().noneMatch(r -> r.owner().equals(a.owner()))
                                && !a.owner().equals(z.name.apex())
                        ? Optional.empty()
                        : Optional.of(Outcome.invalidRecord(
                                List.of(Violation.semantic("records", a.owner() + " already has records")), context));
        };
    }

    private static boolean has(ServedZone z, DomainName owner, RecordType type) {
        if (type == RecordType.SOA) {
            return owner.equals(z.name.apex());
        }
        return z.records.stream().anyMatch(r -> r.owner().equals(owner) && r.type() == type);
    }

    private static boolean add(ServedZone z, List<Record> records, Record record) {
        if (record.type() == RecordType.SOA || records.stream().anyMatch(r -> same(r, record))) {
            return false;
        }
        boolean cnameThere =
                records.stream().anyMatch(r -> r.owner().equals(record.owner()) && r.type() == RecordType.CNAME);
        boolean otherThere =
                records.stream().anyMatch(r -> r.owner().equals(record.owner()) && r.type() != RecordType.CNAME);
        if (record.type() == RecordType.CNAME) {
            if (otherThere || record.owner().equals(z.name.apex())) {
                return false;
            }
            if (cnameThere) {
                // a CNAME RRset holds one record: the new one replaces it
                records.removeIf(r -> r.owner().equals(record.owner()) && r.type() == RecordType.CNAME);
            }
        } else if (cnameThere) {
            return false;
        }
        records.add(record);
        return true;
    }

    private static boolean removeRRset(ServedZone z, List<Record> records, DomainName owner, RecordType type) {
        if (type == RecordType.SOA || (type == RecordType.NS && owner.equals(z.name.apex()))) {
            return false;
        }
        return records.removeIf(r -> r.owner().equals(owner) && r.type() == type);
    }

    /** Owner, type and data equal; the TTL does not count. */
    private static boolean same(Record a, Record b) {
        return a.owner().equals(b.owner()) && a.data().equals(b.data());
    }

    private static DomainName owner(RecordChange c) {
        return switch (c) {
            case RecordChange.Add add -> add.record().owner();
            case RecordChange.Remove remove -> remove.record().owner();
            case RecordChange.RemoveRRset rrset -> rrset.owner();
        };
    }
}
