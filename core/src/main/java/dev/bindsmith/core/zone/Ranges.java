package dev.bindsmith.core.zone;

/** Invariant checks of the value types; user input is checked earlier, by validation, with better messages. */
final class Ranges {
    private Ranges() {}

    static void check(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
