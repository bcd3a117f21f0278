package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.MutableClock;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secondary on one embedded server that transfers its zone from a primary on another. */
class EmbeddedSecondaryTest {
    private static final ZoneName ZONE = ZoneName.of("replicated.test");
    /** How long a background transfer on loopback may take before the test gives up; it normally takes milliseconds. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path primaryDir;

    @TempDir
    Path secondaryDir;

    private EmbeddedNameServer primary;
    private EmbeddedNameServer secondary;

    @BeforeEach
    void start() {
        primary = EmbeddedServers.start(primaryDir);
        secondary = EmbeddedServers.start(secondaryDir);
    }

    @AfterEach
    void stop() {
        secondary.close();
        primary.close();
    }

    @Test
    void aSecondaryTransfersItsZoneFromThePrimaryAndWritesItsFile() throws Exception {
        InetSocketAddress p = primary.localAddress().orElseThrow();
        EmbeddedServers.serve(
                primary,
                TestZones.spec(ZONE.value())
                        .serial(41)
                        .allowTransfer(Records.match("127.0.0.1"))
                        .record(Records.a("www." + ZONE.value(), 300, "192.0.2.1"))
                        .build());

        var stored = EmbeddedServers.serve(
                secondary,
                TestZones.spec(ZONE.value())
                        .secondary(Records.endpoint("127.0.0.1", p.getPort()))
                        .build());

        assertThat(awaitSerial(41)).hasValue(41);
        assertThat(Outcomes.ok(secondary.recordReader().read(ZONE)))
                .contains(Records.a("www." + ZONE.value(), 300, "192.0.2.1"));
        assertThat(Files.readString(Path.of(stored.file()))).contains("www." + ZONE.absolute());
        Outcomes.failure(
                secondary
                        .recordUpdater()
                        .apply(
                                ZONE,
                                ChangeSet.of(new RecordChange.Add(Records.a("x." + ZONE.value(), 60, "192.0.2.2")))),
                Outcome.Invalid.class,
                ErrorCode.ZONE_NOT_DYNAMIC);
    }

    @Test
    void aChangeOnThePrimaryReachesTheSecondaryThroughNotify() throws Exception {
        InetSocketAddress p = primary.localAddress().orElseThrow();
        InetSocketAddress s = secondary.localAddress().orElseThrow();
        EmbeddedServers.serve(
                primary,
                TestZones.spec(ZONE.value())
                        .serial(41)
                        .dynamic()
                        .allowTransfer(Records.match("127.0.0.1"))
                        .alsoNotify(Records.endpoint("127.0.0.1", s.getPort()))
                        .build());
        EmbeddedServers.serve(
                secondary,
                TestZones.spec(ZONE.value())
                        .secondary(Records.endpoint("127.0.0.1", p.getPort()))
                        .build());
        assertThat(awaitSerial(41)).hasValue(41);

        Outcomes.ok(primary.recordUpdater()
                .apply(ZONE, ChangeSet.of(new RecordChange.Add(Records.a("new." + ZONE.value(), 60, "192.0.2.9")))));

        assertThat(awaitSerial(42)).hasValue(42);
        assertThat(Outcomes.ok(secondary.recordReader().read(ZONE)))
                .contains(Records.a("new." + ZONE.value(), 60, "192.0.2.9"));
    }

    @Test
    void aSecondaryThatCannotTransferIsHeldButNotLoaded() {
        EmbeddedServers.serve(
                secondary,
                TestZones.spec(ZONE.value())
                        .secondary(Records.endpoint("127.0.0.1", 1))
                        .build());

        ZoneStatus status = Outcomes.ok(secondary.nameServerControl().zoneStatus(ZONE));

        assertThat(status.loaded()).isFalse();
        assertThat(status.raw()).isEqualTo("zone not loaded");
        Outcomes.ok(secondary.nameServerControl().retransfer(ZONE));
        assertThat(Outcomes.ok(secondary.nameServerControl().refresh(ZONE)).text())
                .isEqualTo("zone refresh queued");
    }

    @Test
    void aSecondaryAsksItsPrimaryAgainWhenItsRefreshTimeHasCome() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
        secondary.close();
        secondary = EmbeddedNameServer.builder()
                .dataDirectory(secondaryDir)
                .port(0)
                .clock(clock)
                .refreshCheckInterval(Duration.ofDays(1))
                .start();
        InetSocketAddress p = primary.localAddress().orElseThrow();
        EmbeddedServers.serve(
                primary,
                TestZones.spec(ZONE.value())
                        .serial(41)
                        .dynamic()
                        .allowTransfer(Records.match("127.0.0.1"))
                        .build());
        EmbeddedServers.serve(
                secondary,
                TestZones.spec(ZONE.value())
                        .secondary(Records.endpoint("127.0.0.1", p.getPort()))
                        .build());
        assertThat(awaitSerial(41)).hasValue(41);
        Outcomes.ok(primary.recordUpdater()
                .apply(ZONE, ChangeSet.of(new RecordChange.Add(Records.a("new." + ZONE.value(), 60, "192.0.2.9")))));

        clock.advance(Duration.ofSeconds(3601));
        secondary.secondaries().refreshDue();

        assertThat(awaitSerial(42)).hasValue(42);
    }

    @Test
    void aSecondaryWhosePrimaryIsGoneLongerThanTheExpireTimeStopsServingTheZone() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
        secondary.close();
        secondary = EmbeddedNameServer.builder()
                .dataDirectory(secondaryDir)
                .port(0)
                .clock(clock)
                .refreshCheckInterval(Duration.ofDays(1))
                .transferTimeout(Duration.ofSeconds(2))
                .start();
        InetSocketAddress p = primary.localAddress().orElseThrow();
        EmbeddedServers.serve(
                primary,
                TestZones.spec(ZONE.value())
                        .serial(41)
                        .allowTransfer(Records.match("127.0.0.1"))
                        .build());
        EmbeddedServers.serve(
                secondary,
                TestZones.spec(ZONE.value())
                        .secondary(Records.endpoint("127.0.0.1", p.getPort()))
                        .build());
        assertThat(awaitSerial(41)).hasValue(41);
        primary.close();

        clock.advance(Duration.ofSeconds(604801));
        secondary.secondaries().refreshDue();

        ZoneStatus status = Outcomes.ok(secondary.nameServerControl().zoneStatus(ZONE));
        assertThat(status.loaded()).as("expired: served no more").isFalse();
        assertThat(status.serial()).isEmpty();
    }

    /** Polls the secondary's zonestatus until it reports {@code serial} or patience runs out. */
    private OptionalLong awaitSerial(long serial) throws InterruptedException {
        Supplier<OptionalLong> current =
                () -> secondary.nameServerControl().zoneStatus(ZONE) instanceof Outcome.Ok<ZoneStatus> ok
                        ? ok.value().serial()
                        : OptionalLong.empty();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            OptionalLong now = current.get();
            if (now.isPresent() && now.getAsLong() == serial) {
                return now;
            }
            Thread.sleep(20);
        }
        return current.get();
    }
}
