package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.record.DnsRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.xbill.DNS.Name;

/**
 * The zones the server serves, and the locks that serialize the operations on each zone. Readers
 * (queries, status) take no lock: they read the current immutable {@link ZoneState}. Writers
 * (store, control, updates) hold the zone's lock while they compute, persist and publish a new one.
 */
final class ZoneRegistry {
    private static final int STRIPES = 64;

    private final ConcurrentHashMap<Name, ZoneState> zones = new ConcurrentHashMap<>();
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
        return Optional.ofNullable(zones.get(DnsRecords.name(zone)));
    }

    void put(ZoneState state) {
        zones.put(DnsRecords.name(state.name()), state);
    }

    void remove(ZoneName zone) {
        zones.remove(DnsRecords.name(zone));
    }

    int size() {
        return zones.size();
    }

    List<ZoneState> all() {
        List<ZoneState> list = new ArrayList<>(zones.values());
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    /** The zone of the longest origin that contains {@code qname}. */
    Optional<ZoneState> closest(Name qname) {
        for (int strip = 0; strip < qname.labels(); strip++) {
            Name candidate = strip == 0 ? qname : new Name(qname, strip);
            ZoneState state = zones.get(candidate);
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
}
