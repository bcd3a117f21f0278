package dev.bindsmith.core.net;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An IP network in CIDR form: an address whose bits after the prefix are zero, and the prefix
 * length ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a single host is {@code /32} or {@code /128}).
 * The host-bits rule is named's: it refuses {@code 10.0.0.1/8} ("address/prefix length mismatch").
 *
 * <pre>{@code
 * IpNetwork proxies = IpNetwork.parse("10.0.0.0/8").orElseThrow();
 * boolean trusted = IpAddresses.parse("10.1.2.3").map(proxies::contains).orElse(false);   // true
 * }</pre>
 */
public record IpNetwork(InetAddress address, int prefixLength) {

    public IpNetwork {
        Objects.requireNonNull(address, "address");
        address = IpAddresses.plain(address);
        int bits = bits(address);
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length out of range: /" + prefixLength);
        }
        if (!masked(address.getAddress(), prefixLength).equals(address)) {
            throw new IllegalArgumentException("host bits are set after /" + prefixLength);
        }
    }

    /** The network of exactly one address. */
    public static IpNetwork host(InetAddress address) {
        return new IpNetwork(address, bits(address));
    }

    /** The network of {@code prefixLength} bits that holds {@code address}: its host bits are cleared. */
    public static IpNetwork enclosing(InetAddress address, int prefixLength) {
        if (prefixLength < 0 || prefixLength > bits(address)) {
            throw new IllegalArgumentException("prefix length out of range: /" + prefixLength);
        }
        return new IpNetwork(masked(address.getAddress(), prefixLength), prefixLength);
    }

    /**
     * {@code address} (a host) or {@code address/length}, as named reads an address-match element:
     * the address is a literal ({@link IpAddresses#parse}), the length one to three decimal digits up
     * to 32 or 128 (named reads {@code /08} as {@code /8}), and no host bit may be set. No
     * whitespace, brackets or scope.
     */
    public static Optional<IpNetwork> parse(String text) {
        int slash = text.indexOf('/');
        Optional<InetAddress> address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        if (slash < 0) {
            return Optional.of(host(address.get()));
        }
        String length = text.substring(slash + 1);
        if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(length);
        if (prefix > bits(address.get())
                || !enclosing(address.get(), prefix).address().equals(address.get())) {
            return Optional.empty();
        }
        return Optional.of(new IpNetwork(address.get(), prefix));
    }

    /** True when {@code candidate} is of the same family and its first {@link #prefixLength} bits are the network's. */
    public boolean contains(InetAddress candidate) {
        byte[] a = candidate.getAddress();
        byte[] n = address.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != n[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (n[full] & mask);
    }

    /** True for a network of one address ({@code /32}, {@code /128}). */
    public boolean isHost() {
        return prefixLength == bits(address);
    }

    /** {@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 192.0.2.1/32}: always with the length, as named prints it. */
    @Override
    public String toString() {
        return IpAddresses.format(address) + "/" + prefixLength;
    }

    /** 32 for IPv4, 128 for IPv6. */
    public static int bits(InetAddress address) {
        return address.getAddress().length * 8;
    }

    private static InetAddress masked(byte[] bytes, int prefixLength) {
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - 8 * i));
            bytes[i] = (byte) (bytes[i] & (0xff << (8 - keep)));
        }
        return IpAddresses.ofBytes(bytes);
    }
}
