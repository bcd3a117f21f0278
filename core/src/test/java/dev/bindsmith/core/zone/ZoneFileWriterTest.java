package dev.bindsmith.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ZoneFileWriterTest {
    static final ZoneName ZONE = ZoneName.of("example.com");
    static final Soa SOA = new Soa(
            DomainName.of("ns1.example.net"),
            DomainName.of("hostmaster.example.com"),
            5,
            Soa.DEFAULT_REFRESH,
            Soa.DEFAULT_RETRY,
            Soa.DEFAULT_EXPIRE,
            Soa.DEFAULT_NEGATIVE_TTL);

    static ZoneSpec spec(List<DomainName> ns, List<Record> glue, List<Record> records) {
        return new ZoneSpec(ZONE, ZoneType.PRIMARY, 900, SOA, ns, glue, records, ZoneOptions.NONE);
    }

    static Record a(String owner, String ip) throws Exception {
        return Record.of(DomainName.of(owner), new RData.A((java.net.Inet4Address) InetAddress.getByName(ip)));
    }

    @Test
    void theFileStartsWithTheHeaderOriginAndDefaultTtlAndHasNoBlankLinesForEmptyBlocks() {
        assertThat(ZoneFileWriter.render(spec(List.of(), List.of(), List.of()))).isEqualTo("""
                ; zone example.com. written by bindsmith
                $ORIGIN example.com.
                $TTL 900

                @ IN SOA ns1.example.net. hostmaster.example.com. 5 3600 600 604800 86400
                """);
    }

    @Test
    void ownersAreRelativeInsideTheZoneAndAbsoluteOutsideIt() throws Exception {
        String file = ZoneFileWriter.render(spec(
                List.of(DomainName.of("ns1.example.com")),
                List.of(a("ns1.example.com", "192.0.2.1"), a("ns2.example.net", "192.0.2.2")),
                List.of(a("example.com", "192.0.2.3"), a("*.dev.example.com", "192.0.2.4"))));
        assertThat(file)
                .contains(
                        "\n@ IN NS ns1.example.com.\n",
                        "\nns1 IN A 192.0.2.1\n",
                        "\nns2.example.net. IN A 192.0.2.2\n",
                        "\n@ IN A 192.0.2.3\n",
                        "\n*.dev IN A 192.0.2.4\n");
    }

    @Test
    void aRecordTtlIsWrittenOnlyWhenTheRecordHasOne() throws Exception {
        Record withTtl = new Record(
                DomainName.of("www.example.com"),
                OptionalLong.of(0),
                a("x.example.com", "192.0.2.1").data());
        String file =
                ZoneFileWriter.render(spec(List.of(), List.of(), List.of(withTtl, a("www.example.com", "192.0.2.2"))));
        assertThat(file).contains("\nwww 0 IN A 192.0.2.1\nwww IN A 192.0.2.2\n");
    }

    @Test
    void blocksAreSeparatedByOneBlankLineInTheOrderSoaNsGlueRecords() throws Exception {
        String file = ZoneFileWriter.render(spec(
                List.of(DomainName.of("ns1.example.com")),
                List.of(a("ns1.example.com", "192.0.2.1")),
                List.of(a("www.example.com", "192.0.2.2"))));
        assertThat(file).endsWith("""
                86400

                @ IN NS ns1.example.com.

                ns1 IN A 192.0.2.1

                www IN A 192.0.2.2
                """);
    }

    @Test
    void aTypeBindsmithDoesNotModelIsWrittenInRfc3597Form() {
        Record unknown = Record.of(DomainName.of("x.example.com"), new RData.Unknown(65280, "TYPE65280", "0A0B"));
        assertThat(ZoneFileWriter.render(spec(List.of(), List.of(), List.of(unknown))))
                .endsWith("\nx IN TYPE65280 \\# 2 0a0b\n");
    }

    @Test
    void anSoaAmongTheRecordsIsRefusedBecauseItWouldBeASecondOne() {
        Record soa = Record.of(ZONE.apex(), new RData.StartOfAuthority(SOA));
        assertThatThrownBy(() -> ZoneFileWriter.render(spec(List.of(), List.of(), List.of(soa))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ipv6DataIsWrittenInItsShortForm() throws Exception {
        Record aaaa = Record.of(DomainName.of("v6.example.com"), new RData.Aaaa((java.net.Inet6Address)
                InetAddress.getByName("2001:db8:0:0:1:0:0:1")));
        assertThat(ZoneFileWriter.render(spec(List.of(), List.of(), List.of(aaaa))))
                .endsWith("\nv6 IN AAAA 2001:db8::1:0:0:1\n");
    }

    @Test
    void theOptionsOfTheZoneDoNotReachTheFile() throws Exception {
        ZoneOptions options = new ZoneOptions(
                List.of(),
                List.of(),
                List.of(),
                List.of(new AddressMatch.Key("bindy-operator")),
                Optional.of("default"),
                Optional.of(true));
        ZoneSpec spec = new ZoneSpec(ZONE, ZoneType.PRIMARY, 900, SOA, List.of(), List.of(), List.of(), options);
        assertThat(ZoneFileWriter.render(spec)).doesNotContain("bindy-operator").doesNotContain("default");
    }
}
