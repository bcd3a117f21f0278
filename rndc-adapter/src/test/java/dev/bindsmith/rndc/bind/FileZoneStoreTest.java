package dev.bindsmith.rndc.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.UnfinishedChange;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.contract.ZoneStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileZoneStoreTest extends ZoneStoreContract {

    @TempDir
    Path root;

    private Path zones() {
        try {
            return Files.createDirectories(root.resolve("zones"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected ZoneStore newStore() {
        return new FileZoneStore(zones());
    }

    /** A store whose directory was removed after it was opened: the one unwritable state root cannot write through. */
    @Override
    protected Optional<ZoneStore> unwritableStore() {
        try {
            Path gone = Files.createDirectories(root.resolve("gone"));
            FileZoneStore s = new FileZoneStore(gone);
            deleteTree(gone);
            return Optional.of(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPrimaryIsWrittenAsZoneNameDotZoneWithNothingElseLeftBehind() throws IOException {
        Outcomes.ok(store.create(TestZones.spec("example.com").build()));

        assertThat(listing(zones())).containsExactly(".bindsmith", "example.com.zone");
        assertThat(listing(zones().resolve(".bindsmith"))).containsExactly("zones.log");
        assertThat(Files.readString(zones().resolve("example.com.zone")))
                .contains("SOA")
                .contains("2026112101");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zones().resolve("example.com.zone"))))
                .as("named, running as its own user, must read it")
                .isEqualTo("rw-r--r--");
    }

    @Test
    void fileOfIsTheCanonicalPathInsideTheDirectory() throws IOException {
        Path link = Files.createSymbolicLink(root.resolve("link"), zones());
        FileZoneStore viaLink = new FileZoneStore(link, ZoneFileWriter::render);

        assertThat(viaLink.fileOf(ZoneName.of("Example.COM.")))
                .isEqualTo(zones().toRealPath().resolve("example.com.zone").toString());
    }

    @Test
    void aMissingDirectoryOrAFileIsRefusedAtConstruction() throws IOException {
        Path file = Files.writeString(root.resolve("plain"), "x");

        assertThatThrownBy(() -> new FileZoneStore(root.resolve("absent"), ZoneFileWriter::render))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileZoneStore(file, ZoneFileWriter::render))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStaleJournalOfAZoneThatNoLongerExistsIsRemovedBeforeTheNewFileIsWritten() throws IOException {
        Path jnl = Files.writeString(zones().resolve("old.test.zone.jnl"), "journal of an earlier zone");
        Path jbk = Files.writeString(zones().resolve("old.test.zone.jbk"), "backup");

        Outcomes.ok(store.create(TestZones.spec("old.test").build()));

        assertThat(jnl).doesNotExist();
        assertThat(jbk).doesNotExist();
    }

    @Test
    void aConflictNeverTouchesTheLiveZonesFileOrJournal() throws IOException {
        Outcomes.ok(store.create(TestZones.spec("live.test").build()));
        Path file = zones().resolve("live.test.zone");
        Path jnl = Files.writeString(zones().resolve("live.test.zone.jnl"), "live journal");
        byte[] before = Files.readAllBytes(file);

        Outcome<StoredZone> again =
                store.create(TestZones.spec("live.test").serial(9).build());

        Outcomes.failure(again, Outcome.Conflict.class, ErrorCode.ZONE_EXISTS);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.readString(jnl)).isEqualTo("live journal");
    }

    @Test
    void aMasterFileWrittenByAnotherToolIsAConflictAndIsHeldAsAFoundPrimaryFromThenOn() throws IOException {
        Path foreign = Files.writeString(zones().resolve("legacy.test.zone"), "$TTL 1\n");

        Outcomes.failure(
                store.create(TestZones.spec("legacy.test").build()), Outcome.Conflict.class, ErrorCode.ZONE_EXISTS);

        assertThat(Files.readString(foreign)).isEqualTo("$TTL 1\n");
        assertThat(store.find(ZoneName.of("legacy.test")))
                .contains(new StoredZone(ZoneName.of("legacy.test"), ZoneType.PRIMARY, foreign.toString()));
        assertThat(store.unfinished(ZoneName.of("legacy.test")))
                .map(UnfinishedChange::kind)
                .contains(UnfinishedChange.Kind.FOUND);
    }

    @Test
    void aMasterFileThatAppearsWhileTheStoreIsOpenIsFoundByTheNextLookForUnfinishedChanges() throws IOException {
        Files.writeString(zones().resolve("late.test.zone"), "$TTL 1\n");

        assertThat(store.unfinished()).extracting(u -> u.zone().name().value()).containsExactly("late.test");
        assertThat(store.find(ZoneName.of("late.test"))).isPresent();
    }

    @Test
    void aSecondaryStaysASecondaryOnceNamedHasWrittenItsTransferredFile() throws IOException {
        ZoneName name = ZoneName.of("sec.test");
        Outcomes.ok(store.create(TestZones.spec("sec.test")
                .secondary(Records.endpoint("192.0.2.1"))
                .build()));
        Files.writeString(zones().resolve("sec.test.zone"), "transferred by named");

        assertThat(store.find(name)).map(StoredZone::type).contains(ZoneType.SECONDARY);
        assertThat(store.list()).extracting(StoredZone::name).containsExactly(name);
    }

    @Test
    void deleteRemovesTheFileItsJournalsSignedFilesAndSidecarAndNothingElse() throws IOException {
        Outcomes.ok(store.create(TestZones.spec("gone.test").build()));
        Outcomes.ok(store.create(TestZones.spec("kept.test").build()));
        for (String suffix : List.of(".jnl", ".jbk", ".signed", ".signed.jnl")) {
            Files.writeString(zones().resolve("gone.test.zone" + suffix), "x");
        }
        Files.writeString(zones().resolve("kept.test.zone.jnl"), "kept");

        assertThat(store.delete(ZoneName.of("gone.test"))).isInstanceOf(Outcome.Deleted.class);

        assertThat(listing(zones())).containsExactly(".bindsmith", "kept.test.zone", "kept.test.zone.jnl");
        assertThat(listing(zones().resolve(".bindsmith"))).containsExactly("zones.log");
    }

    /** issue 16.14: a zone directory that is not usable was a 500 (which clients retry forever). */
    @Test
    void aCreateInAVanishedDirectoryIs503WithoutAPathAndLeavesNothing() throws IOException {
        Path dir = zones();
        FileZoneStore s = new FileZoneStore(dir, ZoneFileWriter::render);
        deleteTree(dir);

        Outcome<StoredZone> out = s.create(TestZones.spec("fail.test").build());

        Outcome.Failure<?> f = Outcomes.failure(out, Outcome.Unavailable.class, ErrorCode.UNAVAILABLE);
        assertThat(f.details()).doesNotContain(root.toString());
        assertThat(s.find(ZoneName.of("fail.test"))).isEmpty();
        assertThat(dir).doesNotExist();
    }

    @Test
    void aWriteThatFailsInAUsableDirectoryReportsTheFileByItsNameOnly() throws IOException {
        Files.createDirectories(zones().resolve("blocked.test.zone.jnl"));
        Files.writeString(
                zones().resolve("blocked.test.zone.jnl").resolve("x"), "a directory where a journal would be");

        Outcome<StoredZone> out = store.create(TestZones.spec("blocked.test").build());

        Outcome.Failure<?> f = Outcomes.failure(out, Outcome.BackendFailed.class, ErrorCode.ZONE_FILE_WRITE_FAILED);
        assertThat(f.details()).contains("blocked.test").doesNotContain(root.toString());
        assertThat(f.context()).containsEntry("zone", "blocked.test");
        assertThat(zones().resolve("blocked.test.zone")).doesNotExist();
        assertThat(store.find(ZoneName.of("blocked.test"))).isEmpty();
    }

    @Test
    void aVanishedDirectoryKeepsAnsweringReadsAndIsUsedAgainWhenItComesBack() throws IOException {
        Path dir = zones();
        Outcomes.ok(store.create(TestZones.spec("kept.test").build()));
        store.created(ZoneName.of("kept.test"));
        Path aside = root.resolve("aside");
        Files.move(dir, aside);

        assertThat(store.find(ZoneName.of("kept.test"))).isPresent();
        assertThat(store.list()).hasSize(1);
        Outcomes.failure(
                store.create(TestZones.spec("new.test").build()), Outcome.Unavailable.class, ErrorCode.UNAVAILABLE);
        Outcomes.failure(store.deleting(ZoneName.of("kept.test")), Outcome.Unavailable.class, ErrorCode.UNAVAILABLE);

        Files.move(aside, dir);
        await(() -> store.create(TestZones.spec("new.test").build()) instanceof Outcome.Ok);

        assertThat(store.list()).extracting(z -> z.name().value()).containsExactly("kept.test", "new.test");
        assertThat(dir.resolve("new.test.zone")).exists();
    }

    @Test
    void aRendererThatFailsLeavesNoFile() throws IOException {
        FileZoneStore s = new FileZoneStore(zones(), spec -> {
            throw new UncheckedIOException(new IOException("renderer broke"));
        });

        Outcomes.failure(
                s.create(TestZones.spec("half.test").build()),
                Outcome.BackendFailed.class,
                ErrorCode.ZONE_FILE_WRITE_FAILED);

        assertThat(listing(zones())).containsExactly(".bindsmith");
        assertThat(s.find(ZoneName.of("half.test"))).isEmpty();
    }

    @Test
    void checkOfAVanishedDirectoryIsUnavailableWithoutItsPath() throws IOException {
        Path dir = zones();
        FileZoneStore s = new FileZoneStore(dir, ZoneFileWriter::render);
        deleteTree(dir);

        Outcome<String> out = s.check();

        Outcome.Failure<?> f = Outcomes.failure(out, Outcome.Unavailable.class, ErrorCode.UNAVAILABLE);
        assertThat(f.details()).doesNotContain(root.toString()).doesNotContain("/");
    }

    @Test
    void checkOfAReadOnlyDirectoryIsUnavailable() throws IOException {
        Path dir = zones();
        FileZoneStore s = new FileZoneStore(dir, ZoneFileWriter::render);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            boolean writableAnyway = Files.isWritable(dir) && canCreate(dir);
            org.junit.jupiter.api.Assumptions.assumeFalse(
                    writableAnyway, "this user (root?) can write a read-only directory");

            Outcomes.failure(s.check(), Outcome.Unavailable.class, ErrorCode.UNAVAILABLE);
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void filesThatAreNotZonesAreNotListed() throws IOException {
        Files.writeString(zones().resolve("Upper.Case.zone"), "x");
        Files.writeString(zones().resolve("notes.txt"), "x");
        Files.writeString(zones().resolve("a.test.zone.jnl"), "x");
        Files.createDirectories(zones().resolve(".bindsmith"));
        Files.writeString(zones().resolve(".bindsmith").resolve("bad..name.json"), "{}");

        assertThat(store.list()).isEmpty();
    }

    @Test
    void aPlantedSymbolicLinkNeverLeadsAWriteOutsideTheDirectory() throws IOException {
        Path dir = Files.createDirectories(root.resolve("planted"));
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("planted.test.zone"), outside.resolve("target.zone"));
        Files.createSymbolicLink(dir.resolve(".bindsmith"), outside);
        FileZoneStore s = new FileZoneStore(dir);

        Outcomes.failure(
                s.create(TestZones.spec("planted.test").build()), Outcome.Unavailable.class, ErrorCode.UNAVAILABLE);
        Outcome.Failure<?> f = Outcomes.failure(
                s.create(TestZones.spec("other.test").build()), Outcome.Unavailable.class, ErrorCode.UNAVAILABLE);

        assertThat(f.details()).doesNotContain(root.toString());
        assertThat(listing(outside)).isEmpty();
        assertThat(dir.resolve("other.test.zone")).doesNotExist();
    }

    @Test
    void aPlantedMasterFileLinkIsAConflictAndNothingIsWrittenThroughIt() throws IOException {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createSymbolicLink(zones().resolve("planted.test.zone"), outside.resolve("target.zone"));

        Outcomes.failure(
                store.create(TestZones.spec("planted.test").build()), Outcome.Conflict.class, ErrorCode.ZONE_EXISTS);

        assertThat(listing(outside)).isEmpty();
    }

    // ---- the log: what survives a restart or a crash ----

    private FileZoneStore reopen() {
        return new FileZoneStore(zones());
    }

    @Test
    void aFinishedCreateIsLiveAfterARestartAndAnUnfinishedOneIsReportedAsSuch() {
        Outcomes.ok(store.create(TestZones.spec("done.test").build()));
        store.created(ZoneName.of("done.test"));
        Outcomes.ok(store.create(TestZones.spec("open.test").build()));

        FileZoneStore again = reopen();

        assertThat(again.list()).extracting(z -> z.name().value()).containsExactly("done.test", "open.test");
        assertThat(again.unfinished()).singleElement().satisfies(u -> {
            assertThat(u.zone().name()).isEqualTo(ZoneName.of("open.test"));
            assertThat(u.kind()).isEqualTo(UnfinishedChange.Kind.CREATE);
        });
    }

    @Test
    void aDeleteThatBeganIsUnfinishedAfterARestartUntilItIsDone() {
        ZoneName zone = ZoneName.of("leaving.test");
        Outcomes.ok(store.create(TestZones.spec("leaving.test").build()));
        store.created(zone);
        Outcomes.ok(store.deleting(zone));

        assertThat(reopen().unfinished(zone)).map(UnfinishedChange::kind).contains(UnfinishedChange.Kind.DELETE);
        assertThat(store.delete(zone)).isInstanceOf(Outcome.Deleted.class);
        assertThat(reopen().find(zone)).isEmpty();
    }

    @Test
    void aCreateWhoseLogLineLandedButWhoseFileDidNotIsAnUnfinishedCreateWithoutAFile() throws IOException {
        // a crash after the log line was forced and before the link: the state the log cannot prevent
        Files.writeString(
                zones().resolve(".bindsmith").resolve("zones.log"),
                "+ crashed.test primary\n",
                java.nio.file.StandardOpenOption.APPEND);

        FileZoneStore again = reopen();

        assertThat(again.unfinished(ZoneName.of("crashed.test")))
                .map(UnfinishedChange::kind)
                .contains(UnfinishedChange.Kind.CREATE);
        assertThat(again.delete(ZoneName.of("crashed.test"))).isInstanceOf(Outcome.Deleted.class);
    }

    @Test
    void aTornLastLineOfTheLogIsIgnored() throws IOException {
        Outcomes.ok(store.create(TestZones.spec("whole.test").build()));
        store.created(ZoneName.of("whole.test"));
        Files.writeString(
                zones().resolve(".bindsmith").resolve("zones.log"),
                "= torn.te",
                java.nio.file.StandardOpenOption.APPEND);

        assertThat(reopen().list()).extracting(z -> z.name().value()).containsExactly("whole.test");
    }

    @Test
    void aTemporaryFileACrashLeftIsRemovedAtTheNextStartAndAFreshOneIsNot() throws IOException {
        Path stale = Files.writeString(zones().resolve(".bindsmith-123.tmp"), "half a zone");
        Files.setLastModifiedTime(
                stale,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        Path fresh = Files.writeString(zones().resolve(".bindsmith-456.tmp"), "being written");

        reopen();

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void theSidecarsOfEarlierVersionsAreFoldedIntoTheLogAndKeepTheirTypes() throws IOException {
        Path state = zones().resolve(".bindsmith");
        Files.writeString(state.resolve("sec.test.json"), "{\"zone\":\"sec.test\",\"type\":\"secondary\"}\n");
        Files.writeString(state.resolve("prim.test.json"), "{\"zone\":\"prim.test\",\"type\":\"primary\"}\n");
        Files.writeString(zones().resolve("prim.test.zone"), "$TTL 1\n");
        ((FileZoneStore) store).close(); // the log is compacted by the only process that has it open

        FileZoneStore migrated = reopen();

        assertThat(migrated.find(ZoneName.of("sec.test"))).map(StoredZone::type).contains(ZoneType.SECONDARY);
        assertThat(migrated.unfinished())
                .as("a sidecar said the zone was created")
                .isEmpty();
        assertThat(listing(state)).containsExactly("zones.log");
        assertThat(reopen().find(ZoneName.of("sec.test"))).map(StoredZone::type).contains(ZoneType.SECONDARY);
    }

    @Test
    void aMasterFileNoCreateWroteIsHeldAsFound() throws IOException {
        Files.writeString(zones().resolve("legacy.test.zone"), "$TTL 1\n");

        assertThat(reopen().unfinished(ZoneName.of("legacy.test")))
                .map(UnfinishedChange::kind)
                .contains(UnfinishedChange.Kind.FOUND);
    }

    @Test
    void theLogIsCompactedAtStartWhenMostOfItIsHistory() throws IOException {
        for (int i = 0; i < 600; i++) {
            ZoneName z = ZoneName.of("churn" + i + ".test");
            Outcomes.ok(store.create(TestZones.spec(z.value()).build()));
            store.created(z);
            assertThat(store.delete(z)).isInstanceOf(Outcome.Deleted.class);
        }
        Outcomes.ok(store.create(TestZones.spec("stays.test").build()));
        store.created(ZoneName.of("stays.test"));
        ((FileZoneStore) store).close();

        FileZoneStore again = reopen();

        assertThat(Files.readAllLines(zones().resolve(".bindsmith").resolve("zones.log")))
                .containsExactly("# bindsmith zone log 1", "= stays.test primary");
        assertThat(again.list()).extracting(z -> z.name().value()).containsExactly("stays.test");
    }

    @Test
    void aZoneAnotherProcessCreatedInTheSameDirectoryIsSeen() {
        FileZoneStore other = reopen();

        Outcomes.ok(other.create(TestZones.spec("theirs.test").build()));
        other.created(ZoneName.of("theirs.test"));

        assertThat(store.find(ZoneName.of("theirs.test"))).isPresent();
        assertThat(other.delete(ZoneName.of("theirs.test"))).isInstanceOf(Outcome.Deleted.class);
        assertThat(store.find(ZoneName.of("theirs.test"))).isEmpty();
    }

    /** The list of every zone is kept between listings (issue 11): what another process or the directory changed shows too. */
    @Test
    void aListingAfterAnotherProcessOrTheDirectoryChangedTheZonesShowsTheChange() throws IOException {
        Outcomes.ok(store.create(TestZones.spec("mine.test").build()));
        assertThat(store.list()).extracting(z -> z.name().value()).containsExactly("mine.test");
        FileZoneStore other = reopen();

        Outcomes.ok(other.create(TestZones.spec("theirs.test").build()));
        assertThat(store.list()).extracting(z -> z.name().value()).containsExactly("mine.test", "theirs.test");
        assertThat(other.delete(ZoneName.of("mine.test"))).isInstanceOf(Outcome.Deleted.class);
        assertThat(store.list()).extracting(z -> z.name().value()).containsExactly("theirs.test");

        Files.writeString(zones().resolve("dropped.test.zone"), "$TTL 1\n");
        store.unfinished();
        assertThat(store.list()).extracting(z -> z.name().value()).containsExactly("dropped.test", "theirs.test");

        assertThat(other.delete(ZoneName.of("theirs.test"))).isInstanceOf(Outcome.Deleted.class);
        Outcomes.ok(other.create(TestZones.spec("theirs.test")
                .secondary(Records.endpoint("192.0.2.1"))
                .build()));
        assertThat(store.list())
                .as("the same name again, now a secondary")
                .extracting(StoredZone::type)
                .containsExactly(ZoneType.PRIMARY, ZoneType.SECONDARY);
    }

    @Test
    void aListingAfterTheDirectoryWasReplacedShowsWhatTheNewOneHolds() throws IOException {
        Path dir = zones();
        Outcomes.ok(store.create(TestZones.spec("kept.test").build()));
        Files.move(dir, root.resolve("aside"));
        assertThat(store.list()).extracting(z -> z.name().value()).containsExactly("kept.test");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("added.test.zone"), "$TTL 1\n");

        await(() -> store.create(TestZones.spec("new.test").build()) instanceof Outcome.Ok);

        assertThat(store.list()).extracting(z -> z.name().value()).containsExactly("added.test", "new.test");
    }

    /**
     * After a change the kept list is patched rather than built again from the index (issue 11): a
     * create or a delete at the start, in the middle and at the end, a type changed under the same name,
     * show in the next listing exactly as a page read from the index shows them, and every zone that
     * did not change is the same instance as in the listing before.
     */
    @Test
    void aListingRightAfterAChangeAnywhereInTheListIsTheIndexWithTheUnchangedZonesKept() {
        FileZoneStore files = (FileZoneStore) store;
        for (int i = 10; i < 40; i++) {
            Outcomes.ok(files.create(TestZones.spec("z" + i + ".test").build()));
        }
        List<StoredZone> before = files.list();
        List<Runnable> changes = List.of(
                () -> Outcomes.ok(files.create(TestZones.spec("a.test").build())),
                () -> Outcomes.ok(files.create(TestZones.spec("z25a.test").build())),
                () -> Outcomes.ok(files.create(TestZones.spec("zz.test").build())),
                () -> files.created(ZoneName.of("z25a.test")),
                () -> assertThat(files.delete(ZoneName.of("a.test"))).isInstanceOf(Outcome.Deleted.class),
                () -> assertThat(files.delete(ZoneName.of("z20.test"))).isInstanceOf(Outcome.Deleted.class),
                () -> assertThat(files.delete(ZoneName.of("zz.test"))).isInstanceOf(Outcome.Deleted.class),
                () -> Outcomes.ok(files.deleting(ZoneName.of("z39.test"))),
                () -> {
                    // another process's change, seen through the log: the same name as a secondary
                    FileZoneStore other = reopen();
                    assertThat(other.delete(ZoneName.of("z30.test"))).isInstanceOf(Outcome.Deleted.class);
                    Outcomes.ok(other.create(TestZones.spec("z30.test")
                            .secondary(Records.endpoint("192.0.2.1"))
                            .build()));
                },
                () -> {
                    // two at once between two listings
                    Outcomes.ok(files.create(TestZones.spec("z15a.test").build()));
                    assertThat(files.delete(ZoneName.of("z11.test"))).isInstanceOf(Outcome.Deleted.class);
                });
        for (Runnable change : changes) {
            change.run();
            List<StoredZone> after = files.list();

            assertThat(after).isEqualTo(files.list(Optional.empty(), Integer.MAX_VALUE));
            for (StoredZone z : after) {
                before.stream()
                        .filter(b -> b.equals(z))
                        .findFirst()
                        .ifPresent(b -> assertThat(z).as("an unchanged zone").isSameAs(b));
            }
            assertThat(files.list()).as("listed again, unchanged").isSameAs(after);
            before = after;
        }
        assertThat(before).extracting(StoredZone::type).contains(ZoneType.SECONDARY);
    }

    /** issue 16.3: a valid long name was a 500 (the file name was longer than 255 bytes). */
    @Test
    void aZoneNameTooLongForAFileNameGetsAShortenedOneAndSurvivesARestart() {
        String label = "a".repeat(63);
        // 242 characters: the test zone's SOA mailbox hostmaster.<zone> is then the longest name DNS allows
        ZoneName longest = ZoneName.of(label + "." + label + "." + label + "." + "b".repeat(50));
        assertThat(longest.value()).hasSize(242);

        StoredZone stored =
                Outcomes.ok(store.create(TestZones.spec(longest.value()).build()));

        String fileName = Path.of(stored.file()).getFileName().toString();
        assertThat(fileName.length() + ".signed.jnl".length()).isLessThanOrEqualTo(255);
        assertThat(Path.of(stored.file())).exists();
        assertThat(reopen().find(longest)).contains(stored);
        assertThat(store.fileOf(ZoneName.of(label + ".example"))).endsWith("/" + label + ".example.zone");
    }

    @Test
    void aPageStartsAfterTheGivenZoneInNameOrder() {
        for (String z : List.of("c.test", "a.test", "b.test", "d.test")) {
            Outcomes.ok(store.create(TestZones.spec(z).build()));
        }

        assertThat(store.list(Optional.of(ZoneName.of("a.test")), 2))
                .extracting(z -> z.name().value())
                .containsExactly("b.test", "c.test");
        assertThat(store.count()).isEqualTo(4);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 30 s");
            }
            Thread.onSpinWait();
        }
    }

    private static boolean canCreate(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
