package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.testing.builders.Records;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessControlTest {

    @Test
    void anEmptyListAllowsNobody() {
        assertThat(AccessControl.allows(List.of(), Records.ip("127.0.0.1"))).isFalse();
    }

    @Test
    void anAddressMatchesItselfOnly() {
        var list = List.of(Records.match("192.0.2.7"));

        assertThat(AccessControl.allows(list, Records.ip("192.0.2.7"))).isTrue();
        assertThat(AccessControl.allows(list, Records.ip("192.0.2.8"))).isFalse();
    }

    @Test
    void aPrefixMatchesItsNetworkInBothFamilies() {
        assertThat(AccessControl.allows(List.of(Records.match("10.0.0.0/8")), Records.ip("10.200.3.4")))
                .isTrue();
        assertThat(AccessControl.allows(List.of(Records.match("10.0.0.0/8")), Records.ip("11.0.0.1")))
                .isFalse();
        assertThat(AccessControl.allows(List.of(Records.match("192.0.2.128/25")), Records.ip("192.0.2.200")))
                .isTrue();
        assertThat(AccessControl.allows(List.of(Records.match("192.0.2.128/25")), Records.ip("192.0.2.100")))
                .isFalse();
        assertThat(AccessControl.allows(List.of(Records.match("2001:db8::/32")), Records.ip("2001:db8:1::5")))
                .isTrue();
        assertThat(AccessControl.allows(List.of(Records.match("2001:db8::/32")), Records.ip("10.0.0.1")))
                .isFalse();
    }

    @Test
    void builtInNamesMeanWhatTheyMeanInNamed() {
        assertThat(AccessControl.allows(List.of(Records.match("any")), Records.ip("203.0.113.9")))
                .isTrue();
        assertThat(AccessControl.allows(List.of(Records.match("none")), Records.ip("127.0.0.1")))
                .isFalse();
        assertThat(AccessControl.allows(List.of(Records.match("localhost")), Records.ip("127.0.0.1")))
                .isTrue();
        assertThat(AccessControl.allows(List.of(Records.match("localhost")), Records.ip("203.0.113.9")))
                .isFalse();
    }

    @Test
    void aKeyNeverMatchesBecauseTheEmbeddedServerHoldsNoKeys() {
        assertThat(AccessControl.allows(List.of(Records.key("xfr-key")), Records.ip("127.0.0.1")))
                .isFalse();
    }

    @Test
    void noneDoesNotStopALaterMatch() {
        assertThat(AccessControl.allows(
                        List.of(Records.match("none"), Records.match("127.0.0.1")), Records.ip("127.0.0.1")))
                .isTrue();
    }
}
