package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
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
    /** Counts the changes to {@link #zones}, each after it is made: a list built while it stays the same is current. */
    private final AtomicLong changes = new AtomicLong();
    /**
     * The zones changed since {@link #takeChanged()} was last called, each noted after its change and
     * before the change is counted; null when more than {@link #MOST_PENDING} changed (or none was
     * taken yet): then a list is built again from the whole index. Guarded by {@link #pendingLock}.
     */
    private Set<ZoneName> pending;

    private final Object pendingLock = new Object();
    /**
     * Changed zones beyond which a list is built again from the index rather than patched: patching
     * looks each one up in the list (a binary search), walking the index reads every entry.
     */
    static final int MOST_PENDING = 4096;

    /** The index; changed only through this class's methods, so that {@link #changes()} counts every change. */
    ConcurrentNavigableMap<ZoneName, Entry> zones() {
        return zones;
    }

    /** How many changes the index has had: a list of it built while this stayed the same is still current. */
    long changes() {
        return changes.get();
    }

    Optional<Entry> get(ZoneName zone) {
        return Optional.ofNullable(zones.get(zone));
    }

    void put(ZoneName zone, Entry entry) {
        zones.put(zone, entry);
        changed(zone);
    }

    void remove(ZoneName zone) {
        zones.remove(zone);
        changed(zone);
    }

    /**
     * The zones changed since the last call, to patch a list built before it; empty when the list is
     * to be built again from the whole index (many changed, or this is the first call). Every change
     * counted by {@link #changes()} before this call is in what it returns (or in an earlier answer).
     */
    Optional<Set<ZoneName>> takeChanged() {
        synchronized (pendingLock) {
            Set<ZoneName> changed = pending;
            pending = new HashSet<>();
            return Optional.ofNullable(changed);
        }
    }

    /** After every change to {@link #zones}: the zone is noted, then the change counted. */
    private void changed(ZoneName zone) {
        synchronized (pendingLock) {
            if (pending != null) {
                pending.add(zone);
                if (pending.size() > MOST_PENDING) {
                    pending = null;
                }
            }
        }
        changes.incrementAndGet();
    }

    /** The server serves the zone now (addzone), or no longer does (delzone). */
    void served(ZoneName zone, ZoneType type, String file, boolean served, ZoneFiles files) {
        String custom = file.equals(files.masterFileName(zone)) ? null : file;
        zones.put(zone, new Entry(type, custom, served, false));
        changed(zone);
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
                            changed(z);
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
