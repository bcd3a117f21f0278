package dev.bindsmith.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordRulesTest {
    static final ZoneName ZONE = ZoneName.of("example.com");

    static List<Violation> check(String owner, RecordType type, String value, ZoneName zone) {
        RData data = AddressRulesTest.value(RecordDataParser.parse(type, value, zone));
        return RecordRules.check(Record.of(DomainName.of(owner), data), zone, "records[0]");
    }

    static List<Violation> check(String owner, RecordType type, String value) {
        return check(owner, type, value, ZONE);
    }

    @Test
    void aCnameAtTheApexIsSemanticOnTheName() {
        assertThat(check("example.com", RecordType.CNAME, "other.example.net."))
                .containsExactly(Violation.semantic(
                        "records[0].name",
                        check("example.com", RecordType.CNAME, "other.example.net.")
                                .get(0)
                                .message()))
                .allSatisfy(v -> assertThat(v.message()).contains("apex"));
        assertThat(check("www.example.com", RecordType.CNAME, "other.example.net."))
                .isEmpty();
    }

    @Test
    void aDsAtTheApexAndAnNsWithAWildcardOwnerAreSemantic() {
        assertThat(check("example.com", RecordType.DS, "1 8 2 " + "ab".repeat(32)))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("parent zone"));
        assertThat(check("sub.example.com", RecordType.DS, "1 8 2 " + "ab".repeat(32)))
                .isEmpty();
        assertThat(check("*.sub.example.com", RecordType.NS, "ns1.example.net."))
                .extracting(Violation::field)
                .containsExactly("records[0].name");
    }

    @Test
    void ownersOfAddressAndMailRecordsMustBeHostNamesButWildcardsAreFine() {
        assertThat(check("_x.example.com", RecordType.A, "192.0.2.1"))
                .extracting(Violation::field)
                .containsExactly("records[0].name");
        assertThat(check("_x.example.com", RecordType.AAAA, "2001:db8::1")).hasSize(1);
        assertThat(check("_x.example.com", RecordType.MX, "10 mail.example.com."))
                .hasSize(1);
        assertThat(check("*.example.com", RecordType.A, "192.0.2.1")).isEmpty();
        assertThat(check("_dmarc.example.com", RecordType.TXT, "v=DMARC1")).isEmpty();
    }

    @Test
    void targetsOfNsMxAndSrvMustBeHostNamesExceptTheNullTarget() {
        assertThat(check("sub.example.com", RecordType.NS, "ns_1.example.net."))
                .extracting(Violation::field)
                .containsExactly("records[0].value");
        assertThat(check("example.com", RecordType.MX, "10 m_x.example.net.")).hasSize(1);
        assertThat(check("_sip._tcp.example.com", RecordType.SRV, "0 0 5060 s_x.example.net."))
                .hasSize(1);
        assertThat(check("example.com", RecordType.MX, "0 .")).isEmpty();
        assertThat(check("_sip._tcp.example.com", RecordType.SRV, "0 0 0 .")).isEmpty();
        assertThat(check("www.example.com", RecordType.CNAME, "_x.example.net."))
                .isEmpty();
    }

    @Test
    void ptrTargetsMustBeHostNamesOnlyInReverseZones() {
        ZoneName reverse = ZoneName.of("2.0.192.in-addr.arpa");
        assertThat(check("1.2.0.192.in-addr.arpa", RecordType.PTR, "a_b.example.com.", reverse))
                .hasSize(1);
        assertThat(check("x.example.com", RecordType.PTR, "a_b.example.com.")).isEmpty();
    }

    @Test
    void anSoaOrUnknownTypeIsNotARecordToWrite() {
        assertThat(RecordRules.check(
                        Record.of(DomainName.of("x.example.com"), new RData.Unknown(99, "TYPE99", "")), ZONE, ""))
                .extracting(Violation::field)
                .containsExactly("type");
    }
}
