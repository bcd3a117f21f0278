package dev.bindsmith.rndc.conf;

/**
 * An rndc.conf (or key file) that cannot be read or parsed. The message names the file, line and
 * column and what was expected; it never quotes the input, so a secret cannot leak through it.
 */
public final class RndcConfException extends Exception {
    public RndcConfException(String message) {
        super(message);
    }

    public RndcConfException(String message, Throwable cause) {
        super(message, cause);
    }
}
