package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.index.ChangedZones;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The zones of the data directory as the store sees them, in name order, kept in memory so that a
 * listing or a page reads no file: built from the directory at start (the statements as the server
 * loads them, then the master files no statement explains), then kept in step by the store (create,
 * delete, set aside) and by the control (addzone serves a zone, delzone stops serving it).
 *
 * <p>At start a zone is put in from the directory's listing alone, as {@link #UNREAD}: its statement
 * (type, file, served) is read when first needed, by whoever needs it first — a look-up, a listing or
 * a page reaching it, or the zone's load in the background ({@link Unread}) — and read once. Reading
 * 100 000 statements before answering was most of a large server's start (issue 11).
 */
final class ZoneIndex {
    private static final Logger LOG = Logger.getLogger(ZoneIndex.class.getName());

    /**
     * One zone: its type, its master file when the statement names another than the default
     * ({@code null} otherwise, to keep a large index small), whether the server serves it, and whether
     * it is only a master file no statement explains (found).
     */
    record Entry(ZoneType type, String file, boolean served, boolean found) {}

    /**
     * The entry of a zone whose statement the start listed and nobody has read yet; compared by identity.
     * Only {@link #zones()}' own walkers see it, and they ask {@link #read} for the entry it stands for.
     */
    static final Entry UNREAD = new Entry(ZoneType.PRIMARY, null, false, false);

    /**
     * What reading a listed statement gave: the statement (empty when the file was gone or did not
     * read) and the zone's entry (empty when the file was gone; an unreadable statement is a zone not
     * served, as before this was read lazily).
     */
    record Read(Optional<ZoneFiles.Statement> statement, Optional<Entry> entry) {}

    /**
     * A zone statement the start listed, read once by whoever needs it first: the index (for the
     * entry) or the zone's load (for its file and whether it is served). It takes no zone lock, as the
     * load does not ({@link ZoneRegistry}): a writer holding one may wait here, and the read itself
     * reads only a file.
     */
    static final class Unread {
        private final ZoneName zone;
        private final Function<ZoneName, Read> reader;
        private volatile Read read;

        private Unread(ZoneName zone, Function<ZoneName, Read> reader) {
            this.zone = zone;
            this.reader = reader;
        }

        ZoneName zone() {
            return zone;
        }

        /** The statement as read, reading it first when nobody has. */
        Read read() {
            Read r = read;
            if (r == null) {
                synchronized (this) {
                    r = read;
                    if (r == null) {
                        r = reader.apply(zone);
                        read = r;
                    }
                }
            }
            return r;
        }
    }

    private final ConcurrentNavigableMap<ZoneName, Entry> zones = new ConcurrentSkipListMap<>();
    /** The zones held as {@link #UNREAD}, until their statement has been read and their entry put in. */
    private final ConcurrentHashMap<ZoneName, Unread> unread = new ConcurrentHashMap<>();
    /** The changes to {@link #zones}, counted, and the zones they touched since a list was last built. */
    private final ChangedZones changed = new ChangedZones();

    /**
     * The index; changed only through this class's methods, so that {@link #changes()} notes every change.
     * An entry may be {@link #UNREAD}: whoever walks it asks {@link #read} for the zone's entry.
     */
    ConcurrentNavigableMap<ZoneName, Entry> zones() {
        return zones;
    }

    /**
     * Holds {@code zone}, listed at start, as unread: {@code reader} reads its statement when it is first
     * needed. The caller gives the returned {@link Unread} to the zone's load, so that the statement is
     * read once, and calls {@link #heldUnread} once it has held every listed zone, before anyone reads
     * the index: a note per zone had the start's threads contend for the notes' lock 100 000 times.
     */
    Unread holdUnread(ZoneName zone, Function<ZoneName, Read> reader) {
        Unread u = new Unread(zone, reader);
        unread.put(zone, u);
        zones.put(zone, UNREAD);
        return u;
    }

    /** After the start's {@link #holdUnread}s: noted as one change of the whole index. */
    void heldUnread() {
        changed.noteAll();
    }

    /** The zones whose statement is still to be read, to read them. */
    List<Unread> stillUnread() {
        return List.copyOf(unread.values());
    }

    /**
     * Reads {@code u}'s statement (once) and puts the zone's entry in place of {@link #UNREAD}, or takes
     * the zone out when its statement was gone. A change made meanwhile (a delete, addzone) is newer and
     * stays: only {@link #UNREAD} is replaced.
     */
    Read read(Unread u) {
        Read r = u.read();
        ZoneName zone = u.zone();
        boolean changedNow =
                r.entry().isPresent() ? zones.replace(zone, UNREAD, r.entry().get()) : zones.remove(zone, UNREAD);
        if (changedNow) {
            changed.note(zone);
        }
        unread.remove(zone, u);
        return r;
    }

    /** The entry {@code entry} of {@code zone} stands for: itself, or when {@link #UNREAD} the zone's as read now. */
    Optional<Entry> read(ZoneName zone, Entry entry) {
        if (entry != UNREAD) {
            return Optional.of(entry);
        }
        Unread u = unread.get(zone);
        if (u != null) {
            read(u);
        }
        // the entry is put in before the Unread is dropped: past this point the zone is read
        return Optional.ofNullable(zones.get(zone)).filter(e -> e != UNREAD);
    }

    /** The changes to the index and the zones they touched: what a {@code KeptList} of it reads. */
    ChangedZones changes() {
        return changed;
    }

    Optional<Entry> get(ZoneName zone) {
        Entry e = zones.get(zone);
        return e == null ? Optional.empty() : read(zone, e);
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
        zones.put(zone, entry(zone, type, file, served, files));
        changed.note(zone);
    }

    /** A zone's entry from its statement: the master file kept only when it is not the default one. */
    static Entry entry(ZoneName zone, ZoneType type, String file, boolean served, ZoneFiles files) {
        String custom = file.equals(files.masterFileName(zone)) ? null : file;
        return new Entry(type, custom, served, false);
    }

    /**
     * Master files (by their stem, {@code <zone>} of {@code <zone>.db}) whose zone the index does not
     * have: held as found. A zone it has is only looked up, not put again: a put in the skip list
     * costs several times a get, and at start nearly every master file's zone is known already.
     */
    void addFound(Collection<String> masterStems) {
        // Walked alongside the index's names, which are in the same order (a zone name compares as its
        // text): a stem the index has is passed over without being parsed and checked as a zone name,
        // which was most of a start-up reconcile's work at 100 000 zones, beside the first answers.
        String[] stems = masterStems.toArray(String[]::new);
        java.util.Arrays.sort(stems);
        java.util.Iterator<ZoneName> known = zones.keySet().iterator();
        ZoneName next = known.hasNext() ? known.next() : null;
        for (String stem : stems) {
            while (next != null && next.value().compareTo(stem) < 0) {
                next = known.hasNext() ? known.next() : null;
            }
            if (next != null && next.value().equals(stem)) {
                continue;
            }
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
