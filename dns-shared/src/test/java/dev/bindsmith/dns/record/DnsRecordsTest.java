package dev.bindsmith.dns.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.Soa;
import dev.bindsmith.core.zone.ZoneName;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The one record mapping. Where the embedded server's copy and the BIND adapter's disagreed, the
 * test name says which is kept and why.
 */
class DnsRecordsTest {

    private static DomainName n(String name) {
        return DomainName.of(name);
    }

    private static org.xbill.DNS.Record dns(String owner, int type, long ttl, String data) throws Exception {
        return org.xbill.DNS.Record.fromString(Name.fromString(owner), type, DClass.IN, ttl, data, Name.root);
    }

    @Test
    void anAddressReadFromAnARecordCarriesNoHostNameBecauseDnsjavaWouldNameItAfterTheOwner() throws Exception {
        // the BIND adapter's copy took ARecord.getAddress(), which prints as www.example.com./192.0.2.1
        Record read = DnsRecords.toCore(dns("www.example.com.", Type.A, 300, "192.0.2.1"))
                .orElseThrow();

        RData.A a = (RData.A) read.data();
        assertThat(a.address()).hasToString("/192.0.2.1");
        assertThat(read)
                .isEqualTo(Record.of(
                        n("www.example.com"),
                        300,
                        new RData.A(IpAddresses.parseIpv4("192.0.2.1").orElseThrow())));
    }

    @Test
    void anIpv4MappedAaaaStaysIpv6BecauseItsRdataIsSixteenBytes() throws Exception {
        Record read = DnsRecords.toCore(dns("m.example.com.", Type.AAAA, 300, "::ffff:192.0.2.1"))
                .orElseThrow();

        assertThat(read.data().presentation()).isEqualTo("::ffff:192.0.2.1");
    }

    @Test
    void anUnmodelledTypeIsWrittenWithItsOwnCodeBecauseRfc3597FormLosesNothing() throws Exception {
        // the BIND adapter's copy refused to write it; a record read back can then not be removed
        Record private64k = Record.of(n("x.example.com"), 300, new RData.Unknown(65280, "TYPE65280", "abcdef"));
        org.xbill.DNS.Record hinfo = dns("h.example.com.", Type.HINFO, 600, "\"PC\" \"Linux\"");

        org.xbill.DNS.Record written = DnsRecords.toDns(private64k, 3600);

        assertThat(written.getType()).isEqualTo(65280);
        assertThat(written.rdataToWireCanonical()).containsExactly(0xab, 0xcd, 0xef);
        assertThat(DnsRecords.toCore(written)).contains(private64k);
        Record hinfoInCore = DnsRecords.toCore(hinfo).orElseThrow();
        assertThat(hinfoInCore.type()).isEqualTo(RecordType.OTHER);
        assertThat(DnsRecords.toDns(hinfoInCore, 0)).isEqualTo(hinfo);
    }

    @Test
    void anRRsetNamedByTypeOtherHasNoCodeBecauseOtherStandsForEveryUnmodelledType() {
        assertThat(DnsRecords.type(RecordType.MX)).isEqualTo(Type.MX);
        assertThatThrownBy(() -> DnsRecords.type(RecordType.OTHER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordWhoseOwnerCoreCannotNameIsLeftOutButATargetCoreCannotNameIsKeptAsRfc3597() throws Exception {
        assertThat(DnsRecords.toCore(dns("a\\032b.example.com.", Type.A, 300, "192.0.2.1")))
                .isEmpty();

        Record cname = DnsRecords.toCore(dns("c.example.com.", Type.CNAME, 300, "a\\032b.example.com."))
                .orElseThrow();

        assertThat(cname.data()).isInstanceOf(RData.Unknown.class);
        assertThat(((RData.Unknown) cname.data()).typeCode()).isEqualTo(Type.CNAME);
    }

    @Test
    void ownersAreLowerCasedAndTheRootAndAWildcardAreOwnersToo() throws Exception {
        assertThat(DnsRecords.toCore(dns("WWW.Example.COM.", Type.A, 1, "192.0.2.1"))
                        .orElseThrow()
                        .owner())
                .isEqualTo(n("www.example.com"));
        assertThat(DnsRecords.toCore(dns(".", Type.NS, 1, "a.root-servers.net."))
                        .orElseThrow()
                        .owner())
                .isEqualTo(DomainName.ROOT);
        assertThat(DnsRecords.toCore(dns("*.example.com.", Type.TXT, 1, "\"w\""))
                        .orElseThrow()
                        .owner())
                .isEqualTo(n("*.example.com"));
        assertThat(DnsRecords.name(ZoneName.of("Example.COM"))).isEqualTo(Name.fromString("example.com."));
    }

    @Test
    void aRecordWithoutATtlTakesTheDefaultAndOneWithATtlKeepsIt() {
        RData.Ns ns = new RData.Ns(n("ns1.example.com"));

        assertThat(DnsRecords.toDns(Record.of(n("example.com"), ns), 3600).getTTL())
                .isEqualTo(3600);
        assertThat(DnsRecords.toDns(Record.of(n("example.com"), 60, ns), 3600).getTTL())
                .isEqualTo(60);
    }

    @TestFactory
    Stream<DynamicTest> everyModelledTypeComesBackAsItWasWritten() {
        DomainName owner = n("rt.example.com");
        List<RData> data = List.of(
                new RData.A(IpAddresses.parseIpv4("192.0.2.1").orElseThrow()),
                new RData.Aaaa(IpAddresses.parseIpv6("2001:db8::1").orElseThrow()),
                new RData.Cname(n("target.example.com")),
                new RData.Dname(n("example.net")),
                new RData.Ns(n("ns1.example.com")),
                new RData.Ptr(n("host.example.com")),
                new RData.Mx(10, n("mail.example.com")),
                new RData.Txt(List.of("v=spf1 -all", "quote \" and backslash \\", "é")),
                new RData.Srv(0, 5, 5060, n("sip.example.com")),
                new RData.Caa(0, "issue", "letsencrypt.org"),
                new RData.Ds(12345, 13, 2, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                new RData.Tlsa(3, 1, 1, "00ff"),
                new RData.Sshfp(4, 2, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                new RData.Svcb(
                        false,
                        1,
                        n("svc.example.com"),
                        List.of(new RData.SvcParam("alpn", "h2,h3"), new RData.SvcParam("port", "8443"))),
                new RData.Svcb(true, 1, DomainName.ROOT, List.of(new RData.SvcParam("alpn", "h2"))),
                new RData.StartOfAuthority(
                        new Soa(n("ns1.example.com"), n("hostmaster.example.com"), 2026120301, 3600, 600, 604800, 300)),
                new RData.Unknown(Type.HINFO, "HINFO", "025043054c696e7578"));
        return data.stream()
                .map(d -> DynamicTest.dynamicTest(d.type() + " " + d.presentation(), () -> {
                    Record record = Record.of(owner, 300, d);
                    assertThat(DnsRecords.toCore(DnsRecords.toDns(record, 0))).contains(record);
                }));
    }
}
