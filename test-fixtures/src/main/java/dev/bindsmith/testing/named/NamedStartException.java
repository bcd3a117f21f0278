package dev.bindsmith.testing.named;

/** named could not be started or did not get ready; the message ends with the tail of its log. */
public final class NamedStartException extends IllegalStateException {

    private final String logTail;

    NamedStartException(String message, String logTail) {
        super(logTail.isEmpty() ? message : message + "; named's log ends with:\n" + logTail);
        this.logTail = logTail;
    }

    /** The last lines named logged, {@code ""} when it never started. */
    public String logTail() {
        return logTail;
    }
}
