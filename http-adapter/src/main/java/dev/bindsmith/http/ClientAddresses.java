package dev.bindsmith.http;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.net.IpNetwork;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is, for rate limiting: the socket peer, unless the peer is a trusted proxy, in which
 * case the first address of {@code X-Forwarded-For}, then {@code X-Real-IP} (the reference's order).
 * A header from anyone else is ignored, or any client could pick its own bucket. Values are parsed as
 * IP literals only: a header can never make the server resolve a name.
 */
final class ClientAddresses {
    private final List<IpNetwork> trusted;

    ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream()
                .map(p -> IpNetwork.parse(p).orElseThrow())
                .toList();
    }

    String resolve(String peer, Optional<String> forwardedFor, Optional<String> realIp) {
        Optional<InetAddress> peerAddress = literal(peer);
        if (peerAddress.isEmpty() || trusted.stream().noneMatch(n -> n.contains(peerAddress.get()))) {
            return peer;
        }
        Optional<InetAddress> forwarded = forwardedFor
                .map(v -> v.split(",")[0])
                .flatMap(ClientAddresses::literal)
                .or(() -> realIp.flatMap(ClientAddresses::literal));
        return forwarded.map(InetAddress::getHostAddress).orElse(peer);
    }

    /** An address as a header or the socket writes it: surrounding blanks and IPv6 brackets allowed. */
    static Optional<InetAddress> literal(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        return IpAddresses.parse(t);
    }
}
