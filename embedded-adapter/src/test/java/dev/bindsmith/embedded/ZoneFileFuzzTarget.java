package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.ZoneName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.xbill.DNS.Record;

/**
 * Fuzz target: the files the embedded server reads back from its data directory at start and on
 * reload — a master file ({@link ZoneFiles#loadMaster}, dnsjava's parser with {@code $INCLUDE} off and
 * {@code $GENERATE} on) and a zone statement ({@link ZoneFiles#parseStatement}). What loads must
 * survive the server's own round trip: {@link ZoneFiles#renderContent} written and loaded again gives
 * the same records, or a zone the server wrote would not come back after a restart. A refusal is an
 * {@link IOException} (a parse error, which {@link ZoneEngine#load} reports as named does) or the
 * {@link IllegalArgumentException} of a zone without exactly one SOA at its apex. Corpus:
 * {@code fuzz/ZoneFileFuzzTarget/} (the writer's golden zone files, files the server wrote, statements).
 */
public final class ZoneFileFuzzTarget {
    private static final ZoneName ZONE = ZoneName.of("example.com");
    private static final Path DIR = FuzzZones.temporaryDirectory("bindsmith-fuzz-zonefile");
    private static final ZoneFiles FILES = new ZoneFiles(DIR);
    private static final Path FILE = DIR.resolve("example.com.db");
    private static final Path AGAIN = DIR.resolve("again.db");

    private ZoneFileFuzzTarget() {}

    public static void fuzzerTestOneInput(byte[] input) {
        try {
            ZoneFiles.parseStatement(ZONE, new String(input, StandardCharsets.UTF_8));
        } catch (IOException refused) {
            // a malformed statement: the zone is not loaded, and the log says so
        }
        ZoneContent content;
        try {
            Files.write(FILE, input);
            content = FILES.loadMaster(ZONE, FILE);
        } catch (IOException refused) {
            return;
        }
        String rendered = ZoneFiles.renderContent(ZONE, content);
        ZoneContent reloaded;
        try {
            Files.writeString(AGAIN, rendered);
            reloaded = FILES.loadMaster(ZONE, AGAIN);
        } catch (IOException e) {
            throw new IllegalStateException("a zone the server rendered does not load again: " + e, e);
        }
        if (!texts(reloaded).equals(texts(content))) {
            throw new IllegalStateException("a zone the server rendered loads again with other records");
        }
    }

    /** Each record as master-file text, TTL included; the order of the records does not matter. */
    private static Set<String> texts(ZoneContent content) {
        return content.records().stream().map(Record::toString).collect(Collectors.toSet());
    }

    static {
        try {
            Files.createDirectories(DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
