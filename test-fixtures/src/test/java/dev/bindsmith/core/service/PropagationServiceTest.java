package dev.bindsmith.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.SoaAnswer;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.MutableClock;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemorySoaProbe;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the secondaries serve of a zone, compared with the primary; waiting on a clock the test moves. */
class PropagationServiceTest {
    private static final ZoneName EXAMPLE = ZoneName.of("example.com");
    private static final long SERIAL = 2026112101L;

    private final Endpoint s1 = Records.endpoint("192.0.2.1", 5301);
    private final Endpoint s2 = Records.endpoint("192.0.2.2", 5302);
    private final MutableClock clock = new MutableClock(TestClocks.INSTANT);
    private final List<Duration> pauses = new ArrayList<>();
    private InMemorySoaProbe probe;
    private UseCases app;

    @BeforeEach
    void wire() {
        InMemoryZoneStore store = new InMemoryZoneStore();
        InMemoryNameServerControl control = new InMemoryNameServerControl(store, clock);
        InMemoryRecordStore records = new InMemoryRecordStore(control);
        probe = new InMemorySoaProbe();
        app = UseCases.builder(store, control, records, records, clock)
                .secondaries(List.of(s1, s2), probe)
                .propagationPause(d -> {
                    pauses.add(d);
                    clock.advance(d);
                })
                .build();
        Outcomes.created(app.zones()
                .create(TestZones.request("example.com").serial(SERIAL).build()));
    }

    private Propagation check(Optional<String> wait) {
        return Outcomes.ok(app.propagation().check("example.com", new PropagationQuery(wait)));
    }

    @Test
    void everySecondaryServingThePrimarysSerialIsInSync() {
        probe.serve(s1, EXAMPLE, SERIAL).serve(s2, EXAMPLE, SERIAL);

        Propagation p = check(Optional.empty());

        assertThat(p.primarySerial()).hasValue(SERIAL);
        assertThat(p.inSync()).isTrue();
        assertThat(p.secondaries()).extracting(Propagation.Secondary::server).containsExactly(s1, s2);
        assertThat(p.secondaries()).allMatch(Propagation.Secondary::matches);
        assertThat(p.waited()).isZero();
    }

    @Test
    void eachSecondaryIsReportedBehindNotServedOrSilentAsItAnswered() {
        probe.serve(s1, EXAMPLE, SERIAL - 1).silent(s2);

        Propagation p = check(Optional.empty());

        assertThat(p.inSync()).isFalse();
        assertThat(p.secondaries().get(0).state()).isEqualTo(Propagation.BEHIND);
        assertThat(p.secondaries().get(0).serial()).hasValue(SERIAL - 1);
        assertThat(p.secondaries().get(1).state()).isEqualTo(Propagation.NO_ANSWER);
        assertThat(p.secondaries().get(1).detail()).isEqualTo("timed out");
        assertThat(pauses).as("no wait asked: asked once").isEmpty();
    }

    @Test
    void aSecondaryThatRefusesTheZoneDoesNotServeIt() {
        probe.serve(s1, EXAMPLE, SERIAL);

        Propagation p = check(Optional.empty());

        Propagation.Secondary s = p.secondaries().get(1);
        assertThat(s.state()).isEqualTo(Propagation.NOT_SERVED);
        assertThat(s.detail()).isEqualTo("REFUSED, not authoritative");
    }

    @Test
    void withAWaitItAsksAgainUntilEverySecondaryMatches() {
        probe.serve(s1, EXAMPLE, SERIAL)
                .script(
                        s2,
                        EXAMPLE,
                        List.of(
                                new SoaAnswer.Answered(s2, "SERVFAIL", false, OptionalLong.empty()),
                                InMemorySoaProbe.served(s2, SERIAL - 1),
                                InMemorySoaProbe.served(s2, SERIAL)));

        Propagation p = check(Optional.of("10s"));

        assertThat(p.inSync()).isTrue();
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(p.waited()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aWaitThatRunsOutAnswersTheLastStateWithoutGoingPastTheDeadline() {
        probe.serve(s1, EXAMPLE, SERIAL).serve(s2, EXAMPLE, SERIAL - 1);

        Propagation p = check(Optional.of("2500ms"));

        assertThat(p.inSync()).isFalse();
        assertThat(p.waited()).isEqualTo(Duration.ofMillis(2500));
        assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofMillis(2500));
        assertThat(pauses).allMatch(d -> d.compareTo(Duration.ofSeconds(1)) <= 0);
    }

    @Test
    void aWaitThatIsNotADurationOrTooLongIs400() {
        for (String bad : List.of("soon", "-1s", "10h", "121s", "")) {
            Outcome.Invalid<?> failure = Outcomes.failure(
                    app.propagation().check("example.com", new PropagationQuery(Optional.of(bad))),
                    Outcome.Invalid.class,
                    ErrorCode.VALIDATION_FAILED);
            assertThat(failure.violations().getFirst().field()).as(bad).isEqualTo("wait");
        }
        assertThat(probe.queries()).isEmpty();
    }

    @Test
    void anUnknownZoneIs404AndAnInvalidNameIs400() {
        Outcomes.failure(
                app.propagation().check("absent.example", PropagationQuery.once()),
                Outcome.NotFound.class,
                ErrorCode.ZONE_NOT_FOUND);
        Outcomes.failure(
                app.propagation().check("bad..name", PropagationQuery.once()),
                Outcome.Invalid.class,
                ErrorCode.INVALID_ZONE_NAME);
    }

    @Test
    void withoutSecondariesTheCheckIs404SecondariesNotConfigured() {
        InMemoryZoneStore store = new InMemoryZoneStore();
        InMemoryNameServerControl control = new InMemoryNameServerControl(store, clock);
        InMemoryRecordStore records = new InMemoryRecordStore(control);
        UseCases plain = UseCases.of(store, control, records, records, clock);

        Outcomes.failure(
                plain.propagation().check("example.com", PropagationQuery.once()),
                Outcome.NotFound.class,
                ErrorCode.SECONDARIES_NOT_CONFIGURED);
    }

    @Test
    void theSignedSerialIsWhatASignedPrimaryServes() {
        var status = new ZoneStatus(
                EXAMPLE, "primary", OptionalLong.of(1), List.of(), Map.of("serial", "1", "signed serial", "5"), "");

        assertThat(PropagationService.servedSerial(status)).hasValue(5);
    }

    @Test
    void zonesBehindCountsPerSecondaryTheZonesNotAtThePrimarysSerial() throws InterruptedException {
        Outcomes.created(
                app.zones().create(TestZones.request("other.example").serial(7).build()));
        probe.serve(s1, EXAMPLE, SERIAL).serve(s1, ZoneName.of("other.example"), 7);
        probe.serve(s2, EXAMPLE, SERIAL);

        Map<Endpoint, Long> behind = app.propagation().zonesBehind(List.of(EXAMPLE, ZoneName.of("other.example")));

        assertThat(behind).containsExactly(Map.entry(s1, 0L), Map.entry(s2, 1L));
    }

    @Test
    void waitsAreParsedInMillisecondsSecondsAndMinutes() {
        assertThat(PropagationService.waitMillis("10s")).hasValue(10_000);
        assertThat(PropagationService.waitMillis("10")).hasValue(10_000);
        assertThat(PropagationService.waitMillis("250ms")).hasValue(250);
        assertThat(PropagationService.waitMillis("2m")).hasValue(120_000);
        assertThat(PropagationService.waitMillis("3m")).isEmpty();
    }
}
