package dev.bindsmith.http;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is, for rate limiting: the socket peer, unless the peer is a trusted proxy, in which
 * case the first address of {@code X-Forwarded-For}, then {@code X-Real-IP} (the reference's order).
 * A header from anyone else is ignored, or any client could pick its own bucket.
 */
final class ClientAddresses {
    private final List<IpNetwork> trusted;

    ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(p -> IpNetwork.parse(p).orElseThrow()).toList();
    }

    String resolve(String peer, Optional<String> forwardedFor, Optional<String> realIp) {
        Optional<InetAddress> peerAddress = IpNetwork.literal(peer);
        if (peerAddress.isEmpty() || trusted.stream().noneMatch(n -> n.contains(peerAddress.get()))) {
            return peer;
        }
        Optional<InetAddress> forwarded = forwardedFor
                .map(v -> v.split(",")[0])
                .flatMap(IpNetwork::literal)
                .or(() -> realIp.flatMap(IpNetwork::literal));
        return forwarded.map(InetAddress::getHostAddress).orElse(peer);
    }
}
