package dev.bindsmith.testing.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.contract.RecordUpdaterContract;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryRecordStoreTest extends RecordUpdaterContract {

    private InMemoryZoneStore files;
    private InMemoryNameServerControl server;
    private InMemoryRecordStore records;

    @Override
    protected void prepare() {
        files = new InMemoryZoneStore();
        server = new InMemoryNameServerControl(files, TestClocks.fixed());
        records = new InMemoryRecordStore(server);
    }

    @Override
    protected RecordUpdater updater() {
        return records;
    }

    @Override
    protected RecordReader reader() {
        return records;
    }

    @Override
    protected void serve(ZoneSpec spec) {
        StoredZone stored = Outcomes.ok(files.create(spec));
        Outcomes.ok(server.addZone(spec.name(), ZoneConfig.of(spec.type(), stored.file(), spec.options())));
    }

    @Override
    protected Optional<RecordUpdater> unreachableUpdater() {
        InMemoryNameServerControl down = new InMemoryNameServerControl(files, TestClocks.fixed()).unreachable(true);
        return Optional.of(new InMemoryRecordStore(down));
    }

    @Test
    void aFrozenZoneRefusesUpdates() {
        Outcomes.ok(server.freeze(zone));

        Outcome.Failure<?> failure = Outcomes.failure(
                records.apply(zone, ChangeSet.of(new RecordChange.Add(Records.a("x." + apex, 300, "192.0.2.1")))),
                Outcome.BackendFailed.class,
                ErrorCode.BACKEND_REJECTED);

        assertThat(failure.details()).contains("frozen");
    }

    @Test
    void aRefusedUpdateIsBackendRejected() {
        server.refuse("update", "REFUSED");

        Outcomes.failure(
                records.apply(zone, ChangeSet.of(new RecordChange.Add(Records.a("x." + apex, 300, "192.0.2.1")))),
                Outcome.BackendFailed.class,
                ErrorCode.BACKEND_REJECTED);
    }

    @Test
    void updatesShowInTheControlsZoneStatusSerial() {
        Outcomes.ok(records.apply(zone, ChangeSet.of(new RecordChange.Add(Records.a("x." + apex, 300, "192.0.2.1")))));

        assertThat(Outcomes.ok(server.zoneStatus(zone)).serial()).hasValue(101);
    }
}
