package dev.bindsmith.rndc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.rndc.NamedClients;
import dev.bindsmith.rndc.conf.RndcSettings;
import dev.bindsmith.rndc.conf.RndcSettingsResolver;
import dev.bindsmith.rndc.conf.RndcSettingsResolver.Resolution;
import dev.bindsmith.rndc.wire.HmacAlgorithm;
import dev.bindsmith.rndc.wire.RndcKey;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedKey;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The native client against a real named 9.18 started for this class. */
class RndcClientIT {

    private static RunningNamed named;

    @BeforeAll
    static void startNamed() {
        NamedAvailability.assumeOrRequire();
        named = NamedLauncher.create().start();
    }

    @AfterAll
    static void stopNamed() {
        if (named != null) {
            named.close();
        }
    }

    static RndcKey key(NamedKey k) {
        return NamedClients.rndcKey(k);
    }

    private static RndcClient client(RunningNamed n, RndcKey key) {
        return RndcClient.builder(key)
                .server(n.address().getHostAddress(), n.controlPort())
                .build();
    }

    @Test
    void statusReportsAServerThatIsUpAndRunning() throws Exception {
        try (RndcClient c = client(named, key(named.rndcKey()))) {
            RndcReply reply = c.send("status");
            assertThat(reply.ok()).isTrue();
            assertThat(reply.err()).isEmpty();
            assertThat(reply.text()).startsWith("version: BIND 9.").contains("server is up and running");
        }
    }

    @Test
    void failingCommandComesBackAsAReplyWithNamedsErrText() throws Exception {
        try (RndcClient c = client(named, key(named.rndcKey()))) {
            RndcReply reply = c.send("zonestatus nosuch.test");
            assertThat(reply.ok()).isFalse();
            assertThat(reply.err()).contains("not found");
            assertThat(reply.text()).isEqualTo("no matching zone 'nosuch.test' in any view");
        }
    }

    @Test
    void manyCommandsShareOneConnectionAndEachRuns() throws Exception {
        Files.writeString(named.zoneDirectory().resolve("it-client.test.db"), """
                $TTL 300
                @ IN SOA ns1.it-client.test. admin.it-client.test. 1 3600 600 604800 300
                @ IN NS ns1.it-client.test.
                ns1 IN A 192.0.2.1
                """);
        String file = named.zoneDirectory().resolve("it-client.test.db").toString();
        try (RndcClient c = client(named, key(named.rndcKey()))) {
            for (int i = 0; i < 20; i++) {
                assertThat(c.send("status").ok()).isTrue();
            }
            RndcReply add = c.send("addzone it-client.test { type primary; file \"" + file + "\"; };");
            assertThat(add.ok()).as("addzone: %s %s", add.err(), add.text()).isTrue();
            assertThat(c.send("zonestatus it-client.test").text()).contains("name: it-client.test", "serial: 1");
            assertThat(c.send("addzone it-client.test { type primary; file \"" + file + "\"; };")
                            .err())
                    .contains("already exists");
            assertThat(c.send("delzone it-client.test").ok()).isTrue();
            assertThat(c.send("zonestatus it-client.test").err()).contains("not found");
            assertThat(c.idleConnections()).isEqualTo(1);
        }
    }

    @Test
    void newConnectionPerCommandWorksToo() throws Exception {
        RndcClient c = RndcClient.builder(key(named.rndcKey()))
                .server(named.address().getHostAddress(), named.controlPort())
                .reuseConnections(false)
                .build();
        try (c) {
            for (int i = 0; i < 5; i++) {
                assertThat(c.send("status").ok()).isTrue();
            }
            assertThat(c.idleConnections()).isZero();
        }
    }

    @Test
    void wrongSecretIsRejectedWithTheCheckKeyMessage() {
        byte[] wrong = key(named.rndcKey()).secret();
        wrong[0] ^= 1;
        try (RndcClient c = client(named, new RndcKey("rndc-key", HmacAlgorithm.HMAC_SHA256, wrong))) {
            assertThatThrownBy(() -> c.send("status"))
                    .isInstanceOf(RndcException.Rejected.class)
                    .hasMessageContaining("check key, algorithm and clock");
        }
        assertThat(named.isAlive()).isTrue();
    }

    @Test
    void wrongAlgorithmIsRejected() {
        RndcKey right = key(named.rndcKey());
        try (RndcClient c = client(named, new RndcKey(right.name(), HmacAlgorithm.HMAC_SHA512, right.secret()))) {
            assertThatThrownBy(() -> c.send("status")).isInstanceOf(RndcException.Rejected.class);
        }
    }

    @Test
    void clockFarOffIsRejected() {
        RndcClient c = RndcClient.builder(key(named.rndcKey()))
                .server(named.address().getHostAddress(), named.controlPort())
                .clock(java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(10)))
                .build();
        try (c) {
            assertThatThrownBy(() -> c.send("status")).isInstanceOf(RndcException.Rejected.class);
        }
    }

    @Test
    void settingsResolvedFromTheGeneratedRndcConfReachNamed() throws Exception {
        Resolution r = RndcSettingsResolver.withDefaultFiles(java.util.List.of())
                .resolve(RndcSettingsResolver.Given.nothing(), Optional.of(named.rndcConf()));
        assertThat(r).isInstanceOf(Resolution.Resolved.class);
        RndcSettings s = ((Resolution.Resolved) r).settings();
        assertThat(s.port()).isEqualTo(named.controlPort());
        try (RndcClient c = s.clientBuilder().build()) {
            assertThat(c.send("status").ok()).isTrue();
        }
    }

    @Test
    void aPooledConnectionThatNamedClosedAfterItsIdleTimeoutIsReplacedByAFreshOneAndTheCommandRuns() throws Exception {
        // tcp-idle-timeout is in units of 100 ms: named ends an idle control connection after 0.5 s. The
        // client's own idle timeout is long, so only named's close can retire the pooled connection.
        try (RunningNamed n = NamedLauncher.create()
                        .extraOptions("tcp-idle-timeout 5;")
                        .start();
                TcpRelay relay = TcpRelay.to(n.address(), n.controlPort());
                RndcClient c = RndcClient.builder(key(n.rndcKey()))
                        .server(relay.address())
                        .idleTimeout(Duration.ofMinutes(5))
                        .build()) {
            assertThat(c.send("status").ok()).isTrue();
            assertThat(c.idleConnections()).isEqualTo(1);

            assertThat(relay.awaitClosedByServer(Duration.ofSeconds(10)))
                    .as("named closed the idle connection by itself")
                    .isTrue();
            RndcReply after = c.send("zonestatus nosuch.test");

            assertThat(after.err()).contains("not found");
            assertThat(relay.connections())
                    .as("the command was sent again on a new connection")
                    .isEqualTo(2);
            assertThat(c.idleConnections()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void everyAlgorithmIsAcceptedByNamed(HmacAlgorithm alg) throws Exception {
        try (RunningNamed n =
                        NamedLauncher.create().rndcAlgorithm(alg.confName()).start();
                RndcClient c = client(n, key(n.rndcKey()))) {
            assertThat(n.rndcKey().algorithm()).isEqualTo(alg.confName());
            assertThat(c.send("status").ok()).isTrue();
            assertThat(c.send("zonestatus nosuch.test").err()).contains("not found");
        }
    }
}
