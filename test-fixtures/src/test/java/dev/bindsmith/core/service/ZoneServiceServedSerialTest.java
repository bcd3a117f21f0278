package dev.bindsmith.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.SoaAnswer;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemorySoaProbe;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.net.InetAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A zone's served serial: asked over DNS where the server answers it, of the control channel otherwise. */
class ZoneServiceServedSerialTest {
    private static final ZoneName ZONE = ZoneName.of("example.com");
    private static final Endpoint NAMED = new Endpoint(InetAddress.getLoopbackAddress(), OptionalInt.of(5353));

    private InMemoryZoneStore store;
    private InMemoryNameServerControl control;
    private InMemoryRecordStore records;
    private InMemorySoaProbe probe;

    @BeforeEach
    void aZone() {
        store = new InMemoryZoneStore();
        control = new InMemoryNameServerControl(store, TestClocks.fixed());
        records = new InMemoryRecordStore(control);
        probe = new InMemorySoaProbe();
        Outcomes.created(new ZoneService(store, control, TestClocks.fixed())
                .create(TestZones.request("example.com").build()));
    }

    private UseCases servedBy() {
        return UseCases.builder(store, control, records, records, TestClocks.fixed())
                .servedBy(NAMED, probe)
                .build();
    }

    @Test
    void theSerialComesFromOneSoaQueryToTheServerAndTheControlChannelIsNotAsked() {
        probe.serve(NAMED, ZONE, 2026120401L);
        UseCases app = servedBy();
        int before = zonestatusCalls();

        OptionalLong serial = app.zones().servedSerial(ZONE);

        assertThat(serial).hasValue(2026120401L);
        assertThat(probe.queries()).containsExactly(NAMED + " example.com");
        assertThat(zonestatusCalls()).isEqualTo(before);
    }

    @Test
    void aNonAuthoritativeAnswerFallsBackToTheControlChannelsStatus() {
        probe.script(NAMED, ZONE, List.of(new SoaAnswer.Answered(NAMED, "SERVFAIL", false, OptionalLong.empty())));
        UseCases app = servedBy();

        OptionalLong serial = app.zones().servedSerial(ZONE);

        assertThat(serial).isEqualTo(statusSerial(app)).isPresent();
        assertThat(probe.queries()).hasSize(1);
    }

    @Test
    void aServerThatDoesNotAnswerDnsFallsBackToTheControlChannelsStatus() {
        probe.silent(NAMED);
        UseCases app = servedBy();

        assertThat(app.zones().servedSerial(ZONE)).isEqualTo(statusSerial(app)).isPresent();
    }

    @Test
    void withoutADnsEndpointTheControlChannelIsAskedAndNoQueryIsSent() {
        UseCases app = UseCases.of(store, control, records, records, TestClocks.fixed());
        int before = zonestatusCalls();

        assertThat(app.zones().servedSerial(ZONE)).isEqualTo(statusSerial(app)).isPresent();
        assertThat(zonestatusCalls()).isEqualTo(before + 2); // this call's and statusSerial's
        assertThat(probe.queries()).isEmpty();
    }

    @Test
    void aZoneNeitherServesHasNoSerial() {
        UseCases app = servedBy();

        assertThat(app.zones().servedSerial(ZoneName.of("absent.example"))).isEmpty();
    }

    private static OptionalLong statusSerial(UseCases app) {
        return ((Outcome.Ok<ZoneStatus>) app.zones().status("example.com"))
                .value()
                .serial();
    }

    private int zonestatusCalls() {
        return (int)
                control.calls().stream().filter(c -> c.startsWith("zonestatus")).count();
    }
}
