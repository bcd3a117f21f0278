package dev.bindsmith.core.validation;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rules on the records of a zone together, each of which named enforces when it loads the zone: at
 * most one CNAME per owner and nothing beside it (RFC 1034 §3.6.2, RFC 2181 §10.1), NS records at the
 * apex, and an address for every name server inside the zone. All are semantic (422).
 */
public final class ZoneContentRules {
    private ZoneContentRules() {}

    /** A record and the field path it came from ({@code zoneConfig.records[2]}), so a violation can name it. */
    public record Entry(String field, Record record) {
        public Entry {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * CNAME rules: the second CNAME of an owner, and a CNAME beside other data, are violations of the
     * entry that came later. Usable for a whole zone and for a record added to existing records.
     */
    public static List<Violation> coexistence(List<Entry> entries) {
        List<Violation> out = new ArrayList<>();
        Map<DomainName, List<Entry>> byOwner = new LinkedHashMap<>();
        for (Entry e : entries) {
            List<Entry> before = byOwner.computeIfAbsent(e.record().owner(), k -> new ArrayList<>());
            boolean isCname = e.record().type() == RecordType.CNAME;
            String owner = e.record().owner().absolute();
            if (isCname
                    && before.stream()
                            .anyMatch(b -> b.record().type() == RecordType.CNAME
                                    && !b.record().data().equals(e.record().data()))) {
                out.add(Violation.semantic(
                        RecordRules.join(e.field(), "type"),
                        "There is already a CNAME at " + owner + "; a name can have only one CNAME"));
            } else if (isCname && before.stream().anyMatch(b -> b.record().type() != RecordType.CNAME)) {
                out.add(Violation.semantic(
                        RecordRules.join(e.field(), "type"),
                        owner + " already has other records (" + types(before)
                                + "); a name with a CNAME can have no other data (RFC 1034 §3.6.2)"));
            } else if (!isCname && before.stream().anyMatch(b -> b.record().type() == RecordType.CNAME)) {
                out.add(Violation.semantic(
                        RecordRules.join(e.field(), "type"),
                        owner + " has a CNAME; a name with a CNAME"
                                + " can have no other data (RFC 1034 §3.6.2), so it cannot have a "
                                + e.record().type() + " record"));
            }
            before.add(e);
        }
        return out;
    }

    /**
     * Delegation rules of a primary zone: at least one NS record at the apex ({@code nsField} names where
     * they are given), and every name server inside the zone has an A or AAAA record and is not a CNAME.
     */
    public static List<Violation> nameServers(ZoneName zone, List<Entry> entries, String nsField) {
        List<Violation> out = new ArrayList<>();
        DomainName apex = zone.apex();
        List<Entry> apexNs = entries.stream()
                .filter(e -> e.record().owner().equals(apex) && e.record().data() instanceof RData.Ns)
                .toList();
        if (apexNs.isEmpty()) {
            out.add(Violation.semantic(
                    nsField,
                    "A primary zone needs at least one name server: list it in " + nsField
                            + " (or add an NS record at @); named refuses to load a zone without NS records"));
        }
        for (Entry e : apexNs) {
            DomainName host = ((RData.Ns) e.record().data()).host();
            if (!host.isIn(zone)) {
                continue;
            }
            boolean cname = entries.stream()
                    .anyMatch(o -> o.record().owner().equals(host) && o.record().type() == RecordType.CNAME);
            boolean address = entries.stream()
                    .anyMatch(o -> o.record().owner().equals(host)
                            && (o.record().type() == RecordType.A || o.record().type() == RecordType.AAAA));
            if (cname) {
                out.add(Violation.semantic(
                        e.field(),
                        "The name server " + host.absolute() + " is a CNAME; a name server"
                                + " must have its own address records, or named refuses to load the zone"));
            } else if (!address) {
                out.add(Violation.semantic(
                        e.field(),
                        "The name server " + host.absolute() + " is inside the zone but has"
                                + " no address: give its IP in zoneConfig.nameServerIps (or add an A or AAAA record); named"
                                + " refuses to load the zone otherwise"));
            }
        }
        return out;
    }

    private static String types(List<Entry> entries) {
        Set<String> types = new TreeSet<>();
        entries.forEach(e -> types.add(e.record().type().name()));
        return String.join(", ", types);
    }
}
