package dev.bindsmith.http;

import dev.bindsmith.core.net.IpAddresses;
import dev.bindsmith.core.net.IpNetwork;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is, for rate limiting, {@code allowFrom} and the audit log: the socket peer, unless the
 * peer is a trusted proxy. Then {@code X-Forwarded-For} is read from the right, the end the proxies
 * append to: the first address that is not a trusted proxy is the client (a client can write anything
 * to the left of what the proxies add, so the leftmost hop is never believed); {@code X-Real-IP} when
 * there is no {@code X-Forwarded-For}. A header from anyone else is ignored, or any client could pick its
 * own bucket. Values are parsed as IP literals only: a header can never make the server resolve a name.
 */
final class ClientAddresses {
    private final List<IpNetwork> trusted;

    ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream()
                .map(p -> IpNetwork.parse(p).orElseThrow())
                .toList();
    }

    String resolve(String peer, Optional<String> forwardedFor, Optional<String> realIp) {
        return resolve(peer, forwardedFor.map(List::of).orElse(List.of()), realIp);
    }

    /** {@code forwardedFor} holds every {@code X-Forwarded-For} line in the order received. */
    String resolve(String peer, List<String> forwardedFor, Optional<String> realIp) {
        Optional<InetAddress> peerAddress = literal(peer);
        if (peerAddress.isEmpty() || !trusted(peerAddress.get())) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop);
                }
            }
        }
        if (hops.isEmpty()) {
            return realIp.flatMap(ClientAddresses::literal)
                    .map(InetAddress::getHostAddress)
                    .orElse(peer);
        }
        InetAddress client = peerAddress.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                // a trusted proxy passed on something that is not an address: the last hop it vouches for
                break;
            }
            client = hop.get();
            if (!trusted(client)) {
                break;
            }
        }
        return client.equals(peerAddress.get()) ? peer : client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return trusted.stream().anyMatch(n -> n.contains(address));
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
