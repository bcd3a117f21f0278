package dev.bindsmith.embedded;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every zone operation shares: the served zones and their per-zone locks, the data directory,
 * the clock, loading a zone from its file, and the background threads (transfers, NOTIFY, timers).
 * Each change of a zone runs under that zone's lock ({@link #changing}, {@link #changeZone}); what it
 * publishes is a new immutable {@link ZoneState}. The operations themselves live beside it:
 * {@link ZoneCommands} (rndc's zone commands), {@link SecondaryRefresh} (transfers from primaries),
 * {@link NotifySender} (NOTIFY to {@code also-notify}), {@link EmbeddedRecordUpdater} (changes to records).
 */
final class ZoneEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ZoneEngine.class.getName());

    final ZoneRegistry registry;
    final ZoneFiles files;
    final ZoneIndex index = new ZoneIndex();
    final Clock clock;
    /** Bounds of each zone's journal in memory (for IXFR): changes, and records in them. */
    final int journalChanges;

    final int journalRecords;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("bindsmith-secondary-timer").factory());
    private volatile boolean closed;

    ZoneEngine(ZoneRegistry registry, ZoneFiles files, Clock clock, int journalChanges, int journalRecords) {
        this.registry = registry;
        this.files = files;
        this.clock = clock;
        this.journalChanges = journalChanges;
        this.journalRecords = journalRecords;
    }

    Path fileOf(ZoneName zone, ZoneConfig config) {
        return config.file().map(files::resolve).orElseGet(() -> files.masterFile(zone));
    }

    /** The zone's state read from its file; a secondary without a file yet is held with no content. */
    Outcome<ZoneState> load(ZoneName zone, ZoneConfig config, String command) {
        return load(zone, config, command, true);
    }

    /**
     * As {@link #load(ZoneName, ZoneConfig, String)}; {@code journalMayExist} false when a listing of
     * the directory just showed the file has no journal, which then is not opened: at start that
     * saves a failed open, and its exception, for each of 100 000 zones.
     */
    Outcome<ZoneState> load(ZoneName zone, ZoneConfig config, String command, boolean journalMayExist) {
        Path file = fileOf(zone, config);
        ZoneConfig withFile = new ZoneConfig(config.type(), Optional.of(file.toString()), config.options(), "");
        if (config.type() == ZoneType.SECONDARY && !Files.exists(file)) {
            return new Outcome.Ok<>(new ZoneState(zone, withFile, Optional.empty(), false, Optional.empty()));
        }
        try {
            ZoneContent content = files.loadMaster(zone, file);
            // the changes since the master file was last written whole, which also make the IXFR history
            ZoneJournal journal = ZoneJournal.EMPTY;
            List<ZoneJournal.Delta> deltas = journalMayExist ? JournalFiles.read(JournalFiles.of(file)) : List.of();
            for (ZoneJournal.Delta delta : deltas) {
                if (delta.from().getSerial() != content.serial()) {
                    if (SerialNumbers.greater(delta.to().getSerial(), content.serial())) {
                        LOG.warning(() -> "zone " + zone + ": its journal does not continue from serial "
                                + delta.from().getSerial() + " of the file; the rest of it is not applied");
                        break;
                    }
                    continue; // written into the master file already
                }
                content = content.apply(delta);
                journal = journal.append(delta, journalChanges, journalRecords);
            }
            return new Outcome.Ok<>(
                    new ZoneState(zone, withFile, Optional.of(content), false, Optional.of(clock.instant()), journal));
        } catch (NoSuchFileException e) {
            return rejected(command, "file not found", "dns_zone_loadnew failed: file not found");
        } catch (IOException | RuntimeException e) {
            return rejected(command, "failure", "dns_zone_loadnew failed: " + cleanMessage(e));
        }
    }

    /**
     * Writes {@code content} as the zone's master file, whole, and removes its journal, whose changes
     * the file now holds: a compaction, a transfer, {@code sync} and {@code freeze}.
     */
    void writeWhole(ZoneName zone, ZoneConfig config, ZoneContent content) throws IOException {
        Path file = fileOf(zone, config);
        files.writeAtomically(file, ZoneFiles.renderContent(zone, content), false);
        Files.deleteIfExists(JournalFiles.of(file));
    }

    /** A loader's message without the file path (which may lie outside the data directory). */
    private String cleanMessage(Exception e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(": ");
        if (message.startsWith("/") && colon > 0) {
            message = message.substring(colon + 2);
        }
        return message.replace(files.dir().toString() + "/", "");
    }

    // ---- locking ----

    /** Runs a change of {@code zone} under its lock; once the server is closed, nothing changes any more. */
    <T> Outcome<T> changing(ZoneName zone, Supplier<Outcome<T>> action) {
        if (closed) {
            return shuttingDown();
        }
        return registry.locked(zone, () -> closed ? shuttingDown() : action.get());
    }

    /** As {@link #withZone}, for a command that changes the zone. */
    <T> Outcome<T> changeZone(ZoneName zone, Function<ZoneState, Outcome<T>> action) {
        return changing(zone, () -> registry.get(zone).map(action).orElseGet(() -> notFound(zone)));
    }

    /** Runs {@code action} on the zone under its lock, or NotFound. */
    <T> Outcome<T> withZone(ZoneName zone, Function<ZoneState, Outcome<T>> action) {
        return registry.locked(zone, () -> registry.get(zone).map(action).orElseGet(() -> notFound(zone)));
    }

    boolean isClosed() {
        return closed;
    }

    // ---- outcomes in named's words ----

    static <T> Outcome<T> shuttingDown() {
        return new Outcome.Unavailable<>(ErrorCode.SHUTTING_DOWN, "The embedded name server is shutting down");
    }

    /** named's answer for a zone it does not have. */
    static <T> Outcome<T> notFound(ZoneName zone) {
        return new Outcome.NotFound<>(
                ErrorCode.ZONE_NOT_FOUND,
                "Zone not found",
                "no matching zone '" + zone + "' in any view",
                Outcome.orderedPairs("zone", zone.value()));
    }

    /** named refused: its {@code err}, then its {@code text} on the same line when it sent one. */
    static <T> Outcome<T> rejected(String command, String err, String text) {
        return Outcome.backendRejected(command, text.isEmpty() ? err : err + ": " + text.replace('\n', ' '));
    }

    // ---- background work ----

    /** Runs {@code task} on a virtual thread; dropped once the server is closing. */
    void submit(Callable<?> task) {
        try {
            background.submit(task);
        } catch (RejectedExecutionException e) {
            LOG.fine("background task dropped: shutting down");
        }
    }

    /** Runs {@code task} every {@code interval} until the server closes; a failing run is logged, the next one still runs. */
    void every(Duration interval, String what, Runnable task) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, what + " failed", e);
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        background.shutdownNow();
        try {
            if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("zone transfers did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
