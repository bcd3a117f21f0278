package dev.bindsmith.rndc.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.StoredZone;
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
        assertThat(listing(zones().resolve(".bindsmith"))).containsExactly("example.com.json");
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
    void aMasterFileWrittenByAnotherToolIsAConflictAndIsListedAsAPrimary() throws IOException {
        Path foreign = Files.writeString(zones().resolve("legacy.test.zone"), "$TTL 1\n");

        Outcomes.failure(
                store.create(TestZones.spec("legacy.test").build()), Outcome.Conflict.class, ErrorCode.ZONE_EXISTS);

        assertThat(Files.readString(foreign)).isEqualTo("$TTL 1\n");
        assertThat(store.find(ZoneName.of("legacy.test")))
                .contains(new StoredZone(ZoneName.of("legacy.test"), ZoneType.PRIMARY, foreign.toString()));
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
        assertThat(listing(zones().resolve(".bindsmith"))).containsExactly("kept.test.json");
    }

    @Test
    void aWriteThatFailsReportsTheFileByItsNameOnlyAndLeavesNothing() throws IOException {
        Path dir = zones();
        FileZoneStore s = new FileZoneStore(dir, ZoneFileWriter::render);
        deleteTree(dir);

        Outcome<StoredZone> out = s.create(TestZones.spec("fail.test").build());

        Outcome.Failure<?> f = Outcomes.failure(out, Outcome.BackendFailed.class, ErrorCode.ZONE_FILE_WRITE_FAILED);
        assertThat(f.details()).contains("fail.test.zone").doesNotContain(root.toString());
        assertThat(f.context()).containsEntry("zone", "fail.test");
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

        assertThat(listing(zones())).isEmpty();
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
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createSymbolicLink(zones().resolve("planted.test.zone"), outside.resolve("target.zone"));
        Files.createSymbolicLink(zones().resolve(".bindsmith"), outside);

        Outcomes.failure(
                store.create(TestZones.spec("planted.test").build()), Outcome.Conflict.class, ErrorCode.ZONE_EXISTS);
        Outcome.Failure<?> f = Outcomes.failure(
                store.create(TestZones.spec("other.test").build()),
                Outcome.BackendFailed.class,
                ErrorCode.ZONE_FILE_WRITE_FAILED);

        assertThat(f.details()).contains(".bindsmith is a symbolic link").doesNotContain(root.toString());
        assertThat(listing(outside)).isEmpty();
        assertThat(zones().resolve("other.test.zone")).doesNotExist();
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
