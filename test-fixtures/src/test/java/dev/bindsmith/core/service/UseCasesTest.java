package dev.bindsmith.core.service;

import static dev.bindsmith.testing.Threads.awaitArrival;
import static dev.bindsmith.testing.Threads.awaitBlocked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.Gate;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One process's zone and record use cases share their per-zone locks. */
class UseCasesTest {
    private static final ZoneName ZONE = ZoneName.of("example.com");

    private InMemoryZoneStore store;
    private InMemoryNameServerControl control;
    private InMemoryRecordStore records;

    @BeforeEach
    void aDynamicZone() {
        store = new InMemoryZoneStore();
        control = new InMemoryNameServerControl(store, TestClocks.fixed());
        records = new InMemoryRecordStore(control);
        Outcomes.created(new ZoneService(store, control, TestClocks.fixed())
                .create(TestZones.request("example.com")
                        .updateKeyName("ddns-key")
                        .build()));
    }

    @Test
    void aRecordChangeWaitsForADeleteOfItsZoneAndThenFindsItGone() throws Exception {
        UseCases app = UseCases.of(store, control, records, records, TestClocks.fixed());
        Gate delzone = control.hold("delzone");
        CompletableFuture<Outcome<?>> delete =
                CompletableFuture.supplyAsync(() -> app.zones().delete("example.com"));
        awaitArrival(delzone, delete);
        int statusCallsBefore = zonestatusCalls();

        List<Outcome<RecordChanged>> add = new ArrayList<>();
        Thread adder = new Thread(
                () -> add.add(app.records().add("example.com", TestZones.record("www", "A", "192.0.2.1", 300))));
        adder.start();
        awaitBlocked(adder);

        assertThat(zonestatusCalls())
                .as("the record change waits before it asks about the zone")
                .isEqualTo(statusCallsBefore);
        delzone.open();
        adder.join(Duration.ofSeconds(30).toMillis());
        assertThat(delete.get()).isInstanceOf(Outcome.Deleted.class);
        assertThat(add).singleElement().isInstanceOf(Outcome.NotFound.class);
    }

    @Test
    void servicesBuiltApartDoNotWaitForEachOther() throws Exception {
        ZoneService zones = new ZoneService(store, control, TestClocks.fixed());
        RecordService apart = new RecordService(control, records, records);
        Gate delzone = control.hold("delzone");
        CompletableFuture<Outcome<?>> delete = CompletableFuture.supplyAsync(() -> zones.delete("example.com"));
        awaitArrival(delzone, delete);

        Outcome<RecordChanged> add = apart.add("example.com", TestZones.record("www", "A", "192.0.2.1", 300));

        assertThat(add)
                .as("without a shared lock the change runs while the delete is held")
                .isInstanceOf(Outcome.Created.class);
        delzone.open();
        delete.get();
        assertThat(control.serves(ZONE)).isFalse();
    }

    @Test
    void workRunExclusivelyOnAZoneKeepsItsRecordChangesWaitingAndMayCallTheUseCases() throws Exception {
        UseCases app = UseCases.of(store, control, records, records, TestClocks.fixed());
        List<Outcome<RecordChanged>> add = new ArrayList<>();
        Thread adder = new Thread(
                () -> add.add(app.records().add("example.com", TestZones.record("www", "A", "192.0.2.1", 300))));

        Outcome<RecordChanged> inside = app.exclusively(ZONE, () -> {
            adder.start();
            try {
                awaitBlocked(adder);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertThat(add).as("the other change waits for the exclusive work").isEmpty();
            // the lock is reentrant: the work itself may run a use case on the zone
            return app.records().add("example.com", TestZones.record("ftp", "A", "192.0.2.2", 300));
        });

        adder.join(Duration.ofSeconds(30).toMillis());
        assertThat(inside).isInstanceOf(Outcome.Created.class);
        assertThat(add).singleElement().isInstanceOf(Outcome.Created.class);
    }

    private int zonestatusCalls() {
        return (int)
                control.calls().stream().filter(c -> c.startsWith("zonestatus")).count();
    }
}
