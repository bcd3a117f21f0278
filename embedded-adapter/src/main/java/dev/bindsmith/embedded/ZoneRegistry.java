package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.record.DnsRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.xbill.DNS.Name;

/**
 * The zones the server serves, and the locks that serialize the operations on each zone. Readers
 * (queries, status) take no lock: they read the current immutable {@link ZoneState}. Writers
 * (store, control, updates) hold the zone's lock while they compute, persist and publish a new one.
 *
 * <p>A zone may be held as still {@link Loading} (listed at start, its statement and master file not
 * read yet; a zone whose statement then says it is not served is no longer held): the server answers
 * before every zone is read, as named loads its zones after it starts.
 * Whoever reaches such a zone first (the start's loaders in the background, a query, a command)
 * loads it, and everyone else waits for that one load: no reader ever sees a zone that is to be
 * served as absent, and no writer changes one before it is loaded.
 */
final class ZoneRegistry {
    private static final int STRIPES = 64;

    /** What the registry holds for a zone: the zone, or its load still to come. */
    sealed interface Slot permits ZoneState, Loading {}

    private final ConcurrentHashMap<Name, Slot> zones = new ConcurrentHashMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    ZoneRegistry() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Runs {@code action} holding the lock of {@code zone}; operations on one zone never interleave. */
    <T> T locked(ZoneName zone, Supplier<T> action) {
        ReentrantLock lock = locks[Math.floorMod(zone.hashCode(), STRIPES)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    Optional<ZoneState> get(ZoneName zone) {
        return Optional.ofNullable(served(DnsRecords.name(zone)));
    }

    /** The zone of {@code origin}, loaded first when it is still loading; null when it is not served. */
    private ZoneState served(Name origin) {
        while (true) {
            switch (zones.get(origin)) {
                case null -> {
                    return null;
                }
                case ZoneState state -> {
                    return state;
                }
                // on return its outcome is in the map: the zone, or nothing
                case Loading loading -> loading.load();
            }
        }
    }

    void put(ZoneState state) {
        zones.put(DnsRecords.name(state.name()), state);
    }

    /**
     * Holds {@code zone} as loading: {@code load} reads it (empty when it does not load, which it
     * reports itself), {@code loaded} is told of the zone once it is served. Replaces nothing: a zone
     * the registry has already is left as it is.
     */
    void loading(ZoneName zone, Supplier<Optional<ZoneState>> load, Consumer<ZoneState> loaded) {
        Name origin = DnsRecords.name(zone);
        zones.putIfAbsent(origin, new Loading(origin, load, loaded));
    }

    /** The zones still loading, to load them; none once every one has been. */
    List<Loading> stillLoading() {
        List<Loading> list = new ArrayList<>();
        zones.values().forEach(slot -> {
            if (slot instanceof Loading l) {
                list.add(l);
            }
        });
        return list;
    }

    void remove(ZoneName zone) {
        zones.remove(DnsRecords.name(zone));
    }

    /**
     * The zones served and still loading (a zone still loading whose file then fails to load, or whose
     * statement says it is not served, is counted until it has been read; named's count is of the
     * zones configured too).
     */
    int size() {
        return zones.size();
    }

    /** Every zone served, in name order: the zones still loading are loaded first. */
    List<ZoneState> all() {
        List<ZoneState> list = new ArrayList<>(zones.size());
        zones.forEach((origin, slot) -> {
            ZoneState state = slot instanceof ZoneState s ? s : served(origin);
            if (state != null) {
                list.add(state);
            }
        });
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    /** The zone of the longest origin that contains {@code qname}. */
    Optional<ZoneState> closest(Name qname) {
        for (int strip = 0; strip < qname.labels(); strip++) {
            Name candidate = strip == 0 ? qname : new Name(qname, strip);
            ZoneState state = served(candidate);
            if (state != null) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** The zone that holds the parent side of {@code origin}'s cut, if the server has one. */
    Optional<ZoneState> parentOf(Name origin) {
        if (origin.labels() <= 1) {
            return Optional.empty();
        }
        return closest(new Name(origin, 1));
    }

    /**
     * A zone whose file is still to be read. It takes no zone lock: a writer holding one may wait here
     * for a load another thread runs, and the load itself reads only files.
     */
    final class Loading implements Slot {
        private final Name origin;
        private final Supplier<Optional<ZoneState>> load;
        private final Consumer<ZoneState> loaded;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        private Loading(Name origin, Supplier<Optional<ZoneState>> load, Consumer<ZoneState> loaded) {
            this.origin = origin;
            this.load = load;
            this.loaded = loaded;
        }

        /** Loads the zone, or waits for the thread that does: on return the registry holds the outcome. */
        void load() {
            if (!claimed.compareAndSet(false, true)) {
                done.join();
                return;
            }
            Optional<ZoneState> state = Optional.empty();
            try {
                state = load.get();
            } finally {
                if (state.isPresent()) {
                    zones.replace(origin, this, state.get());
                } else {
                    zones.remove(origin, this);
                }
                done.complete(null);
            }
            state.ifPresent(loaded);
        }
    }
}
