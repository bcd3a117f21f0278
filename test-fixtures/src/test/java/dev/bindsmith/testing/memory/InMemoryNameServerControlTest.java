package dev.bindsmith.testing.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.contract.NameServerControlContract;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InMemoryNameServerControlTest extends NameServerControlContract {

    private InMemoryZoneStore files;

    @Override
    protected NameServerControl newControl() {
        files = new InMemoryZoneStore();
        return new InMemoryNameServerControl(files, TestClocks.fixed());
    }

    @Override
    protected ZoneStore storeFor(NameServerControl control) {
        return files;
    }

    @Override
    protected Optional<NameServerControl> unreachableControl() {
        return Optional.of(new InMemoryNameServerControl(files, TestClocks.fixed()).unreachable(true));
    }

    @Override
    protected Optional<String> updateKeyName() {
        return Optional.of("bindsmith-contract");
    }

    private InMemoryNameServerControl memory() {
        return (InMemoryNameServerControl) control;
    }

    @Test
    void zoneStatusIsInNamedsFormat() {
        add(TestZones.spec("example.test").serial(1));

        ZoneStatus status = Outcomes.ok(control.zoneStatus(ZoneName.of("example.test")));

        assertThat(status.raw()).isEqualTo("""
                name: example.test
                type: primary
                files: /memory/zones/example.test.zone
                serial: 1
                nodes: 2
                last loaded: Sat, 21 Nov 2026 12:00:00 GMT
                secure: no
                dynamic: no
                reconfigurable via modzone: yes""");
        assertThat(status.properties()).containsEntry("nodes", "2");
        assertThat(status.files()).containsExactly("/memory/zones/example.test.zone");
    }

    @Test
    void anUnknownZoneIsNotFoundWithNamedsText() {
        Outcome.Failure<?> failure = Outcomes.failure(
                control.reload(ZoneName.of("nosuch.test")), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);

        assertThat(failure.details()).isEqualTo("no matching zone 'nosuch.test' in any view");
    }

    @Test
    void aSecondaryThatNeverLoadedExistsWithoutASerial() {
        add(TestZones.spec("sec.test").secondary(dev.bindsmith.testing.builders.Records.endpoint("127.0.0.1", 1)));

        var status = Outcomes.ok(control.zoneStatus(ZoneName.of("sec.test")));

        assertThat(status.loaded()).isFalse();
        assertThat(status.serial()).isEmpty();
        assertThat(status.raw()).isEqualTo("zone not loaded");
    }

    @Test
    void retransferOfAPrimaryCarriesNamedsText() {
        add(TestZones.spec("p.test"));

        Outcome.Failure<?> failure = Outcomes.failure(
                control.retransfer(ZoneName.of("p.test")), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);

        assertThat(failure.details()).isEqualTo("failure: retransfer: inappropriate zone type: primary");
    }

    @Test
    void aZoneFromNamedConfCountsAsExistingAndDelzoneWarnsAboutIt() {
        memory().configure(TestZones.spec("static.test").build());

        Outcomes.failure(
                control.addZone(
                        ZoneName.of("static.test"),
                        ZoneConfig.of(ZoneType.PRIMARY, files.fileOf(ZoneName.of("static.test")), ZoneOptions.NONE)),
                Outcome.Conflict.class,
                ErrorCode.ZONE_EXISTS);
        ControlReply reply = Outcomes.ok(control.deleteZone(ZoneName.of("static.test")));

        assertThat(reply.text()).contains("must also be removed from named.conf");
    }

    @Test
    void aRefusedCommandIsBackendRejectedWithTheGivenErrAndOthersStillWork() {
        add(TestZones.spec("r.test"));
        memory().refuse("reload", "permission denied");

        Outcome.Failure<?> failure = Outcomes.failure(
                control.reload(ZoneName.of("r.test")), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);

        assertThat(failure.details()).isEqualTo("permission denied");
        Outcomes.ok(control.notify(ZoneName.of("r.test")));
        memory().clearFaults();
        Outcomes.ok(control.reload(ZoneName.of("r.test")));
    }

    @Test
    void aHeldCommandWaitsAtItsGateWhileOtherCommandsProceed() throws Exception {
        add(TestZones.spec("slow.test"));
        Gate gate = memory().hold("reload");

        CompletableFuture<Outcome<ControlReply>> held =
                CompletableFuture.supplyAsync(() -> control.reload(ZoneName.of("slow.test")));
        assertThat(gate.awaitArrivals(1, Duration.ofSeconds(30))).isTrue();

        assertThat(held).isNotDone();
        Outcomes.ok(control.notify(ZoneName.of("slow.test")));
        gate.open();
        Outcomes.ok(held.get());
    }

    @Test
    void everyCommandIsLogged() {
        control.zoneStatus(ZoneName.of("a.test"));
        control.serverStatus();

        assertThat(memory().calls()).containsExactly("zonestatus a.test", "status");
    }
}
