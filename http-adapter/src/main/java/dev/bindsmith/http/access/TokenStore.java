package dev.bindsmith.http.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tokens of a {@link TokensFile}, kept current: {@link #reload()} re-reads the file (on SIGHUP, and
 * from {@link #watch} whenever its size, time or identity changes). A file that no longer parses leaves
 * the tokens as they were and logs why; so does a file that cannot be read. A file that is gone holds no
 * token: deleting it revokes them all.
 */
public final class TokenStore implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("dev.bindsmith.http.access");

    /** What a reload did. */
    public sealed interface Reload {
        /** The file was read: {@code count} tokens now. */
        record Loaded(int count) implements Reload {}

        /** The file does not parse or cannot be read: the previous tokens stay. */
        record Kept(List<String> problems) implements Reload {
            public Kept {
                problems = List.copyOf(problems);
            }
        }
    }

    private final Optional<Path> file;
    private final AtomicReference<List<ScopedToken>> tokens = new AtomicReference<>(List.of());
    private final AtomicReference<Object> seen = new AtomicReference<>();
    private ScheduledExecutorService watcher;

    private TokenStore(Optional<Path> file) {
        this.file = file;
    }

    /** No tokens file: no scoped token. */
    public static TokenStore none() {
        return new TokenStore(Optional.empty());
    }

    /**
     * The tokens of {@code file}, read now.
     *
     * @throws IllegalArgumentException listing the problems, when the file does not parse at start (there
     *         are no previous tokens to keep)
     */
    public static TokenStore of(Path file) {
        TokenStore store = new TokenStore(Optional.of(file.toAbsolutePath()));
        if (store.reload() instanceof Reload.Kept kept) {
            throw new IllegalArgumentException(String.join("; ", kept.problems()));
        }
        return store;
    }

    public Optional<Path> file() {
        return file;
    }

    /** The tokens now: a snapshot, safe to use while the file changes. */
    public List<ScopedToken> current() {
        return tokens.get();
    }

    /** Reads the file again; on failure the tokens stay as they were, and the reason is logged. */
    public synchronized Reload reload() {
        if (file.isEmpty()) {
            return new Reload.Loaded(0);
        }
        Object stamp = stamp(file.get());
        Reload result = switch (TokensFile.read(file.get())) {
            case TokensFile.Read.Tokens ok -> {
                tokens.set(ok.tokens());
                yield new Reload.Loaded(ok.tokens().size());
            }
            case TokensFile.Read.Problems p -> new Reload.Kept(p.problems());
        };
        seen.set(stamp);
        switch (result) {
            case Reload.Loaded loaded ->
                LOG.info(() -> "tokens file " + file.get() + " read: " + loaded.count() + " token(s)");
            case Reload.Kept kept ->
                LOG.warning(() -> "tokens file " + file.get() + " does not parse; the previous "
                        + tokens.get().size() + " token(s) stay in force: " + String.join("; ", kept.problems()));
        }
        return result;
    }

    /** Re-reads the file whenever it changes, checked every {@code period}, until {@link #close()}. */
    public synchronized TokenStore watch(Duration period) {
        if (file.isEmpty() || watcher != null) {
            return this;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bindsmith-tokens-file");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, period.toMillis());
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reloads when the file's size, modification time or identity differ from the last read. */
    public void reloadIfChanged() {
        try {
            if (file.isPresent() && !Objects.equals(stamp(file.get()), seen.get())) {
                reload();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking the tokens file failed", e);
        }
    }

    /** What identifies a version of the file without reading it: identity, size and time (or its absence). */
    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(
                    String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return "absent";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }
}
