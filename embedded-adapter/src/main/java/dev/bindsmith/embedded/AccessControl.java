package dev.bindsmith.embedded;

import dev.bindsmith.core.net.IpNetwork;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.dns.conf.KeyStatements;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates an address match list ({@code allow-transfer}, {@code allow-update}) for a client, first
 * match wins, as named does: an address element matches the client's address, a {@code key} element
 * a request signed (and verified) with that key. An empty list matches nobody.
 */
final class AccessControl {
    private AccessControl() {}

    /** {@code key} is the name of the key the request was signed and verified with, if it was. */
    static boolean allows(List<AddressMatch> list, InetAddress peer, Optional<String> key) {
        for (AddressMatch m : list) {
            boolean matched = switch (m) {
                case AddressMatch.Cidr cidr ->
                    IpNetwork.enclosing(cidr.address(), cidr.prefix().orElse(IpNetwork.bits(cidr.address())))
                            .contains(peer);
                case AddressMatch.Key k ->
                    key.filter(name -> KeyStatements.sameName(name, k.name())).isPresent();
                case AddressMatch.BuiltIn builtIn ->
                    switch (builtIn.name()) {
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
        return interfaceAddresses().stream().anyMatch(ia -> localNetwork(ia).contains(peer));
    }

    /** The interface's network; some platforms report a prefix length out of range (JDK-6707289). */
    private static IpNetwork localNetwork(InterfaceAddress ia) {
        int bits = IpNetwork.bits(ia.getAddress());
        return IpNetwork.enclosing(ia.getAddress(), Math.min(bits, Math.max(0, ia.getNetworkPrefixLength())));
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
