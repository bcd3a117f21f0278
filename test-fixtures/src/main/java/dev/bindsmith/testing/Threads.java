package dev.bindsmith.testing;

import dev.bindsmith.testing.memory.Gate;
import java.time.Duration;
import java.util.concurrent.Future;

/**
 * Waiting on another thread's state instead of on time, so that concurrency tests interleave
 * deterministically. The 30-second bounds are safety nets for a broken test, never timing assertions.
 */
public final class Threads {
    private static final Duration BOUND = Duration.ofSeconds(30);

    private Threads() {}

    /** Waits until a call of {@code task} is held at {@code gate}; fails at once if the task ends first. */
    public static void awaitArrival(Gate gate, Future<?> task) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!gate.awaitArrivals(1, Duration.ofMillis(20))) {
            if (task.isDone()) {
                throw new AssertionError("the task ended before it reached the gate: " + task.get());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the task never reached the gate");
            }
        }
    }

    /** Waits until {@code thread} is parked (on a lock or a latch); fails if it ends or never parks. */
    public static void awaitBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (thread.getState() != Thread.State.WAITING
                && thread.getState() != Thread.State.TIMED_WAITING
                && thread.getState() != Thread.State.BLOCKED) {
            if (thread.getState() == Thread.State.TERMINATED) {
                throw new AssertionError("the thread ended instead of waiting");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the thread never blocked: " + thread.getState());
            }
            Thread.sleep(1);
        }
    }
}
