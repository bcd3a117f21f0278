package dev.bindsmith.core.catalog;

import dev.bindsmith.core.port.CatalogContent;
import dev.bindsmith.core.port.CatalogEdit;
import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.Soa;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog zone's records and what they mean (RFC 9432 §4): the apex (SOA, {@code NS invalid.},
 * {@code version TXT "2"}), one PTR per member at {@code <id>.zones}, and the member properties
 * {@code group} (TXT) and {@code coo} (PTR) below it. Records the RFC does not define are ignored
 * when read, as consumers ignore them.
 */
public final class CatalogRecords {
    /** TTL of the records bindsmith writes: the RFC gives them no meaning, consumers ignore it. */
    static final long TTL = 0;

    static final DomainName INVALID = DomainName.of("invalid");

    private CatalogRecords() {}

    /** The catalog zone as it is created: no members yet. */
    public static ZoneSpec emptyZone(ZoneName catalog, long serial, ZoneOptions options) {
        Soa soa = new Soa(INVALID, INVALID, serial, 60, 30, 2_419_200, 0);
        Record version = Record.of(DomainName.of("version." + catalog.value()), TTL, new RData.Txt(List.of("2")));
        return new ZoneSpec(
                catalog, ZoneType.PRIMARY, TTL, soa, List.of(INVALID), List.of(), List.of(version), options);
    }

    /** The members the records describe; a member without an id PTR (a property alone) is not one. */
    public static CatalogContent read(ZoneName catalog, List<Record> records) {
        long serial = 0;
        Map<String, ZoneName> ptrs = new HashMap<>();
        Map<String, String> groups = new HashMap<>();
        Map<String, ZoneName> coos = new HashMap<>();
        String zonesSuffix = ".zones." + catalog.value();
        for (Record r : records) {
            String owner = r.owner().value();
            if (r.data() instanceof RData.StartOfAuthority soa && owner.equals(catalog.value())) {
                serial = soa.soa().serial();
                continue;
            }
            if (!owner.endsWith(zonesSuffix)) {
                continue;
            }
            String[] labels =
                    owner.substring(0, owner.length() - zonesSuffix.length()).split("\\.");
            if (labels.length == 1 && r.data() instanceof RData.Ptr ptr) {
                zoneOf(ptr.target()).ifPresent(z -> ptrs.put(labels[0], z));
            } else if (labels.length == 2 && labels[0].equals("group") && r.data() instanceof RData.Txt txt) {
                groups.put(labels[1], String.join("", txt.strings()));
            } else if (labels.length == 2 && labels[0].equals("coo") && r.data() instanceof RData.Ptr ptr) {
                zoneOf(ptr.target()).ifPresent(z -> coos.put(labels[1], z));
            }
        }
        List<CatalogMember> members = new ArrayList<>();
        ptrs.forEach((id, zone) -> {
            if (validId(id)) {
                members.add(new CatalogMember(
                        zone, id, Optional.ofNullable(groups.get(id)), Optional.ofNullable(coos.get(id))));
            }
        });
        return new CatalogContent(catalog, serial, members);
    }

    /** The records of one member, as {@link #read} reads them, for a lookup of that member alone. */
    public static Optional<CatalogMember> member(ZoneName catalog, String id, List<Record> records) {
        return read(catalog, records).members().stream()
                .filter(m -> m.id().equals(id))
                .findFirst();
    }

    /** The edits as one change set; edits of one member are applied in the order given. */
    public static ChangeSet changes(ZoneName catalog, List<CatalogEdit> edits) {
        List<RecordChange> changes = new ArrayList<>();
        for (CatalogEdit edit : edits) {
            CatalogMember m = edit.member();
            DomainName ptrOwner = CatalogIds.memberOwner(catalog, m.id());
            DomainName groupOwner = CatalogIds.propertyOwner(catalog, m.id(), "group");
            DomainName cooOwner = CatalogIds.propertyOwner(catalog, m.id(), "coo");
            switch (edit) {
                case CatalogEdit.Add add -> {
                    changes.add(new RecordChange.RemoveRRset(ptrOwner, RecordType.PTR));
                    changes.add(new RecordChange.Add(
                            Record.of(ptrOwner, TTL, new RData.Ptr(m.zone().apex()))));
                    changes.add(new RecordChange.RemoveRRset(groupOwner, RecordType.TXT));
                    m.group()
                            .ifPresent(g -> changes.add(
                                    new RecordChange.Add(Record.of(groupOwner, TTL, new RData.Txt(List.of(g))))));
                }
                case CatalogEdit.Remove remove -> {
                    changes.add(new RecordChange.RemoveRRset(ptrOwner, RecordType.PTR));
                    changes.add(new RecordChange.RemoveRRset(groupOwner, RecordType.TXT));
                    changes.add(new RecordChange.RemoveRRset(cooOwner, RecordType.PTR));
                }
                case CatalogEdit.ChangeOwner move -> {
                    changes.add(new RecordChange.RemoveRRset(cooOwner, RecordType.PTR));
                    changes.add(new RecordChange.Add(
                            Record.of(cooOwner, TTL, new RData.Ptr(move.to().apex()))));
                }
            }
        }
        return new ChangeSet(List.of(), changes);
    }

    private static Optional<ZoneName> zoneOf(DomainName target) {
        return ZoneName.parse(target.value());
    }

    private static boolean validId(String id) {
        return !id.isEmpty()
                && id.length() <= 63
                && id.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
