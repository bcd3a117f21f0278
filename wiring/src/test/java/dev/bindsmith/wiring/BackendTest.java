package dev.bindsmith.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.rndc.update.UpdateSettings;
import dev.bindsmith.testing.builders.TestZones;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** {@link Backend#open}: the embedded server for real, and BIND's configuration errors (no named needed for those). */
class BackendTest {
    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=";

    private static BackendSettings settings(Map<String, String> env) {
        return BackendSettings.fromEnvironment(env, p -> java.nio.file.Files.isReadable(p) && !p.startsWith("/etc"));
    }

    @Test
    void theEmbeddedBackendManagesZonesWithoutTakingItsDnsPortWhenAskedNotToAnswer(@TempDir Path data)
            throws Exception {
        int port = freePort();
        try (Backend b = Backend.open(
                settings(Map.of("BINDSMITH_DATA_DIR", data.toString(), "BINDSMITH_DNS_PORT", Integer.toString(port))),
                false)) {
            assertThat(b.kind()).isEqualTo(BackendKind.EMBEDDED);
            assertThat(b.describe()).isEqualTo("embedded: not answering DNS, zone files in " + data);
            assertThat(b.useCases()
                            .zones()
                            .create(TestZones.request("quiet.test").build()))
                    .isInstanceOf(Outcome.Created.class);
            assertThat(data.resolve("quiet.test.db")).exists();

            // The port it would answer on is still free, for UDP and TCP: a running server may keep it.
            try (DatagramSocket udp =
                            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(udp.getLocalPort()).isEqualTo(port);
                assertThat(tcp.getLocalPort()).isEqualTo(port);
            }
        }
    }

    /** A port that was free a moment ago, on both UDP and TCP. */
    private static int freePort() throws Exception {
        while (true) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                    ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getLoopbackAddress())) {
                return tcp.getLocalPort();
            } catch (java.net.BindException taken) {
                // the TCP side was taken: try another
            }
        }
    }

    @Test
    void aSecondEmbeddedBackendOnTheSameDataDirectoryIsRefusedUntilTheFirstCloses(@TempDir Path data) {
        BackendSettings s = settings(Map.of("BINDSMITH_DATA_DIR", data.toString()));
        try (Backend first = Backend.open(s, false)) {
            // Its zones live in memory and it rewrites their files: a second user of the directory would lose its
            // changes.
            assertThatThrownBy(() -> Backend.open(s, false))
                    .isInstanceOf(BackendConfigurationException.class)
                    .hasMessageStartingWith("BINDSMITH_DATA_DIR: " + data + " is in use by another bindsmith")
                    .hasMessageContaining("--url");
            assertThat(first.useCases().zones().list()).isInstanceOf(Outcome.Ok.class);
        }
        try (Backend again = Backend.open(s, false)) {
            assertThat(again.useCases().zones().list()).isInstanceOf(Outcome.Ok.class);
        }
    }

    @Test
    void theEmbeddedBackendAnswersDnsOnTheConfiguredPort(@TempDir Path data) throws Exception {
        try (Backend b = Backend.open(
                settings(Map.of("BINDSMITH_DATA_DIR", data.toString(), "BINDSMITH_DNS_PORT", "0")), true)) {
            Matcher port = Pattern.compile("embedded: DNS on 127\\.0\\.0\\.1:(\\d+) \\(UDP, TCP\\), zone files in .*")
                    .matcher(b.describe());
            assertThat(port.matches()).as(b.describe()).isTrue();
            assertThat(b.useCases()
                            .zones()
                            .create(TestZones.request("served.test").build()))
                    .isInstanceOf(Outcome.Created.class);

            SimpleResolver resolver = new SimpleResolver("127.0.0.1");
            resolver.setPort(Integer.parseInt(port.group(1)));
            Message answer = resolver.send(
                    Message.newQuery(Record.newRecord(Name.fromString("served.test."), Type.SOA, DClass.IN)));

            assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(answer.getHeader().getFlag(Flags.AA)).isTrue();
            assertThat(answer.getSection(Section.ANSWER)).hasSize(1);
        }
    }

    @Test
    void aDnsPortInUseIsAnErrorNamingTheVariable(@TempDir Path data) throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            BackendSettings s = settings(Map.of(
                    "BINDSMITH_DATA_DIR",
                    data.toString(),
                    "BINDSMITH_DNS_PORT",
                    Integer.toString(taken.getLocalPort())));

            assertThatThrownBy(() -> Backend.open(s, true))
                    .isInstanceOf(BackendConfigurationException.class)
                    .hasMessageStartingWith(
                            "BINDSMITH_DNS_PORT: cannot answer DNS on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void bindWithAMissingZoneDirectoryIsAnErrorNamingTheVariable(@TempDir Path dir) {
        BackendSettings s = settings(Map.of(
                "RNDC_SECRET", SECRET, "BIND_ZONE_DIR", dir.resolve("absent").toString()));

        assertThatThrownBy(() -> Backend.open(s, true))
                .isInstanceOf(BackendConfigurationException.class)
                .hasMessageStartingWith("BIND_ZONE_DIR: ");
    }

    @Test
    void bindWithAnUnusableRndcSettingIsAnErrorThatNamesItAndHidesTheSecret(@TempDir Path dir) {
        BackendSettings s = settings(
                Map.of("RNDC_SECRET", SECRET, "RNDC_ALGORITHM", "hmac-rot13", "BIND_ZONE_DIR", dir.toString()));

        assertThatThrownBy(() -> Backend.open(s, true))
                .isInstanceOf(BackendConfigurationException.class)
                .hasMessageStartingWith("RNDC_ALGORITHM: is not one of")
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void bindRefusesAWeakRndcAlgorithmSayingWhyAndHowToAllowIt(@TempDir Path dir) {
        BackendSettings s =
                settings(Map.of("RNDC_SECRET", SECRET, "RNDC_ALGORITHM", "hmac-md5", "BIND_ZONE_DIR", dir.toString()));

        assertThatThrownBy(() -> Backend.open(s, true))
                .isInstanceOf(BackendConfigurationException.class)
                .hasMessageStartingWith("RNDC_ALGORITHM: ")
                .hasMessageContaining("weak")
                .hasMessageContaining("RNDC_ALLOW_WEAK_ALGORITHMS=true")
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void bindAcceptsAWeakRndcAlgorithmWhenTheOperatorAllowsIt(@TempDir Path dir) {
        BackendSettings s = settings(Map.of(
                "RNDC_SECRET",
                SECRET,
                "RNDC_ALGORITHM",
                "hmac-sha1",
                "RNDC_ALLOW_WEAK_ALGORITHMS",
                "true",
                "RNDC_SERVER",
                "127.0.0.1:1",
                "BIND_ZONE_DIR",
                dir.toString()));

        try (Backend b = Backend.open(s, true)) {
            assertThat(b.kind()).isEqualTo(BackendKind.BIND);
        }
    }

    @Test
    void bindIsWiredFromTheVariables(@TempDir Path dir) throws Exception {
        BackendSettings s = settings(Map.of(
                "RNDC_SECRET",
                SECRET,
                "RNDC_SERVER",
                "127.0.0.1:1",
                "BIND_ZONE_DIR",
                dir.toString(),
                "NSUPDATE_PORT",
                "5353"));

        try (Backend b = Backend.open(s, true)) {
            assertThat(b.kind()).isEqualTo(BackendKind.BIND);
            assertThat(b.describe())
                    .isEqualTo("BIND: rndc 127.0.0.1:1, updates to 127.0.0.1:5353, zone files in " + dir.toRealPath());
            // Nothing listens on port 1: a command is a backend failure, not an exception.
            assertThat(b.useCases().zones().serverStatus()).isInstanceOf(Outcome.BackendFailed.class);
        }
    }

    // ---- the embedded server's keys ----

    private static final String KEY_SECRET = "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=";

    @Test
    void aSignedDnsUpdateThroughTheEmbeddedBackendIsWhatTheApiThenLists(@TempDir Path data) throws Exception {
        Path keys = java.nio.file.Files.writeString(
                data.resolve("keys.conf"),
                "key \"extdns\" { algorithm hmac-sha256; secret \"" + KEY_SECRET + "\"; };\n");
        try (Backend b = Backend.open(
                settings(Map.of(
                        "BINDSMITH_DATA_DIR", data.resolve("zones").toString(),
                        "BINDSMITH_DNS_PORT", "0",
                        "BINDSMITH_TSIG_KEYS", keys.toString())),
                true)) {
            assertThat(b.useCases()
                            .zones()
                            .create(TestZones.request("dyn.test")
                                    .updateKeyName("extdns")
                                    .build()))
                    .isInstanceOf(Outcome.Created.class);
            org.xbill.DNS.Update update = new org.xbill.DNS.Update(Name.fromString("dyn.test."));
            update.add(Name.fromString("app.dyn.test."), Type.A, 300, "192.0.2.44");
            SimpleResolver resolver = new SimpleResolver(b.dnsAddress().orElseThrow());
            resolver.setTSIGKey(new org.xbill.DNS.TSIG(org.xbill.DNS.TSIG.HMAC_SHA256, "extdns.", KEY_SECRET));
            resolver.setTCP(true);

            assertThat(resolver.send(update).getRcode()).isEqualTo(Rcode.NOERROR);

            var page = b.useCases().records().list("dyn.test", dev.bindsmith.core.service.RecordQuery.all());
            assertThat(page).isInstanceOf(Outcome.Ok.class);
            assertThat(((Outcome.Ok<dev.bindsmith.core.service.RecordPage>) page)
                            .value()
                            .records())
                    .anyMatch(r -> r.owner().value().equals("app.dyn.test")
                            && r.data().presentation().equals("192.0.2.44"));
        }
    }

    @Test
    void aWeakKeyIsAnErrorNamingTheVariableAndNeverTheSecret(@TempDir Path data) throws Exception {
        Path keys = java.nio.file.Files.writeString(
                data.resolve("keys.conf"), "key old { algorithm hmac-md5; secret \"" + KEY_SECRET + "\"; };\n");

        assertThatThrownBy(() -> Backend.open(
                        settings(Map.of(
                                "BINDSMITH_DATA_DIR", data.resolve("zones").toString(),
                                "BINDSMITH_TSIG_KEYS", keys.toString())),
                        false))
                .isInstanceOf(BackendConfigurationException.class)
                .hasMessageStartingWith(
                        "BINDSMITH_TSIG_KEYS: " + keys + ":1: key 'old' uses hmac-md5, a weak algorithm")
                .hasMessageNotContaining(KEY_SECRET);
    }

    @Test
    void aTransferKeyTheFileDoesNotHoldIsAnErrorNamingTheVariable(@TempDir Path data) throws Exception {
        Path keys = java.nio.file.Files.writeString(
                data.resolve("keys.conf"), "key a { algorithm hmac-sha256; secret \"" + KEY_SECRET + "\"; };\n");

        assertThatThrownBy(() -> Backend.open(
                        settings(Map.of(
                                "BINDSMITH_DATA_DIR", data.resolve("zones").toString(),
                                "BINDSMITH_TSIG_KEYS", keys.toString(),
                                "BINDSMITH_TRANSFER_KEY", "fleet")),
                        false))
                .isInstanceOf(BackendConfigurationException.class)
                .hasMessage("BINDSMITH_TRANSFER_KEY: the transfer key 'fleet' is not one of the server's TSIG keys");
    }

    @Test
    void namedIsAskedForSerialsWhereItsUpdatesGoAndNowhereWhenThatNameDoesNotResolve() {
        TsigKey key =
                new TsigKey("ddns-key", TsigKey.Algorithm.HMAC_SHA256, "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=");

        assertThat(Backend.servedBy(UpdateSettings.of("127.0.0.1", 5353, key)))
                .contains(new Endpoint(InetAddress.getLoopbackAddress(), OptionalInt.of(5353)));
        assertThat(Backend.servedBy(UpdateSettings.of("no-such-host.invalid", 53, key)))
                .isEmpty();
    }
}
