package dev.bindsmith.core.validation;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.net.IpNetwork;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Rules for addresses as clients type them. Literals only: nothing here resolves a host name or
 * touches the network. Every accepted form is rebuilt from parsed numbers, so no text of the
 * client's reaches BIND configuration ({@code 1.2.3.4; }; zone "x" {…} is refused, bindcar audit B-8).
 */
public final class AddressRules {
    private static final String ENDPOINT_FORMS = "write 192.0.2.1, 192.0.2.1:5353, 2001:db8::1 or [2001:db8::1]:5353";
    private static final String MATCH_FORMS = "write an address (192.0.2.1), a network (10.0.0.0/8, 2001:db8::/32),"
            + " any, none, localhost, localnets, or key <name>";

    private AddressRules() {}

    /** An IPv4 address in dotted-quad form ({@code 192.0.2.1}); no leading zeros, which some read as octal. */
    public static Parsed<Inet4Address> ipv4(String raw) {
        return IpAddresses.parseIpv4(raw)
                .<Parsed<Inet4Address>>map(Parsed::of)
                .orElseGet(() -> Parsed.malformed(TextRules.show(raw)
                        + " is not an IPv4 address (write four numbers 0–255 separated by dots, like 192.0.2.1)"));
    }

    /** An IPv6 address ({@code 2001:db8::1}, also with an embedded IPv4 tail); no zone index. */
    public static Parsed<Inet6Address> ipv6(String raw) {
        return IpAddresses.parseIpv6(raw)
                .<Parsed<Inet6Address>>map(Parsed::of)
                .orElseGet(() ->
                        Parsed.malformed(TextRules.show(raw) + " is not an IPv6 address (write it like 2001:db8::1)"));
    }

    /** An IPv4 or IPv6 address. */
    public static Parsed<InetAddress> ip(String raw) {
        return IpAddresses.parse(raw)
                .<Parsed<InetAddress>>map(Parsed::of)
                .orElseGet(() -> Parsed.malformed(
                        TextRules.show(raw) + " is not an IP address (write 192.0.2.1 or 2001:db8::1)"));
    }

    /**
     * A server for {@code primaries} or {@code also-notify}: {@code ip}, {@code ip:port} or
     * {@code [v6]:port}, port 1–65535. BIND's own {@code ip port N} form is refused: it is not the API's.
     */
    public static Parsed<Endpoint> endpoint(String raw) {
        String host;
        Optional<String> port;
        if (raw.startsWith("[")) {
            int close = raw.indexOf(']');
            if (close < 0) {
                return Parsed.malformed(TextRules.show(raw) + " has no closing ']'; " + ENDPOINT_FORMS);
            }
            host = raw.substring(1, close);
            String rest = raw.substring(close + 1);
            if (rest.isEmpty()) {
                port = Optional.empty();
            } else if (rest.startsWith(":")) {
                port = Optional.of(rest.substring(1));
            } else {
                return Parsed.malformed(
                        TextRules.show(raw) + " is not an address with an optional port; " + ENDPOINT_FORMS);
            }
            if (IpAddresses.parseIpv6(host).isEmpty()) {
                return Parsed.malformed(
                        TextRules.show(raw) + ": only an IPv6 address goes inside [ ]; " + ENDPOINT_FORMS);
            }
        } else if (raw.indexOf(':') >= 0 && raw.indexOf(':') == raw.lastIndexOf(':')) {
            host = raw.substring(0, raw.indexOf(':'));
            port = Optional.of(raw.substring(raw.indexOf(':') + 1));
        } else {
            host = raw;
            port = Optional.empty();
        }
        Optional<InetAddress> address = IpAddresses.parse(host);
        if (address.isEmpty()) {
            return Parsed.malformed(
                    TextRules.show(raw) + " is not an address with an optional port; " + ENDPOINT_FORMS);
        }
        if (port.isEmpty()) {
            return Parsed.of(new Endpoint(address.get(), OptionalInt.empty()));
        }
        String p = port.get();
        if (p.isEmpty() || p.length() > 5 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Parsed.malformed(
                    TextRules.show(raw) + " has a port that is not a number 1–65535; " + ENDPOINT_FORMS);
        }
        int n = Integer.parseInt(p);
        if (n < 1 || n > 65535) {
            return Parsed.malformed(TextRules.show(raw) + " has port " + n + "; a port is between 1 and 65535");
        }
        return Parsed.of(new Endpoint(address.get(), OptionalInt.of(n)));
    }

    /**
     * One element of an address match list ({@code allow-transfer}, {@code allow-update}): an address,
     * a network in CIDR form whose host bits are zero (BIND refuses {@code 10.0.0.1/8}), one of the
     * built-in ACLs, or {@code key <name>}.
     */
    public static Parsed<AddressMatch> addressMatch(String raw) {
        if (AddressMatch.BuiltIn.NAMES.contains(raw)) {
            return Parsed.of(new AddressMatch.BuiltIn(raw));
        }
        if (AddressMatch.BuiltIn.NAMES.contains(raw.toLowerCase(Locale.ROOT))) {
            return Parsed.of(new AddressMatch.BuiltIn(raw.toLowerCase(Locale.ROOT)));
        }
        if (raw.startsWith("key ") || raw.startsWith("key\t")) {
            String name = raw.substring(4).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return NameRules.keyName("The key name in " + TextRules.show(raw), name)
                    .map(AddressMatch.Key::new);
        }
        int slash = raw.indexOf('/');
        String host = slash < 0 ? raw : raw.substring(0, slash);
        Optional<InetAddress> address = IpAddresses.parse(host);
        if (address.isEmpty()) {
            return Parsed.malformed(TextRules.show(raw) + " is not an address match element; " + MATCH_FORMS);
        }
        if (slash < 0) {
            return Parsed.of(new AddressMatch.Cidr(address.get(), OptionalInt.empty()));
        }
        String p = raw.substring(slash + 1);
        int max = address.get().getAddress().length * 8;
        if (p.isEmpty()
                || p.length() > 3
                || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(p) > max) {
            return Parsed.malformed(TextRules.show(raw) + " has a prefix length that is not a number 0–" + max);
        }
        int prefix = Integer.parseInt(p);
        IpNetwork network = IpNetwork.enclosing(address.get(), prefix);
        if (!network.address().equals(address.get())) {
            return Parsed.malformed(TextRules.show(raw) + " has host bits set after /" + prefix + "; BIND refuses it."
                    + " Did you mean " + network + "?");
        }
        return Parsed.of(new AddressMatch.Cidr(address.get(), OptionalInt.of(prefix)));
    }
}
