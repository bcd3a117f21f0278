package dev.bindsmith.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CIDR networks; where the copies disagreed, named 9.18 decided ({@code named-checkconf -p}). */
class IpNetworkTest {

    private static InetAddress ip(String literal) {
        return IpAddresses.parse(literal).orElseThrow();
    }

    private static IpNetwork net(String text) {
        return IpNetwork.parse(text).orElseThrow(() -> new AssertionError("not a network: " + text));
    }

    @Test
    void aNetworkWithHostBitsSetIsRefusedBecauseNamedRefusesItAsAnAddressPrefixLengthMismatch() {
        // the HTTP adapter's copy accepted 10.0.0.1/8 and matched 10.0.0.0/8 with it
        assertThat(IpNetwork.parse("10.0.0.1/8")).isEmpty();
        assertThat(IpNetwork.parse("2001:db8::1/32")).isEmpty();
        assertThatThrownBy(() -> new IpNetwork(ip("10.0.0.1"), 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPrefixLengthWithALeadingZeroIsDecimalBecauseNamedReadsSlashZeroEightAsSlashEight() {
        assertThat(net("10.0.0.0/08")).isEqualTo(new IpNetwork(ip("10.0.0.0"), 8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.0/",
                "10.0.0.0/+8",
                "10.0.0.0/-1",
                "10.0.0.0/33",
                "2001:db8::/129",
                "10.0.0.0/0008",
                "10.0.0.0/8 ",
                "010.0.0.0/8",
                "10/8",
                "localhost/8",
                "any",
                "",
                "/8"
            })
    void anythingElseIsNotANetwork(String text) {
        assertThat(IpNetwork.parse(text)).as(text).isEmpty();
    }

    @Test
    void aBareAddressIsTheNetworkOfThatHostAlone() {
        IpNetwork host = net("192.0.2.7");

        assertThat(host).isEqualTo(net("192.0.2.7/32")).isEqualTo(IpNetwork.host(ip("192.0.2.7")));
        assertThat(host.isHost()).isTrue();
        assertThat(host.contains(ip("192.0.2.7"))).isTrue();
        assertThat(host.contains(ip("192.0.2.8"))).isFalse();
        assertThat(net("2001:db8::1").prefixLength()).isEqualTo(128);
    }

    @Test
    void containsComparesThePrefixBitsOfAnAddressOfTheSameFamily() {
        assertThat(net("192.0.2.128/25").contains(ip("192.0.2.200"))).isTrue();
        assertThat(net("192.0.2.128/25").contains(ip("192.0.2.100"))).isFalse();
        assertThat(net("10.0.0.0/8").contains(ip("10.255.255.255"))).isTrue();
        assertThat(net("10.0.0.0/8").contains(ip("11.0.0.0"))).isFalse();
        assertThat(net("2001:db8::/32").contains(ip("2001:db8:1::5"))).isTrue();
        assertThat(net("2001:db8::/32").contains(ip("2001:db9::"))).isFalse();
        assertThat(net("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
        assertThat(net("0.0.0.0/0").contains(ip("::1"))).isFalse();
        assertThat(net("::/0").contains(ip("10.0.0.1"))).isFalse();
    }

    @Test
    void enclosingClearsTheHostBits() {
        assertThat(IpNetwork.enclosing(ip("192.168.1.77"), 24)).isEqualTo(net("192.168.1.0/24"));
        assertThat(IpNetwork.enclosing(ip("2001:db8::1"), 48)).isEqualTo(net("2001:db8::/48"));
        assertThat(IpNetwork.enclosing(ip("192.0.2.1"), 0)).isEqualTo(net("0.0.0.0/0"));
    }

    @Test
    void theNetworkIsWrittenWithItsLengthAsNamedPrintsIt() {
        assertThat(net("2001:DB8:0:0:0:0:0:0/32")).hasToString("2001:db8::/32");
        assertThat(net("192.0.2.1")).hasToString("192.0.2.1/32");
    }

    @Test
    void anAddressGivenWithAHostNameIsKeptAsItsBytesAlone() throws Exception {
        InetAddress named = InetAddress.getByAddress("www.example.com.", new byte[] {(byte) 192, 0, 2, 1});

        assertThat(IpNetwork.host(named).address()).hasToString("/192.0.2.1");
    }
}
