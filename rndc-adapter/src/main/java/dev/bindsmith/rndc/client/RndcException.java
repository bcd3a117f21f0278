package dev.bindsmith.rndc.client;

/**
 * No verified reply came back from named. The message never carries the key or its secret.
 * {@link #mayHaveRun()} says whether named may have carried the command out all the same: the command
 * was delivered on a session whose handshake had succeeded, and then the reply timed out, was lost,
 * or could not be verified. A caller that undoes its own work after a failure asks named first when it
 * is true.
 */
public abstract sealed class RndcException extends Exception
        permits RndcException.Unreachable, RndcException.Rejected, RndcException.Protocol {

    private final boolean mayHaveRun;

    protected RndcException(String message, Throwable cause) {
        this(message, cause, false);
    }

    protected RndcException(String message, Throwable cause, boolean mayHaveRun) {
        super(message, cause);
        this.mayHaveRun = mayHaveRun;
    }

    /**
     * True when the command reached named on an authenticated session and no verified reply came:
     * named may have run it. False when it cannot have run (no connection, a handshake named refused).
     */
    public boolean mayHaveRun() {
        return mayHaveRun;
    }

    /** named could not be reached: connection refused, no route, connect or read timeout. */
    public static final class Unreachable extends RndcException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }

        public Unreachable(String message, Throwable cause, boolean mayHaveRun) {
            super(message, cause, mayHaveRun);
        }
    }

    /**
     * named closed the session without a reply: it rejected the request (wrong key or algorithm,
     * clock skew, duplicate serial …). Only named's log knows which.
     */
    public static final class Rejected extends RndcException {
        public Rejected(String message, Throwable cause) {
            super(message, cause);
        }

        public Rejected(String message, Throwable cause, boolean mayHaveRun) {
            super(message, cause, mayHaveRun);
        }
    }

    /** A reply came back that could not be trusted or read: bad signature, wrong serial, malformed, too large. */
    public static final class Protocol extends RndcException {
        public Protocol(String message, Throwable cause) {
            super(message, cause);
        }

        public Protocol(String message, Throwable cause, boolean mayHaveRun) {
            super(message, cause, mayHaveRun);
        }
    }
}
