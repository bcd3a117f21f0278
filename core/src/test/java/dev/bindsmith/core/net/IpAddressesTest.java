package dev.bindsmith.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one IP-literal parser. Where the four copies it replaces disagreed, named 9.18 decided
 * ({@code named-checkconf -p} on an {@code allow-transfer} element, 2026-12-03).
 */
class IpAddressesTest {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.1,192.0.2.1",
        "0.0.0.0,0.0.0.0",
        "255.255.255.255,255.255.255.255",
        "2001:db8::1,2001:db8::1",
        "2001:DB8:0:0:0:0:0:1,2001:db8::1",
        "::,::",
        "::1,::1",
        "1:0:0:2:0:0:0:3,1:0:0:2::3",
        "64:ff9b::192.0.2.1,64:ff9b::c000:201"
    })
    void literalsAreReadAndWrittenInTheFormNamedPrints(String text, String written) {
        assertThat(IpAddresses.parse(text))
                .hasValueSatisfying(a -> assertThat(IpAddresses.format(a)).isEqualTo(written));
    }

    @Test
    void anOctetWithALeadingZeroIsNotAnAddressBecauseNamedReadsItAsTheNameOfAnAcl() {
        // the rndc adapter's copy read it as 10.0.0.1; named says "undefined ACL '010.0.0.1'"
        assertThat(IpAddresses.parse("010.0.0.1")).isEmpty();
        assertThat(IpAddresses.parseIpv4("192.0.2.01")).isEmpty();
    }

    @Test
    void anIncompleteIpv4AddressIsRefusedBecauseNamedRefusesItWhereGetByNameReadsOneTwoThreeAsOneTwoZeroThree() {
        // the embedded server's and the test builders' copies asked InetAddress.getByName, which takes "1.2.3"
        assertThat(IpAddresses.parse("1.2.3")).isEmpty();
        assertThat(IpAddresses.parse("1")).isEmpty();
    }

    @Test
    void anIpv4MappedLiteralStaysIpv6BecauseNamedKeepsItIpv6WhereGetByNameTurnsItIntoIpv4() {
        // named-checkconf prints ::ffff:192.0.2.1/128: a showzone read back must give the address that was sent
        InetAddress mapped = IpAddresses.parse("::ffff:192.0.2.1").orElseThrow();

        assertThat(mapped).isInstanceOf(Inet6Address.class);
        assertThat(IpAddresses.format(mapped)).isEqualTo("::ffff:192.0.2.1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost",
                "ns1.example.com",
                "deadbeef",
                "cafe.example",
                "1.2.3.4.5",
                "256.0.0.1",
                "+1.2.3.4",
                "1.2.3.4 ",
                " 1.2.3.4",
                "1.2.3.4/32",
                "0x1.2.3.4",
                "１.2.3.4",
                "fe80::1%eth0",
                "[::1]",
                "1::2::3",
                "12345::1",
                "g::1",
                ":1",
                "1:",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9",
                "::1.2.3",
                "１::1",
                ""
            })
    void anythingButALiteralIsRefusedWithoutAskingAResolver(String text) {
        assertThat(IpAddresses.parse(text)).as(text).isEmpty();
    }

    @Test
    void eachFamilyHasItsOwnParser() {
        assertThat(IpAddresses.parseIpv4("192.0.2.1")).containsInstanceOf(Inet4Address.class);
        assertThat(IpAddresses.parseIpv4("2001:db8::1")).isEmpty();
        assertThat(IpAddresses.parseIpv6("2001:db8::1")).containsInstanceOf(Inet6Address.class);
        assertThat(IpAddresses.parseIpv6("192.0.2.1")).isEmpty();
    }

    @Test
    void aParsedAddressCarriesNoHostNameSoItPrintsAsItsBytes() {
        assertThat(IpAddresses.parse("192.0.2.1").orElseThrow().toString()).isEqualTo("/192.0.2.1");
    }
}
