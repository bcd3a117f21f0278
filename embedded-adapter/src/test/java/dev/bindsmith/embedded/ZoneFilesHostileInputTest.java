package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.builders.Records;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Master files the fuzzer ({@link ZoneFileFuzzTarget}) found: each is refused as a file that does not
 * parse, or loads and survives the server's render/load round trip.
 */
class ZoneFilesHostileInputTest {
    private static final ZoneName ZONE = ZoneName.of("example.com");

    @TempDir
    Path dir;

    @Test
    void aGenerateDirectiveWithAnEmptyStepIsAParseErrorNotAStringIndexOutOfBoundsException() throws Exception {
        // found by ZoneFileFuzzTarget: dnsjava's Master threw StringIndexOutOfBoundsException out of
        // loadMaster, whose callers expect an IOException naming the problem
        Path file = dir.resolve("example.com.db");
        Files.writeString(file, """
                $TTL 300
                @ IN SOA ns1 hostmaster 1 3600 600 86400 300
                @ IN NS ns1
                ns1 IN A 192.0.2.53
                $GENERATE 1-10/ host$ A 192.0.2.$
                """);

        assertThatThrownBy(() -> new ZoneFiles(dir).loadMaster(ZONE, file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not parse");
    }

    @Test
    void anOwnerSpelledInSeveralCasesLoadsAsOneSpellingAndTheRenderedZoneLoadsAgainWithTheSameRecords()
            throws Exception {
        // found by ZoneFileFuzzTarget: dnsjava's Master gives a record the owner name of the record
        // before it when the two names are equal, and DNS names are equal whatever their case. The
        // file below keeps "www" and "WWW" apart; the server writes an owner's records together, so
        // the written file loaded "WWW" back as "www"
        Path file = dir.resolve("example.com.db");
        Files.writeString(file, """
                $TTL 300
                @ IN SOA ns1 hostmaster 1 3600 600 86400 300
                @ IN NS ns1
                www IN A 192.0.2.1
                ns1 IN A 192.0.2.53
                WWW IN AAAA 2001:db8::1
                Www IN A 192.0.2.2
                """);
        ZoneFiles files = new ZoneFiles(dir);

        ZoneContent loaded = files.loadMaster(ZONE, file);
        ZoneContent reloaded = renderedAndLoadedAgain(files, loaded);

        assertThat(texts(reloaded)).containsExactlyInAnyOrderElementsOf(texts(loaded));
        assertThat(owners(loaded, "www.example.com.")).containsOnly("www.example.com.");
    }

    @Test
    void aRecordAddedUnderAnOwnerTheFileSpellsInCapitalsTakesTheFilesSpellingAndTheZoneLoadsAgainUnchanged()
            throws Exception {
        // the same round trip through a change: the API's names are lower case, a hand-written file's
        // need not be, and one owner spelled two ways came back from the written file spelled one way
        Path file = dir.resolve("example.com.db");
        Files.writeString(file, """
                $TTL 300
                @ IN SOA ns1 hostmaster 1 3600 600 86400 300
                @ IN NS ns1
                ns1 IN A 192.0.2.53
                WWW IN A 192.0.2.1
                """);
        ZoneFiles files = new ZoneFiles(dir);

        ZoneContent changed = EmbeddedRecordUpdater.applyChanges(
                files.loadMaster(ZONE, file),
                List.of(
                        new RecordChange.Add(Records.a("www.example.com", "192.0.2.2")),
                        new RecordChange.Add(Records.aaaa("www.example.com", "2001:db8::2"))));
        ZoneContent reloaded = renderedAndLoadedAgain(files, changed);

        assertThat(texts(reloaded)).containsExactlyInAnyOrderElementsOf(texts(changed));
        assertThat(owners(changed, "www.example.com.")).containsOnly("WWW.example.com.");
    }

    private ZoneContent renderedAndLoadedAgain(ZoneFiles files, ZoneContent content) throws IOException {
        Path again = dir.resolve("again.db");
        Files.writeString(again, ZoneFiles.renderContent(ZONE, content));
        return files.loadMaster(ZONE, again);
    }

    private static List<String> owners(ZoneContent content, String owner) throws Exception {
        return content.rrsets(Name.fromString(owner)).values().stream()
                .flatMap(List::stream)
                .map(r -> r.getName().toString())
                .toList();
    }

    private static List<String> texts(ZoneContent content) {
        return content.records().stream().map(Record::toString).toList();
    }
}
