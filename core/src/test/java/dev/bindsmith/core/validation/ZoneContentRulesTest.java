package dev.bindsmith.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneContentRulesTest {
    static final ZoneName ZONE = ZoneName.of("example.com");

    static List<ZoneContentRules.Entry> entries(String... ownerTypeValue) {
        List<ZoneContentRules.Entry> out = new ArrayList<>();
        for (int i = 0; i < ownerTypeValue.length; i += 3) {
            RecordType type = RecordType.valueOf(ownerTypeValue[i + 1]);
            Record r = Record.of(
                    DomainName.of(ownerTypeValue[i]),
                    AddressRulesTest.value(RecordDataParser.parse(type, ownerTypeValue[i + 2], ZONE)));
            out.add(new ZoneContentRules.Entry("records[" + i / 3 + "]", r));
        }
        return out;
    }

    @Test
    void aCnameBesideOtherDataIsReportedOnTheLaterRecordEitherWay() {
        assertThat(ZoneContentRules.coexistence(
                        entries("www.example.com", "A", "192.0.2.1", "www.example.com", "CNAME", "x.example.net.")))
                .extracting(Violation::field)
                .containsExactly("records[1].type");
        assertThat(ZoneContentRules.coexistence(
                        entries("www.example.com", "CNAME", "x.example.net.", "www.example.com", "TXT", "t")))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("cannot have a TXT record"));
    }

    @Test
    void twoDifferentCnamesAtOneOwnerAreReportedButARepeatedOneIsNot() {
        assertThat(ZoneContentRules.coexistence(entries(
                        "www.example.com", "CNAME", "a.example.net.", "www.example.com", "CNAME", "b.example.net.")))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("only one CNAME"));
        assertThat(ZoneContentRules.coexistence(entries(
                        "www.example.com", "CNAME", "a.example.net.", "www.example.com", "CNAME", "a.example.net.")))
                .isEmpty();
    }

    @Test
    void recordsAtDifferentOwnersDoNotConflict() {
        assertThat(ZoneContentRules.coexistence(entries(
                        "www.example.com",
                        "CNAME",
                        "a.example.net.",
                        "ftp.example.com",
                        "A",
                        "192.0.2.1",
                        "example.com",
                        "MX",
                        "10 www")))
                .isEmpty();
        assertThat(ZoneContentRules.coexistence(List.of()))
                .allSatisfy(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.SEMANTIC));
    }

    @Test
    void aZoneWithoutApexNsIsReportedOnTheNameServersField() {
        assertThat(ZoneContentRules.nameServers(
                        ZONE, entries("sub.example.com", "NS", "ns.example.net."), "nameServers"))
                .extracting(Violation::field)
                .containsExactly("nameServers");
    }

    @Test
    void anInZoneNameServerNeedsAnAddressAndMustNotBeACname() {
        assertThat(ZoneContentRules.nameServers(
                        ZONE,
                        entries(
                                "example.com",
                                "NS",
                                "ns1.example.com.",
                                "example.com",
                                "NS",
                                "ns2.example.com.",
                                "example.com",
                                "NS",
                                "ns3.example.com.",
                                "example.com",
                                "NS",
                                "ns.example.net.",
                                "ns1.example.com",
                                "AAAA",
                                "2001:db8::1",
                                "ns3.example.com",
                                "CNAME",
                                "ns1"),
                        "nameServers"))
                .extracting(Violation::field, v -> v.message().contains("CNAME"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("records[1]", false),
                        org.assertj.core.groups.Tuple.tuple("records[2]", true));
    }
}
