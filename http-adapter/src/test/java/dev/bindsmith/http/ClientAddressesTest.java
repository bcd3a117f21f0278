package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.net.IpNetwork;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "::1"));

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeadersSay() {
        assertThat(addresses.resolve("192.0.2.7", Optional.of("198.51.100.1"), Optional.of("198.51.100.2")))
                .isEqualTo("192.0.2.7");
    }

    @Test
    void aTrustedProxysForwardedAddressIsTheClient() {
        assertThat(addresses.resolve("10.1.2.3", Optional.of("198.51.100.1, 10.9.9.9"), Optional.of("198.51.100.2")))
                .isEqualTo("198.51.100.1");
        assertThat(addresses.resolve("0:0:0:0:0:0:0:1", Optional.of("2001:db8::1"), Optional.empty()))
                .isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    /**
     * A proxy appends the address it saw to whatever the client sent: only the hops right of the last
     * trusted proxy were written by proxies, so the rightmost untrusted address is the client.
     */
    @Test
    void aForgedLeftmostForwardedAddressIsNotBelievedTheRightmostUntrustedOneIs() {
        assertThat(addresses.resolve("10.1.2.3", Optional.of("203.0.113.66, 198.51.100.1"), Optional.empty()))
                .isEqualTo("198.51.100.1");
        assertThat(addresses.resolve(
                        "10.1.2.3", Optional.of("203.0.113.66, 198.51.100.1, 10.7.7.7, 10.8.8.8"), Optional.empty()))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void severalForwardedForLinesAreOneListInTheOrderReceived() {
        assertThat(addresses.resolve("10.1.2.3", List.of("203.0.113.66", "198.51.100.1, 10.7.7.7"), Optional.empty()))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void whenEveryForwardedHopIsATrustedProxyTheFarthestIsTheClient() {
        assertThat(addresses.resolve("10.1.2.3", Optional.of("10.5.5.5, 10.6.6.6"), Optional.empty()))
                .isEqualTo("10.5.5.5");
    }

    @Test
    void xRealIpIsUsedWhenThereIsNoForwardedFor() {
        assertThat(addresses.resolve("10.1.2.3", Optional.empty(), Optional.of("198.51.100.2")))
                .isEqualTo("198.51.100.2");
    }

    @Test
    void aForwardedValueThatIsNotAnAddressIsIgnoredAndNeverResolved() {
        assertThat(addresses.resolve("10.1.2.3", Optional.of("evil.example.com"), Optional.of("not-an-ip")))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void cidrMatchingRespectsThePrefix() {
        var net = IpNetwork.parse("192.168.0.0/23").orElseThrow();
        assertThat(net.contains(ClientAddresses.literal("192.168.1.255").orElseThrow()))
                .isTrue();
        assertThat(net.contains(ClientAddresses.literal("192.168.2.0").orElseThrow()))
                .isFalse();
        assertThat(net.contains(ClientAddresses.literal("::1").orElseThrow())).isFalse();
        assertThat(IpNetwork.parse("10.0.0.0/33")).isEmpty();
        assertThat(IpNetwork.parse("300.0.0.1")).isEmpty();
        assertThat(IpNetwork.parse("localhost")).isEmpty();
    }
}
