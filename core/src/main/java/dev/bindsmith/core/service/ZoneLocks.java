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
