package dev.bindsmith.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The records of one zone, indexed for answering, never changed once built: a change builds a new
 * content and swaps it in, so a query always sees one consistent version of the zone.
 */
final class ZoneContent {
    private final Name origin;
    private final SOARecord soa;
    private final long defaultTtl;
    /** Owner → type → records; the records of one RRset share one TTL. */
    private final Map<Name, Map<Integer, List<Record>>> byName;
    /**
     * Every owner name and every name between an owner and the origin (empty non-terminals), with how
     * many owners are at or below it: kept up to date by a change of a few owners without walking
     * the zone (a name whose count falls to zero is gone).
     */
    private final Map<Name, Integer> ownersAtOrBelow;

    private final int recordCount;

    private ZoneContent(
            Name origin,
            SOARecord soa,
            long defaultTtl,
            Map<Name, Map<Integer, List<Record>>> byName,
            Map<Name, Integer> ownersAtOrBelow,
            int recordCount) {
        this.origin = origin;
        this.soa = soa;
        this.defaultTtl = defaultTtl;
        this.byName = byName;
        this.ownersAtOrBelow = ownersAtOrBelow;
        this.recordCount = recordCount;
    }

    /** {@code owner} counted (+1) or no longer counted (-1) at itself and every name up to the origin. */
    private static void count(Map<Name, Integer> ownersAtOrBelow, Name origin, Name owner, int delta) {
        for (Name n = owner; n.subdomain(origin); n = parent(n)) {
            ownersAtOrBelow.merge(n, delta, (a, b) -> a + b == 0 ? null : a + b);
            if (n.equals(origin)) {
                return;
            }
        }
    }

    private static int size(Map<Integer, List<Record>> types) {
        int count = 0;
        for (List<Record> rrs : types.values()) {
            count += rrs.size();
        }
        return count;
    }

    /**
     * The zone's content from its records. Records outside the zone and of other classes are left out
     * (as named does); an RRset whose records disagree on the TTL takes the last one's; an owner whose
     * records spell it in different cases takes the first record's spelling ({@link #spelledAs}).
     *
     * @throws IllegalArgumentException when there is not exactly one SOA, at the origin
     */
    static ZoneContent of(Name origin, Collection<Record> records, long defaultTtl) {
        Map<Name, Map<Integer, LinkedHashMap<Record, Record>>> work = new HashMap<>();
        SOARecord soa = null;
        for (Record r : records) {
            if (r.getDClass() != org.xbill.DNS.DClass.IN || !r.getName().subdomain(origin)) {
                continue;
            }
            if (r instanceof SOARecord s) {
                if (!s.getName().equals(origin)) {
                    throw new IllegalArgumentException("an SOA record is not at the zone apex");
                }
                if (soa != null && !soa.equals(s)) {
                    throw new IllegalArgumentException("the zone has more than one SOA record");
                }
                soa = s;
            }
            work.computeIfAbsent(r.getName(), k -> new HashMap<>())
                    .computeIfAbsent(r.getType(), k -> new LinkedHashMap<>())
                    .put(r, r);
        }
        if (soa == null) {
            throw new IllegalArgumentException("the zone has no SOA record");
        }
        Map<Name, Map<Integer, List<Record>>> byName = new HashMap<>();
        Map<Name, Integer> below = new HashMap<>();
        int count = 0;
        for (var owner : work.entrySet()) {
            // the map kept the first record's name as the key: the owner's spelling
            Name spelling = owner.getKey();
            Map<Integer, List<Record>> types = new TreeMap<>();
            for (var set : owner.getValue().entrySet()) {
                List<Record> rrs = new ArrayList<>(set.getValue().values());
                long ttl = rrs.getLast().getTTL();
                types.put(
                        set.getKey(),
                        rrs.stream()
                                .map(r -> withTtl(spelledAs(r, spelling), ttl))
                                .toList());
            }
            byName.put(owner.getKey(), Collections.unmodifiableMap(types));
            count(below, origin, owner.getKey(), 1);
            count += size(types);
        }
        SOARecord apexSoa = (SOARecord) byName.get(origin).get(Type.SOA).getFirst();
        return new ZoneContent(
                origin,
                apexSoa,
                defaultTtl,
                Collections.unmodifiableMap(byName),
                Collections.unmodifiableMap(below),
                count);
    }

    /**
     * This content with the records of some owners replaced (an empty list removes the owner), and
     * every other owner's RRsets shared: what a change of a few names costs is those names, not the
     * zone. The origin's replacement must hold its SOA.
     *
     * @throws IllegalArgumentException when the origin is replaced without exactly one SOA
     */
    ZoneContent withOwners(Map<Name, List<Record>> replaced) {
        // the maps are copied (their keys' hashes are cached), never walked: the zone's size costs a copy only
        Map<Name, Map<Integer, List<Record>>> next = new HashMap<>(byName);
        Map<Name, Integer> below = new HashMap<>(ownersAtOrBelow);
        int count = recordCount;
        for (var entry : replaced.entrySet()) {
            Map<Integer, List<Record>> was = byName.get(entry.getKey());
            if (was != null) {
                count -= size(was);
            }
            if (entry.getValue().isEmpty()) {
                if (next.remove(entry.getKey()) != null) {
                    count(below, origin, entry.getKey(), -1);
                }
                continue;
            }
            // an owner the zone has keeps its spelling; a new one takes its first record's
            Name spelling = byName.getOrDefault(entry.getKey(), Map.of()).values().stream()
                    .flatMap(List::stream)
                    .findFirst()
                    .map(Record::getName)
                    .orElse(entry.getValue().getFirst().getName());
            Map<Integer, LinkedHashMap<Record, Record>> work = new HashMap<>();
            for (Record r : entry.getValue()) {
                work.computeIfAbsent(r.getType(), k -> new LinkedHashMap<>()).put(r, r);
            }
            Map<Integer, List<Record>> types = new TreeMap<>();
            for (var set : work.entrySet()) {
                List<Record> rrs = new ArrayList<>(set.getValue().values());
                long ttl = rrs.getLast().getTTL();
                types.put(
                        set.getKey(),
                        rrs.stream()
                                .map(r -> withTtl(spelledAs(r, spelling), ttl))
                                .toList());
            }
            if (next.put(entry.getKey(), Collections.unmodifiableMap(types)) == null) {
                count(below, origin, entry.getKey(), 1);
            }
            count += size(types);
        }
        List<Record> soas = next.getOrDefault(origin, Map.of()).getOrDefault(Type.SOA, List.of());
        if (soas.size() != 1) {
            throw new IllegalArgumentException("the zone must have exactly one SOA record, at its apex");
        }
        return new ZoneContent(
                origin,
                (SOARecord) soas.getFirst(),
                defaultTtl,
                Collections.unmodifiableMap(next),
                Collections.unmodifiableMap(below),
                count);
    }

    /** This content with a journal's change applied: its removed records gone, its added records in, its new SOA. */
    ZoneContent apply(ZoneJournal.Delta delta) {
        Map<Name, List<Record>> replaced = new HashMap<>();
        java.util.function.Function<Name, List<Record>> owner = name -> replaced.computeIfAbsent(name, n -> {
            List<Record> all = new ArrayList<>();
            rrsets(n).values().forEach(all::addAll);
            return all;
        });
        List<Record> apex = owner.apply(origin);
        apex.removeIf(r -> r.getType() == Type.SOA);
        apex.add(delta.to());
        for (Record r : delta.removed()) {
            owner.apply(r.getName()).remove(r);
        }
        for (Record r : delta.added()) {
            List<Record> at = owner.apply(r.getName());
            at.remove(r);
            at.add(r);
        }
        return withOwners(replaced);
    }

    static Name parent(Name name) {
        return new Name(name, 1);
    }

    Name origin() {
        return origin;
    }

    SOARecord soa() {
        return soa;
    }

    long serial() {
        return soa.getSerial();
    }

    long defaultTtl() {
        return defaultTtl;
    }

    /** The RRset of {@code type} at {@code name}: empty list when there is none. */
    List<Record> rrset(Name name, int type) {
        Map<Integer, List<Record>> types = byName.get(name);
        if (types == null) {
            return List.of();
        }
        return types.getOrDefault(type, List.of());
    }

    /** Every RRset at {@code name}, by type. */
    Map<Integer, List<Record>> rrsets(Name name) {
        return byName.getOrDefault(name, Map.of());
    }

    /** True when the name owns records or has owners below it. */
    boolean exists(Name name) {
        return name.equals(origin) || ownersAtOrBelow.containsKey(name);
    }

    int nodeCount() {
        return ownersAtOrBelow.size() + (ownersAtOrBelow.containsKey(origin) ? 0 : 1);
    }

    int recordCount() {
        return recordCount;
    }

    /** Every record, SOA first, then by owner in DNSSEC order and by type. */
    List<Record> records() {
        List<Record> all = new ArrayList<>(recordCount);
        all.add(soa);
        for (Name owner : new TreeMap<>(byName).keySet()) {
            for (var set : byName.get(owner).entrySet()) {
                if (owner.equals(origin) && set.getKey() == Type.SOA) {
                    continue;
                }
                all.addAll(set.getValue());
            }
        }
        return all;
    }

    /** The RRset that the SOA's negative caching TTL applies to: min(SOA TTL, SOA minimum) (RFC 2308). */
    SOARecord negativeSoa() {
        long ttl = Math.min(soa.getTTL(), soa.getMinimum());
        return (SOARecord) withTtl(soa, ttl);
    }

    /** The DNAME on a strict ancestor of {@code qname} (or at the apex), the highest one; empty when none. */
    Optional<org.xbill.DNS.DNAMERecord> dnameAbove(Name qname) {
        int qLabels = qname.labels();
        for (int labels = origin.labels(); labels < qLabels; labels++) {
            List<Record> dname = rrset(new Name(qname, qLabels - labels), Type.DNAME);
            if (!dname.isEmpty()) {
                return Optional.of((org.xbill.DNS.DNAMERecord) dname.getFirst());
            }
        }
        return Optional.empty();
    }

    Optional<Name> delegationAbove(Name qname, boolean dsAtCut) {
        // Walk from just below the origin down to the query name; the highest cut wins.
        int originLabels = origin.labels();
        int qLabels = qname.labels();
        for (int labels = originLabels + 1; labels <= qLabels; labels++) {
            Name candidate = new Name(qname, qLabels - labels);
            if (!rrset(candidate, Type.NS).isEmpty()) {
                if (dsAtCut && candidate.equals(qname)) {
                    return Optional.empty();
                }
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The same record with its owner spelled as the owner's other records spell it (one owner, one
     * spelling). DNS names are equal whatever their case, and dnsjava's master-file parser gives a
     * record the name of the record before it when the two are equal: a zone written with an owner's
     * records together would load again with every record of that owner spelled as the first, so
     * "www" and "WWW" kept apart in memory would not survive a restart.
     */
    static Record spelledAs(Record record, Name owner) {
        if (record.getName() == owner || record.getName().toString().equals(owner.toString())) {
            return record;
        }
        return record.withName(owner);
    }

    /** The same record with another TTL (one RRset, one TTL). */
    static Record withTtl(Record record, long ttl) {
        if (record.getTTL() == ttl) {
            return record;
        }
        return Record.newRecord(
                record.getName(), record.getType(), record.getDClass(), ttl, record.rdataToWireCanonical());
    }
}
