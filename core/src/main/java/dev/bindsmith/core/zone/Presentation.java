package dev.bindsmith.core.zone;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Master-file text rules: how a string is quoted so that nothing in it can end the line or the string. */
public final class Presentation {
    private Presentation() {}

    /**
     * A character-string in double quotes: {@code "} and {@code \} escaped with a backslash, every
     * byte outside printable ASCII (control characters, newline, and each byte of non-ASCII UTF-8)
     * as {@code \DDD}. The result is one token on one line whatever the input.
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append('\\').append(String.format(Locale.ROOT, "%03d", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append('"').toString();
    }

    /** Lower-case hex, checked: an even number of hex digits. */
    static String hex(String hex) {
        String h = hex.toLowerCase(Locale.ROOT);
        if (h.isEmpty()
                || h.length() % 2 != 0
                || !h.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("not an even-length hex string");
        }
        return h;
    }

    /** Printable ASCII without space, quote, backslash, semicolon, parentheses or {@code $}. */
    public static boolean isBareToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == ';' || c == '(' || c == ')' || c == '$') {
                return false;
            }
        }
        return true;
    }
}
