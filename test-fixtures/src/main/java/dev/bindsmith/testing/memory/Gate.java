package dev.bindsmith.testing.memory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the calls of one command until a test opens it, so that a concurrency test can interleave
 * two requests deterministically: wait until a call has arrived ({@link #awaitArrivals}), start the
 * other request, then {@link #open()}. A call waits at most {@link #MAX_HOLD} and then proceeds, so a
 * forgotten gate slows a test down instead of hanging it.
 */
public final class Gate {

    public static final Duration MAX_HOLD = Duration.ofSeconds(60);

    private final CountDownLatch open = new CountDownLatch(1);
    private int arrivals;

    Gate() {}

    /** Called by the adapter: counts the arrival and waits until the gate is open. */
    void pass() {
        synchronized (this) {
            arrivals++;
            notifyAll();
        }
        try {
            open.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets every held and later call through. */
    public void open() {
        open.countDown();
    }

    public synchronized int arrivals() {
        return arrivals;
    }

    /** Waits until {@code n} calls have arrived, at most {@code timeout}; true when they have. */
    public synchronized boolean awaitArrivals(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (arrivals < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
