package dev.bindsmith.embedded;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded server's zone store: a master file {@code <zone>.db} and a zone statement
 * {@code <zone>.zone} per zone in the data directory. Creating a zone does not serve it; that is
 * {@link EmbeddedNameServerControl#addZone}, as with named.
 */
public final class EmbeddedZoneStore implements ZoneStore {
    private static final Logger LOG = Logger.getLogger(EmbeddedZoneStore.class.getName());

    private final ZoneEngine engine;
    private final ZoneFiles files;
    private final Function<ZoneSpec, String> renderer;

    EmbeddedZoneStore(ZoneEngine engine, Function<ZoneSpec, String> renderer) {
        this.engine = engine;
        this.files = engine.files;
        this.renderer = renderer;
    }

    @Override
    public Outcome<StoredZone> create(ZoneSpec spec) {
        ZoneName zone = spec.name();
        return engine.changing(zone, () -> {
            Path master = files.masterFile(zone);
            Path statement = files.statementFile(zone);
            if (Files.exists(statement)
                    || Files.exists(master)
                    || engine.registry.get(zone).isPresent()) {
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
                return new Outcome.Ok<>(new StoredZone(zone, spec.type(), master.toString()));
            } catch (FileAlreadyExistsException e) {
                if (master.toString().equals(e.getFile())) {
                    // Another process created the file between the check and the link.
                    return Outcome.zoneExists(zone.value(), "A zone named '" + zone + "' exists already");
                }
                LOG.log(Level.WARNING, "writing zone " + zone + " failed", e);
                return Outcome.zoneFileWriteFailed(zone.value(), "Could not write the zone file of '" + zone + "'");
            } catch (IOException | RuntimeException e) {
                if (wroteMaster) {
                    deleteQuietly(master);
                }
                LOG.log(Level.WARNING, "writing zone " + zone + " failed", e);
                return Outcome.zoneFileWriteFailed(zone.value(), "Could not write the zone file of '" + zone + "'");
            }
        });
    }

    @Override
    public Optional<StoredZone> find(ZoneName zone) {
        try {
            Optional<ZoneFiles.Statement> statement = files.readStatement(zone);
            if (statement.isPresent()) {
                ZoneConfig config = statement.get().config();
                String file =
                        config.file().map(f -> files.resolve(f).toString()).orElse(fileOf(zone));
                return Optional.of(new StoredZone(zone, config.type(), file));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "reading the statement of zone " + zone + " failed", e);
        }
        Path master = files.masterFile(zone);
        return Files.isRegularFile(master)
                ? Optional.of(new StoredZone(zone, ZoneType.PRIMARY, master.toString()))
                : Optional.empty();
    }

    @Override
    public List<StoredZone> list() {
        TreeMap<ZoneName, StoredZone> zones = new TreeMap<>();
        try {
            for (ZoneName zone : files.statementZones()) {
                find(zone).ifPresent(z -> zones.put(zone, z));
            }
            if (Files.isDirectory(files.dir())) {
                try (var stream = Files.newDirectoryStream(files.dir(), "*" + ZoneFiles.MASTER_SUFFIX)) {
                    for (Path p : stream) {
                        String name = p.getFileName().toString();
                        ZoneName.parse(name.substring(0, name.length() - ZoneFiles.MASTER_SUFFIX.length()))
                                .filter(z -> !zones.containsKey(z))
                                .flatMap(this::find)
                                .ifPresent(z -> zones.put(z.name(), z));
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "listing the data directory failed", e);
        }
        return new ArrayList<>(zones.values());
    }

    @Override
    public Outcome<StoredZone> delete(ZoneName zone) {
        return engine.changing(zone, () -> {
            Optional<StoredZone> stored = find(zone);
            if (stored.isEmpty()) {
                return Outcome.zoneNotFound(zone.value());
            }
            try {
                Files.deleteIfExists(files.masterFile(zone));
                Files.deleteIfExists(files.journalFile(zone));
                Files.deleteIfExists(files.statementFile(zone));
                return new Outcome.Deleted<>();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "deleting zone " + zone + " failed", e);
                return Outcome.zoneFileWriteFailed(zone.value(), "Could not remove the files of '" + zone + "'");
            }
        });
    }

    @Override
    public String fileOf(ZoneName zone) {
        return files.masterFile(zone).toString();
    }

    @Override
    public Outcome<String> check() {
        try {
            Files.createDirectories(files.dir());
            Path probe = Files.createTempFile(files.dir(), ".probe", ".tmp");
            Files.delete(probe);
            return new Outcome.Ok<>("zone directory writable");
        } catch (IOException | RuntimeException e) {
            return Outcome.unavailable("The zone directory is not writable");
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove a partly created zone file", e);
        }
    }
}
