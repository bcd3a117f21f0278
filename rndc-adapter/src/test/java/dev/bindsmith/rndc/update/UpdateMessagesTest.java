package dev.bindsmith.rndc.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.Prerequisite;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.record.DnsRecords;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/** Each change and prerequisite lands in its RFC 2136 section with the class, type and TTL §2.4–2.5 give it. */
class UpdateMessagesTest {
    private static final ZoneName ZONE = ZoneName.of("example.com");
    private static final DomainName WWW = DomainName.of("www.example.com");

    private static Record a(String address, long ttl) throws Exception {
        return Record.of(WWW, ttl, new RData.A((Inet4Address) InetAddress.getByName(address)));
    }

    private static Message roundTrip(Update update) throws Exception {
        return new Message(update.toWire());
    }

    private static org.xbill.DNS.Record only(Message m, int section) {
        assertThat(m.getSection(section)).hasSize(1);
        return m.getSection(section).getFirst();
    }

    @Test
    void theZoneSectionNamesTheZoneAndTheOpcodeIsUpdate() throws Exception {
        Message m = roundTrip(
                UpdateMessages.build(ZONE, ChangeSet.of(new RecordChange.Add(a("192.0.2.1", 300))), Map.of(), 3600));

        assertThat(m.getHeader().getOpcode()).isEqualTo(Opcode.UPDATE);
        org.xbill.DNS.Record zone = only(m, Section.ZONE);
        assertThat(zone.getName()).isEqualTo(Name.fromString("example.com."));
        assertThat(zone.getType()).isEqualTo(Type.SOA);
        assertThat(zone.getDClass()).isEqualTo(DClass.IN);
    }

    @Test
    void anAddIsClassInWithItsTtlAndData() throws Exception {
        org.xbill.DNS.Record rr = only(
                roundTrip(UpdateMessages.build(
                        ZONE, ChangeSet.of(new RecordChange.Add(a("192.0.2.1", 300))), Map.of(), 3600)),
                Section.UPDATE);

        assertThat(rr.getDClass()).isEqualTo(DClass.IN);
        assertThat(rr.getTTL()).isEqualTo(300);
        assertThat(rr.getType()).isEqualTo(Type.A);
        assertThat(rr.rdataToString()).isEqualTo("192.0.2.1");
    }

    @Test
    void anAddWithoutTtlTakesTheDefault() throws Exception {
        Record noTtl = Record.of(WWW, new RData.Txt(List.of("hello \"world\"")));
        org.xbill.DNS.Record rr = only(
                roundTrip(UpdateMessages.build(ZONE, ChangeSet.of(new RecordChange.Add(noTtl)), Map.of(), 3600)),
                Section.UPDATE);

        assertThat(rr.getTTL()).isEqualTo(3600);
        assertThat(rr.rdataToString()).isEqualTo("\"hello \\\"world\\\"\"");
    }

    @Test
    void aRemoveIsClassNoneWithTtlZeroAndTheData() throws Exception {
        org.xbill.DNS.Record rr = only(
                roundTrip(UpdateMessages.build(
                        ZONE, ChangeSet.of(new RecordChange.Remove(a("192.0.2.1", 300))), Map.of(), 3600)),
                Section.UPDATE);

        assertThat(rr.getDClass()).isEqualTo(DClass.NONE);
        assertThat(rr.getTTL()).isZero();
        assertThat(rr.rdataToString()).isEqualTo("192.0.2.1");
    }

    @Test
    void anRRsetRemovalIsClassAnyWithNoData() throws Exception {
        org.xbill.DNS.Record rr = only(
                roundTrip(UpdateMessages.build(
                        ZONE, ChangeSet.of(new RecordChange.RemoveRRset(WWW, RecordType.MX)), Map.of(), 3600)),
                Section.UPDATE);

        assertThat(rr.getDClass()).isEqualTo(DClass.ANY);
        assertThat(rr.getType()).isEqualTo(Type.MX);
        assertThat(rr.getTTL()).isZero();
        assertThat(rr.rdataToWireCanonical()).isEmpty();
    }

    @Test
    void rrsetExistsIsClassAnyInThePrerequisites() throws Exception {
        org.xbill.DNS.Record rr = only(
                roundTrip(UpdateMessages.build(
                        ZONE,
                        new ChangeSet(
                                List.of(new Prerequisite.RRsetExists(WWW, RecordType.A)),
                                List.of(new RecordChange.Add(a("192.0.2.1", 300)))),
                        Map.of(),
                        3600)),
                Section.PREREQ);

        assertThat(rr.getDClass()).isEqualTo(DClass.ANY);
        assertThat(rr.getType()).isEqualTo(Type.A);
        assertThat(rr.getTTL()).isZero();
    }

    @Test
    void rrsetAbsentIsClassNoneInThePrerequisites() throws Exception {
        org.xbill.DNS.Record rr = only(
                roundTrip(UpdateMessages.build(
                        ZONE,
                        new ChangeSet(
                                List.of(new Prerequisite.RRsetAbsent(WWW, RecordType.CNAME)),
                                List.of(new RecordChange.Add(a("192.0.2.1", 300)))),
                        Map.of(),
                        3600)),
                Section.PREREQ);

        assertThat(rr.getDClass()).isEqualTo(DClass.NONE);
        assertThat(rr.getType()).isEqualTo(Type.CNAME);
    }

    @Test
    void nameAbsentIsClassNoneTypeAny() throws Exception {
        org.xbill.DNS.Record rr = only(
                roundTrip(UpdateMessages.build(
                        ZONE,
                        new ChangeSet(
                                List.of(new Prerequisite.NameAbsent(WWW)),
                                List.of(new RecordChange.Add(a("192.0.2.1", 300)))),
                        Map.of(),
                        3600)),
                Section.PREREQ);

        assertThat(rr.getDClass()).isEqualTo(DClass.NONE);
        assertThat(rr.getType()).isEqualTo(Type.ANY);
    }

    @Test
    void recordExistsPinsTheWholeCurrentRRsetValueDependentOnce() throws Exception {
        Record one = a("192.0.2.1", 300);
        Record two = a("192.0.2.2", 300);
        Map<UpdateMessages.RRsetKey, List<org.xbill.DNS.Record>> current =
                Map.of(UpdateMessages.key(one), List.of(DnsRecords.toDns(one, 300), DnsRecords.toDns(two, 300)));

        Message m = roundTrip(UpdateMessages.build(
                ZONE,
                new ChangeSet(
                        List.of(new Prerequisite.RecordExists(one), new Prerequisite.RecordExists(two)),
                        List.of(new RecordChange.Remove(one))),
                current,
                3600));

        assertThat(m.getSection(Section.PREREQ)).hasSize(2).allSatisfy(rr -> {
            assertThat(rr.getDClass()).isEqualTo(DClass.IN);
            assertThat(rr.getTTL()).isZero();
        });
        assertThat(m.getSection(Section.PREREQ).stream().map(org.xbill.DNS.Record::rdataToString))
                .containsExactly("192.0.2.1", "192.0.2.2");
    }

    @Test
    void changesKeepTheirOrder() throws Exception {
        Message m = roundTrip(UpdateMessages.build(
                ZONE,
                ChangeSet.of(new RecordChange.RemoveRRset(WWW, RecordType.A), new RecordChange.Add(a("192.0.2.9", 60))),
                Map.of(),
                3600));

        assertThat(m.getSection(Section.UPDATE).stream().map(org.xbill.DNS.Record::getDClass))
                .containsExactly(DClass.ANY, DClass.IN);
    }
}
