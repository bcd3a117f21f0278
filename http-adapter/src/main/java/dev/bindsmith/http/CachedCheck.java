package dev.bindsmith.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A backend check that public routes ({@code /api/v1/ready}, the zone gauge of {@code /metrics}) may
 * ask for as often as anyone likes: its answer is kept for a short time, and at most one check runs
 * at a time — callers that arrive while it runs wait for its answer instead of starting their own. So
 * however many probes and scrapers come, they cost at most one backend call (one rndc connection) per
 * period, and never take the connections that authenticated commands need.
 */
final class CachedCheck<T> {
    /** How long an answer is kept by default: long enough to absorb a burst, short enough for a probe. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(2);

    private record Answer<T>(T value, long atMillis) {}

    private final Supplier<T> check;
    private final Clock clock;
    private final long ttlMillis;
    private final ReentrantLock running = new ReentrantLock();
    private volatile Answer<T> last;

    CachedCheck(Supplier<T> check, Duration ttl, Clock clock) {
        this.check = Objects.requireNonNull(check, "check");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttlMillis = ttl.toMillis();
    }

    /** The last answer while it is fresh, otherwise a new one (or the one a concurrent caller just got). */
    T get() {
        Answer<T> answer = last;
        if (fresh(answer)) {
            return answer.value();
        }
        running.lock();
        try {
            answer = last;
            if (fresh(answer)) {
                return answer.value();
            }
            T value = check.get();
            last = new Answer<>(value, clock.millis());
            return value;
        } finally {
            running.unlock();
        }
    }

    private boolean fresh(Answer<T> answer) {
        if (answer == null) {
            return false;
        }
        long age = clock.millis() - answer.atMillis();
        // A clock set back makes the answer stale rather than fresh for longer.
        return age >= 0 && age < ttlMillis;
    }
}
