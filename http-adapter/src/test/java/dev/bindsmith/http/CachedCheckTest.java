package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.testing.MutableClock;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedCheckTest {
    private final MutableClock clock = new MutableClock(TestClocks.INSTANT);
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void anAnswerIsKeptForItsPeriodThenAskedForAgain() {
        var check = new CachedCheck<>(calls::incrementAndGet, Duration.ofSeconds(2), clock);
        for (int i = 0; i < 20; i++) {
            assertThat(check.get()).isEqualTo(1);
        }
        clock.advance(Duration.ofMillis(1999));
        assertThat(check.get()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(check.get()).isEqualTo(2);
    }

    @Test
    void aClockSetBackMakesTheAnswerStale() {
        var check = new CachedCheck<>(calls::incrementAndGet, Duration.ofSeconds(2), clock);
        check.get();
        clock.advance(Duration.ofSeconds(-10));
        assertThat(check.get()).isEqualTo(2);
    }

    @Test
    void callersThatArriveDuringACheckWaitForItInsteadOfStartingTheirOwn() throws Exception {
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var running = new AtomicInteger();
        var mostAtOnce = new AtomicInteger();
        var check = new CachedCheck<>(
                () -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return calls.incrementAndGet();
                },
                Duration.ofSeconds(2),
                clock);
        List<Integer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread first = Thread.ofPlatform().start(() -> answers.add(check.get()));
        entered.await();
        List<Thread> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Thread t = Thread.ofPlatform().start(() -> answers.add(check.get()));
            others.add(t);
        }
        for (Thread t : others) {
            Threads.awaitBlocked(t);
        }
        release.countDown();
        first.join();
        for (Thread t : others) {
            t.join();
        }
        assertThat(calls).hasValue(1);
        assertThat(mostAtOnce).hasValue(1);
        assertThat(answers).hasSize(11).containsOnly(1);
    }
}
