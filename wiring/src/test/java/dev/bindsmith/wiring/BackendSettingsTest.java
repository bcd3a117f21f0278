package dev.bindsmith.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BackendSettingsTest {

    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQ=";
    private static final Predicate<Path> NOTHING_READABLE = p -> false;

    private static Predicate<Path> readable(String... paths) {
        Set<Path> set = java.util.Arrays.stream(paths).map(Path::of).collect(java.util.stream.Collectors.toSet());
        return set::contains;
    }

    @Test
    void withNoConfigurationTheEmbeddedServerIsChosenAndTheLogLineSaysWhy() {
        BackendSettings s = BackendSettings.fromEnvironment(Map.of(), NOTHING_READABLE);

        assertThat(s.kind()).isEqualTo(BackendKind.EMBEDDED);
        assertThat(s.describe())
                .isEqualTo("backend: embedded (no rndc key configured: RNDC_SECRET unset and no rndc.conf found)");
        assertThat(s.embedded())
                .isEqualTo(new BackendSettings.Embedded("127.0.0.1", 8053, Path.of(".bindsmith", "data")));
    }

    @Test
    void anRndcSecretChoosesBind() {
        BackendSettings s = BackendSettings.fromEnvironment(Map.of("RNDC_SECRET", SECRET), NOTHING_READABLE);

        assertThat(s.kind()).isEqualTo(BackendKind.BIND);
        assertThat(s.describe()).isEqualTo("backend: bind (RNDC_SECRET is set)");
        assertThat(s.rndc().secret()).contains(SECRET);
    }

    @Test
    void anRndcConfInAStandardPlaceChoosesBind() {
        BackendSettings s = BackendSettings.fromEnvironment(Map.of(), readable("/etc/rndc.conf"));

        assertThat(s.kind()).isEqualTo(BackendKind.BIND);
        assertThat(s.rndc().conf()).contains(Path.of("/etc/rndc.conf"));
        assertThat(s.reason()).isEqualTo("rndc key configured in /etc/rndc.conf");
    }

    @Test
    void aGivenRndcConfOrKeyFileChoosesBind() {
        assertThat(BackendSettings.fromEnvironment(Map.of("RNDC_CONF", "/x/rndc.conf"), readable("/x/rndc.conf"))
                        .reason())
                .isEqualTo("rndc.conf /x/rndc.conf given (RNDC_CONF)");
        assertThat(BackendSettings.fromEnvironment(Map.of("RNDC_KEY_FILE", "/x/rndc.key"), readable("/x/rndc.key"))
                        .kind())
                .isEqualTo(BackendKind.BIND);
    }

    @Test
    void aGivenButUnreadableRndcConfIsAnErrorNamingTheVariable() {
        assertThatThrownBy(() -> BackendSettings.fromEnvironment(Map.of("RNDC_CONF", "/nope"), NOTHING_READABLE))
                .isInstanceOf(BackendConfigurationException.class)
                .hasMessage("RNDC_CONF: cannot read /nope");
    }

    @Test
    void theBackendVariableForcesEitherBackend() {
        BackendSettings embedded = BackendSettings.fromEnvironment(
                Map.of("BINDSMITH_BACKEND", "Embedded", "RNDC_SECRET", SECRET), NOTHING_READABLE);
        assertThat(embedded.kind()).isEqualTo(BackendKind.EMBEDDED);
        assertThat(embedded.describe()).isEqualTo("backend: embedded (BINDSMITH_BACKEND=embedded)");

        BackendSettings bind =
                BackendSettings.fromEnvironment(Map.of("BINDSMITH_BACKEND", "bind"), readable("/etc/bind/rndc.conf"));
        assertThat(bind.kind()).isEqualTo(BackendKind.BIND);
    }

    @Test
    void forcingBindWithoutAnyKeyIsAnError() {
        assertThatThrownBy(() -> BackendSettings.fromEnvironment(Map.of("BINDSMITH_BACKEND", "bind"), NOTHING_READABLE))
                .isInstanceOf(BackendConfigurationException.class)
                .hasMessageStartingWith("BINDSMITH_BACKEND: bind needs an rndc key");
    }

    @Test
    void badValuesAreErrorsNamingTheirVariable() {
        assertThatThrownBy(
                        () -> BackendSettings.fromEnvironment(Map.of("BINDSMITH_BACKEND", "named"), NOTHING_READABLE))
                .hasMessage("BINDSMITH_BACKEND: must be bind or embedded (was 'named')");
        assertThatThrownBy(() -> BackendSettings.fromEnvironment(Map.of("BINDSMITH_DNS_PORT", "53x"), NOTHING_READABLE))
                .hasMessage("BINDSMITH_DNS_PORT: must be a port number (was '53x')");
        assertThatThrownBy(() -> BackendSettings.fromEnvironment(Map.of("NSUPDATE_PORT", "70000"), NOTHING_READABLE))
                .hasMessage("NSUPDATE_PORT: must be a port between 1 and 65535 (was 70000)");
        assertThatThrownBy(() -> BackendSettings.fromEnvironment(
                        Map.of("BINDSMITH_DNS_ADDRESS", "example.com"), NOTHING_READABLE))
                .hasMessage("BINDSMITH_DNS_ADDRESS: must be an IP address (was 'example.com')");
        assertThatThrownBy(() -> BackendSettings.fromEnvironment(
                        Map.of("RNDC_CONF", "/a", "RNDC_KEY_FILE", "/b"), readable("/a", "/b")))
                .hasMessage("RNDC_KEY_FILE: give RNDC_CONF or RNDC_KEY_FILE, not both");
        assertThatThrownBy(() -> BackendSettings.fromEnvironment(
                        Map.of("RNDC_ALLOW_WEAK_ALGORITHMS", "maybe"), NOTHING_READABLE))
                .hasMessage("RNDC_ALLOW_WEAK_ALGORITHMS: must be true or false (was 'maybe')");
    }

    @Test
    void theSettingsNeverShowASecretInTheirText() {
        BackendSettings s = BackendSettings.fromEnvironment(
                Map.of("RNDC_SECRET", SECRET, "NSUPDATE_SECRET", SECRET), NOTHING_READABLE);

        assertThat(s.toString()).doesNotContain(SECRET).contains("secret=(set)");
    }

    @Test
    void embeddedAddressPortAndDataDirectoryCanBeSet() {
        BackendSettings s = BackendSettings.fromEnvironment(
                Map.of(
                        "BINDSMITH_DNS_ADDRESS",
                        "::1",
                        "BINDSMITH_DNS_PORT",
                        "0",
                        "BINDSMITH_DATA_DIR",
                        "/srv/bindsmith"),
                NOTHING_READABLE);

        assertThat(s.embedded()).isEqualTo(new BackendSettings.Embedded("::1", 0, Path.of("/srv/bindsmith")));
        assertThat(s.location()).isEqualTo("DNS on [::1]:0, zone files in /srv/bindsmith");
    }

    @Test
    void theDataDirectoryFollowsXdgDataHomeWhenNoneIsGiven() {
        BackendSettings s =
                BackendSettings.fromEnvironment(Map.of("XDG_DATA_HOME", "/home/u/.local/share"), NOTHING_READABLE);

        assertThat(s.embedded().dataDir()).isEqualTo(Path.of("/home/u/.local/share/bindsmith"));
    }

    @Test
    void blankVariablesCountAsUnset() {
        BackendSettings s =
                BackendSettings.fromEnvironment(Map.of("RNDC_SECRET", " ", "BINDSMITH_BACKEND", ""), NOTHING_READABLE);

        assertThat(s.kind()).isEqualTo(BackendKind.EMBEDDED);
    }

    // ---- the embedded server as something other software drives and follows ----

    @Test
    void theEmbeddedServersKeysNotifyListAndTransferKeyComeFromTheirVariables() {
        BackendSettings s = BackendSettings.fromEnvironment(
                Map.of(
                        "BINDSMITH_TSIG_KEYS", "/etc/bindsmith/keys.conf",
                        "BINDSMITH_NOTIFY", "192.0.2.53, [2001:db8::53]:5353 198.51.100.7:53",
                        "BINDSMITH_TRANSFER_KEY", "fleet-xfr",
                        "BINDSMITH_TSIG_ALLOW_WEAK", "yes"),
                readable("/etc/bindsmith/keys.conf"));

        BackendSettings.Embedded e = s.embedded();
        assertThat(e.tsigKeys()).contains(Path.of("/etc/bindsmith/keys.conf"));
        assertThat(e.notifyTargets())
                .extracting(Object::toString)
                .containsExactly("192.0.2.53", "[2001:db8::53]:5353", "198.51.100.7:53");
        assertThat(e.transferKey()).contains("fleet-xfr");
        assertThat(e.allowWeakTsig()).isTrue();
        assertThat(s.location())
                .contains("TSIG keys from /etc/bindsmith/keys.conf")
                .contains("NOTIFY to [");
    }

    @Test
    void aNotifyEntryThatIsNotAnAddressIsAnErrorNamingTheVariable() {
        assertThatThrownBy(() -> BackendSettings.fromEnvironment(
                        Map.of("BINDSMITH_NOTIFY", "192.0.2.53,secondary.example.com"), NOTHING_READABLE))
                .isInstanceOf(BackendConfigurationException.class)
                .hasMessageStartingWith("BINDSMITH_NOTIFY: ")
                .hasMessageContaining("secondary.example.com");
    }

    @Test
    void aTransferKeyWithoutAKeyFileIsAnError() {
        assertThatThrownBy(() -> BackendSettings.fromEnvironment(
                        Map.of("BINDSMITH_TRANSFER_KEY", "fleet-xfr"), NOTHING_READABLE))
                .isInstanceOf(BackendConfigurationException.class)
                .hasMessage("BINDSMITH_TRANSFER_KEY: names a key, but no key file is given: set BINDSMITH_TSIG_KEYS");
    }

    @Test
    void anUnreadableKeyFileIsAnErrorNamingTheVariable() {
        assertThatThrownBy(() -> BackendSettings.fromEnvironment(
                        Map.of("BINDSMITH_TSIG_KEYS", "/nope/keys.conf"), NOTHING_READABLE))
                .isInstanceOf(BackendConfigurationException.class)
                .hasMessage("BINDSMITH_TSIG_KEYS: cannot read /nope/keys.conf");
    }

    @Test
    void allowWeakMustBeABoolean() {
        assertThatThrownBy(() ->
                        BackendSettings.fromEnvironment(Map.of("BINDSMITH_TSIG_ALLOW_WEAK", "maybe"), NOTHING_READABLE))
                .isInstanceOf(BackendConfigurationException.class)
                .hasMessage("BINDSMITH_TSIG_ALLOW_WEAK: must be true or false (was 'maybe')");
    }
}
