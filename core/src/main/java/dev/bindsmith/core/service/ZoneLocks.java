package dev.bindsmith.core.service;

import dev.bindsmith.core.zone.ZoneName;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the operations on one zone. Lock striping keeps the memory bounded whatever names
 * clients send: two zones may share a stripe (and then wait for each other), one zone never has two.
 */
final class ZoneLocks {
    private static final int STRIPES = 64;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    ZoneLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code body} under the zone's lock when it is free now; false (and nothing run) when it is not. */
    boolean tryWith(ZoneName zone, Runnable body) {
        ReentrantLock lock = stripe(zone);
        if (!lock.tryLock()) {
            return false;
        }
        try {
            body.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock stripe(ZoneName zone) {
        return stripes[Math.floorMod(zone.value().hashCode(), STRIPES)];
    }

    /**
     * Runs {@code body} holding every stripe: no zone operation runs meanwhile (a catalog
     * reconciliation that compares every zone with the catalog). Stripes are taken in one order and a
     * per-zone holder never takes a second one, so this cannot deadlock with them.
     */
    <T> T withAll(Supplier<T> body) {
        return withStripes(0, body);
    }

    private <T> T withStripes(int from, Supplier<T> body) {
        if (from == STRIPES) {
            return body.get();
        }
        stripes[from].lock();
        try {
            return withStripes(from + 1, body);
        } finally {
            stripes[from].unlock();
        }
    }

    <T> T with(ZoneName zone, Supplier<T> body) {
        ReentrantLock lock = stripe(zone);
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }
}
