package dev.bindsmith.testing.memory;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.UnfinishedChange;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ZoneStore} over an in-memory zone directory ({@code /memory/zones} unless told otherwise).
 * A primary's master file is kept as text at {@code <dir>/<zone>.zone}, rendered by core's
 * {@link ZoneFileWriter} as the file store writes it; tests may put other files
 * (a journal, a stray file) with {@link #writeFile} and compare {@link #files()} before and after.
 * Creates and deletes are unfinished until {@link #created} (or {@link #delete}), as the port says;
 * {@link #leaveFile} puts a file no create wrote.
 * Faults a test can switch on: failed writes, failed deletes, an unusable directory. Every call is
 * logged in {@link #operations()}, so a test can prove the store was never touched.
 * Thread-safe; {@link #create} never overwrites.
 */
public final class InMemoryZoneStore implements ZoneStore, ZoneFileSource {

    public static final String DEFAULT_DIRECTORY = "/memory/zones";

    private final String directory;
    private final TreeMap<ZoneName, Entry> zones = new TreeMap<>();
    private final TreeMap<String, String> files = new TreeMap<>();
    private final List<String> operations = new ArrayList<>();
    private boolean failWrites;
    private boolean failDeletes;
    private boolean unusable;

    private record Entry(StoredZone stored, ZoneSpec spec, Optional<UnfinishedChange.Kind> unfinished) {
        Entry with(Optional<UnfinishedChange.Kind> kind) {
            return new Entry(stored, spec, kind);
        }
    }

    private final TreeMap<String, String> setAside = new TreeMap<>();

    public InMemoryZoneStore() {
        this(DEFAULT_DIRECTORY);
    }

    /** A store whose files live under {@code directory}, an absolute path without a trailing slash. */
    public InMemoryZoneStore(String directory) {
        if (!directory.startsWith("/") || directory.endsWith("/")) {
            throw new IllegalArgumentException("an absolute directory without a trailing slash");
        }
        this.directory = directory;
    }

    @Override
    public synchronized Outcome<StoredZone> create(ZoneSpec spec) {
        ZoneName name = spec.name();
        operations.add("create " + name);
        if (unusable) {
            return Outcome.unavailable("The zone directory is not usable");
        }
        String file = fileOf(name);
        if (zones.containsKey(name)) {
            return Outcome.zoneExists(name.value(), "Zone '" + name + "' exists already");
        }
        if (files.containsKey(file)) {
            return Outcome.zoneExists(name.value(), "A master file for zone '" + name + "' exists already");
        }
        if (failWrites) {
            return Outcome.zoneFileWriteFailed(name.value(), "Could not write the master file of zone '" + name + "'");
        }
        StoredZone stored = new StoredZone(name, spec.type(), file);
        zones.put(name, new Entry(stored, spec, Optional.of(UnfinishedChange.Kind.CREATE)));
        if (spec.type() == ZoneType.PRIMARY) {
            files.put(file, ZoneFileWriter.render(spec));
        }
        return new Outcome.Ok<>(stored);
    }

    @Override
    public synchronized void created(ZoneName zone) {
        operations.add("created " + zone);
        zones.computeIfPresent(zone, (z, e) -> e.with(Optional.empty()));
    }

    @Override
    public synchronized Outcome<StoredZone> deleting(ZoneName zone) {
        operations.add("deleting " + zone);
        Entry entry = zones.get(zone);
        if (entry == null) {
            return Outcome.zoneNotFound(zone.value());
        }
        if (unusable) {
            return Outcome.unavailable("The zone directory is not usable");
        }
        zones.put(zone, entry.with(Optional.of(UnfinishedChange.Kind.DELETE)));
        return new Outcome.Ok<>(entry.stored());
    }

    @Override
    public synchronized Outcome<StoredZone> setAside(ZoneName zone) {
        operations.add("setAside " + zone);
        Entry entry = zones.get(zone);
        if (entry == null) {
            return Outcome.zoneNotFound(zone.value());
        }
        if (unusable) {
            return Outcome.unavailable("The zone directory is not usable");
        }
        zones.remove(zone);
        for (String suffix : List.of("", ".jnl")) {
            String f = entry.stored().file() + suffix;
            if (files.containsKey(f)) {
                setAside.put(f, files.remove(f));
            }
        }
        return new Outcome.Deleted<>();
    }

    @Override
    public synchronized List<UnfinishedChange> unfinished() {
        operations.add("unfinished");
        return zones.values().stream()
                .filter(e -> e.unfinished().isPresent())
                .map(e -> new UnfinishedChange(e.stored(), e.unfinished().get()))
                .toList();
    }

    @Override
    public synchronized Optional<UnfinishedChange> unfinished(ZoneName zone) {
        operations.add("unfinished " + zone);
        Entry e = zones.get(zone);
        return e == null ? Optional.empty() : e.unfinished().map(kind -> new UnfinishedChange(e.stored(), kind));
    }

    @Override
    public synchronized int count() {
        operations.add("count");
        return zones.size();
    }

    @Override
    public synchronized Optional<StoredZone> find(ZoneName zone) {
        operations.add("find " + zone);
        return Optional.ofNullable(zones.get(zone)).map(Entry::stored);
    }

    @Override
    public synchronized List<StoredZone> list() {
        operations.add("list");
        return zones.values().stream().map(Entry::stored).toList();
    }

    @Override
    public synchronized Outcome<StoredZone> delete(ZoneName zone) {
        operations.add("delete " + zone);
        Entry entry = zones.get(zone);
        if (entry == null) {
            return Outcome.zoneNotFound(zone.value());
        }
        if (unusable) {
            return Outcome.unavailable("The zone directory is not usable");
        }
        if (failDeletes) {
            return Outcome.zoneFileWriteFailed(zone.value(), "Could not remove the master file of zone '" + zone + "'");
        }
        zones.remove(zone);
        files.remove(entry.stored().file());
        files.remove(entry.stored().file() + ".jnl");
        return new Outcome.Deleted<>();
    }

    @Override
    public String fileOf(ZoneName zone) {
        return directory + "/" + zone.value() + ".zone";
    }

    @Override
    public synchronized Outcome<String> check() {
        operations.add("check");
        return unusable ? Outcome.unavailable("The zone directory is not usable") : new Outcome.Ok<>("ok");
    }

    /** The zone whose master file is at {@code file}: what the in-memory name server loads. */
    @Override
    public synchronized Optional<ZoneSpec> load(String file) {
        if (!files.containsKey(file)) {
            return Optional.empty();
        }
        return zones.values().stream()
                .filter(e -> e.stored().file().equals(file))
                .map(Entry::spec)
                .findFirst();
    }

    // ---- for tests ----

    /**
     * A master file of {@code spec} in the directory that no create of this store wrote (an earlier
     * tool's, or a crash's): held as a found file ({@link UnfinishedChange.Kind#FOUND}).
     */
    public synchronized InMemoryZoneStore leaveFile(ZoneSpec spec) {
        StoredZone stored = new StoredZone(spec.name(), ZoneType.PRIMARY, fileOf(spec.name()));
        zones.put(spec.name(), new Entry(stored, spec, Optional.of(UnfinishedChange.Kind.FOUND)));
        files.put(stored.file(), ZoneFileWriter.render(spec));
        return this;
    }

    /** The files {@link #setAside} moved out of the way, path to text. */
    public synchronized Map<String, String> setAsideFiles() {
        return Map.copyOf(setAside);
    }

    /** The text of the zone's master file, when there is one. */
    public synchronized Optional<String> masterFile(ZoneName zone) {
        return Optional.ofNullable(files.get(fileOf(zone)));
    }

    /** Every file in the directory, path to text, sorted by path. */
    public synchronized Map<String, String> files() {
        return Map.copyOf(files);
    }

    /** Puts a file as named (a journal) or an operator (a stray file) would; the store does not hold it as a zone. */
    public synchronized void writeFile(String path, String text) {
        if (!path.startsWith(directory + "/")) {
            throw new IllegalArgumentException("outside the zone directory: " + path);
        }
        files.put(path, text);
    }

    /** Every call so far ({@code create example.com}, {@code find example.com}, {@code list} …), in order. */
    public synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    /** {@link #create} fails with {@code ZONE_FILE_WRITE_FAILED} and leaves nothing behind. */
    public synchronized InMemoryZoneStore failWrites(boolean on) {
        failWrites = on;
        return this;
    }

    /** {@link #delete} of a zone it holds fails with {@code ZONE_FILE_WRITE_FAILED} and removes nothing. */
    public synchronized InMemoryZoneStore failDeletes(boolean on) {
        failDeletes = on;
        return this;
    }

    /** {@link #check} and {@link #create} are Unavailable, as with a zone directory that is gone or read-only. */
    public synchronized InMemoryZoneStore unusable(boolean on) {
        unusable = on;
        return this;
    }

    public String directory() {
        return directory;
    }
}
