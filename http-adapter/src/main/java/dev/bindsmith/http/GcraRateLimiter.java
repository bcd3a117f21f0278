package dev.bindsmith.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-client rate limiting with the Generic Cell Rate Algorithm. Each client has one number, its
 * theoretical arrival time (TAT). With emission interval {@code T = period / requests} and burst
 * tolerance {@code τ = T × (burst − 1)}, a request at {@code now} conforms when
 * {@code max(TAT, now) − τ ≤ now}; it then moves TAT to {@code max(TAT, now) + T}. A refused request
 * does not move it. So a fresh client may send {@code burst} requests at once, then one per T.
 *
 * <p>TATs live in a bounded Caffeine cache that forgets a client after {@code τ + T} of silence, when
 * its bucket is full again anyway, so forgetting changes no decision.
 */
final class GcraRateLimiter {

    /**
     * The verdict for one request: whether it may pass, how many more could pass right now, when it
     * may retry (zero when allowed), and when the bucket will be full again.
     */
    record Decision(boolean allowed, long remaining, Duration retryAfter, Duration reset) {}

    private final Clock clock;
    private final long interval;
    private final long tolerance;
    private final Cache<String, AtomicLong> tats;

    GcraRateLimiter(HttpServerConfig.RateLimit limit, Clock clock, long maxClients) {
        this.clock = clock;
        this.interval = Math.max(1, limit.period().toNanos() / limit.requests());
        this.tolerance = interval * (limit.burst() - 1L);
        this.tats = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(Duration.ofNanos(tolerance + interval))
                .ticker(() -> nanos(clock.instant()))
                .build();
    }

    Decision acquire(String client) {
        long now = nanos(clock.instant());
        AtomicLong tat = tats.get(client, k -> new AtomicLong(Long.MIN_VALUE));
        while (true) {
            long old = tat.get();
            long base = Math.max(old, now);
            if (base - tolerance > now) {
                return new Decision(false, 0, Duration.ofNanos(base - tolerance - now), Duration.ofNanos(base - now));
            }
            long next = base + interval;
            if (tat.compareAndSet(old, next)) {
                long remaining = (now + tolerance + interval - next) / interval;
                return new Decision(true, remaining, Duration.ZERO, Duration.ofNanos(next - now));
            }
        }
    }

    /**
     * Whether a request would conform now, without spending anything: for a bucket that is spent only on
     * some outcomes (failed authentications), checked before the request is judged.
     */
    Decision peek(String client) {
        long now = nanos(clock.instant());
        AtomicLong tat = tats.getIfPresent(client);
        long base = Math.max(tat == null ? Long.MIN_VALUE : tat.get(), now);
        if (base - tolerance > now) {
            return new Decision(false, 0, Duration.ofNanos(base - tolerance - now), Duration.ofNanos(base - now));
        }
        return new Decision(true, (now + tolerance - base) / interval + 1, Duration.ZERO, Duration.ofNanos(base - now));
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
