package dev.bindsmith.rndc.bind;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.OptionalInt;

/** IP address literals parsed without ever asking a resolver (a hostname is simply not a literal). */
final class IpLiterals {
    private IpLiterals() {
    }

    static Optional<InetAddress> parse(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        if (text.indexOf(':') >= 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                        || c == ':' || c == '.';
                if (!ok) {
                    return Optional.empty();
                }
            }
            try {
                // only hex digits, colons and dots: InetAddress treats it as a literal and never resolves it
                return Optional.of(InetAddress.getByName(text));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            OptionalInt octet = decimal(parts[i], 255);
            if (octet.isEmpty()) {
                return Optional.empty();
            }
            bytes[i] = (byte) octet.getAsInt();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An unsigned decimal of at most {@code max}, without sign or leading {@code +}. */
    static OptionalInt decimal(String s, int max) {
        if (s.isEmpty() || s.length() > 5) {
            return OptionalInt.empty();
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalInt.empty();
            }
            v = v * 10 + (c - '0');
        }
        return v <= max ? OptionalInt.of(v) : OptionalInt.empty();
    }
}
