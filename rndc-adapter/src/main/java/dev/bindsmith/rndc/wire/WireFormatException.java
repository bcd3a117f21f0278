package dev.bindsmith.rndc.wire;

/** Bytes that are not a well-formed (or acceptable) isccc message. The message never quotes payload bytes. */
public final class WireFormatException extends Exception {
    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
