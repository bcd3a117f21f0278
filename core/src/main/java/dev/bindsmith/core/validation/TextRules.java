package dev.bindsmith.core.validation;

import java.util.Locale;
import java.util.Optional;

/**
 * Rules for free text a client sends. Control characters (newline, carriage return, NUL, tab …) are
 * refused in every value: one of them in a record value once let a client append its own commands
 * to a dynamic-update script (bindcar audit B-2), and none has a place in a DNS name or a zone file.
 */
public final class TextRules {
    /** How much of a rejected value a message quotes back. */
    static final int SHOWN = 60;

    private TextRules() {}

    /** Why {@code raw} is not acceptable as text ({@code what} names it in the message), or empty. */
    public static Optional<String> controlCharacterProblem(String what, String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isControl(c)) {
                return Optional.of(what + " must not contain control characters (found "
                        + String.format(Locale.ROOT, "U+%04X", (int) c) + " at position " + (i + 1)
                        + "); send a single line of printable text");
            }
        }
        return Optional.empty();
    }

    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }

    /**
     * A client's value quoted for a message: in single quotes, control characters and quotes
     * escaped, long values cut, so that echoing it can never break a log line or an error body.
     */
    public static String show(String raw) {
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(raw.length(), SHOWN);
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (isControl(c)) {
                sb.append(
                        switch (c) {
                            case '\n' -> "\\n";
                            case '\r' -> "\\r";
                            case '\t' -> "\\t";
                            default -> String.format(Locale.ROOT, "\\u%04x", (int) c);
                        });
            } else if (c == '\'' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        if (raw.length() > n) {
            sb.append("…");
        }
        return sb.append('\'').toString();
    }
}
