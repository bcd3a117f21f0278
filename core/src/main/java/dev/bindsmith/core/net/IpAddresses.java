package dev.bindsmith.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IP address literals, read the way named reads them and written the way named and dig print them.
 * Nothing here hands text to {@link InetAddress#getByName}, which would ask a resolver for anything
 * that is not a literal and reads some non-literals ({@code 1.2.3}, {@code 010.0.0.1}) as addresses.
 */
public final class IpAddresses {
    private IpAddresses() {}

    /** An IPv4 or IPv6 literal: IPv6 when the text holds a colon. */
    public static Optional<InetAddress> parse(String text) {
        return text.indexOf(':') >= 0
                ? parseIpv6(text).map(a -> a)
                : parseIpv4(text).map(a -> a);
    }

    /**
     * Four decimal octets 0–255 ({@code 192.0.2.1}). An octet with a leading zero is refused: named
     * reads {@code 010.0.0.1} as the name of an ACL, and other tools read it as octal.
     */
    public static Optional<Inet4Address> parseIpv4(String text) {
        byte[] bytes = ipv4Bytes(text);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The RFC 4291 §2.2 text forms, upper or lower case, with an IPv4 tail allowed; no zone index
     * ({@code %eth0}) and no brackets. An IPv4-mapped address ({@code ::ffff:192.0.2.1}) stays IPv6,
     * as named keeps it (RFC 4291 §2.5.5.2), instead of turning into IPv4 as {@code getByName} does.
     */
    public static Optional<Inet6Address> parseIpv6(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        byte[] tail = new byte[0];
        String hex = text;
        int lastColon = text.lastIndexOf(':');
        if (lastColon >= 0 && text.indexOf('.', lastColon) > 0) {
            tail = ipv4Bytes(text.substring(lastColon + 1));
            if (tail == null) {
                return Optional.empty();
            }
            // keep the colon(s) before the IPv4 tail so that "::1.2.3.4" still splits around "::"
            hex = text.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = hex.indexOf("::");
        if (doubleColon >= 0 && hex.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        String[] head;
        String[] rear;
        if (doubleColon >= 0) {
            head = groups(hex.substring(0, doubleColon));
            rear = groups(hex.substring(doubleColon + 2));
            if (head == null || rear == null || head.length + rear.length > 7) {
                return Optional.empty();
            }
        } else {
            head = groups(hex);
            rear = new String[0];
            if (head == null || head.length != 8) {
                return Optional.empty();
            }
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            int group;
            if (i < head.length) {
                group = hexGroup(head[i]);
            } else if (i >= 8 - rear.length) {
                group = hexGroup(rear[i - (8 - rear.length)]);
            } else {
                group = 0;
            }
            if (group < 0) {
                return Optional.empty();
            }
            bytes[2 * i] = (byte) (group >> 8);
            bytes[2 * i + 1] = (byte) group;
        }
        if (tail.length == 4) {
            System.arraycopy(tail, 0, bytes, 12, 4);
        }
        return Optional.of(ipv6(bytes));
    }

    /**
     * The canonical text of an address: the dotted quad for IPv4; for IPv6 RFC 5952 (lower case,
     * leading zeros dropped, the longest run of two or more zero groups as {@code ::}, IPv4-mapped as
     * {@code ::ffff:192.0.2.1}), which is how named and dig print it: {@code 2001:db8::1}, never
     * {@code 2001:db8:0:0:0:0:0:1} as {@link InetAddress#getHostAddress()} writes it.
     */
    public static String format(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
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

    /** The same address without a host name or scope: two addresses with equal bytes become equal values. */
    static InetAddress plain(InetAddress address) {
        return ofBytes(address.getAddress());
    }

    /** The address of 4 or 16 bytes; 16 bytes stay IPv6 even when they are IPv4-mapped. */
    static InetAddress ofBytes(byte[] bytes) {
        if (bytes.length == 16) {
            return ipv6(bytes);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address", e);
        }
    }

    private static Inet6Address ipv6(byte[] bytes) {
        try {
            // InetAddress.getByAddress would turn an IPv4-mapped address into an Inet4Address
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not 16 bytes", e);
        }
    }

    private static byte[] ipv4Bytes(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty()
                    || part.length() > 3
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int v = Integer.parseInt(part);
            if (v > 255) {
                return null;
            }
            bytes[i] = (byte) v;
        }
        return bytes;
    }

    /** The groups of a colon-separated run, or null when one is empty; an empty run is zero groups. */
    private static String[] groups(String run) {
        if (run.isEmpty()) {
            return new String[0];
        }
        String[] parts = run.split(":", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                return null;
            }
        }
        return parts;
    }

    /** One to four ASCII hex digits, or -1 ({@link Character#digit} alone would take full-width digits). */
    private static int hexGroup(String g) {
        if (g.isEmpty() || g.length() > 4) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            int d = c < 0x80 ? Character.digit(c, 16) : -1;
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
