package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GcraRateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));

    private GcraRateLimiter limiter(int requests, int periodSecs, int burst) {
        return new GcraRateLimiter(
                new HttpServerConfig.RateLimit(true, requests, Duration.ofSeconds(periodSecs), burst), clock, 1000);
    }

    @Test
    void aFreshClientMaySendItsWholeBurstAtOnceAndThenIsRefused() {
        var limiter = limiter(100, 60, 10);
        for (int i = 0; i < 10; i++) {
            var d = limiter.acquire("a");
            assertThat(d.allowed()).as("request %d", i + 1).isTrue();
            assertThat(d.remaining()).isEqualTo(9 - i);
        }
        var refused = limiter.acquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        // 100 per 60 s: one cell every 600 ms.
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void afterTheEmissionIntervalExactlyOneMoreRequestConforms() {
        var limiter = limiter(100, 60, 10);
        for (int i = 0; i < 10; i++) {
            limiter.acquire("a");
        }
        clock.advance(Duration.ofMillis(599));
        assertThat(limiter.acquire("a").allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
    }

    @Test
    void aRefusedRequestDoesNotPushTheNextAllowedOneFurtherAway() {
        var limiter = limiter(100, 60, 10);
        for (int i = 0; i < 10; i++) {
            limiter.acquire("a");
        }
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.acquire("a").allowed()).isFalse();
        }
        clock.advance(Duration.ofMillis(600));
        assertThat(limiter.acquire("a").allowed()).isTrue();
    }

    @Test
    void theSustainedRateIsRequestsPerPeriod() {
        var limiter = limiter(100, 60, 10);
        int allowed = 0;
        // Ten minutes of a client that tries every 100 ms: the burst, then 100 per minute.
        for (int i = 0; i < 6000; i++) {
            if (limiter.acquire("a").allowed()) {
                allowed++;
            }
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(allowed).isBetween(10 + 999, 10 + 1001);
    }

    @Test
    void aQuietClientRefillsToItsFullBurstButNotBeyond() {
        var limiter = limiter(100, 60, 10);
        for (int i = 0; i < 10; i++) {
            limiter.acquire("a");
        }
        clock.advance(Duration.ofHours(1));
        int allowed = 0;
        while (limiter.acquire("a").allowed()) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void clientsHaveSeparateBuckets() {
        var limiter = limiter(1, 60, 1);
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
        assertThat(limiter.acquire("b").allowed()).isTrue();
    }

    @Test
    void resetIsWhenTheBucketIsFullAgain() {
        var limiter = limiter(100, 60, 10);
        var first = limiter.acquire("a");
        assertThat(first.reset()).isEqualTo(Duration.ofMillis(600));
        limiter.acquire("a");
        assertThat(limiter.acquire("a").reset()).isEqualTo(Duration.ofMillis(1800));
    }

    @Test
    void peekingSaysWhetherARequestWouldPassWithoutSpendingAnything() {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var limiter =
                new GcraRateLimiter(new HttpServerConfig.RateLimit(true, 2, Duration.ofSeconds(60), 2), clock, 10);

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.peek("a").allowed()).isTrue();
        }
        limiter.acquire("a");
        limiter.acquire("a");
        assertThat(limiter.peek("a").allowed()).isFalse();
        assertThat(limiter.peek("a").retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limiter.peek("b").allowed()).isTrue();
    }
}
