package dev.bindsmith.http;

import java.time.Duration;

/**
 * Counts requests in flight and, once closed, turns new ones away (503) while the ones inside finish.
 */
final class ShutdownGate {
    private int inFlight;
    private boolean closed;

    /** False when closed: the request must be answered 503 and must not call {@link #exit}. */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        inFlight++;
        return true;
    }

    synchronized void exit() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    synchronized void close() {
        closed = true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Waits until no request is in flight or {@code grace} passed; true when idle. */
    synchronized boolean awaitIdle(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
