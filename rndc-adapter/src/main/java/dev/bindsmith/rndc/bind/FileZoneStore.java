package dev.bindsmith.rndc.bind;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.file.AtomicFiles;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ZoneStore} over a zone directory that named reads (BIND's {@code BIND_ZONE_DIR}).
 *
 * <ul>
 * <li>A primary's master file is {@code <dir>/<zone>.zone}. A secondary gets no file from us; named
 *     writes the transferred data to the same name (the {@code file} that addzone is given).</li>
 * <li>That bindsmith manages a zone, and its type, is recorded in a sidecar
 *     {@code <dir>/.bindsmith/<zone>.json}, so {@link #list()} returns secondaries too. A
 *     {@code <zone>.zone} without a sidecar (a directory an earlier tool such as bindcar filled) is
 *     listed as a primary, as that tool listed it.</li>
 * <li>Every write is atomic ({@link AtomicFiles#createNew}: a temporary file in the same directory,
 *     forced to disk, linked (or renamed) into place, {@code rw-r--r--} so that named can read it).
 *     A master file is never replaced: {@link #create} of a zone whose sidecar or file exists is a {@code Conflict} that
 *     touches nothing, and a concurrent creator that loses the race gets the same.</li>
 * <li>Journals: named replays {@code <zone>.zone.jnl} onto the file it belongs to, so a journal left
 *     by an earlier zone of the same name is removed before a new zone is written; a live zone's
 *     journal is never touched by a create. Delete removes the file, its journal, the journal
 *     backup ({@code .jbk}), inline-signing's {@code .signed} files and the sidecar.</li>
 * <li>Every path is resolved inside the directory (canonicalized once, at construction); error
 *     details name files relative to it and never print a path outside it.</li>
 * </ul>
 */
public final class FileZoneStore implements ZoneStore {

    static final String ZONE_SUFFIX = ".zone";
    static final String SIDECAR_DIRECTORY = ".bindsmith";
    /** What {@link #delete} removes beside {@code <zone>.zone}; named writes these next to the master file. */
    static final List<String> COMPANION_SUFFIXES = List.of(".jnl", ".jbk", ".signed", ".signed.jnl");

    private static final Pattern SIDECAR_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"(primary|secondary)\"");

    private final Path directory;
    private final Path sidecars;
    private final Function<ZoneSpec, String> renderer;
    private final Object writeLock = new Object();

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
        Objects.requireNonNull(directory, "directory");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        try {
            this.directory = directory.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("the zone directory does not exist: " + directory, e);
        }
        if (!Files.isDirectory(this.directory)) {
            throw new IllegalArgumentException("the zone directory is not a directory: " + directory);
        }
        this.sidecars = this.directory.resolve(SIDECAR_DIRECTORY);
    }

    /** The canonical zone directory. */
    public Path directory() {
        return directory;
    }

    // ---- ZoneStore ----

    @Override
    public Outcome<StoredZone> create(ZoneSpec spec) {
        ZoneName name = spec.name();
        Path file = inside(name.value() + ZONE_SUFFIX);
        Path sidecar = sidecarOf(name);
        synchronized (writeLock) {
            if (Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
                return Outcome.zoneExists(name.value(), "Zone '" + name + "' exists already");
            }
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Outcome.zoneExists(
                        name.value(),
                        "A master file for zone '" + name + "' exists already (" + file.getFileName() + ")");
            }
            String step = "remove the stale journal of zone '" + name + "'";
            boolean wroteFile = false;
            try {
                // no zone of this name exists, so a journal here belongs to an earlier one: named
                // would replay it onto the new file
                for (String suffix : List.of(".jnl", ".jbk")) {
                    Files.deleteIfExists(inside(name.value() + ZONE_SUFFIX + suffix));
                }
                if (spec.type() == ZoneType.PRIMARY) {
                    step = "write the master file " + file.getFileName();
                    AtomicFiles.createNew(file, renderer.apply(spec));
                    wroteFile = true;
                }
                step = "record zone '" + name + "'";
                if (Files.isSymbolicLink(sidecars)) {
                    // writes must stay inside the zone directory, whatever someone put there
                    throw new IOException(SIDECAR_DIRECTORY + " is a symbolic link");
                }
                Files.createDirectories(sidecars);
                AtomicFiles.createNew(sidecar, sidecarText(name, spec.type()));
            } catch (FileAlreadyExistsException e) {
                // another process created it between our check and our link
                removeQuietly(wroteFile ? file : null);
                return Outcome.zoneExists(name.value(), "Zone '" + name + "' exists already");
            } catch (IOException | UncheckedIOException e) {
                removeQuietly(wroteFile ? file : null);
                return Outcome.zoneFileWriteFailed(name.value(), "Could not " + step + ": " + reason(e));
            }
            return new Outcome.Ok<>(new StoredZone(name, spec.type(), file.toString()));
        }
    }

    @Override
    public Optional<StoredZone> find(ZoneName zone) {
        Path file = inside(zone.value() + ZONE_SUFFIX);
        Optional<ZoneType> type = sidecarType(zone);
        if (type.isPresent()) {
            return Optional.of(new StoredZone(zone, type.get(), file.toString()));
        }
        return Files.isRegularFile(file)
                ? Optional.of(new StoredZone(zone, ZoneType.PRIMARY, file.toString()))
                : Optional.empty();
    }

    @Override
    public List<StoredZone> list() {
        TreeMap<ZoneName, StoredZone> zones = new TreeMap<>();
        for (String fileName : fileNames(directory)) {
            if (fileName.endsWith(ZONE_SUFFIX)) {
                zoneName(fileName.substring(0, fileName.length() - ZONE_SUFFIX.length()))
                        .flatMap(this::find)
                        .ifPresent(z -> zones.put(z.name(), z));
            }
        }
        for (String fileName : fileNames(sidecars)) {
            if (fileName.endsWith(".json")) {
                zoneName(fileName.substring(0, fileName.length() - ".json".length()))
                        .flatMap(this::find)
                        .ifPresent(z -> zones.put(z.name(), z));
            }
        }
        return List.copyOf(zones.values());
    }

    @Override
    public Outcome<StoredZone> delete(ZoneName zone) {
        synchronized (writeLock) {
            Optional<StoredZone> stored = find(zone);
            if (stored.isEmpty()) {
                return Outcome.zoneNotFound(zone.value());
            }
            String base = zone.value() + ZONE_SUFFIX;
            List<Path> doomed = new ArrayList<>();
            doomed.add(inside(base));
            COMPANION_SUFFIXES.forEach(s -> doomed.add(inside(base + s)));
            // the sidecar goes last: if a removal fails, the zone is still known and delete can be retried
            doomed.add(sidecarOf(zone));
            for (Path p : doomed) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    return Outcome.zoneFileWriteFailed(
                            zone.value(), "Could not remove " + relative(p) + ": " + reason(e));
                }
            }
            AtomicFiles.forceDirectory(directory);
            return new Outcome.Deleted<>();
        }
    }

    @Override
    public String fileOf(ZoneName zone) {
        return inside(zone.value() + ZONE_SUFFIX).toString();
    }

    @Override
    public Outcome<String> check() {
        if (!Files.isDirectory(directory)) {
            return Outcome.unavailable("The zone directory does not exist");
        }
        Path probe = null;
        try {
            probe = Files.createTempFile(directory, ".bindsmith-check-", ".tmp");
            return new Outcome.Ok<>("zone directory writable");
        } catch (IOException | SecurityException e) {
            return Outcome.unavailable("The zone directory is not writable");
        } finally {
            removeQuietly(probe);
        }
    }

    // ---- files ----

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

    private Path sidecarOf(ZoneName zone) {
        Path p = sidecars.resolve(zone.value() + ".json").normalize();
        if (!sidecars.equals(p.getParent())) {
            throw new IllegalArgumentException("refusing a path outside the zone directory");
        }
        return p;
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

    private Optional<ZoneType> sidecarType(ZoneName zone) {
        try {
            Matcher m = SIDECAR_TYPE.matcher(Files.readString(sidecarOf(zone), StandardCharsets.UTF_8));
            if (m.find()) {
                return ZoneType.parse(m.group(1));
            }
            return Optional.of(ZoneType.PRIMARY);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // a sidecar we cannot read still says that bindsmith manages the zone
            return Optional.of(ZoneType.PRIMARY);
        }
    }

    static String sidecarText(ZoneName zone, ZoneType type) {
        return "{\"zone\":\"" + zone.value() + "\",\"type\":\"" + type.wireName() + "\"}\n";
    }

    private static List<String> fileNames(Path dir) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
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
