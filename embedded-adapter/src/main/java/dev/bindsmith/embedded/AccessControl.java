package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.AddressMatch;

import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;

/**
 * Evaluates an address match list ({@code allow-transfer}) for a client address, first match wins,
 * as named does. An empty list matches nobody: the embedded server transfers a zone only to clients
 * its statement names. A key element never matches, because the embedded server holds no TSIG keys.
 */
final class AccessControl {
    private AccessControl() {
    }

    static boolean allows(List<AddressMatch> list, InetAddress peer) {
        for (AddressMatch m : list) {
            boolean matched = switch (m) {
                case AddressMatch.Cidr cidr -> inPrefix(peer, cidr.address(),
                        cidr.prefix().orElse(cidr.address().getAddress().length * 8));
                case AddressMatch.Key key -> false;
                case AddressMatch.BuiltIn builtIn -> switch (builtIn.name()) {
                    case "any" -> true;
                    case "localhost" -> isLocalhost(peer);
                    case "localnets" -> isLocalnet(peer);
                    default -> false;
                };
            };
            if (matched) {
                return true;
            }
        }
        return false;
    }

    static boolean inPrefix(InetAddress peer, InetAddress network, int prefix) {
        byte[] a = peer.getAddress();
        byte[] b = network.getAddress();
        if (a.length != b.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (b[full] & mask);
    }

    private static boolean isLocalhost(InetAddress peer) {
        if (peer.isLoopbackAddress()) {
            return true;
        }
        return interfaceAddresses().stream().anyMatch(ia -> ia.getAddress().equals(peer));
    }

    private static boolean isLocalnet(InetAddress peer) {
        if (peer.isLoopbackAddress()) {
            return true;
        }
        return interfaceAddresses().stream()
                .anyMatch(ia -> inPrefix(peer, ia.getAddress(), Math.max(0, ia.getNetworkPrefixLength())));
    }

    private static List<InterfaceAddress> interfaceAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(ni -> ni.getInterfaceAddresses().stream())
                    .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }
}
