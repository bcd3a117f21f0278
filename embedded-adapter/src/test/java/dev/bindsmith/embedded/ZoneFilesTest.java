package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.testing.builders.Records;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneFilesTest {
    @TempDir
    Path dir;

    @Test
    void aZoneStatementReadsBackAsItWasWritten() throws IOException {
        ZoneFiles files = new ZoneFiles(dir);
        ZoneName zone = ZoneName.of("statement.test");
        ZoneOptions options = new ZoneOptions(
                List.of(Records.endpoint("192.0.2.1"), Records.endpoint("2001:db8::1", 5353)),
                List.of(Records.endpoint("192.0.2.2", 53)),
                List.of(Records.match("10.0.0.0/8"), Records.match("any"), Records.match("2001:db8::/48")),
                List.of(Records.key("update-key"), Records.match("127.0.0.1")),
                Optional.of("default"),
                Optional.of(true));
        var statement = new ZoneFiles.Statement(
                zone, ZoneConfig.of(ZoneType.SECONDARY, files.masterFile(zone).toString(), options), true);

        files.writeStatement(statement);

        assertThat(files.readStatement(zone)).contains(statement);
        assertThat(files.statementZones()).containsExactly(zone);
    }

    @Test
    void oneListingFindsTheStatementsTheMasterFilesAndTheJournals() throws IOException {
        ZoneFiles files = new ZoneFiles(dir);
        ZoneName served = ZoneName.of("served.test");
        ZoneName found = ZoneName.of("found.test");
        files.writeStatement(new ZoneFiles.Statement(
                served, ZoneConfig.of(ZoneType.PRIMARY, files.masterFile(served).toString(), ZoneOptions.NONE), true));
        Files.writeString(files.masterFile(served), "; served\n");
        Files.writeString(files.journalFile(served), ";; change 1 2\n");
        Files.writeString(files.masterFile(found), "; found\n");
        Files.writeString(dir.resolve("notes.txt"), "not a zone's\n");
        Files.writeString(dir.resolve("not a zone!.zone"), "type: primary\n");

        ZoneFiles.Listing listing = files.list();

        assertThat(listing.statements()).containsExactly(served);
        assertThat(listing.masterStems()).containsExactlyInAnyOrder("served.test", "found.test");
        assertThat(listing.mastersWithoutStatement()).containsExactly("found.test");
        assertThat(listing.hasJournal(files.masterFile(served))).isTrue();
        assertThat(listing.hasJournal(files.masterFile(found))).isFalse();
        assertThat(files.masterFileName(served))
                .isEqualTo(files.masterFile(served).toString());
    }

    @Test
    void aZoneWithALongNameIsListedByTheNameItsStatementRecords() throws IOException {
        ZoneFiles files = new ZoneFiles(dir);
        String label = "a".repeat(61);
        ZoneName zone = ZoneName.of(label + "." + label + "." + label + "." + label + ".test");
        files.writeStatement(new ZoneFiles.Statement(
                zone, ZoneConfig.of(ZoneType.PRIMARY, files.masterFile(zone).toString(), ZoneOptions.NONE), true));
        Files.writeString(files.masterFile(zone), "; long\n");

        ZoneFiles.Listing listing = files.list();

        assertThat(listing.statements()).containsExactly(zone);
        assertThat(listing.mastersWithoutStatement()).isEmpty();
        assertThat(files.masterFileName(zone)).isEqualTo(files.masterFile(zone).toString());
    }

    @Test
    void aCreateOnlyWriteNeverReplacesAFile() throws IOException {
        ZoneFiles files = new ZoneFiles(dir);
        Path target = files.masterFile(ZoneName.of("once.test"));
        files.writeAtomically(target, "first\n", true);

        assertThatThrownBy(() -> files.writeAtomically(target, "second\n", true))
                .isInstanceOf(FileAlreadyExistsException.class);

        assertThat(Files.readString(target)).isEqualTo("first\n");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(target);
        }
    }

    @Test
    void aReplacingWriteSwapsTheWholeFile() throws IOException {
        ZoneFiles files = new ZoneFiles(dir);
        Path target = files.masterFile(ZoneName.of("twice.test"));
        files.writeAtomically(target, "first\n", true);

        files.writeAtomically(target, "second\n", false);

        assertThat(Files.readString(target)).isEqualTo("second\n");
    }

    @Test
    void aFileOutsideTheDataDirectoryIsWrittenInItsOwnDirectoryAlone() throws IOException {
        // the temporary file must sit beside the target: a rename across file systems is not atomic
        Path data = dir.resolve("data");
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        ZoneFiles files = new ZoneFiles(data);
        Path target = elsewhere.resolve("configured.test.db");
        files.writeAtomically(target, "first\n", true);

        files.writeAtomically(target, "second\n", false);

        assertThat(Files.readString(target)).isEqualTo("second\n");
        assertThat(data).doesNotExist();
        try (var listing = Files.list(elsewhere)) {
            assertThat(listing).containsExactly(target);
        }
    }

    @Test
    void aMasterFileWithAnIncludeDoesNotReadTheIncludedFile() throws IOException {
        ZoneFiles files = new ZoneFiles(dir);
        ZoneName zone = ZoneName.of("include.test");
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "leak IN TXT \"secret\"\n");
        Path master = files.masterFile(zone);
        Files.writeString(
                master,
                "$TTL 300\n@ IN SOA ns1 hostmaster 1 3600 600 604800 300\n@ IN NS ns1\n"
                        + "ns1 IN A 192.0.2.1\n$INCLUDE " + secret + "\n");

        assertThatThrownBy(() -> files.loadMaster(zone, master)).isInstanceOf(IOException.class);
    }
}
