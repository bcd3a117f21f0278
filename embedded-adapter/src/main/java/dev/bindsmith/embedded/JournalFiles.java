package dev.bindsmith.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * A zone's journal on disk ({@code <file>.jnl}, beside its master file): each change since the master
 * file was last written whole, appended as one block and forced to disk before the change is
 * answered, so that a change costs its own records, not a rewrite of the zone. Text, one record per
 * line as in a master file:
 *
 * <pre>
 * ;; change 100 101
 * - example.com.	3600	IN	SOA	… 100 …
 * - www.example.com.	300	IN	A	192.0.2.1
 * + example.com.	3600	IN	SOA	… 101 …
 * + api.example.com.	60	IN	A	192.0.2.10
 * ;; end
 * </pre>
 *
 * A block without its end line (a crash while it was written, never answered) is ignored. At load
 * the blocks that continue from the master file's serial are applied in order; when the master
 * file is written whole (compaction, a transfer, {@code sync}, {@code freeze}) the journal is removed.
 */
final class JournalFiles {
    static final String SUFFIX = ".jnl";
    private static final String CHANGE = ";; change ";
    private static final String END = ";; end";

    private JournalFiles() {}

    static Path of(Path master) {
        return master.resolveSibling(master.getFileName() + SUFFIX);
    }

    /** Appends one change and forces it to disk; a journal created here is made durable with its directory. */
    static void append(Path journal, ZoneJournal.Delta delta) throws IOException {
        StringBuilder block = new StringBuilder(64 * (delta.size() + 2));
        block.append(CHANGE)
                .append(delta.from().getSerial())
                .append(' ')
                .append(delta.to().getSerial())
                .append('\n');
        block.append("- ").append(delta.from()).append('\n');
        delta.removed().forEach(r -> block.append("- ").append(r).append('\n'));
        block.append("+ ").append(delta.to()).append('\n');
        delta.added().forEach(r -> block.append("+ ").append(r).append('\n'));
        block.append(END).append('\n');
        boolean created = !Files.exists(journal);
        try (FileChannel ch = FileChannel.open(
                journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(block.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(false);
        }
        if (created) {
            forceDirectory(journal.toAbsolutePath().getParent());
        }
    }

    /** The complete changes of a journal, in order; none when there is no journal. */
    static List<ZoneJournal.Delta> read(Path journal) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<ZoneJournal.Delta> deltas = new ArrayList<>();
        StringBuilder removed = null;
        StringBuilder added = null;
        for (String line : lines) {
            if (line.startsWith(CHANGE)) {
                removed = new StringBuilder();
                added = new StringBuilder();
            } else if (line.equals(END) && removed != null) {
                deltas.add(delta(parse(removed), parse(added)));
                removed = null;
                added = null;
            } else if (removed != null && line.startsWith("- ")) {
                removed.append(line, 2, line.length()).append('\n');
            } else if (added != null && line.startsWith("+ ")) {
                added.append(line, 2, line.length()).append('\n');
            }
        }
        return deltas;
    }

    private static ZoneJournal.Delta delta(List<Record> removed, List<Record> added) throws IOException {
        if (removed.isEmpty()
                || added.isEmpty()
                || !(removed.getFirst() instanceof SOARecord from)
                || !(added.getFirst() instanceof SOARecord to)) {
            throw new IOException("a journal block does not start with the SOAs of its change");
        }
        return new ZoneJournal.Delta(from, removed.subList(1, removed.size()), to, added.subList(1, added.size()));
    }

    private static List<Record> parse(StringBuilder text) throws IOException {
        List<Record> records = new ArrayList<>();
        try (Master master =
                new Master(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), Name.root, 0)) {
            master.disableIncludes(true);
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        }
        return records;
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory: the journal's own data is forced already
        }
    }
}
