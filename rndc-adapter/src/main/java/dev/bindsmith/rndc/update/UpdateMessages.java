package dev.bindsmith.rndc.update;

import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.Prerequisite;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.record.DnsRecords;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Update;

/**
 * A change set as one RFC 2136 UPDATE message. Prerequisites (§2.4): {@code RRsetExists} is "RRset
 * exists (value independent)", class ANY; {@code RRsetAbsent} "RRset does not exist", class NONE;
 * {@code NameAbsent} "name is not in use", class NONE type ANY; {@code RecordExists} is "RRset exists
 * (value dependent)" — which RFC 2136 defines for the <em>whole</em> RRset, so the RRset as it was
 * read just before is sent, and any change to it in between makes the update fail instead of
 * applying to data nobody looked at. Updates (§2.5): add with the record's TTL (or
 * {@code defaultTtl}), delete one record with class NONE, delete an RRset with class ANY.
 */
final class UpdateMessages {
    private UpdateMessages() {}

    /** The owner and type of an RRset, in dnsjava's terms. */
    record RRsetKey(Name name, int type) {}

    static RRsetKey key(Record record) {
        return new RRsetKey(DnsRecords.name(record.owner()), DnsRecords.type(record.type()));
    }

    /**
     * The UPDATE for {@code changes}; {@code current} holds, for each RRset a {@code RecordExists}
     * names, the records it has now (the caller made sure the record is among them).
     */
    static Update build(
            ZoneName zone, ChangeSet changes, Map<RRsetKey, List<org.xbill.DNS.Record>> current, long defaultTtl) {
        Update update = new Update(DnsRecords.name(zone));
        Set<RRsetKey> pinned = new HashSet<>();
        for (Prerequisite p : changes.prerequisites()) {
            switch (p) {
                case Prerequisite.RecordExists exists -> {
                    RRsetKey key = key(exists.record());
                    if (pinned.add(key)) {
                        for (org.xbill.DNS.Record rr : current.getOrDefault(key, List.of())) {
                            update.present(org.xbill.DNS.Record.newRecord(
                                    rr.getName(), rr.getType(), DClass.IN, 0, rr.rdataToWireCanonical()));
                        }
                    }
                }
                case Prerequisite.RRsetExists exists ->
                    update.present(DnsRecords.name(exists.owner()), DnsRecords.type(exists.type()));
                case Prerequisite.RRsetAbsent absent ->
                    update.absent(DnsRecords.name(absent.owner()), DnsRecords.type(absent.type()));
                case Prerequisite.NameAbsent absent -> update.absent(DnsRecords.name(absent.owner()));
            }
        }
        for (RecordChange change : changes.changes()) {
            switch (change) {
                case RecordChange.Add add -> update.add(DnsRecords.toDns(add.record(), defaultTtl));
                case RecordChange.Remove remove -> update.delete(DnsRecords.toDns(remove.record(), 0));
                case RecordChange.RemoveRRset rrset ->
                    update.delete(DnsRecords.name(rrset.owner()), DnsRecords.type(rrset.type()));
            }
        }
        return update;
    }
}
