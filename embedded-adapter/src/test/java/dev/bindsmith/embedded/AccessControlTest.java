package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.testing.builders.Records;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessControlTest {

    @Test
    void anEmptyListAllowsNobody() {
        assertThat(AccessControl.allows(List.of(), Records.ip("127.0.0.1"), Optional.empty()))
                .isFalse();
    }

    @Test
    void anAddressMatchesItselfOnly() {
        var list = List.of(Records.match("192.0.2.7"));

        assertThat(AccessControl.allows(list, Records.ip("192.0.2.7"), Optional.empty()))
                .isTrue();
        assertThat(AccessControl.allows(list, Records.ip("192.0.2.8"), Optional.empty()))
                .isFalse();
    }

    @Test
    void aPrefixMatchesItsNetworkInBothFamilies() {
        assertThat(AccessControl.allows(
                        List.of(Records.match("10.0.0.0/8")), Records.ip("10.200.3.4"), Optional.empty()))
                .isTrue();
        assertThat(AccessControl.allows(List.of(Records.match("10.0.0.0/8")), Records.ip("11.0.0.1"), Optional.empty()))
                .isFalse();
        assertThat(AccessControl.allows(
                        List.of(Records.match("192.0.2.128/25")), Records.ip("192.0.2.200"), Optional.empty()))
                .isTrue();
        assertThat(AccessControl.allows(
                        List.of(Records.match("192.0.2.128/25")), Records.ip("192.0.2.100"), Optional.empty()))
                .isFalse();
        assertThat(AccessControl.allows(
                        List.of(Records.match("2001:db8::/32")), Records.ip("2001:db8:1::5"), Optional.empty()))
                .isTrue();
        assertThat(AccessControl.allows(
                        List.of(Records.match("2001:db8::/32")), Records.ip("10.0.0.1"), Optional.empty()))
                .isFalse();
    }

    @Test
    void builtInNamesMeanWhatTheyMeanInNamed() {
        assertThat(AccessControl.allows(List.of(Records.match("any")), Records.ip("203.0.113.9"), Optional.empty()))
                .isTrue();
        assertThat(AccessControl.allows(List.of(Records.match("none")), Records.ip("127.0.0.1"), Optional.empty()))
                .isFalse();
        assertThat(AccessControl.allows(List.of(Records.match("localhost")), Records.ip("127.0.0.1"), Optional.empty()))
                .isTrue();
        assertThat(AccessControl.allows(
                        List.of(Records.match("localhost")), Records.ip("203.0.113.9"), Optional.empty()))
                .isFalse();
    }

    @Test
    void aKeyMatchesOnlyARequestSignedWithThatKeyWhateverItsAddress() {
        List<AddressMatch> list = List.of(Records.key("xfr-key"));

        assertThat(AccessControl.allows(list, Records.ip("203.0.113.9"), Optional.of("xfr-key")))
                .isTrue();
        assertThat(AccessControl.allows(list, Records.ip("203.0.113.9"), Optional.of("XFR-Key.")))
                .as("key names compare as DNS names")
                .isTrue();
        assertThat(AccessControl.allows(list, Records.ip("127.0.0.1"), Optional.of("other-key")))
                .isFalse();
        assertThat(AccessControl.allows(list, Records.ip("127.0.0.1"), Optional.empty()))
                .isFalse();
    }

    @Test
    void noneDoesNotStopALaterMatch() {
        assertThat(AccessControl.allows(
                        List.of(Records.match("none"), Records.match("127.0.0.1")),
                        Records.ip("127.0.0.1"),
                        Optional.empty()))
                .isTrue();
    }
}
