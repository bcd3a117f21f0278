package dev.bindsmith.testing.named;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NamedLauncherIT {

    @BeforeAll
    static void needsNamed() {
        NamedAvailability.assumeOrRequire();
    }

    @Test
    void startedNamedAcceptsControlConnectionsAndCloseStopsItAndRemovesItsDirectory() throws Exception {
        RunningNamed named = NamedLauncher.create().start();
        Path dir = named.directory();
        ProcessHandle handle = ProcessHandle.of(named.pid()).orElseThrow();
        try {
            assertThat(named.isAlive()).isTrue();
            assertThat(named.dnsPort()).isNotEqualTo(named.controlPort());
            assertThat(Files.isDirectory(named.zoneDirectory())).isTrue();
            assertThat(named.log())
                    .contains("command channel listening on 127.0.0.1#" + named.controlPort())
                    .contains("listening on IPv4 interface lo, 127.0.0.1#" + named.dnsPort());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(named.address(), named.controlPort()), 2000);
                assertThat(s.isConnected()).isTrue();
            }
            assertThat(Files.readString(named.namedConf()))
                    .contains(
                            "allow-new-zones yes;",
                            "recursion no;",
                            "notify explicit;",
                            "key \"update-key\"",
                            "algorithm hmac-sha256;");
        } finally {
            named.close();
        }
        assertThat(handle.onExit().get(15, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(dir).doesNotExist();
        named.close();
    }

    @Test
    void twoNamedsAtOnceGetDifferentPortsAndKeys() {
        try (RunningNamed a = NamedLauncher.create().start();
                RunningNamed b = NamedLauncher.create().start()) {
            assertThat(a.dnsPort()).isNotIn(b.dnsPort(), b.controlPort());
            assertThat(a.controlPort()).isNotIn(b.dnsPort(), b.controlPort());
            assertThat(a.rndcKey().secret()).isNotEqualTo(b.rndcKey().secret());
            assertThat(a.updateKey().secret()).isNotEqualTo(a.rndcKey().secret());
            assertThat(a.isAlive()).isTrue();
            assertThat(b.isAlive()).isTrue();
        }
    }

    @Test
    void rndcBinaryAcceptsTheGeneratedRndcConfForEveryAlgorithm() throws Exception {
        Path rndc = Path.of("/usr/sbin/rndc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(rndc), "rndc binary not installed");
        for (String alg : new String[] {"hmac-md5", "hmac-sha512"}) {
            try (RunningNamed named = NamedLauncher.create().rndcAlgorithm(alg).start()) {
                Process p = new ProcessBuilder(
                                rndc.toString(), "-c", named.rndcConf().toString(), "status")
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes());
                assertThat(p.waitFor()).as(out).isZero();
                assertThat(out).contains("server is up and running");
            }
        }
    }

    @Test
    void allowNewZonesCanBeTurnedOff() throws IOException {
        try (RunningNamed named = NamedLauncher.create().allowNewZones(false).start()) {
            assertThat(Files.readString(named.namedConf())).contains("allow-new-zones no;");
        }
    }

    @Test
    void aConfigurationNamedRejectsFailsWithNamedsOwnErrorAndLeavesNothingBehind() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> NamedLauncher.create()
                .extraConfig("zone \"broken.test\" { type bogus; };")
                .start());

        assertThat(thrown)
                .isInstanceOf(NamedStartException.class)
                .hasMessageContaining("named exited")
                .hasMessageContaining("'bogus' unexpected");
        var dir =
                java.util.regex.Pattern.compile("(/\\S+/bindsmith-named-\\d+)/").matcher(thrown.getMessage());
        assertThat(dir.find()).isTrue();
        assertThat(Path.of(dir.group(1))).doesNotExist();
    }
}
