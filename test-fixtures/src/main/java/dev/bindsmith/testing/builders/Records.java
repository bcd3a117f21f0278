package dev.bindsmith.testing.builders;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Typed records, addresses and endpoints from short strings. Owners and targets are absolute names
 * ({@code www.example.com}); the trailing dot is optional. Methods without a TTL make a record that
 * takes the zone's default.
 */
public final class Records {
    private Records() {}

    public static Record a(String owner, String address) {
        return Record.of(DomainName.of(owner), new RData.A(ipv4(address)));
    }

    public static Record a(String owner, long ttl, String address) {
        return Record.of(DomainName.of(owner), ttl, new RData.A(ipv4(address)));
    }

    public static Record aaaa(String owner, String address) {
        return Record.of(DomainName.of(owner), new RData.Aaaa(ipv6(address)));
    }

    public static Record aaaa(String owner, long ttl, String address) {
        return Record.of(DomainName.of(owner), ttl, new RData.Aaaa(ipv6(address)));
    }

    public static Record cname(String owner, String target) {
        return Record.of(DomainName.of(owner), new RData.Cname(DomainName.of(target)));
    }

    public static Record ns(String owner, String host) {
        return Record.of(DomainName.of(owner), new RData.Ns(DomainName.of(host)));
    }

    public static Record mx(String owner, int preference, String exchange) {
        return Record.of(DomainName.of(owner), new RData.Mx(preference, DomainName.of(exchange)));
    }

    public static Record txt(String owner, String... strings) {
        return Record.of(DomainName.of(owner), new RData.Txt(List.of(strings)));
    }

    public static Record txt(String owner, long ttl, String... strings) {
        return Record.of(DomainName.of(owner), ttl, new RData.Txt(List.of(strings)));
    }

    public static Record srv(String owner, int priority, int weight, int port, String target) {
        return Record.of(DomainName.of(owner), new RData.Srv(priority, weight, port, DomainName.of(target)));
    }

    /** The same record with an explicit TTL. */
    public static Record withTtl(Record record, long ttl) {
        return new Record(record.owner(), OptionalLong.of(ttl), record.data());
    }

    /** An IP literal as core reads one (never a host name: nothing is looked up). */
    public static InetAddress ip(String literal) {
        return IpAddresses.parse(literal)
                .orElseThrow(() -> new IllegalArgumentException("not an IP literal: " + literal));
    }

    public static Inet4Address ipv4(String literal) {
        return IpAddresses.parseIpv4(literal)
                .orElseThrow(() -> new IllegalArgumentException("not an IPv4 literal: " + literal));
    }

    public static Inet6Address ipv6(String literal) {
        return IpAddresses.parseIpv6(literal)
                .orElseThrow(() -> new IllegalArgumentException("not an IPv6 literal: " + literal));
    }

    public static Endpoint endpoint(String ip) {
        return new Endpoint(ip(ip), OptionalInt.empty());
    }

    public static Endpoint endpoint(String ip, int port) {
        return new Endpoint(ip(ip), OptionalInt.of(port));
    }

    /** An address match element: {@code any}/{@code none}/{@code localhost}/{@code localnets}, or an address with an optional {@code /prefix}. */
    public static AddressMatch match(String element) {
        if (AddressMatch.BuiltIn.NAMES.contains(element)) {
            return new AddressMatch.BuiltIn(element);
        }
        int slash = element.indexOf('/');
        if (slash < 0) {
            return new AddressMatch.Cidr(ip(element), OptionalInt.empty());
        }
        return new AddressMatch.Cidr(
                ip(element.substring(0, slash)), OptionalInt.of(Integer.parseInt(element.substring(slash + 1))));
    }

    public static AddressMatch key(String name) {
        return new AddressMatch.Key(name);
    }
}
