package dev.bindsmith.rndc.bind;

import dev.bindsmith.dns.file.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The append-only log of the zones a {@link FileZoneStore} holds, one line per change
 * ({@code <op> <zone> <type>}), with group commit: callers that commit at the same time share one
 * fsync of the log and one of the zone directory, and each caller's file step (linking its master file
 * into place) runs between the two, so a file never becomes durable before the line that explains it.
 *
 * <p>Every process that opens the log holds a shared lock on it; the log is compacted (rewritten with
 * one line per zone) only by a process that can take it exclusively, so that no other process goes on
 * appending to a file that was replaced. Lines another process appends are read on the next
 * {@link #readNew()}.
 */
final class ZoneLog implements AutoCloseable {

    /** A step on the file system that becomes durable with the directory: linking, unlinking, moving. */
    @FunctionalInterface
    interface FileStep {
        void run() throws IOException;
    }

    private static final String HEADER = "# bindsmith zone log 1\n";

    private final Path file;
    private final Path zoneDirectory;
    /** Reads the log (and holds the shared lock); writes go through {@link #appender}, always at the end. */
    private final FileChannel channel;

    private final FileChannel appender;
    private final Object fileKey;
    /** Held while open, so that no other process compacts the log under this one; null when this JVM holds it already. */
    @SuppressWarnings("unused")
    private final FileLock shared;

    private final ReentrantLock commitLock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Commit> queue = new ConcurrentLinkedQueue<>();
    private final Object readLock = new Object();
    private long readPosition;

    private static final class Commit {
        final String line;
        final FileStep step;
        final boolean syncDirectory;
        boolean done;
        IOException failure;

        Commit(String line, FileStep step, boolean syncDirectory) {
            this.line = line;
            this.step = step;
            this.syncDirectory = syncDirectory;
        }
    }

    private ZoneLog(Path file, Path zoneDirectory, FileChannel channel, FileChannel appender, FileLock shared)
            throws IOException {
        this.file = file;
        this.zoneDirectory = zoneDirectory;
        this.channel = channel;
        this.appender = appender;
        this.shared = shared;
        this.fileKey = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
    }

    /** An opened log and its lines (after compaction, when it was compacted). */
    record Opened(ZoneLog log, List<String> lines) {}

    /**
     * Opens (creating when absent) the log at {@code file}. When no other process has it open,
     * {@code compactor} may give the log's content in a shorter form (one line per zone), which then
     * replaces it; empty leaves it as it is.
     */
    static Opened open(Path file, Path zoneDirectory, Function<List<String>, Optional<List<String>>> compactor)
            throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            AtomicFiles.replace(file, HEADER);
        }
        FileChannel appender = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            FileLock exclusive = lock(appender, false);
            if (exclusive != null) {
                List<String> lines = read(channel);
                Optional<List<String>> compacted = compactor.apply(lines);
                if (compacted.isPresent()) {
                    StringBuilder text = new StringBuilder(HEADER);
                    compacted.get().forEach(l -> text.append(l).append('\n'));
                    AtomicFiles.replace(file, text.toString());
                    // the lock was on the replaced file: closing both releases it
                    appender.close();
                    channel.close();
                    appender = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    channel = FileChannel.open(file, StandardOpenOption.READ);
                } else {
                    exclusive.release();
                }
            }
            ZoneLog log = new ZoneLog(file, zoneDirectory, channel, appender, lock(channel, true));
            return new Opened(log, log.readAll());
        } catch (IOException | RuntimeException e) {
            appender.close();
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    private static List<String> read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, channel.size()));
        long at = 0;
        while (buffer.hasRemaining() && channel.read(buffer, at) > 0) {
            at = buffer.position();
        }
        return lines(buffer.flip()).lines();
    }

    /** Whole lines of {@code buffer} and how many bytes they took (a torn last line is left out). */
    private record Lines(List<String> lines, int consumed) {}

    private static Lines lines(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return new Lines(lines, start);
    }

    /** The lines of the log as they are now, from the start; a torn last line (no newline) is left out. */
    List<String> readAll() throws IOException {
        synchronized (readLock) {
            readPosition = 0;
            return readFrom();
        }
    }

    /**
     * The lines appended since the last read: another process's, and this one's when they came after
     * another's or their fsync failed.
     */
    List<String> readNew() throws IOException {
        synchronized (readLock) {
            if (channel.size() == readPosition) {
                return List.of();
            }
            return readFrom();
        }
    }

    private List<String> readFrom() throws IOException {
        long size = channel.size();
        if (size <= readPosition) {
            return List.of();
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, size - readPosition));
        long at = readPosition;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n <= 0) {
                break;
            }
            at += n;
        }
        Lines read = lines(buffer.flip());
        readPosition += read.consumed();
        return read.lines();
    }

    /**
     * Appends {@code line} and makes it durable, then runs {@code step} (may be null) and, when
     * {@code syncDirectory}, makes the zone directory's entries durable. Returns once all of it is on
     * disk; concurrent callers share the fsyncs.
     *
     * @throws IOException when the line could not be made durable, or this caller's step failed (its
     *     line is durable all the same: the caller records the undo)
     */
    void commit(String line, FileStep step, boolean syncDirectory) throws IOException {
        Commit mine = new Commit(line, step, syncDirectory);
        queue.add(mine);
        commitLock.lock();
        try {
            if (!mine.done) {
                runBatch();
            }
        } finally {
            commitLock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Appends {@code line} without waiting for it to reach the disk: the next commit takes it along. */
    void append(String line) throws IOException {
        checkSameFile();
        write(line + "\n");
    }

    private void runBatch() {
        List<Commit> batch = new ArrayList<>();
        for (Commit c = queue.poll(); c != null; c = queue.poll()) {
            batch.add(c);
        }
        try {
            checkSameFile();
            StringBuilder lines = new StringBuilder();
            batch.forEach(c -> lines.append(c.line).append('\n'));
            Written written = write(lines.toString());
            try {
                appender.force(false);
            } catch (IOException e) {
                // its callers are told their change failed and keep their index as it was: the lines, in
                // the file all the same, are read back like another process's, as the next start reads them
                readAgain(written);
                throw e;
            }
        } catch (IOException e) {
            batch.forEach(c -> c.failure = e);
            batch.forEach(c -> c.done = true);
            return;
        }
        boolean syncDirectory = false;
        for (Commit c : batch) {
            if (c.step != null) {
                try {
                    c.step.run();
                } catch (IOException e) {
                    c.failure = e;
                }
            }
            syncDirectory |= c.syncDirectory;
        }
        if (syncDirectory) {
            try (FileChannel dir = FileChannel.open(zoneDirectory, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                for (Commit c : batch) {
                    if (c.syncDirectory && c.failure == null) {
                        c.failure = e;
                    }
                }
            }
        }
        batch.forEach(c -> c.done = true);
    }

    /**
     * Appends {@code text}; returns where reading stands after it, and how many of its bytes reading
     * skips. This process's own lines are not read back when nothing unread comes before them: its
     * index holds them already, and a line read back after the index had moved on (a create's line read
     * after the zone was confirmed) put the zone back into the state it had left until the next line
     * was read.
     */
    private Written write(String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        int length = buffer.remaining();
        synchronized (readLock) {
            long before = channel.size();
            while (buffer.hasRemaining()) {
                appender.write(buffer);
            }
            // another process's append before or after ours changes the size by more: then all is read
            if (readPosition == before && channel.size() == before + length) {
                readPosition = before + length;
                return new Written(readPosition, length);
            }
            return new Written(readPosition, 0);
        }
    }

    /** The read position after a {@link #write}, and how many bytes of it the reads skip. */
    private record Written(long end, int skipped) {}

    /** Undoes a {@link #write}'s skip, unless something was read or skipped since. */
    private void readAgain(Written written) {
        synchronized (readLock) {
            if (written.skipped() > 0 && readPosition == written.end()) {
                readPosition = written.end() - written.skipped();
            }
        }
    }

    /**
     * The log is still the file this process opened: a directory that was removed (and perhaps made
     * again) would otherwise take lines into a file nobody will read.
     */
    void checkSameFile() throws IOException {
        Object now = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
        if (!Objects.equals(now, fileKey)) {
            throw new java.nio.file.NoSuchFileException(
                    file.getFileName().toString(), null, "the zone log was replaced");
        }
    }

    /** A lock on the whole log, or null when another holder (process, or store in this process) prevents it. */
    private static FileLock lock(FileChannel channel, boolean shared) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            appender.close();
            channel.close(); // releases the lock
        } catch (IOException e) {
            // the lines were committed (or the callers were told they were not); nothing is left to do
        }
    }
}
