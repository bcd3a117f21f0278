package dev.bindsmith.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import java.net.Inet6Address;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTest {

    static <T> T value(Parsed<T> parsed) {
        assertThat(parsed).as("parsed %s", parsed).isInstanceOf(Parsed.Value.class);
        return parsed.toOptional().orElseThrow();
    }

    static Parsed.Problem<?> problem(Parsed<?> parsed) {
        assertThat(parsed).as("parsed %s", parsed).isInstanceOf(Parsed.Problem.class);
        return (Parsed.Problem<?>) parsed;
    }

    @ParameterizedTest
    @CsvSource({"192.0.2.1,192.0.2.1", "0.0.0.0,0.0.0.0", "255.255.255.255,255.255.255.255"})
    void dottedQuadsAreIpv4(String raw, String shown) {
        assertThat(value(AddressRules.ipv4(raw)).getHostAddress()).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "256.0.0.1",
                "1.2.3",
                "1.2.3.4.5",
                "01.2.3.4",
                "1.2.3.-4",
                "1.2.3.4 ",
                " 1.2.3.4",
                "a.b.c.d",
                "1..2.3",
                "１.2.3.4",
                "localhost",
                "",
                "1.2.3.4/32",
                "0x1.2.3.4"
            })
    void anythingElseIsNotIpv4(String raw) {
        assertThat(problem(AddressRules.ipv4(raw)).kind()).isEqualTo(Violation.Kind.MALFORMED);
    }

    @ParameterizedTest
    @CsvSource({
        "2001:db8::1,2001:db8::1",
        "::,::",
        "::1,::1",
        "2001:DB8:0:0:0:0:0:1,2001:db8::1",
        "fe80::1:2:3:4,fe80::1:2:3:4",
        "::ffff:192.0.2.1,::ffff:192.0.2.1",
        "64:ff9b::192.0.2.1,64:ff9b::c000:201",
        "1:0:0:2:0:0:0:3,1:0:0:2::3",
        "1:2:3:4:5:6:7:8,1:2:3:4:5:6:7:8"
    })
    void ipv6TextFormsAreReadAndShownInShortForm(String raw, String shown) {
        Inet6Address address = value(AddressRules.ipv6(raw));
        assertThat(dev.bindsmith.core.net.IpAddresses.format(address)).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1:2:3:4:5:6:7:8:9",
                "1::2::3",
                "12345::1",
                "g::1",
                "fe80::1%eth0",
                ":1",
                "1:",
                "[::1]",
                "1:2:3:4:5:6:7",
                "::1.2.3",
                "::256.1.1.1",
                "2001:db8::1 ",
                "１::1",
                ""
            })
    void malformedIpv6IsRefused(String raw) {
        problem(AddressRules.ipv6(raw));
    }

    @Test
    void anIpAddressIsEitherFamily() {
        assertThat(value(AddressRules.ip("192.0.2.1")).getAddress()).hasSize(4);
        assertThat(value(AddressRules.ip("2001:db8::1")).getAddress()).hasSize(16);
        assertThat(problem(AddressRules.ip("example.com")).message()).contains("not an IP address");
    }

    @ParameterizedTest
    @CsvSource({
        "192.0.2.1,192.0.2.1,",
        "192.0.2.1:5353,192.0.2.1,5353",
        "2001:db8::1,2001:db8::1,",
        "[2001:db8::1]:53,2001:db8::1,53",
        "[2001:db8::1],2001:db8::1,",
        "192.0.2.1:65535,192.0.2.1,65535",
        "192.0.2.1:1,192.0.2.1,1"
    })
    void endpointsAreAnAddressWithAnOptionalPort(String raw, String address, Integer port) {
        Endpoint e = value(AddressRules.endpoint(raw));
        assertThat(dev.bindsmith.core.net.IpAddresses.format(e.address())).isEqualTo(address);
        assertThat(e.port()).isEqualTo(port == null ? OptionalInt.empty() : OptionalInt.of(port));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.2.3.4 port 53",
                "1.2.3.4:99999",
                "1.2.3.4:0",
                "1.2.3.4:",
                "1.2.3.4:53a",
                "1.2.3.4:+53",
                "[1.2.3.4]:53",
                "[2001:db8::1",
                "[2001:db8::1]53",
                "1.2.3.4; }; zone \"x\" {",
                "{ 1.2.3.4; }",
                "example.com:53",
                "1.2.3.4/24",
                "any",
                "",
                "[]:53",
                "1.2.3.4:0053000"
            })
    void endpointsRefuseEverythingElse(String raw) {
        assertThat(problem(AddressRules.endpoint(raw)).kind()).isEqualTo(Violation.Kind.MALFORMED);
    }

    @Test
    void anEndpointMessageShowsTheAcceptedForms() {
        assertThat(problem(AddressRules.endpoint("1.2.3.4 port 53")).message())
                .contains("'1.2.3.4 port 53'")
                .contains("192.0.2.1:5353")
                .contains("[2001:db8::1]:5353");
    }

    @ParameterizedTest
    @CsvSource({
        "192.0.2.1,192.0.2.1",
        "10.0.0.0/8,10.0.0.0/8",
        "192.0.2.1/32,192.0.2.1/32",
        "0.0.0.0/0,0.0.0.0/0",
        "2001:db8::/32,2001:db8::/32",
        "any,any",
        "none,none",
        "localhost,localhost",
        "localnets,localnets",
        "ANY,any",
        "key bindy-operator,key bindy-operator",
        "key \"k.example\",key k.example"
    })
    void addressMatchElementsAreAddressesNetworksBuiltinsAndKeys(String raw, String shown) {
        assertThat(value(AddressRules.addressMatch(raw)).toString()).isEqualTo(shown);
    }

    @Test
    void aKeyElementIsAKeyMatch() {
        assertThat(value(AddressRules.addressMatch("key xfer"))).isEqualTo(new AddressMatch.Key("xfer"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.1/8",
                "10.0.0.0/33",
                "2001:db8::/129",
                "10.0.0.0/",
                "10.0.0.0/-1",
                "!10.0.0.1",
                "key",
                "key k\"; };",
                "key a b",
                "1.2.3.4:53",
                "1.2.3.4; }; zone \"x\" {",
                "everyone",
                "",
                "acl1"
            })
    void addressMatchRefusesEverythingElse(String raw) {
        problem(AddressRules.addressMatch(raw));
    }
}
