package dev.bindsmith.core.zone;

import dev.bindsmith.core.net.IpAddresses;
import java.net.InetAddress;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One element of a BIND address match list ({@code allow-transfer}, {@code allow-update}): an address
 * or CIDR prefix, a TSIG key, or one of BIND's built-in ACL names.
 */
public sealed interface AddressMatch {

    /** An address, with a prefix length when it names a network ({@code 10.0.0.0/8}). */
    record Cidr(InetAddress address, OptionalInt prefix) implements AddressMatch {
        public Cidr {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(prefix, "prefix");
            int max = address.getAddress().length * 8;
            if (prefix.isPresent() && (prefix.getAsInt() < 0 || prefix.getAsInt() > max)) {
                throw new IllegalArgumentException("prefix out of range: /" + prefix.getAsInt());
            }
        }

        @Override
        public String toString() {
            return IpAddresses.format(address) + (prefix.isPresent() ? "/" + prefix.getAsInt() : "");
        }
    }

    /** A TSIG key by name ({@code key "bindy-operator"}). The name is validated as a key identifier. */
    record Key(String name) implements AddressMatch {
        public Key {
            Objects.requireNonNull(name, "name");
            if (!KeyNames.isValid(name)) {
                throw new IllegalArgumentException("invalid key name");
            }
        }

        @Override
        public String toString() {
            return "key " + name;
        }
    }

    /** One of BIND's built-in ACLs: {@code any}, {@code none}, {@code localhost}, {@code localnets}. */
    record BuiltIn(String name) implements AddressMatch {
        public static final Set<String> NAMES = Set.of("any", "none", "localhost", "localnets");

        public BuiltIn {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("not a built-in ACL: " + name);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
