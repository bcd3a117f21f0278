package dev.bindsmith.dns.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one atomic writer. The BIND adapter's copy ({@code FileZoneStore.writeNew}) and the embedded
 * server's ({@code ZoneFiles.writeAtomically}) disagreed on permissions, on file systems without
 * hard links, and both named the temporary file after the target; the test names say what is kept.
 */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    @Test
    void aNewFileIsWrittenWholeAndNothingElseIsLeftInTheDirectory() throws IOException {
        Path target = dir.resolve("example.com.zone");

        AtomicFiles.createNew(target, "$TTL 300\n; é\n");

        assertThat(Files.readString(target)).isEqualTo("$TTL 300\n; é\n");
        assertThat(listing(dir)).containsExactly(target);
    }

    @Test
    void aCreateNeverReplacesAFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path target = dir.resolve("once.test.zone");
        AtomicFiles.createNew(target, "first\n");

        assertThatThrownBy(() -> AtomicFiles.createNew(target, "second\n"))
                .isInstanceOf(FileAlreadyExistsException.class)
                .satisfies(e ->
                        assertThat(((FileAlreadyExistsException) e).getFile()).isEqualTo(target.toString()));

        assertThat(Files.readString(target)).isEqualTo("first\n");
        assertThat(listing(dir)).containsExactly(target);
    }

    @Test
    void aReplaceSwapsTheWholeFileAndCreatesOneThatIsMissing() throws IOException {
        Path target = dir.resolve("twice.test.db");
        AtomicFiles.replace(target, "first\n");

        AtomicFiles.replace(target, "second\n");

        assertThat(Files.readString(target)).isEqualTo("second\n");
        assertThat(listing(dir)).containsExactly(target);
    }

    @Test
    void filesAreReadableByEveryoneBecauseNamedRunsAsItsOwnUserAndWritesItsZoneFilesSo() throws IOException {
        // the embedded server's copy left the temporary file's rw------- on its zone files
        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path created = dir.resolve("created.zone");
        Path replaced = dir.resolve("replaced.zone");

        AtomicFiles.createNew(created, "x\n");
        AtomicFiles.replace(replaced, "x\n");
        AtomicFiles.replace(replaced, "y\n");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created)))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(replaced)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void aCreateFallsBackToAnAtomicRenameWhereTheFileSystemHasNoHardLinksBecauseZoneDirectoriesMayLiveOnOne()
            throws IOException {
        // the embedded server's copy failed outright; a zip file system has neither hard links nor POSIX modes
        try (FileSystem zip = FileSystems.newFileSystem(dir.resolve("no-links.zip"), Map.of("create", "true"))) {
            Path zones = Files.createDirectories(zip.getPath("/zones"));
            Path target = zones.resolve("example.com.zone");

            AtomicFiles.createNew(target, "first\n");
            assertThatThrownBy(() -> AtomicFiles.createNew(target, "second\n"))
                    .isInstanceOf(FileAlreadyExistsException.class);

            assertThat(Files.readString(target)).isEqualTo("first\n");
            assertThat(listing(zones)).containsExactly(target);
        }
    }

    @Test
    void aTargetNamedAsLongAsTheFileSystemAllowsIsWrittenBecauseTheTemporaryNameDoesNotRepeatIt() throws IOException {
        // both copies named the temporary file ".<target>.<random>.tmp": 26 bytes over the target's own name
        Path target = dir.resolve("a".repeat(250) + ".zone");

        AtomicFiles.createNew(target, "x\n");
        AtomicFiles.replace(target, "y\n");

        assertThat(target.getFileName().toString()).hasSize(255);
        assertThat(Files.readString(target)).isEqualTo("y\n");
    }

    @Test
    void theTemporaryFileIsWrittenBesideTheTargetSoThatTheRenameStaysOnOneFileSystem() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path target = elsewhere.resolve("configured.test.db");

        AtomicFiles.createNew(target, "first\n");
        AtomicFiles.replace(target, "second\n");

        assertThat(listing(dir)).containsExactly(elsewhere);
        assertThat(listing(elsewhere)).containsExactly(target);
    }

    @Test
    void aTemporaryIsNamedBeforeItExistsSoThatItsCallerCanRemoveItWhateverBecomesOfTheWrite() throws IOException {
        Path tmp = AtomicFiles.temporaryName(dir);

        assertThat(tmp.getParent()).isEqualTo(dir);
        assertThat(AtomicFiles.isTemporary(tmp.getFileName().toString())).isTrue();
        assertThat(tmp).doesNotExist();

        AtomicFiles.writeTemporary(tmp, "$TTL 300\n");
        assertThat(tmp).hasContent("$TTL 300");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void aTemporaryWhoseNameIsTakenIsRefusedAndTheFileThereIsLeftAlone() throws IOException {
        Path tmp = AtomicFiles.temporaryName(dir);
        Files.writeString(tmp, "someone else's");

        assertThatThrownBy(() -> AtomicFiles.writeTemporary(tmp, "mine"))
                .isInstanceOf(java.nio.file.FileSystemException.class)
                // a FileAlreadyExistsException is the target's, which a create reports as the zone existing
                .isNotInstanceOf(FileAlreadyExistsException.class);
        assertThat(tmp).hasContent("someone else's");
    }

    @Test
    void aTemporaryInADirectoryThatIsGoneFailsAndLeavesNothing() {
        Path gone = dir.resolve("moved-away");
        Path tmp = AtomicFiles.temporaryName(gone);

        assertThatThrownBy(() -> AtomicFiles.writeTemporary(tmp, "text")).isInstanceOf(IOException.class);
        assertThat(gone).doesNotExist();
    }
}
