package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.ZoneName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import org.xbill.DNS.Generator;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
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
 *
 * <p>A file whose {@code $GENERATE} ranges make more than {@value #MOST_GENERATED} records is left
 * alone: a few bytes ({@code $GENERATE 1-106220 …}) make a large zone, whose load, render and reload
 * cost grows with its records (several seconds for 10⁵ records outside Jazzer on a loaded machine,
 * more than 60 s under its instrumentation, which traces every byte {@code Name.compareTo} compares), so
 * such inputs measure the zone's size, not a flaw of the loader, and stall the run.
 */
public final class ZoneFileFuzzTarget {
    private static final ZoneName ZONE = ZoneName.of("example.com");
    private static final Path DIR = FuzzZones.temporaryDirectory("bindsmith-fuzz-zonefile");
    private static final ZoneFiles FILES = new ZoneFiles(DIR);
    private static final Path FILE = DIR.resolve("example.com.db");
    private static final Path AGAIN = DIR.resolve("again.db");
    private static final long MOST_GENERATED = 1000;

    private ZoneFileFuzzTarget() {}

    public static void fuzzerTestOneInput(byte[] input) {
        try {
            ZoneFiles.parseStatement(ZONE, new String(input, StandardCharsets.UTF_8));
        } catch (IOException refused) {
            // a malformed statement: the zone is not loaded, and the log says so
        }
        if (generatedRecords(input) > MOST_GENERATED) {
            return;
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

    /**
     * The records the file's {@code $GENERATE} directives would make, read by the loader's own parser
     * with expansion off; up to a parse error, since the load expands the ranges before it refuses
     * the file.
     */
    private static long generatedRecords(byte[] input) {
        long count = 0;
        try (Master master = new Master(new ByteArrayInputStream(input), Name.root, 3600)) {
            master.disableIncludes(true);
            master.expandGenerate(false);
            try {
                while (master.nextRecord() != null) {
                    // only the directives count
                }
            } catch (IOException | RuntimeException unparsable) {
                // the load refuses the file after the directives before the error
            }
            for (Iterator<Generator> g = master.generators(); g.hasNext(); ) {
                Generator generator = g.next();
                count += (generator.end - generator.start) / Math.max(1, generator.step) + 1;
            }
        } catch (RuntimeException unreadable) {
            return 0;
        }
        return count;
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
