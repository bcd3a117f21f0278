package dev.bindsmith.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How loud the libraries underneath are. A command prints its own output; the server's and Helidon's
 * log lines (start-up, access log) are only wanted from {@code serve}, or with {@code --verbose}.
 */
final class Logging {
    private Logging() {}

    /** For every command but serve: warnings only (the command prints what matters itself). */
    static void command() {
        level(Level.WARNING);
    }

    /** For serve: the server's start-up and access log lines. */
    static void serving(boolean verbose) {
        level(verbose ? Level.FINE : Level.INFO);
    }

    private static void level(Level level) {
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        for (Handler h : root.getHandlers()) {
            h.setLevel(level);
        }
    }
}
