package dev.bindsmith.embedded;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeReport;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.Prerequisite;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.record.DnsRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Applies change sets with RFC 2136 semantics: every prerequisite is checked against one version of
 * the zone, then the changes are applied in order (adds that cannot coexist with a CNAME are ignored,
 * the apex SOA and last apex NS are never removed), the SOA serial is incremented (RFC 1982), the
 * zone file is written atomically, and only then is the new version served.
 */
public final class EmbeddedRecordUpdater implements RecordUpdater {
    private static final Logger LOG = Logger.getLogger(EmbeddedRecordUpdater.class.getName());

    /** A journal smaller than this is never compacted into the master file. */
    static final long COMPACT_AT_LEAST = 256 * 1024;

    private final ZoneEngine engine;
    private final NotifySender notifier;

    EmbeddedRecordUpdater(ZoneEngine engine, NotifySender notifier) {
        this.engine = engine;
        this.notifier = notifier;
    }

    @Override
    public Outcome<ChangeReport> apply(ZoneName zone, ChangeSet changes) {
        return engine.changeZone(zone, state -> {
            Map<String, String> context = Outcome.orderedPairs("zone", zone.value());
            if (!state.dynamic()) {
                return new Outcome.Invalid<>(
                        ErrorCode.ZONE_NOT_DYNAMIC,
                        "Dynamic updates not enabled",
                        List.of(Violation.malformed(
                                "zone",
                                "Zone '" + zone + "' does not accept dynamic updates: "
                                        + (state.type() == dev.bindsmith.core.zone.ZoneType.SECONDARY
                                                ? "it is a secondary"
                                                : "it has no allow-update"))),
                        context);
            }
            if (state.frozen()) {
                return Outcome.backendRejected("update", "REFUSED: zone '" + zone + "' is frozen");
            }
            if (state.content().isEmpty()) {
                return Outcome.backendRejected("update", "SERVFAIL: zone not loaded");
            }
            ZoneContent content = state.content().get();
            List<Violation> outside = outsideZone(zone, changes);
            if (!outside.isEmpty()) {
                return Outcome.invalidRecord(outside, context);
            }
            java.util.Optional<Outcome.Failure<ChangeReport>> unmet =
                    checkPrerequisites(zone, content, changes.prerequisites());
            if (unmet.isPresent()) {
                return unmet.get();
            }
            ZoneContent updated;
            try {
                updated = applyChanges(content, changes.changes());
            } catch (IllegalArgumentException e) {
                return Outcome.invalid(
                        List.of(Violation.malformed("changes", "A record could not be converted: " + e.getMessage())),
                        context);
            }
            ZoneJournal.Delta delta = delta(content, updated, changes.changes());
            try {
                persist(zone, state, updated, delta);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "writing zone " + zone + " failed", e);
                return Outcome.zoneFileWriteFailed(zone.value(), "Could not write the zone file of '" + zone + "'");
            }
            ZoneState next = state.withChange(
                    updated, state.journal().append(delta, engine.journalChanges, engine.journalRecords));
            engine.registry.put(next);
            notifier.send(next);
            return new Outcome.Ok<>(new ChangeReport(changes.changes()));
        });
    }

    private static List<Violation> outsideZone(ZoneName zone, ChangeSet changes) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < changes.prerequisites().size(); i++) {
            DomainName owner = switch (changes.prerequisites().get(i)) {
                case Prerequisite.RecordExists p -> p.record().owner();
                case Prerequisite.RRsetExists p -> p.owner();
                case Prerequisite.RRsetAbsent p -> p.owner();
                case Prerequisite.NameAbsent p -> p.owner();
            };
            if (!owner.isIn(zone)) {
                violations.add(Violation.malformed("name", "The name " + owner + " is outside zone " + zone));
            }
        }
        for (int i = 0; i < changes.changes().size(); i++) {
            DomainName owner = switch (changes.changes().get(i)) {
                case RecordChange.Add c -> c.record().owner();
                case RecordChange.Remove c -> c.record().owner();
                case RecordChange.RemoveRRset c -> c.owner();
            };
            if (!owner.isIn(zone)) {
                violations.add(Violation.malformed("name", "The name " + owner + " is outside zone " + zone));
            }
        }
        return violations;
    }

    private static java.util.Optional<Outcome.Failure<ChangeReport>> checkPrerequisites(
            ZoneName zone, ZoneContent content, List<Prerequisite> prerequisites) {
        Map<String, String> context = Outcome.orderedPairs("zone", zone.value());
        for (int i = 0; i < prerequisites.size(); i++) {
            String field = "prerequisites[" + i + "]";
            try {
                switch (prerequisites.get(i)) {
                    case Prerequisite.RecordExists p -> {
                        Record wanted = DnsRecords.toDns(p.record(), content.defaultTtl());
                        if (!content.rrset(wanted.getName(), wanted.getType()).contains(wanted)) {
                            return java.util.Optional.of(Outcome.recordNotFound(
                                    zone.value(),
                                    "No " + p.record().type() + " record "
                                            + p.record().owner() + " "
                                            + p.record().data().presentation() + " exists"));
                        }
                    }
                    case Prerequisite.RRsetExists p -> {
                        if (content.rrset(DnsRecords.name(p.owner()), DnsRecords.type(p.type()))
                                .isEmpty()) {
                            return java.util.Optional.of(Outcome.recordNotFound(
                                    zone.value(), "No " + p.type() + " record exists at " + p.owner()));
                        }
                    }
                    case Prerequisite.RRsetAbsent p -> {
                        if (!content.rrset(DnsRecords.name(p.owner()), DnsRecords.type(p.type()))
                                .isEmpty()) {
                            return java.util.Optional.of(Outcome.invalidRecord(
                                    List.of(Violation.semantic(
                                            field, "A " + p.type() + " record exists at " + p.owner() + " already")),
                                    context));
                        }
                    }
                    case Prerequisite.NameAbsent p -> {
                        if (!content.rrsets(DnsRecords.name(p.owner())).isEmpty()) {
                            return java.util.Optional.of(Outcome.invalidRecord(
                                    List.of(Violation.semantic(field, "The name " + p.owner() + " is in use already")),
                                    context));
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                return java.util.Optional.of(Outcome.invalid(
                        List.of(Violation.malformed(field, "The prerequisite cannot be checked: " + e.getMessage())),
                        context));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The zone after the changes, in order, with the SOA serial incremented. Only the owners the
     * changes touch are copied and rebuilt; every other RRset is shared with the version before.
     */
    static ZoneContent applyChanges(ZoneContent content, List<RecordChange> changes) {
        Name origin = content.origin();
        Map<Name, Map<Integer, LinkedHashMap<Record, Record>>> work = new HashMap<>();
        java.util.function.Function<Name, Map<Integer, LinkedHashMap<Record, Record>>> owner =
                name -> work.computeIfAbsent(name, n -> {
                    Map<Integer, LinkedHashMap<Record, Record>> types = new HashMap<>();
                    content.rrsets(n).forEach((type, rrs) -> {
                        LinkedHashMap<Record, Record> set = new LinkedHashMap<>();
                        rrs.forEach(r -> set.put(r, r));
                        types.put(type, set);
                    });
                    return types;
                });
        owner.apply(origin);
        SOARecord soa = content.soa();
        boolean soaReplaced = false;
        for (RecordChange change : changes) {
            switch (change) {
                case RecordChange.Add add -> {
                    Record r = DnsRecords.toDns(add.record(), content.defaultTtl());
                    if (r instanceof SOARecord newSoa) {
                        if (r.getName().equals(origin) && SerialNumbers.greater(newSoa.getSerial(), soa.getSerial())) {
                            soa = newSoa;
                            soaReplaced = true;
                        }
                        continue;
                    }
                    Map<Integer, LinkedHashMap<Record, Record>> types = owner.apply(r.getName());
                    boolean hasCname = types.containsKey(Type.CNAME)
                            && !types.get(Type.CNAME).isEmpty();
                    boolean hasOther = types.entrySet().stream()
                            .anyMatch(e -> e.getKey() != Type.CNAME
                                    && !isDnssec(e.getKey())
                                    && !e.getValue().isEmpty());
                    if (r.getType() == Type.CNAME) {
                        if (hasOther) {
                            continue;
                        }
                        // RFC 2136 §3.4.2.2: a CNAME added where one exists replaces it.
                        types.remove(Type.CNAME);
                    } else if (hasCname && !isDnssec(r.getType())) {
                        continue;
                    }
                    LinkedHashMap<Record, Record> set = types.computeIfAbsent(r.getType(), k -> new LinkedHashMap<>());
                    set.remove(r);
                    set.put(r, r);
                    // One RRset, one TTL: the TTL of the record added last.
                    set.replaceAll((k, v) -> ZoneContent.withTtl(v, r.getTTL()));
                }
                case RecordChange.Remove remove -> {
                    Record r = DnsRecords.toDns(remove.record(), content.defaultTtl());
                    if (r.getType() == Type.SOA) {
                        continue;
                    }
                    LinkedHashMap<Record, Record> set = owner.apply(r.getName()).get(r.getType());
                    if (set == null) {
                        continue;
                    }
                    if (r.getType() == Type.NS && r.getName().equals(origin) && set.size() == 1 && set.containsKey(r)) {
                        continue;
                    }
                    set.remove(r);
                }
                case RecordChange.RemoveRRset remove -> {
                    Name name = DnsRecords.name(remove.owner());
                    int type = DnsRecords.type(remove.type());
                    if (name.equals(origin) && (type == Type.SOA || type == Type.NS)) {
                        continue;
                    }
                    owner.apply(name).remove(type);
                }
            }
        }
        long serial = soaReplaced ? soa.getSerial() : SerialNumbers.increment(soa.getSerial());
        SOARecord nextSoa = new SOARecord(
                origin,
                soa.getDClass(),
                soa.getTTL(),
                soa.getHost(),
                soa.getAdmin(),
                serial,
                soa.getRefresh(),
                soa.getRetry(),
                soa.getExpire(),
                soa.getMinimum());
        work.get(origin).put(Type.SOA, new LinkedHashMap<>(Map.of(nextSoa, nextSoa)));
        Map<Name, List<Record>> replaced = new HashMap<>();
        work.forEach((name, types) -> {
            List<Record> rrs = new ArrayList<>();
            types.values().forEach(set -> rrs.addAll(set.values()));
            replaced.put(name, rrs);
        });
        return content.withOwners(replaced);
    }

    /**
     * On disk before it is served: the change appended to the zone's journal and forced, or — once the
     * journal has grown past the master file (and {@link #COMPACT_AT_LEAST}) — the zone written whole
     * and the journal removed, so that a change costs its own records and the journal stays bounded.
     */
    private void persist(ZoneName zone, ZoneState state, ZoneContent updated, ZoneJournal.Delta delta)
            throws IOException {
        java.nio.file.Path master = engine.fileOf(zone, state.config());
        java.nio.file.Path journal = JournalFiles.of(master);
        long journalSize = java.nio.file.Files.exists(journal) ? java.nio.file.Files.size(journal) : 0;
        long masterSize = java.nio.file.Files.exists(master) ? java.nio.file.Files.size(master) : 0;
        if (journalSize > Math.max(COMPACT_AT_LEAST, masterSize)) {
            engine.writeWhole(zone, state.config(), updated);
        } else {
            JournalFiles.append(journal, delta);
        }
    }

    /**
     * What a change did, for the journal: the records of the owners it touched that are gone or new
     * (a TTL change is both: IXFR has no other way to say it), between the old and the new SOA.
     */
    static ZoneJournal.Delta delta(ZoneContent before, ZoneContent after, List<RecordChange> changes) {
        java.util.Set<Name> touched = new java.util.LinkedHashSet<>();
        for (RecordChange change : changes) {
            touched.add(DnsRecords.name(
                    switch (change) {
                        case RecordChange.Add c -> c.record().owner();
                        case RecordChange.Remove c -> c.record().owner();
                        case RecordChange.RemoveRRset c -> c.owner();
                    }));
        }
        List<Record> removed = new ArrayList<>();
        List<Record> added = new ArrayList<>();
        for (Name owner : touched) {
            List<Record> old = flatten(before.rrsets(owner));
            List<Record> now = flatten(after.rrsets(owner));
            old.stream().filter(r -> now.stream().noneMatch(n -> same(n, r))).forEach(removed::add);
            now.stream().filter(r -> old.stream().noneMatch(o -> same(o, r))).forEach(added::add);
        }
        return new ZoneJournal.Delta(before.soa(), removed, after.soa(), added);
    }

    private static List<Record> flatten(Map<Integer, List<Record>> sets) {
        List<Record> all = new ArrayList<>();
        sets.forEach((type, rrs) -> {
            if (type != Type.SOA) {
                all.addAll(rrs);
            }
        });
        return all;
    }

    /** The same record and TTL (dnsjava's equals ignores the TTL). */
    private static boolean same(Record a, Record b) {
        return a.equals(b) && a.getTTL() == b.getTTL();
    }

    private static void put(Map<Name, Map<Integer, LinkedHashMap<Record, Record>>> work, Record r) {
        work.computeIfAbsent(r.getName(), k -> new HashMap<>())
                .computeIfAbsent(r.getType(), k -> new LinkedHashMap<>())
                .put(r, r);
    }

    private static boolean isDnssec(int type) {
        return type == Type.RRSIG || type == Type.NSEC || type == Type.NSEC3 || type == Type.DNSKEY;
    }
}
