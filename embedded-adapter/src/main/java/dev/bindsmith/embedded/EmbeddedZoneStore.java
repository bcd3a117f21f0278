package dev.bindsmith.embedded;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.UnfinishedChange;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.file.AtomicFiles;
import dev.bindsmith.dns.index.ChangedZones;
import dev.bindsmith.dns.index.KeptList;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded server's zone store: a master file {@code <zone>.db} and a zone statement
 * {@code <zone>.zone} per zone in the data directory. Creating a zone does not serve it; that is
 * {@link EmbeddedNameServerControl#addZone}, as with named. A statement that says the zone is not
 * served is a create that did not finish (or a delete that did not), and a master file without a
 * statement is a file the store found; {@link #unfinished()} reports both for the reconcile. Which
 * zones there are is held in memory ({@link ZoneIndex}), so listing and paging read no file.
 */
public final class EmbeddedZoneStore implements ZoneStore {
    private static final Logger LOG = Logger.getLogger(EmbeddedZoneStore.class.getName());
    static final String SET_ASIDE_DIRECTORY = ".set-aside";
    private static final DateTimeFormatter SET_ASIDE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ZoneEngine engine;
    private final ZoneFiles files;
    private final ZoneIndex index;
    private final Function<ZoneSpec, String> renderer;
    private final AtomicInteger setAsideCounter = new AtomicInteger();

    EmbeddedZoneStore(ZoneEngine engine, Function<ZoneSpec, String> renderer) {
        this.engine = engine;
        this.files = engine.files;
        this.index = engine.index;
        this.renderer = renderer;
        this.listing = new KeptList<>(index.changes(), new Listing(List.of(), List.of()));
    }

    @Override
    public Outcome<StoredZone> create(ZoneSpec spec) {
        ZoneName zone = spec.name();
        return engine.changing(zone, () -> {
            Path master = files.masterFile(zone);
            Path statement = files.statementFile(zone);
            if (index.get(zone).isPresent() || engine.registry.get(zone).isPresent()) {
                return Outcome.zoneExists(zone.value(), "A zone named '" + zone + "' exists already");
            }
            if (Files.exists(statement) || Files.exists(master)) {
                // files nobody recorded (another process, an earlier tool): held as found from now on
                index.put(zone, new ZoneIndex.Entry(ZoneType.PRIMARY, null, false, true));
                return Outcome.zoneExists(zone.value(), "A zone named '" + zone + "' exists already");
            }
            boolean wroteMaster = false;
            try {
                if (spec.type() == ZoneType.PRIMARY) {
                    files.writeAtomically(master, renderer.apply(spec), true);
                    wroteMaster = true;
                    // a journal left beside a file of the same name (a crash) is not this zone's history
                    Files.deleteIfExists(JournalFiles.of(master));
                }
                ZoneConfig config = ZoneConfig.of(spec.type(), master.toString(), spec.options());
                files.writeStatement(new ZoneFiles.Statement(zone, config, false));
                index.put(zone, new ZoneIndex.Entry(spec.type(), null, false, false));
                return new Outcome.Ok<>(new StoredZone(zone, spec.type(), master.toString()));
            } catch (FileAlreadyExistsException e) {
                if (master.toString().equals(e.getFile())) {
                    // Another process created the file between the check and the link.
                    return Outcome.zoneExists(zone.value(), "A zone named '" + zone + "' exists already");
                }
                LOG.log(Level.WARNING, "writing zone " + zone + " failed", e);
                return writeFailed(zone, "Could not write the zone file of '" + zone + "'");
            } catch (IOException | RuntimeException e) {
                if (wroteMaster) {
                    deleteQuietly(master);
                }
                LOG.log(Level.WARNING, "writing zone " + zone + " failed", e);
                return writeFailed(zone, "Could not write the zone file of '" + zone + "'");
            }
        });
    }

    @Override
    public void created(ZoneName zone) {
        // serving is recorded by addzone; a found file that is now created is no longer only found
        index.get(zone)
                .filter(ZoneIndex.Entry::found)
                .ifPresent(e -> index.put(zone, new ZoneIndex.Entry(e.type(), e.file(), e.served(), false)));
    }

    @Override
    public Optional<StoredZone> find(ZoneName zone) {
        return index.get(zone).map(e -> stored(zone, e));
    }

    @Override
    public List<StoredZone> list() {
        return listing.current(
                        (before, changed) -> changed.isPresent() ? patched(before, changed.get()) : rebuilt(before))
                .zones();
    }

    /** Every zone, walking the index; a zone whose entry is the same instance as in {@code last} keeps its StoredZone. */
    private Listing rebuilt(Listing last) {
        List<StoredZone> before = last.zones();
        List<ZoneIndex.Entry> beforeEntries = last.entries();
        int n = index.zones().size();
        List<StoredZone> all = new ArrayList<>(n);
        List<ZoneIndex.Entry> entries = new ArrayList<>(n);
        int b = 0;
        for (var e : index.zones().entrySet()) {
            ZoneName name = e.getKey();
            // a zone whose statement is not read yet is read now (gone: not listed)
            Optional<ZoneIndex.Entry> read = index.read(name, e.getValue());
            if (read.isEmpty()) {
                continue;
            }
            ZoneIndex.Entry entry = read.get();
            // both in name order: the list before is walked alongside, and a zone whose index entry is
            // the same instance (not changed since) keeps its StoredZone
            while (b < before.size() && before.get(b).name().compareTo(name) < 0) {
                b++;
            }
            boolean same = b < before.size()
                    && beforeEntries.get(b) == entry
                    && before.get(b).name().equals(name);
            all.add(same ? before.get(b) : stored(name, entry));
            entries.add(entry);
        }
        return new Listing(List.copyOf(all), List.copyOf(entries));
    }

    /**
     * {@code last} with each of {@code changed} as the index holds it now: added, changed or taken out;
     * every other zone the same instance. Walking the whole index instead took most of a listing right
     * after a change at 100 000 zones (issue 11).
     */
    private Listing patched(Listing last, Set<ZoneName> changed) {
        if (changed.isEmpty()) {
            return last;
        }
        List<StoredZone> before = last.zones();
        List<ZoneIndex.Entry> beforeEntries = last.entries();
        List<ZoneName> names = new ArrayList<>(changed);
        names.sort(null);
        int size = before.size() + names.size();
        StoredZone[] all = new StoredZone[size];
        ZoneIndex.Entry[] entries = new ZoneIndex.Entry[size];
        int n = 0;
        int b = 0;
        for (ZoneName name : names) {
            int at = ChangedZones.firstNotBefore(before, name, b);
            int run = at - b;
            for (int k = 0; k < run; k++) {
                all[n + k] = before.get(b + k);
                entries[n + k] = beforeEntries.get(b + k);
            }
            n += run;
            b = at;
            boolean had = b < before.size() && before.get(b).name().equals(name);
            Optional<ZoneIndex.Entry> now = index.get(name);
            if (now.isPresent()) {
                all[n] = had && beforeEntries.get(b) == now.get() ? before.get(b) : stored(name, now.get());
                entries[n++] = now.get();
            }
            if (had) {
                b++;
            }
        }
        for (; b < before.size(); b++, n++) {
            all[n] = before.get(b);
            entries[n] = beforeEntries.get(b);
        }
        return new Listing(
                List.copyOf(Arrays.asList(all).subList(0, n)),
                List.copyOf(Arrays.asList(entries).subList(0, n)));
    }

    /** The list of every zone as {@link #list()} built it, with each zone's index entry. */
    private record Listing(List<StoredZone> zones, List<ZoneIndex.Entry> entries) {}

    /**
     * The last list of every zone: kept until the index changes, and the unchanged zones' instances
     * reused after a change, so that the HTTP layer can send a kept body again (issue 11: 100 000
     * zones listed at 466 ms when each listing built every zone afresh).
     */
    private final KeptList<Listing> listing;

    @Override
    public List<StoredZone> list(Optional<ZoneName> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<StoredZone> page = new ArrayList<>(Math.min(limit, 1024));
        var tail = after.isPresent() ? index.zones().tailMap(after.get(), false) : index.zones();
        for (var e : tail.entrySet()) {
            if (page.size() == limit) {
                break;
            }
            // a page reads only its own zones' statements when the start has not read them yet
            index.read(e.getKey(), e.getValue()).ifPresent(entry -> page.add(stored(e.getKey(), entry)));
        }
        return page;
    }

    @Override
    public int count() {
        return index.zones().size();
    }

    @Override
    public Outcome<StoredZone> delete(ZoneName zone) {
        return engine.changing(zone, () -> {
            if (index.get(zone).isEmpty()) {
                return Outcome.zoneNotFound(zone.value());
            }
            if (!usable()) {
                return unavailable();
            }
            try {
                Files.deleteIfExists(files.masterFile(zone));
                Files.deleteIfExists(files.journalFile(zone));
                Files.deleteIfExists(files.statementFile(zone));
                AtomicFiles.forceDirectory(files.dir());
                index.remove(zone);
                return new Outcome.Deleted<>();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "deleting zone " + zone + " failed", e);
                return writeFailed(zone, "Could not remove the files of '" + zone + "'");
            }
        });
    }

    /** Moves the zone's master file, journal and statement into {@code .set-aside/<time>/} of the data directory. */
    @Override
    public Outcome<StoredZone> setAside(ZoneName zone) {
        return engine.changing(zone, () -> {
            if (index.get(zone).isEmpty()) {
                return Outcome.zoneNotFound(zone.value());
            }
            if (!usable()) {
                return unavailable();
            }
            Path target = files.dir()
                    .resolve(SET_ASIDE_DIRECTORY)
                    .resolve(SET_ASIDE_TIME.format(engine.now()) + "-" + setAsideCounter.incrementAndGet());
            try {
                for (Path p : List.of(files.masterFile(zone), files.journalFile(zone), files.statementFile(zone))) {
                    if (Files.exists(p)) {
                        Files.createDirectories(target);
                        Files.move(p, target.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                AtomicFiles.forceDirectory(files.dir());
                index.remove(zone);
                LOG.info(() -> "zone " + zone + ": files no server serves were moved to "
                        + files.dir().relativize(target));
                return new Outcome.Deleted<>();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "setting zone " + zone + " aside failed", e);
                return writeFailed(zone, "Could not set the files of '" + zone + "' aside");
            }
        });
    }

    /** Zones whose statement says they are not served, and master files without one (found). */
    @Override
    public List<UnfinishedChange> unfinished() {
        index.addFound(files);
        List<UnfinishedChange> found = new ArrayList<>();
        index.zones()
                .forEach((zone, unread) -> index.read(zone, unread)
                        .ifPresent(e -> kind(e).ifPresent(k -> found.add(new UnfinishedChange(stored(zone, e), k)))));
        return found;
    }

    @Override
    public Optional<UnfinishedChange> unfinished(ZoneName zone) {
        return index.get(zone).flatMap(e -> kind(e).map(k -> new UnfinishedChange(stored(zone, e), k)));
    }

    private static Optional<UnfinishedChange.Kind> kind(ZoneIndex.Entry e) {
        if (e.found()) {
            return Optional.of(UnfinishedChange.Kind.FOUND);
        }
        return e.served() ? Optional.empty() : Optional.of(UnfinishedChange.Kind.CREATE);
    }

    @Override
    public String fileOf(ZoneName zone) {
        return files.masterFile(zone).toString();
    }

    @Override
    public Outcome<String> check() {
        return usable() ? new Outcome.Ok<>("zone directory writable") : unavailable();
    }

    /** The zone with its master file's path, by concatenation (a listing of 100 000 zones makes 100 000). */
    private StoredZone stored(ZoneName zone, ZoneIndex.Entry e) {
        return new StoredZone(zone, e.type(), e.file() == null ? files.masterFileName(zone) : e.file());
    }

    private boolean usable() {
        try {
            Files.createDirectories(files.dir());
            Path probe = Files.createTempFile(files.dir(), ".probe", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static <T> Outcome<T> unavailable() {
        return Outcome.unavailable("The zone directory is not writable");
    }

    /** Unavailable when the directory itself is the problem, ZONE_FILE_WRITE_FAILED otherwise. */
    private <T> Outcome<T> writeFailed(ZoneName zone, String details) {
        return usable() ? Outcome.zoneFileWriteFailed(zone.value(), details) : unavailable();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove a partly created zone file", e);
        }
    }
}
