package dev.bindsmith.testing.named;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;

/**
 * A loopback port (UDP and TCP) held for a test until it is closed, with the same reservation every
 * named launcher honours: for a server the test starts itself on a port it must know beforehand (an
 * embedded primary that named secondaries are configured to transfer from, and that restarts on the
 * same port).
 */
public final class LoopbackPort implements AutoCloseable {
    private final PortReservation reservation;

    private LoopbackPort(PortReservation reservation) {
        this.reservation = reservation;
    }

    public static LoopbackPort reserve() {
        try {
            return new LoopbackPort(PortReservation.reserve(new SecureRandom()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return reservation.port();
    }

    @Override
    public void close() {
        reservation.close();
    }
}
