package dev.bindsmith.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Fixed clocks, so that a default SOA serial ({@code YYYYMMDD01}) and timestamps are the same on every run. */
public final class TestClocks {

    /** The instant {@link #fixed()} stands at: 2026-11-21T12:00:00Z, so a default serial is {@code 2026112101}. */
    public static final Instant INSTANT = Instant.parse("2026-11-21T12:00:00Z");

    /** The default serial a request without one gets under {@link #fixed()}. */
    public static final long DEFAULT_SERIAL = 2026112101L;

    private TestClocks() {}

    public static Clock fixed() {
        return Clock.fixed(INSTANT, ZoneOffset.UTC);
    }

    /** A clock fixed at {@code instant} (ISO-8601, e.g. {@code 2027-01-01T00:00:00Z}), in UTC. */
    public static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
