package dev.bindsmith.rndc.client;

/** No verified reply came back from named. The message never carries the key or its secret. */
public abstract sealed class RndcException extends Exception
        permits RndcException.Unreachable, RndcException.Rejected, RndcException.Protocol {

    protected RndcException(String message, Throwable cause) {
        super(message, cause);
    }

    /** named could not be reached: connection refused, no route, connect or read timeout. */
    public static final class Unreachable extends RndcException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
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
    }

    /** A reply came back that could not be trusted or read: bad signature, wrong serial, malformed, too large. */
    public static final class Protocol extends RndcException {
        public Protocol(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
