package dev.bindsmith.http.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.http.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit log as an append-only file of JSON lines ({@code BINDSMITH_AUDIT_LOG}), readable by its
 * owner only.
 *
 * <ul>
 * <li><b>Durable before answered.</b> {@link #append} returns once the entry's line is written and the
 *     file synced. Entries arriving together share one write and one sync (group commit): the caller
 *     that finds no write running writes whatever has queued up while the previous sync ran.</li>
 * <li><b>Never silently dropped.</b> When a write fails the entries stay queued, in order, and are
 *     written before any later one; {@link #ready()} tries them again, so a change is refused while its
 *     entry could not be recorded. A half-written group is cut back; a line torn by a crash is ended
 *     before the next one. What is still queued at {@link #close()} goes to the error log.</li>
 * <li><b>Rotated by size.</b> When the file reaches {@code maxBytes} it becomes {@code <file>.1} (the
 *     older ones {@code .2} … up to {@code keep}; the oldest is deleted).</li>
 * <li><b>Shared safely.</b> Writes and reads hold an exclusive lock on {@code <file>.lock}, so the
 *     server and a CLI command on the same machine never interleave or read a rotation halfway.</li>
 * </ul>
 */
public final class FileAuditLog implements AuditLog {
    private static final Logger LOG = Logger.getLogger("dev.bindsmith.http.audit");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** A JVM may not hold two file locks on one file: its own threads take this first. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final long maxBytes;
    private final int keep;
    private final ReentrantLock processLock;
    private final Queue<Request> queue = new ConcurrentLinkedQueue<>();
    /** Held by the caller that writes a group: one group at a time. */
    private final ReentrantLock leader = new ReentrantLock();
    /** Entries whose write failed, oldest first; touched only by the holder of {@link #leader}. */
    private final Deque<AuditEntry> unwritten = new ArrayDeque<>();

    private volatile boolean closed;

    /** Entries to write (none: only retry what is kept), and the answer: empty when written, else why not. */
    private record Request(List<AuditEntry> entries, CompletableFuture<Optional<String>> done) {}

    private FileAuditLog(Path file, long maxBytes, int keep) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.processLock = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    }

    /**
     * The log at {@code file} (its directory is made, mode 0700, when missing), rotated at {@code maxBytes}
     * keeping {@code keep} older files.
     *
     * @throws IOException when the file cannot be created or written: a server must not start without it
     */
    public static FileAuditLog open(Path file, long maxBytes, int keep) throws IOException {
        if (maxBytes < 1024 || keep < 1) {
            throw new IllegalArgumentException("maxBytes is at least 1024 and keep at least 1");
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it meanwhile
            }
        }
        FileAuditLog log = new FileAuditLog(absolute, maxBytes, keep);
        Optional<String> failure = log.write(List.of());
        if (failure.isPresent()) {
            throw new IOException("cannot write the audit log " + absolute + ": " + failure.get());
        }
        return log;
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<String> describe() {
        return Optional.of(file + " (rotated at " + maxBytes + " bytes, " + keep + " older files kept)");
    }

    @Override
    public Outcome<AuditEntry> append(AuditEntry entry) {
        return submit(List.of(entry))
                .<Outcome<AuditEntry>>map(why -> unavailable(why))
                .orElse(new Outcome.Ok<>(entry));
    }

    @Override
    public Outcome<String> ready() {
        return submit(List.of()).<Outcome<String>>map(why -> unavailable(why)).orElse(new Outcome.Ok<>("writable"));
    }

    /**
     * Queues the request, then writes, in this thread, every request queued so far unless another caller
     * is writing a group already: then this one waits for it, and finds its request answered or leads the
     * next group. No hand-over to another thread and back (each was a wake-up on this path).
     */
    private Optional<String> submit(List<AuditEntry> entries) {
        Request r = new Request(entries, new CompletableFuture<>());
        synchronized (this) {
            // queued before close() writes what is queued, or refused
            if (closed) {
                return Optional.of("the audit log is closed");
            }
            queue.add(r);
        }
        while (!r.done().isDone()) {
            leader.lock();
            try {
                if (!r.done().isDone()) {
                    writeGroup();
                }
            } finally {
                leader.unlock();
            }
        }
        return r.done().join();
    }

    private static <T> Outcome<T> unavailable(String why) {
        return new Outcome.Unavailable<>(ErrorCode.UNAVAILABLE, "The audit log cannot be written (" + why + ")");
    }

    /**
     * Writes what is queued (with what is kept from failed writes, first) as one group, and answers each
     * of its requests. Holds {@link #leader}. A caller's interrupt status is set aside meanwhile: a
     * {@link FileChannel} closes itself on an interrupt, which would fail the whole group's write.
     */
    private void writeGroup() {
        List<Request> group = new ArrayList<>();
        for (Request r = queue.poll(); r != null; r = queue.poll()) {
            group.add(r);
        }
        if (group.isEmpty()) {
            return;
        }
        List<AuditEntry> lines = new ArrayList<>(unwritten);
        for (Request r : group) {
            lines.addAll(r.entries());
        }
        boolean interrupted = Thread.interrupted();
        Optional<String> failure = Optional.of("the audit log's write failed unexpectedly");
        try {
            // with nothing to write (a ready() alone) the file is still opened: a log that cannot be opened
            // refuses the change before it is made
            failure = write(lines);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            // what failed is kept, and every request answered even when the write threw (an Error past
            // write()'s own catch): its callers would otherwise wait for ever
            unwritten.clear();
            if (failure.isPresent()) {
                unwritten.addAll(lines);
            }
            for (Request r : group) {
                r.done().complete(failure);
            }
        }
    }

    /** Appends {@code entries} as one write and one sync, then rotates if the file is full; the reason if not. */
    private Optional<String> write(List<AuditEntry> entries) {
        processLock.lock();
        try (FileChannel lockChannel =
                FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), owner())) {
            FileLock lock = lockChannel.lock();
            try {
                return writeLocked(entries);
            } finally {
                lock.release();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of(reason(e));
        } finally {
            processLock.unlock();
        }
    }

    private Optional<String> writeLocked(List<AuditEntry> entries) throws IOException {
        boolean created = !Files.exists(file);
        try (FileChannel out = FileChannel.open(
                file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ), owner())) {
            long before = out.size();
            boolean torn = before > 0 && !endsWithNewline(out, before);
            if (entries.isEmpty() && !torn) {
                return Optional.empty();
            }
            ByteBuffer bytes = lines(entries, torn);
            try {
                out.position(before);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(false);
            } catch (IOException e) {
                // no half group: what is kept will be written whole next time
                truncateQuietly(out, before);
                throw e;
            }
        }
        if (created) {
            syncDirectory();
        }
        if (Files.size(file) >= maxBytes) {
            rotate();
        }
        return Optional.empty();
    }

    private static ByteBuffer lines(List<AuditEntry> entries, boolean endTornLine) {
        List<byte[]> parts = new ArrayList<>();
        int size = endTornLine ? 1 : 0;
        for (AuditEntry e : entries) {
            byte[] line = e.line();
            parts.add(line);
            size += line.length + 1;
        }
        ByteBuffer all = ByteBuffer.allocate(size);
        if (endTornLine) {
            all.put((byte) '\n');
        }
        for (byte[] line : parts) {
            all.put(line).put((byte) '\n');
        }
        return all.flip();
    }

    private static boolean endsWithNewline(FileChannel out, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        out.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private static void truncateQuietly(FileChannel out, long size) {
        try {
            out.truncate(size);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not cut a failed audit write back", e);
        }
    }

    private void rotate() throws IOException {
        Files.deleteIfExists(rotated(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
    }

    private Path rotated(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private static FileAttribute<?>[] owner() {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(EnumSet.copyOf(OWNER_ONLY))};
    }

    /** Why a write failed, without the path: it goes into answers. */
    private static String reason(Exception e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.contains("/")) {
            return e.getClass().getSimpleName();
        }
        return m;
    }

    // ---- reading ----

    @Override
    public Outcome<AuditQuery.Page> read(AuditQuery query) {
        Optional<String> after;
        try {
            after = query.after().map(c -> new String(Base64.getUrlDecoder().decode(c), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return badCursor();
        }
        processLock.lock();
        try (FileChannel lockChannel =
                FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), owner())) {
            FileLock lock = lockChannel.lock();
            try {
                return readLocked(query, after);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            return new Outcome.Unavailable<>(ErrorCode.UNAVAILABLE, "The audit log cannot be read (" + reason(e) + ")");
        } finally {
            processLock.unlock();
        }
    }

    private Outcome<AuditQuery.Page> readLocked(AuditQuery query, Optional<String> after) throws IOException {
        List<AuditEntry> page = new ArrayList<>();
        boolean passed = after.isEmpty();
        boolean more = false;
        List<Path> files = new ArrayList<>();
        for (int i = keep; i >= 1; i--) {
            files.add(rotated(i));
        }
        files.add(file);
        for (Path f : files) {
            if (more) {
                break;
            }
            try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    Optional<AuditEntry> entry = parse(line);
                    if (entry.isEmpty()) {
                        continue;
                    }
                    if (!passed) {
                        passed = entry.get().id().equals(after.get());
                        continue;
                    }
                    if (query.matches(entry.get())) {
                        if (page.size() == query.limit()) {
                            more = true;
                            break;
                        }
                        page.add(entry.get());
                    }
                }
            } catch (NoSuchFileException e) {
                // not rotated that often yet
            }
        }
        if (!passed) {
            return badCursor();
        }
        Optional<String> next = more
                ? Optional.of(Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(page.getLast().id().getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();
        return new Outcome.Ok<>(new AuditQuery.Page(page, next));
    }

    private static Optional<AuditEntry> parse(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        return switch (Json.parse(line.getBytes(StandardCharsets.UTF_8))) {
            case Outcome.Ok<JsonNode> ok -> AuditEntry.fromJson(ok.value());
            case Outcome.Created<JsonNode> created -> AuditEntry.fromJson(created.value());
            case Outcome.Deleted<JsonNode> deleted -> Optional.empty();
            case Outcome.Failure<JsonNode> torn -> Optional.empty();
        };
    }

    private static <T> Outcome<T> badCursor() {
        return new Outcome.Invalid<>(
                ErrorCode.VALIDATION_FAILED,
                "Validation error",
                List.of(Violation.malformed(
                        "cursor", "The cursor is not one this server issued, or its entry was rotated away")),
                Map.of());
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Optional<String> failure;
        leader.lock();
        try {
            // what is kept from failed writes gets one last try, with anything still queued
            Request last = new Request(List.of(), new CompletableFuture<>());
            queue.add(last);
            writeGroup();
            failure = last.done().join();
        } finally {
            leader.unlock();
        }
        if (failure.isPresent()) {
            // the last place they can go: an operator can still copy them into the log
            for (AuditEntry e : unwritten) {
                LOG.severe("audit entry that could not be written to " + file + " (" + failure.get() + "): "
                        + new String(e.line(), StandardCharsets.UTF_8));
            }
        }
    }
}
