package dev.bindsmith.testing.named;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fleet launcher: how it configures the primary and the secondaries, and a restart of the primary. */
class NamedFleetIT {

    @Test
    void secondariesConsumeTheCatalogFromThePrimaryThatNotifiesThem() throws Exception {
        try (NamedFleet fleet = NamedFleet.withPrimary("catalog.fleet.test", 2)) {
            RunningNamed primary = fleet.primary();
            assertThat(fleet.primaryPort()).isEqualTo(primary.dnsPort());
            assertThat(fleet.secondaries()).hasSize(2).allMatch(RunningNamed::isAlive);
            String primaryConf = Files.readString(primary.namedConf());
            for (RunningNamed s : fleet.secondaries()) {
                assertThat(primaryConf).contains("127.0.0.1 port " + s.dnsPort() + ";");
                assertThat(Files.readString(s.namedConf()))
                        .contains("catalog-zones { zone \"catalog.fleet.test\" default-primaries { 127.0.0.1 port "
                                + primary.dnsPort() + "; } min-update-interval 1; };")
                        .contains("zone \"catalog.fleet.test\" { type secondary; primaries { 127.0.0.1 port "
                                + primary.dnsPort() + "; };");
            }
            assertThat(fleet.secondariesVariable())
                    .isEqualTo("127.0.0.1:" + fleet.secondaries().get(0).dnsPort() + ",127.0.0.1:"
                            + fleet.secondaries().get(1).dnsPort());
        }
    }

    @Test
    void aRestartedNamedIsANewProcessOnTheSamePortsAndDirectory() throws Exception {
        try (RunningNamed named = NamedLauncher.create().start()) {
            long before = named.pid();
            ProcessHandle old = ProcessHandle.of(before).orElseThrow();

            named.restart();

            assertThat(old.onExit().get(15, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(named.pid()).isNotEqualTo(before);
            assertThat(named.isAlive()).isTrue();
            assertThat(NamedLauncher.accepts(named.controlPort())).isTrue();
            assertThat(named.log()).contains("command channel listening on 127.0.0.1#" + named.controlPort());
        }
    }
}
