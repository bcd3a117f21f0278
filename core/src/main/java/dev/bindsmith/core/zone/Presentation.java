package dev.bindsmith.core.zone;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Master-file text rules: how a string is quoted so that nothing in it can end the line or the string. */
public final class Presentation {
    private Presentation() {
    }

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

    /**
     * An address in its canonical text form: dotted quad for IPv4, RFC 5952 for IPv6 (lower case,
     * leading zeros dropped, IPv4-mapped as {@code ::ffff:192.0.2.1}, the longest run of two or more zero groups written as {@code ::}), so that
     * {@code 2001:db8::1} is written as named and dig show it, not as {@code 2001:db8:0:0:0:0:0:1}.
     */
    public static String address(java.net.InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return address.getHostAddress();
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
            return "::ffff:" + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** Lower-case hex, checked: an even number of hex digits. */
    static String hex(String hex) {
        String h = hex.toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.length() % 2 != 0 || !h.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
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
