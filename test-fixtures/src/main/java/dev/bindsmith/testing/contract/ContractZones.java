package dev.bindsmith.testing.contract;

import dev.bindsmith.core.zone.ZoneName;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Zone names that no other test (or earlier run against the same server) uses:
 * {@code <label>-<run>-<n>.contract.test}. The {@code .test} TLD is reserved (RFC 2606).
 */
public final class ContractZones {
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
    private static final AtomicLong COUNTER = new AtomicLong();

    private ContractZones() {}

    /** A fresh zone name starting with {@code label} (letters, digits, hyphens). */
    public static ZoneName unique(String label) {
        return ZoneName.of(label + "-" + RUN + "-" + COUNTER.incrementAndGet() + ".contract.test");
    }
}
