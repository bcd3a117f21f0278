package dev.bindsmith.rndc.wire;

import java.io.IOException;

/**
 * The peer closed (or reset) the connection before sending the first byte of a frame. For a
 * request already sent to named this means named did not run it: named answers every request it
 * executes and closes silently only on requests it rejects (or on idle connections).
 */
public final class PeerClosedException extends IOException {
    public PeerClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
