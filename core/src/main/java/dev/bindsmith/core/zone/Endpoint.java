package dev.bindsmith.core.zone;

import dev.bindsmith.core.net.IpAddresses;
import java.net.InetAddress;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A server address with an optional port, as in {@code primaries} and {@code also-notify}. Written in
 * the API as {@code 192.0.2.1}, {@code 192.0.2.1:5353}, {@code 2001:db8::1} or {@code [2001:db8::1]:5353};
 * rendered for BIND as {@code 192.0.2.1 port 5353}.
 */
public record Endpoint(InetAddress address, OptionalInt port) {

    public Endpoint {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(port, "port");
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port.getAsInt());
        }
    }

    /** The API form: {@code ip}, {@code ip:port} or {@code [v6]:port}. */
    @Override
    public String toString() {
        String ip = IpAddresses.format(address);
        if (port.isEmpty()) {
            return ip;
        }
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port.getAsInt();
    }
}
