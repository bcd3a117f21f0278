package dev.bindsmith.testing.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.contract.ZoneStoreContract;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryZoneStoreTest extends ZoneStoreContract {

    @Override
    protected ZoneStore newStore() {
        return new InMemoryZoneStore();
    }

    @Override
    protected Optional<String> masterFile(ZoneStore store, StoredZone zone) {
        return ((InMemoryZoneStore) store).masterFile(zone.name());
    }

    @Override
    protected Optional<ZoneStore> unwritableStore() {
        return Optional.of(new InMemoryZoneStore().unusable(true));
    }

    private InMemoryZoneStore memory() {
        return (InMemoryZoneStore) store;
    }

    @Test
    void aFailedWriteIsZoneFileWriteFailedAndLeavesNothingBehind() {
        memory().failWrites(true);

        Outcome<StoredZone> outcome = store.create(TestZones.spec("example.com").build());

        Outcomes.failure(outcome, Outcome.BackendFailed.class, ErrorCode.ZONE_FILE_WRITE_FAILED);
        assertThat(memory().files()).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void anUnusableDirectoryMakesCheckAndCreateUnavailable() {
        memory().unusable(true);

        Outcomes.failure(store.check(), Outcome.Unavailable.class, ErrorCode.UNAVAILABLE);
        Outcomes.failure(
                store.create(TestZones.spec("example.com").build()), Outcome.Unavailable.class, ErrorCode.UNAVAILABLE);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void createOverAStrayFileOfTheSameNameIsAConflictThatKeepsTheFile() {
        String path = store.fileOf(ZoneName.of("example.com"));
        memory().writeFile(path, "; hand-written by an operator\n");

        Outcome<StoredZone> outcome = store.create(TestZones.spec("example.com").build());

        Outcomes.failure(outcome, Outcome.Conflict.class, ErrorCode.ZONE_EXISTS);
        assertThat(memory().files()).containsExactly(Map.entry(path, "; hand-written by an operator\n"));
    }

    @Test
    void deleteRemovesTheJournalToo() {
        StoredZone stored =
                Outcomes.ok(store.create(TestZones.spec("example.com").build()));
        memory().writeFile(stored.file() + ".jnl", "journal");

        assertThat(store.delete(stored.name())).isInstanceOf(Outcome.Deleted.class);

        assertThat(memory().files()).isEmpty();
    }

    @Test
    void aFailedDeleteKeepsTheZoneAndItsFile() {
        StoredZone stored =
                Outcomes.ok(store.create(TestZones.spec("example.com").build()));
        memory().failDeletes(true);

        Outcomes.failure(store.delete(stored.name()), Outcome.BackendFailed.class, ErrorCode.ZONE_FILE_WRITE_FAILED);

        assertThat(store.find(stored.name())).contains(stored);
        assertThat(memory().masterFile(stored.name())).isPresent();
    }

    @Test
    void theMasterFileIsWhatTheProductionWriterRenders() {
        ZoneSpec spec = TestZones.spec("example.com")
                .serial(77)
                .record(Records.txt("www.example.com", "hi"))
                .build();

        Outcomes.ok(store.create(spec));

        assertThat(memory().masterFile(ZoneName.of("example.com"))).contains(ZoneFileWriter.render(spec));
    }

    @Test
    void everyCallIsLogged() {
        store.create(TestZones.spec("example.com").build());
        store.find(ZoneName.of("example.com"));
        store.delete(ZoneName.of("example.com"));

        assertThat(memory().operations())
                .containsExactly("create example.com", "find example.com", "delete example.com");
    }

    @Test
    void loadReturnsTheSpecOnlyWhileItsFileExists() {
        StoredZone stored =
                Outcomes.ok(store.create(TestZones.spec("example.com").serial(9).build()));

        assertThat(memory().load(stored.file()))
                .hasValueSatisfying(s -> assertThat(s.soa().serial()).isEqualTo(9));
        store.delete(stored.name());
        assertThat(memory().load(stored.file())).isEmpty();
    }
}
