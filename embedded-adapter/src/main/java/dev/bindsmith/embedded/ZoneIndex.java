package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.index.ChangedZones;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The zones of the data directory as the store sees them, in name order, kept in memory so that a
 * listing or a page reads no file: built from the directory at start (the statements as the server
 * loads them, then the master files no statement explains), then kept in step by the store (create,
 * delete, set aside) and by the control (addzone serves a zone, delzone stops serving it).
 */
final class ZoneIndex {
    private static final Logger LOG = Logger.getLogger(ZoneIndex.class.getName());

    /**
     * One zone: its type, its master file when the statement names another than the default
     * ({@code null} otherwise, to keep a large index small), whether the server serves it, and whether
     * it is only a master file no statement explains (found).
     */
    record Entry(ZoneType type, String file, boolean served, boolean found) {}

    private final ConcurrentNavigableMap<ZoneName, Entry> zones = new ConcurrentSkipListMap<>();
    /** The changes to {@link #zones}, counted, and the zones they touched since a list was last built. */
    private final ChangedZones changed = new ChangedZones();

    /** The index; changed only through this class's methods, so that {@link #changes()} notes every change. */
    ConcurrentNavigableMap<ZoneName, Entry> zones() {
        return zones;
    }

    /** The changes to the index and the zones they touched: what a {@code KeptList} of it reads. */
    ChangedZones changes() {
        return changed;
    }

    Optional<Entry> get(ZoneName zone) {
        return Optional.ofNullable(zones.get(zone));
    }

    void put(ZoneName zone, Entry entry) {
        zones.put(zone, entry);
        changed.note(zone);
    }

    void remove(ZoneName zone) {
        zones.remove(zone);
        changed.note(zone);
    }

    /** The server serves the zone now (addzone), or no longer does (delzone). */
    void served(ZoneName zone, ZoneType type, String file, boolean served, ZoneFiles files) {
        String custom = file.equals(files.masterFileName(zone)) ? null : file;
        zones.put(zone, new Entry(type, custom, served, false));
        changed.note(zone);
    }

    /**
     * Master files (by their stem, {@code <zone>} of {@code <zone>.db}) whose zone the index does not
     * have: held as found. A zone it has is only looked up, not put again: a put in the skip list
     * costs several times a get, and at start nearly every master file's zone is known already.
     */
    void addFound(Collection<String> masterStems) {
        for (String stem : masterStems) {
            ZoneName.parse(stem)
                    .filter(z -> z.value().equals(stem) && !zones.containsKey(z))
                    .ifPresent(z -> {
                        if (zones.putIfAbsent(z, new Entry(ZoneType.PRIMARY, null, false, true)) == null) {
                            changed.note(z);
                        }
                    });
        }
    }

    /** The master files of the data directory, listed again, whose zone the index does not have: held as found. */
    void addFound(ZoneFiles files) {
        try {
            addFound(files.masterStems());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "listing the data directory failed", e);
        }
    }
}
