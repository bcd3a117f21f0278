package dev.bindsmith.rndc.client;

import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The {@code _ser} source: one random unsigned 32-bit start, then +1 per request across every
 * connection of a client. named remembers {@code _ser}+{@code _tim} pairs for 900 s and rejects a
 * repeat, so a per-connection counter restarting at a fixed value would collide.
 */
final class SerialCounter {
    private final AtomicLong next;

    SerialCounter(RandomGenerator random) {
        this.next = new AtomicLong(random.nextLong() & 0xffff_ffffL);
    }

    /** The next serial, wrapping within unsigned 32 bits. */
    long next() {
        return next.getAndIncrement() & 0xffff_ffffL;
    }
}
