package dev.bindsmith.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.UnfinishedChange;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ZoneStore}. Extend it with a factory for a fresh, empty store and a way to
 * read a zone's master file as bytes the store wrote.
 */
public abstract class ZoneStoreContract {

    /** A fresh, empty store that renders master files with {@link ZoneFileWriter}. Called before each test. */
    protected abstract ZoneStore newStore();

    /**
     * The text of the zone's master file, or empty when it has none. By default the file at
     * {@link StoredZone#file()}: right for every store that keeps real files; an in-memory store
     * overrides it.
     */
    protected Optional<String> masterFile(ZoneStore store, StoredZone zone) {
        Path file = Path.of(zone.file());
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A store whose directory cannot be written (gone, or read-only), or empty to skip the tests that
     * need one.
     */
    protected Optional<ZoneStore> unwritableStore() {
        return Optional.empty();
    }

    protected ZoneStore store;

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    protected ZoneSpec primary(ZoneName name) {
        return TestZones.spec(name.value())
                .record(Records.a("www." + name.value(), "192.0.2.1"))
                .build();
    }

    @Test
    void createOfAPrimaryWritesItsMasterFileAndReturnsWhereItLives() {
        ZoneName name = ContractZones.unique("store-create");

        ZoneSpec spec = primary(name);

        Outcome<StoredZone> created = store.create(spec);

        StoredZone stored = Outcomes.ok(created);
        assertThat(stored.name()).isEqualTo(name);
        assertThat(stored.type()).isEqualTo(ZoneType.PRIMARY);
        assertThat(stored.file()).isEqualTo(store.fileOf(name));
        assertThat(masterFile(store, stored)).contains(ZoneFileWriter.render(spec));
    }

    @Test
    void createdZoneIsFoundAndListed() {
        ZoneName name = ContractZones.unique("store-find");
        StoredZone stored = ok(store.create(primary(name)));

        assertThat(store.find(name)).contains(stored);
        assertThat(store.list()).contains(stored);
    }

    @Test
    void fileOfIsAnAbsolutePathAndDiffersPerZone() {
        ZoneName a = ContractZones.unique("store-path-a");
        ZoneName b = ContractZones.unique("store-path-b");

        assertThat(Path.of(store.fileOf(a)).isAbsolute()).isTrue();
        assertThat(store.fileOf(a)).isNotEqualTo(store.fileOf(b));
        assertThat(store.fileOf(a)).isEqualTo(store.fileOf(a));
    }

    @Test
    void everyZonesFileIsInOneDirectoryWhateverItsName() {
        ZoneName shallow = ContractZones.unique("store-dir");
        ZoneName deep =
                ZoneName.of("a.b.c.d-e_f." + ContractZones.unique("store-dir").value());

        Path parent = Path.of(store.fileOf(shallow)).getParent();

        assertThat(Path.of(store.fileOf(deep)).getParent()).isEqualTo(parent);
        assertThat(Path.of(store.fileOf(deep)).normalize()).isEqualTo(Path.of(store.fileOf(deep)));
    }

    @Test
    void createOfAZoneThatExistsIsAConflictAndLeavesItsFileUntouched() {
        ZoneName name = ContractZones.unique("store-conflict");
        StoredZone first = ok(store.create(primary(name)));
        Optional<String> before = masterFile(store, first);

        ZoneSpec other = TestZones.spec(name.value())
                .serial(7)
                .defaultTtl(60)
                .record(Records.txt("other." + name.value(), "would overwrite"))
                .build();
        Outcome<StoredZone> second = store.create(other);

        Outcomes.failure(second, Outcome.Conflict.class, ErrorCode.ZONE_EXISTS);
        assertThat(masterFile(store, first)).isEqualTo(before);
        assertThat(store.find(name)).contains(first);
    }

    @Test
    void concurrentCreatesOfOneZoneGiveOneOkAndOneConflict() throws Exception {
        ZoneName name = ContractZones.unique("store-race");
        ZoneSpec a = primary(name);
        ZoneSpec b = TestZones.spec(name.value()).serial(99).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome<StoredZone>>> futures = new ArrayList<>();
            for (ZoneSpec spec : List.of(a, b)) {
                Callable<Outcome<StoredZone>> task = () -> {
                    start.await();
                    return store.create(spec);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Outcome<StoredZone>> results = new ArrayList<>();
            for (Future<Outcome<StoredZone>> f : futures) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(o -> o instanceof Outcome.Ok).hasSize(1);
            assertThat(results).filteredOn(o -> o instanceof Outcome.Conflict).hasSize(1);
            assertThat(store.list()).filteredOn(z -> z.name().equals(name)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createOfASecondaryRecordsItWithoutWritingAMasterFile() {
        ZoneName name = ContractZones.unique("store-secondary");
        ZoneSpec spec = TestZones.spec(name.value())
                .secondary(Records.endpoint("192.0.2.1"))
                .build();

        StoredZone stored = ok(store.create(spec));

        assertThat(stored.type()).isEqualTo(ZoneType.SECONDARY);
        assertThat(store.find(name)).contains(stored);
        assertThat(store.list()).contains(stored);
        assertThat(masterFile(store, stored)).isEmpty();
    }

    /** A store may keep its list of every zone between listings (issue 11); a change shows in the next one. */
    @Test
    void aZoneCreatedOrDeletedAfterAListingShowsInTheNextListing() {
        ZoneName first = ZoneName.of("a-" + ContractZones.unique("relist").value());
        ZoneName second = ZoneName.of("b-" + ContractZones.unique("relist").value());
        StoredZone a = ok(store.create(primary(first)));
        store.created(first);
        assertThat(store.list()).containsExactly(a);
        assertThat(store.list()).as("listed again, unchanged").containsExactly(a);

        StoredZone b = ok(store.create(primary(second)));
        assertThat(store.list()).as("after a create").containsExactly(a, b);
        store.created(second);
        assertThat(store.list()).as("once the server serves it").containsExactly(a, b);

        assertThat(store.delete(first)).isInstanceOf(Outcome.Deleted.class);
        assertThat(store.list()).as("after a delete").containsExactly(b);

        ok(store.deleting(second));
        assertThat(store.list()).as("while its delete runs").containsExactly(b);
        assertThat(store.setAside(second)).isInstanceOf(Outcome.Deleted.class);
        assertThat(store.list()).as("after it is set aside").isEmpty();

        StoredZone secondary = ok(store.create(TestZones.spec(first.value())
                .secondary(Records.endpoint("192.0.2.1"))
                .build()));
        assertThat(store.list()).as("the name again, as a secondary").containsExactly(secondary);
        assertThat(store.list()).extracting(StoredZone::type).containsExactly(ZoneType.SECONDARY);
    }

    /**
     * Zones created and deleted by several threads while others list: each listing is in name order
     * without a zone twice, a listing after a change shows it, and once the changes are done the list is
     * the index (issue 11: a store that keeps its list patches it with the zones that changed, and a change
     * made while a listing patches is in the next).
     */
    @Test
    void listingsWhileZonesAreCreatedAndDeletedEndAtTheIndex() throws Exception {
        for (int i = 0; i < 50; i++) {
            Outcomes.ok(store.create(TestZones.spec("base" + i + ".test").build()));
        }
        AtomicBoolean done = new AtomicBoolean();
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        String name = "t" + thread + "-" + i + ".test";
                        Outcomes.ok(store.create(TestZones.spec(name).build()));
                        assertThat(store.list())
                                .as("a listing after its create")
                                .extracting(z -> z.name().value())
                                .contains(name);
                        if (i % 3 == 0) {
                            assertThat(store.delete(ZoneName.of(name))).isInstanceOf(Outcome.Deleted.class);
                            assertThat(store.list())
                                    .as("a listing after its delete")
                                    .extracting(z -> z.name().value())
                                    .doesNotContain(name);
                        }
                        if (i % 7 == 0) {
                            assertThat(store.delete(ZoneName.of("base" + (i / 7 + 10 * thread) + ".test")))
                                    .isInstanceOf(Outcome.Deleted.class);
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(pool.submit(() -> {
                    while (!done.get()) {
                        List<String> names =
                                store.list().stream().map(z -> z.name().value()).toList();
                        assertThat(names).isSorted().doesNotHaveDuplicates();
                    }
                    return null;
                }));
            }
            try {
                for (var w : writers) {
                    w.get();
                }
            } finally {
                done.set(true);
            }
            for (var r : readers) {
                r.get();
            }
        }
        assertThat(store.list()).isEqualTo(store.list(Optional.empty(), Integer.MAX_VALUE));
        assertThat(store.list()).hasSize(50 - 18 + 2 * 40);
    }

    @Test
    void findOfAnUnknownZoneIsEmpty() {
        assertThat(store.find(ContractZones.unique("store-unknown"))).isEmpty();
    }

    @Test
    void listIsSortedByName() {
        ZoneName c = ZoneName.of("c-" + ContractZones.unique("sort").value());
        ZoneName a = ZoneName.of("a-" + ContractZones.unique("sort").value());
        ZoneName b = ZoneName.of("b-" + ContractZones.unique("sort").value());
        for (ZoneName n : List.of(c, a, b)) {
            ok(store.create(primary(n)));
        }

        List<ZoneName> names = store.list().stream().map(StoredZone::name).toList();

        assertThat(names).isSorted();
        assertThat(names).containsSubsequence(a, b, c);
    }

    @Test
    void deleteRemovesTheZoneAndItsMasterFile() {
        ZoneName name = ContractZones.unique("store-delete");
        StoredZone stored = ok(store.create(primary(name)));

        Outcome<StoredZone> deleted = store.delete(name);

        assertThat(deleted).isInstanceOf(Outcome.Deleted.class);
        assertThat(store.find(name)).isEmpty();
        assertThat(store.list()).doesNotContain(stored);
        assertThat(masterFile(store, stored)).isEmpty();
    }

    @Test
    void deleteOfAnUnknownZoneIsNotFound() {
        Outcome<StoredZone> deleted = store.delete(ContractZones.unique("store-nothing"));

        Outcomes.failure(deleted, Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
    }

    @Test
    void aDeletedZoneCanBeCreatedAgain() {
        ZoneName name = ContractZones.unique("store-again");
        ok(store.create(primary(name)));
        assertThat(store.delete(name)).isInstanceOf(Outcome.Deleted.class);

        Outcome<StoredZone> again =
                store.create(TestZones.spec(name.value()).serial(5).build());

        assertThat(again).isInstanceOf(Outcome.Ok.class);
        assertThat(store.find(name)).isPresent();
    }

    @Test
    void deleteOfOneZoneLeavesTheOthers() {
        ZoneName gone = ContractZones.unique("store-gone");
        ZoneName kept = ContractZones.unique("store-kept");
        ok(store.create(primary(gone)));
        StoredZone keptZone = ok(store.create(primary(kept)));
        Optional<String> before = masterFile(store, keptZone);

        assertThat(store.delete(gone)).isInstanceOf(Outcome.Deleted.class);

        assertThat(store.find(kept)).contains(keptZone);
        assertThat(masterFile(store, keptZone)).isEqualTo(before).isPresent();
    }

    @Test
    void differentSpecsGiveDifferentMasterFiles() {
        ZoneName a = ContractZones.unique("store-diff");
        ZoneName b = ContractZones.unique("store-diff");
        StoredZone first = ok(store.create(TestZones.spec(a.value()).serial(1).build()));
        StoredZone second = ok(store.create(TestZones.spec(b.value()).serial(2).build()));

        assertThat(masterFile(store, first)).isNotEqualTo(masterFile(store, second));
    }

    @Test
    void aCreateIsUnfinishedUntilTheServerServesTheZoneAndADeleteLeavesNothingUnfinished() {
        ZoneName name = ContractZones.unique("store-unfinished");

        ok(store.create(primary(name)));

        assertThat(store.unfinished(name)).map(UnfinishedChange::kind).contains(UnfinishedChange.Kind.CREATE);
        assertThat(store.unfinished()).extracting(u -> u.zone().name()).contains(name);
        assertThat(store.delete(name)).isInstanceOf(Outcome.Deleted.class);
        assertThat(store.unfinished(name)).isEmpty();
    }

    @Test
    void deletingAZoneTheStoreDoesNotHoldIsNotFound() {
        Outcomes.failure(
                store.deleting(ContractZones.unique("store-deleting")),
                Outcome.NotFound.class,
                ErrorCode.ZONE_NOT_FOUND);
    }

    @Test
    void aPageStartsAfterTheGivenZoneAndFollowsTheListsOrder() {
        List<ZoneName> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ZoneName n =
                    ZoneName.of("p" + i + "-" + ContractZones.unique("page").value());
            ok(store.create(primary(n)));
            names.add(n);
        }
        List<ZoneName> all = store.list().stream().map(StoredZone::name).toList();
        ZoneName second = all.get(1);

        List<ZoneName> page = store.list(Optional.of(second), 2).stream()
                .map(StoredZone::name)
                .toList();

        assertThat(page).containsExactlyElementsOf(all.subList(2, Math.min(4, all.size())));
        assertThat(store.list(Optional.empty(), 1)).extracting(StoredZone::name).containsExactly(all.getFirst());
        assertThat(store.count()).isEqualTo(all.size());
    }

    @Test
    void aZoneSetAsideIsNoLongerHeldAndItsNameCanBeCreatedAgain() {
        ZoneName name = ContractZones.unique("store-aside");
        ok(store.create(primary(name)));

        assertThat(store.setAside(name)).isInstanceOf(Outcome.Deleted.class);

        assertThat(store.find(name)).isEmpty();
        assertThat(store.list()).extracting(StoredZone::name).doesNotContain(name);
        ok(store.create(TestZones.spec(name.value()).serial(9).build()));
    }

    @Test
    void checkOfAUsableStoreIsOk() {
        assertThat(store.check()).isInstanceOf(Outcome.Ok.class);
    }

    @Test
    void aStoreThatCannotWriteIsUnavailableAndItsCreateFailsLeavingNothing() {
        Optional<ZoneStore> broken = unwritableStore();
        Assumptions.assumeTrue(broken.isPresent(), "this adapter offers no unwritable store");
        ZoneName name = ContractZones.unique("store-broken");

        Outcomes.failure(broken.get().check(), Outcome.Unavailable.class, ErrorCode.UNAVAILABLE);
        Outcome<StoredZone> created = broken.get().create(primary(name));

        assertThat(created).isInstanceOfAny(Outcome.BackendFailed.class, Outcome.Unavailable.class);
        assertThat(((Outcome.Failure<StoredZone>) created).code())
                .isIn(ErrorCode.ZONE_FILE_WRITE_FAILED, ErrorCode.UNAVAILABLE);
        assertThat(broken.get().find(name)).isEmpty();
    }

    private static StoredZone ok(Outcome<StoredZone> outcome) {
        return Outcomes.ok(outcome);
    }
}
