package dev.bindsmith.rndc.bind;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.UnfinishedChange;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.file.AtomicFiles;
import dev.bindsmith.dns.index.ChangedZones;
import dev.bindsmith.dns.index.KeptList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ZoneStore} over a zone directory that named reads (BIND's {@code BIND_ZONE_DIR}).
 *
 * <ul>
 * <li>A primary's master file is {@code <dir>/<zone>.zone}. A secondary gets no file from us; named
 *     writes the transferred data to the same name (the {@code file} that addzone is given). A zone
 *     whose name is too long for that (named adds {@code .signed.jnl} and a file name holds 255
 *     bytes) gets {@code <first 200 characters>~<16 hex digits of its SHA-256>.zone}.</li>
 * <li>Which zones bindsmith manages, their type, and whether a create or delete of each is
 *     unfinished, is kept in memory (so that listing and paging cost nothing on disk) and in an
 *     append-only log {@code <dir>/.bindsmith/zones.log} ({@link ZoneLog}), read at start and
 *     compacted then. A {@code <zone>.zone} the log does not explain (a directory an earlier tool such
 *     as bindcar filled, or the sidecar files of earlier bindsmith versions, which are folded into the
 *     log) is held as found, and listed as a primary.</li>
 * <li>A create is durable before the name server hears of it: the master file is written to a
 *     temporary file and forced to disk, the log line that begins the create is forced, then the file
 *     is linked into place and the directory forced (concurrent creates share those two fsyncs: group
 *     commit). A crash at any point leaves either nothing, a temporary file (removed at the next
 *     start), or a create the log calls unfinished, which the reconcile settles with named. A master
 *     file is never replaced: {@link #create} of a zone whose file exists is a {@code Conflict} that
 *     touches nothing.</li>
 * <li>Journals: named replays {@code <zone>.zone.jnl} onto the file it belongs to, so a journal left
 *     by an earlier zone of the same name is removed before a new zone is written; a live zone's
 *     journal is never touched by a create. Delete removes the file, its journal, the journal
 *     backup ({@code .jbk}) and inline-signing's {@code .signed} files; {@link #setAside} moves them
 *     into {@code .bindsmith/set-aside/<time>/} instead.</li>
 * <li>When the directory cannot be written (gone, read-only, full), the writes are
 *     {@code Unavailable} and the reads answer from memory.</li>
 * <li>Every path is resolved inside the directory (canonicalized once, at construction); error
 *     details name files relative to it and never print a path outside it.</li>
 * </ul>
 */
public final class FileZoneStore implements ZoneStore, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FileZoneStore.class.getName());

    static final String ZONE_SUFFIX = ".zone";
    static final String STATE_DIRECTORY = ".bindsmith";
    static final String LOG_FILE = "zones.log";
    static final String SET_ASIDE_DIRECTORY = "set-aside";
    /** What {@link #delete} removes beside {@code <zone>.zone}; named writes these next to the master file. */
    static final List<String> COMPANION_SUFFIXES = List.of(".jnl", ".jbk", ".signed", ".signed.jnl");
    /** The longest name named derives from a master file's: {@code <file>.signed.jnl}. */
    static final int LONGEST_COMPANION = ".signed.jnl".length();

    static final int MAX_FILE_NAME = 255;
    static final int LONG_NAME_PREFIX = 200;
    /** A temporary file older than this at start belongs to no write still running. */
    static final Duration STALE_TEMPORARY = Duration.ofMinutes(1);

    private static final Pattern SIDECAR_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"(primary|secondary)\"");
    private static final DateTimeFormatter SET_ASIDE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    /** Temporary files of failed writes that could not be removed at the time (names in {@link #directory}). */
    private final Set<String> leftTemporaries = ConcurrentHashMap.newKeySet();

    private final Path stateDirectory;
    /** The directory with its separator: where every master file's path starts. */
    private final String directoryPrefix;

    private final Function<ZoneSpec, String> renderer;
    private final Clock clock;
    private final AtomicInteger setAsideCounter = new AtomicInteger();
    private final Object openLock = new Object();
    /**
     * The index. Every change to it is followed by {@link #changedZones}' {@code note} (or
     * {@code noteAll}), which tells {@link #list()} which zones to look at again.
     */
    private final ConcurrentNavigableMap<ZoneName, Entry> zones = new ConcurrentSkipListMap<>();
    /** The changes to {@link #zones}, counted, and the zones they touched since the list was last built. */
    private final ChangedZones changedZones = new ChangedZones();
    /** The last list of every zone (issue 11). */
    private final KeptList<List<StoredZone>> listing = new KeptList<>(changedZones, List.of());
    /** Held while the log's new lines are read and applied to the index ({@link #catchUp()}). */
    private final Object catchUpLock = new Object();

    private volatile ZoneLog log;
    /** When the log may next be opened again after it was found unusable (System.nanoTime). */
    private volatile long nextReopen;

    /** How often an unusable directory is looked at again: reopening reads the whole directory. */
    static final Duration REOPEN_INTERVAL = Duration.ofSeconds(1);

    /** Where a zone stands in the store. */
    enum State {
        /** Its create began (files written); the name server has not confirmed it. */
        CREATING("+"),
        /** Created and confirmed. */
        LIVE("="),
        /** Its delete began. */
        DELETING("~"),
        /** Its master file is in the directory, but no create of this store wrote it. */
        FOUND(""),
        /** Deleted: only in the log. */
        DELETED("-");

        final String op;

        State(String op) {
            this.op = op;
        }

        static Optional<State> ofOp(String op) {
            for (State s : values()) {
                if (!s.op.isEmpty() && s.op.equals(op)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    record Entry(ZoneType type, State state) {}

    /**
     * A store over {@code directory}, which must exist and be a directory; it is canonicalized here
     * (symbolic links resolved), so later path checks compare real paths. Master files are written
     * by {@link ZoneFileWriter}.
     */
    public FileZoneStore(Path directory) {
        this(directory, ZoneFileWriter::render);
    }

    /** As {@link #FileZoneStore(Path)}, with another master-file writer (tests, custom layouts). */
    public FileZoneStore(Path directory, Function<ZoneSpec, String> renderer) {
        this(directory, renderer, Clock.systemUTC());
    }

    /** As {@link #FileZoneStore(Path, Function)}; {@code clock} names set-aside directories and ages temporary files. */
    public FileZoneStore(Path directory, Function<ZoneSpec, String> renderer, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.directory = directory.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("the zone directory does not exist: " + directory, e);
        }
        if (!Files.isDirectory(this.directory)) {
            throw new IllegalArgumentException("the zone directory is not a directory: " + directory);
        }
        this.stateDirectory = this.directory.resolve(STATE_DIRECTORY);
        String separator = this.directory.getFileSystem().getSeparator();
        String dir = this.directory.toString();
        this.directoryPrefix = dir.endsWith(separator) ? dir : dir + separator;
        this.nextReopen = System.nanoTime();
        synchronized (openLock) {
            load(true);
        }
    }

    /** The canonical zone directory. */
    public Path directory() {
        return directory;
    }

    // ---- ZoneStore ----

    @Override
    public Outcome<StoredZone> create(ZoneSpec spec) {
        ZoneName name = spec.name();
        Optional<ZoneLog> open = usableLog();
        if (open.isEmpty()) {
            return directoryUnavailable();
        }
        ZoneLog zoneLog = open.get();
        removeLeftTemporaries();
        Path file = inside(fileName(name));
        if (zones.putIfAbsent(name, new Entry(spec.type(), State.CREATING)) != null) {
            return Outcome.zoneExists(name.value(), "Zone '" + name + "' exists already");
        }
        changedZones.note(name);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            // a file nobody recorded (another tool, after this store opened): held as found from now on
            zones.put(name, new Entry(ZoneType.PRIMARY, State.FOUND));
            changedZones.note(name);
            return Outcome.zoneExists(
                    name.value(), "A master file for zone '" + name + "' exists already (" + file.getFileName() + ")");
        }
        String step = "remove the stale journal of zone '" + name + "'";
        Path tmp = null;
        try {
            // no zone of this name exists, so a journal here belongs to an earlier one: named
            // would replay it onto the new file
            for (String suffix : List.of(".jnl", ".jbk")) {
                Files.deleteIfExists(inside(file.getFileName() + suffix));
            }
            ZoneLog.FileStep link = null;
            if (spec.type() == ZoneType.PRIMARY) {
                step = "write the master file " + file.getFileName();
                String text = renderer.apply(spec);
                // named before it exists: a write that fails while the directory is moved away leaves
                // it where only its name finds it again (removeTemporary keeps the name)
                Path prepared = AtomicFiles.temporaryName(directory);
                tmp = prepared;
                AtomicFiles.writeTemporary(prepared, text);
                link = () -> AtomicFiles.linkNew(prepared, file);
            }
            step = "record zone '" + name + "'";
            zoneLog.commit(line(State.CREATING, name, spec.type()), link, link != null);
        } catch (FileAlreadyExistsException e) {
            // another process created the file between our check and our link
            forget(zoneLog, name);
            return Outcome.zoneExists(name.value(), "Zone '" + name + "' exists already");
        } catch (IOException | UncheckedIOException e) {
            forget(zoneLog, name);
            return writeFailed(name, "Could not " + step + ": " + reason(e));
        } finally {
            removeTemporary(tmp);
        }
        return new Outcome.Ok<>(stored(name, spec.type()));
    }

    /** Undoes a create that failed before the name server heard of it (its log line may be durable). */
    private void forget(ZoneLog zoneLog, ZoneName name) {
        Entry entry = zones.remove(name);
        changedZones.note(name);
        try {
            zoneLog.append(line(State.DELETED, name, entry == null ? ZoneType.PRIMARY : entry.type()));
        } catch (IOException e) {
            // the create stays unfinished in the log, with no file: the next start forgets it
            LOG.log(Level.FINE, "could not record that the create of " + name + " was undone", e);
        }
    }

    @Override
    public void created(ZoneName zone) {
        Entry entry = zones.computeIfPresent(zone, (z, e) -> new Entry(e.type(), State.LIVE));
        if (entry == null) {
            return;
        }
        changedZones.note(zone);
        try {
            ZoneLog zoneLog = log;
            if (zoneLog != null) {
                zoneLog.append(line(State.LIVE, zone, entry.type()));
            }
        } catch (IOException e) {
            // not durable yet is fine: the zone looks unfinished after a crash and is asked about again
            LOG.log(Level.FINE, "could not record that zone " + zone + " was created", e);
        }
    }

    @Override
    public Outcome<StoredZone> deleting(ZoneName zone) {
        catchUp();
        Entry entry = zones.get(zone);
        if (entry == null) {
            return Outcome.zoneNotFound(zone.value());
        }
        Optional<ZoneLog> open = usableLog();
        if (open.isEmpty()) {
            return directoryUnavailable();
        }
        try {
            open.get().commit(line(State.DELETING, zone, entry.type()), null, false);
        } catch (IOException e) {
            return writeFailed(zone, "Could not record the delete of zone '" + zone + "': " + reason(e));
        }
        zones.put(zone, new Entry(entry.type(), State.DELETING));
        changedZones.note(zone);
        return new Outcome.Ok<>(stored(zone, entry.type()));
    }

    @Override
    public Optional<StoredZone> find(ZoneName zone) {
        catchUp();
        return Optional.ofNullable(zones.get(zone)).map(e -> stored(zone, e.type()));
    }

    /**
     * Every zone, from a list kept until the index changes: a server asked for every one of 100 000
     * zones again and again built 100 000 {@link StoredZone}s and their paths each time, 11 MB that
     * lived as long as the answer was written and so were copied by every young collection on the way
     * (issue 11). After a change the list before is patched: each zone that changed is looked up in it
     * and put in, replaced or taken out as the index now holds it, and every other zone stays the same
     * instance (the kept body of the HTTP answer relies on that). Walking the whole index instead took
     * 15 ms at 100 000 zones, most of a listing right after a change; that is left for the first listing
     * and for when the whole index changed. The list is immutable.
     */
    @Override
    public List<StoredZone> list() {
        catchUp();
        return listing.current(
                (before, changed) -> changed.isPresent() ? patched(before, changed.get()) : rebuilt(before));
    }

    /** Every zone, walking the index; the zones that did not change are taken from the list before. */
    private List<StoredZone> rebuilt(List<StoredZone> before) {
        List<StoredZone> all = new ArrayList<>(zones.size());
        int b = 0;
        for (var e : zones.entrySet()) {
            ZoneName name = e.getKey();
            ZoneType type = e.getValue().type();
            // both in name order: walk the list before alongside. An unchanged zone's name is the
            // index's own key (the zone was built from it): compared as an instance, its text is not
            // read, which at 100 000 zones scattered over the heap is most of the walk's time
            while (b < before.size()
                    && before.get(b).name() != name
                    && before.get(b).name().compareTo(name) < 0) {
                b++;
            }
            StoredZone kept = b < before.size() ? before.get(b) : null;
            boolean same = kept != null && (kept.name() == name || kept.name().equals(name)) && kept.type() == type;
            all.add(same ? kept : stored(name, type));
        }
        return List.copyOf(all);
    }

    /**
     * The list before with each of {@code changed} as the index holds it now: added, retyped or taken
     * out; every other zone the same instance. No change (their zones were in the last list already):
     * the same list.
     */
    private List<StoredZone> patched(List<StoredZone> before, Set<ZoneName> changed) {
        if (changed.isEmpty()) {
            return before;
        }
        List<ZoneName> names = new ArrayList<>(changed);
        names.sort(null);
        StoredZone[] all = new StoredZone[before.size() + names.size()];
        int n = 0;
        int b = 0;
        for (ZoneName name : names) {
            int at = ChangedZones.firstNotBefore(before, name, b);
            for (; b < at; b++) {
                all[n++] = before.get(b);
            }
            StoredZone old = b < before.size() && before.get(b).name().equals(name) ? before.get(b++) : null;
            Entry now = zones.get(name);
            if (now != null) {
                all[n++] = old != null && old.type() == now.type() ? old : stored(name, now.type());
            }
        }
        for (; b < before.size(); b++) {
            all[n++] = before.get(b);
        }
        return List.copyOf(Arrays.asList(all).subList(0, n));
    }

    @Override
    public List<StoredZone> list(Optional<ZoneName> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        catchUp();
        List<StoredZone> page = new ArrayList<>(Math.min(limit, 1024));
        var tail = after.isPresent() ? zones.tailMap(after.get(), false) : zones;
        for (var e : tail.entrySet()) {
            if (page.size() == limit) {
                break;
            }
            page.add(stored(e.getKey(), e.getValue().type()));
        }
        return page;
    }

    @Override
    public int count() {
        catchUp();
        return zones.size();
    }

    @Override
    public Outcome<StoredZone> delete(ZoneName zone) {
        catchUp();
        Entry entry = zones.get(zone);
        if (entry == null) {
            return Outcome.zoneNotFound(zone.value());
        }
        Optional<ZoneLog> open = usableLog();
        if (open.isEmpty()) {
            return directoryUnavailable();
        }
        String base = fileName(zone);
        List<Path> doomed = new ArrayList<>();
        doomed.add(inside(base));
        COMPANION_SUFFIXES.forEach(s -> doomed.add(inside(base + s)));
        for (Path p : doomed) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return writeFailed(zone, "Could not remove " + relative(p) + ": " + reason(e));
            }
        }
        try {
            open.get().commit(line(State.DELETED, zone, entry.type()), null, true);
        } catch (IOException e) {
            return writeFailed(zone, "Could not record the delete of zone '" + zone + "': " + reason(e));
        }
        zones.remove(zone);
        changedZones.note(zone);
        return new Outcome.Deleted<>();
    }

    @Override
    public Outcome<StoredZone> setAside(ZoneName zone) {
        catchUp();
        Entry entry = zones.get(zone);
        if (entry == null) {
            return Outcome.zoneNotFound(zone.value());
        }
        Optional<ZoneLog> open = usableLog();
        if (open.isEmpty()) {
            return directoryUnavailable();
        }
        String base = fileName(zone);
        List<Path> files = new ArrayList<>();
        files.add(inside(base));
        COMPANION_SUFFIXES.forEach(s -> files.add(inside(base + s)));
        files.removeIf(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS));
        Path target = stateDirectory
                .resolve(SET_ASIDE_DIRECTORY)
                .resolve(SET_ASIDE_TIME.format(clock.instant()) + "-" + setAsideCounter.incrementAndGet());
        try {
            if (!files.isEmpty()) {
                Files.createDirectories(target);
                for (Path p : files) {
                    Files.move(p, target.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
                AtomicFiles.forceDirectory(target);
            }
            open.get().commit(line(State.DELETED, zone, entry.type()), null, true);
        } catch (IOException e) {
            return writeFailed(zone, "Could not set the files of zone '" + zone + "' aside: " + reason(e));
        }
        zones.remove(zone);
        changedZones.note(zone);
        if (!files.isEmpty()) {
            LOG.info(() -> "zone " + zone + ": " + files.size() + " file(s) no name server serves were moved to "
                    + relative(target));
        }
        return new Outcome.Deleted<>();
    }

    /** Also looks through the directory for master files that appeared since the store opened. */
    @Override
    public List<UnfinishedChange> unfinished() {
        catchUp();
        for (String fileName : fileNames(directory)) {
            if (fileName.endsWith(ZONE_SUFFIX)) {
                zoneName(fileName.substring(0, fileName.length() - ZONE_SUFFIX.length()))
                        .ifPresent(z -> {
                            if (zones.putIfAbsent(z, new Entry(ZoneType.PRIMARY, State.FOUND)) == null) {
                                changedZones.note(z);
                            }
                        });
            }
        }
        List<UnfinishedChange> found = new ArrayList<>();
        zones.forEach((name, e) ->
                kind(e.state()).ifPresent(kind -> found.add(new UnfinishedChange(stored(name, e.type()), kind))));
        return found;
    }

    @Override
    public Optional<UnfinishedChange> unfinished(ZoneName zone) {
        catchUp();
        Entry e = zones.get(zone);
        return e == null
                ? Optional.empty()
                : kind(e.state()).map(kind -> new UnfinishedChange(stored(zone, e.type()), kind));
    }

    private static Optional<UnfinishedChange.Kind> kind(State state) {
        return switch (state) {
            case CREATING -> Optional.of(UnfinishedChange.Kind.CREATE);
            case DELETING -> Optional.of(UnfinishedChange.Kind.DELETE);
            case FOUND -> Optional.of(UnfinishedChange.Kind.FOUND);
            case LIVE, DELETED -> Optional.empty();
        };
    }

    @Override
    public String fileOf(ZoneName zone) {
        return inside(fileName(zone)).toString();
    }

    @Override
    public Outcome<String> check() {
        if (!Files.isDirectory(directory)) {
            return Outcome.unavailable("The zone directory does not exist");
        }
        Path probe = null;
        try {
            probe = Files.createTempFile(directory, ".bindsmith-check-", ".tmp");
        } catch (IOException | SecurityException e) {
            return Outcome.unavailable("The zone directory is not writable");
        } finally {
            removeQuietly(probe);
        }
        return usableLog().isPresent()
                ? new Outcome.Ok<>("zone directory writable")
                : Outcome.unavailable("The zone directory's state (" + STATE_DIRECTORY + ") cannot be written");
    }

    /** Closes the log; the store answers reads from memory and refuses writes afterwards. */
    @Override
    public void close() {
        synchronized (openLock) {
            ZoneLog zoneLog = log;
            log = null;
            if (zoneLog != null) {
                zoneLog.close();
            }
        }
    }

    // ---- loading ----

    /**
     * Builds the index from the log, earlier versions' sidecars, and the master files in the directory.
     * Again later ({@code initial} false) only when the log can be opened: otherwise what is in memory
     * stays, so that reads keep answering while the directory cannot be used.
     */
    private void load(boolean initial) {
        TreeMap<ZoneName, Entry> state = new TreeMap<>();
        List<Path> sidecars = new ArrayList<>();
        try {
            if (Files.isSymbolicLink(stateDirectory)) {
                // writes must stay inside the zone directory, whatever someone put there
                throw new IOException(STATE_DIRECTORY + " is a symbolic link");
            }
            Files.createDirectories(stateDirectory);
            boolean[] compactedNow = {false};
            ZoneLog.Opened opened = ZoneLog.open(stateDirectory.resolve(LOG_FILE), directory, lines -> {
                TreeMap<ZoneName, Entry> fromLog = new TreeMap<>();
                lines.forEach(l -> apply(fromLog, l));
                sidecars.addAll(sidecarFiles());
                sidecars.forEach(p -> readSidecar(p).ifPresent(z -> fromLog.putIfAbsent(z.name(), z.entry())));
                fromLog.values().removeIf(e -> e.state() == State.DELETED);
                if (sidecars.isEmpty() && lines.size() < 2L * fromLog.size() + 1000) {
                    return Optional.empty();
                }
                compactedNow[0] = true;
                List<String> compact = new ArrayList<>();
                fromLog.forEach((name, e) -> compact.add(line(e.state(), name, e.type())));
                return Optional.of(compact);
            });
            opened.lines().forEach(l -> apply(state, l));
            if (compactedNow[0]) {
                // the sidecars are in the log now
                sidecars.forEach(FileZoneStore::removeQuietly);
            } else {
                sidecarFiles().forEach(p -> readSidecar(p).ifPresent(z -> state.putIfAbsent(z.name(), z.entry())));
            }
            log = opened.log();
        } catch (IOException | UncheckedIOException e) {
            // A read-only or damaged state directory: list what the directory shows, refuse writes.
            LOG.log(
                    Level.WARNING,
                    "the zone log in " + STATE_DIRECTORY + " cannot be used; zones are read from the"
                            + " master files only and writes are refused: " + reason(e));
            log = null;
        }
        if (log == null && !initial) {
            return;
        }
        state.values().removeIf(e -> e.state() == State.DELETED);
        removeStaleTemporaries();
        removeLeftTemporaries();
        for (String fileName : fileNames(directory)) {
            if (fileName.endsWith(ZONE_SUFFIX)) {
                zoneName(fileName.substring(0, fileName.length() - ZONE_SUFFIX.length()))
                        .ifPresent(z -> state.putIfAbsent(z, new Entry(ZoneType.PRIMARY, State.FOUND)));
            }
        }
        zones.clear();
        zones.putAll(state);
        changedZones.noteAll();
    }

    /** Applies one log line; a line that does not parse (a torn write, another version) is skipped. */
    private static void apply(Map<ZoneName, Entry> state, String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3) {
            return;
        }
        Optional<State> s = State.ofOp(parts[0]);
        Optional<ZoneName> zone = zoneName(parts[1]);
        Optional<ZoneType> type = ZoneType.parse(parts[2]);
        if (s.isEmpty() || zone.isEmpty() || type.isEmpty()) {
            return;
        }
        state.put(zone.get(), new Entry(type.get(), s.get()));
    }

    /** The lines another process appended since the last look (the CLI's direct mode beside a server). */
    private void catchUp() {
        ZoneLog zoneLog = log;
        if (zoneLog == null) {
            return;
        }
        // read and applied under one lock: two threads' batches applied out of the log's order put back
        // a zone whose delete the other had read and applied already, for good (a listing while zones
        // were created and deleted showed a deleted zone; the index kept it until a restart)
        synchronized (catchUpLock) {
            try {
                List<String> lines = zoneLog.readNew();
                if (lines.isEmpty()) {
                    return;
                }
                Map<ZoneName, Entry> changed = new TreeMap<>();
                lines.forEach(l -> apply(changed, l));
                changed.forEach((zone, e) -> {
                    if (e.state() == State.DELETED) {
                        zones.remove(zone);
                    } else {
                        zones.put(zone, e);
                    }
                    changedZones.note(zone);
                });
            } catch (IOException e) {
                LOG.log(Level.FINE, "could not read the zone log", e);
            }
        }
    }

    /**
     * The log, when the directory can be written: when the directory was removed (or replaced), the
     * log is opened again once it is back, and the index rebuilt from what is there.
     */
    private Optional<ZoneLog> usableLog() {
        ZoneLog zoneLog = log;
        if (zoneLog != null) {
            try {
                zoneLog.checkSameFile();
                return Optional.of(zoneLog);
            } catch (IOException e) {
                // gone or replaced: try again below
            }
        }
        synchronized (openLock) {
            if (log != null && log != zoneLog) {
                return Optional.of(log);
            }
            long now = System.nanoTime();
            if (now - nextReopen < 0 || !Files.isDirectory(directory)) {
                return Optional.empty();
            }
            nextReopen = now + REOPEN_INTERVAL.toNanos();
            if (zoneLog != null) {
                zoneLog.close();
            }
            log = null;
            load(false);
            return Optional.ofNullable(log);
        }
    }

    private List<Path> sidecarFiles() {
        List<Path> found = new ArrayList<>();
        for (String name : fileNames(stateDirectory)) {
            if (name.endsWith(".json")) {
                found.add(stateDirectory.resolve(name));
            }
        }
        return found;
    }

    private record Sidecar(ZoneName name, Entry entry) {}

    /** An earlier version's {@code .bindsmith/<zone>.json}: the zone is managed, with this type. */
    private static Optional<Sidecar> readSidecar(Path file) {
        String fileName = file.getFileName().toString();
        Optional<ZoneName> zone = zoneName(fileName.substring(0, fileName.length() - ".json".length()));
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        ZoneType type = ZoneType.PRIMARY;
        try {
            Matcher m = SIDECAR_TYPE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (m.find()) {
                type = ZoneType.parse(m.group(1)).orElse(ZoneType.PRIMARY);
            }
        } catch (IOException e) {
            // a sidecar we cannot read still says that bindsmith manages the zone
        }
        return Optional.of(new Sidecar(zone.get(), new Entry(type, State.LIVE)));
    }

    private void removeStaleTemporaries() {
        Instant cutoff = clock.instant().minus(STALE_TEMPORARY);
        for (String name : fileNames(directory)) {
            if (AtomicFiles.isTemporary(name)) {
                Path p = directory.resolve(name);
                try {
                    if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS)
                            .toInstant()
                            .isBefore(cutoff)) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // left for the next start
                }
            }
        }
    }

    // ---- files ----

    static String line(State state, ZoneName zone, ZoneType type) {
        return state.op + " " + zone.value() + " " + type.wireName();
    }

    /**
     * The zone with its file's path, made by concatenation: a zone name holds no {@code /} and no
     * {@code ..} label, so it cannot leave the directory (and {@link #inside} checks every path that is
     * written or removed). A listing of 100 000 zones makes 100 000 of these.
     */
    private StoredZone stored(ZoneName zone, ZoneType type) {
        return new StoredZone(zone, type, directoryPrefix + fileName(zone));
    }

    /**
     * {@code <zone>.zone}, or for a name too long for that (with named's longest suffix added) a
     * shortened name that no zone name can have ({@code ~} is not a DNS name character).
     */
    static String fileName(ZoneName zone) {
        String natural = zone.value() + ZONE_SUFFIX;
        if (natural.length() + LONGEST_COMPANION <= MAX_FILE_NAME) {
            return natural;
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(zone.value().getBytes(StandardCharsets.US_ASCII));
            return zone.value().substring(0, LONG_NAME_PREFIX) + "~"
                    + HexFormat.of().formatHex(hash, 0, 8) + ZONE_SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * {@code name} resolved inside the zone directory. Zone names hold only letters, digits,
     * {@code - _ .} and no empty label, so this cannot fail; it is checked anyway.
     */
    private Path inside(String name) {
        Path p = directory.resolve(name).normalize();
        if (!p.startsWith(directory) || !directory.equals(p.getParent())) {
            throw new IllegalArgumentException("refusing a path outside the zone directory");
        }
        return p;
    }

    /**
     * Removes a write's temporary file. When it cannot be removed now — the directory was moved away
     * with the file in it, say — its name is kept and it is removed once the directory is back (at the
     * next write or reload), so that it does not come back as an orphan.
     */
    private void removeTemporary(Path p) {
        if (p == null) {
            return;
        }
        try {
            if (!Files.deleteIfExists(p)) {
                leftTemporaries.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            leftTemporaries.add(p.getFileName().toString());
        }
    }

    /** Removes the temporary files of earlier writes that could not be removed then. */
    private void removeLeftTemporaries() {
        if (leftTemporaries.isEmpty() || !Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        for (String name : List.copyOf(leftTemporaries)) {
            try {
                Files.deleteIfExists(directory.resolve(name));
                leftTemporaries.remove(name);
            } catch (IOException e) {
                // tried again at the next write
            }
        }
    }

    private static void removeQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the caller reports the original failure
        }
    }

    private static List<String> fileNames(Path dir) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            // an unreadable directory lists nothing; check() reports it
        }
        return names;
    }

    /** The zone a file stem names, when it is one in normal form (lower case, no trailing dot). */
    private static Optional<ZoneName> zoneName(String stem) {
        return ZoneName.parse(stem).filter(z -> z.value().equals(stem));
    }

    private String relative(Path p) {
        return p.startsWith(directory)
                ? directory.relativize(p).toString()
                : p.getFileName().toString();
    }

    private static <T> Outcome<T> directoryUnavailable() {
        return Outcome.unavailable("The zone directory cannot be written (missing, read-only, or its " + STATE_DIRECTORY
                + " state cannot be written); zones can be read, not changed");
    }

    /** A write that failed: Unavailable when the directory itself is the problem, else ZONE_FILE_WRITE_FAILED. */
    private <T> Outcome<T> writeFailed(ZoneName zone, String details) {
        if (check() instanceof Outcome.Unavailable<String> unavailable) {
            return unavailable.as();
        }
        return Outcome.zoneFileWriteFailed(zone.value(), details);
    }

    /** Why an I/O operation failed, without any path: the exception's reason or its kind. */
    private String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (t instanceof FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason() : "file system error";
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replace(directory.toString(), "<zone directory>");
    }
}
