package dev.bindsmith.core.zone;

import dev.bindsmith.core.net.IpAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;

/**
 * The typed data of a record, one variant per type. Each variant is a validated value; its
 * {@link #presentation()} is master-file text that cannot break out of its line: names are absolute,
 * strings are quoted and escaped, hex is hex. Parsing the text a user typed is
 * {@code dev.bindsmith.core.validation}'s job.
 */
public sealed interface RData {

    RecordType type();

    /** The data in RFC 1035 presentation form, safe to place after the type on one zone-file line. */
    String presentation();

    record A(Inet4Address address) implements RData {
        public A {
            Objects.requireNonNull(address, "address");
        }

        public RecordType type() {
            return RecordType.A;
        }

        public String presentation() {
            return address.getHostAddress();
        }
    }

    record Aaaa(Inet6Address address) implements RData {
        public Aaaa {
            Objects.requireNonNull(address, "address");
        }

        public RecordType type() {
            return RecordType.AAAA;
        }

        public String presentation() {
            return IpAddresses.format(address);
        }
    }

    record Cname(DomainName target) implements RData {
        public Cname {
            Objects.requireNonNull(target, "target");
        }

        public RecordType type() {
            return RecordType.CNAME;
        }

        public String presentation() {
            return target.absolute();
        }
    }

    record Dname(DomainName target) implements RData {
        public Dname {
            Objects.requireNonNull(target, "target");
        }

        public RecordType type() {
            return RecordType.DNAME;
        }

        public String presentation() {
            return target.absolute();
        }
    }

    record Ns(DomainName host) implements RData {
        public Ns {
            Objects.requireNonNull(host, "host");
        }

        public RecordType type() {
            return RecordType.NS;
        }

        public String presentation() {
            return host.absolute();
        }
    }

    record Ptr(DomainName target) implements RData {
        public Ptr {
            Objects.requireNonNull(target, "target");
        }

        public RecordType type() {
            return RecordType.PTR;
        }

        public String presentation() {
            return target.absolute();
        }
    }

    record Mx(int preference, DomainName exchange) implements RData {
        public Mx {
            Objects.requireNonNull(exchange, "exchange");
            Ranges.check("preference", preference, 0, 65535);
        }

        public RecordType type() {
            return RecordType.MX;
        }

        public String presentation() {
            return preference + " " + exchange.absolute();
        }
    }

    /** One or more character-strings, each at most 255 bytes of UTF-8. */
    record Txt(List<String> strings) implements RData {
        public Txt {
            strings = List.copyOf(strings);
            if (strings.isEmpty()) {
                throw new IllegalArgumentException("a TXT record needs at least one string");
            }
            for (String s : strings) {
                if (s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                    throw new IllegalArgumentException("a TXT string is longer than 255 bytes");
                }
            }
        }

        public RecordType type() {
            return RecordType.TXT;
        }

        public String presentation() {
            StringBuilder sb = new StringBuilder();
            for (String s : strings) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(Presentation.quote(s));
            }
            return sb.toString();
        }
    }

    record Srv(int priority, int weight, int port, DomainName target) implements RData {
        public Srv {
            Objects.requireNonNull(target, "target");
            Ranges.check("priority", priority, 0, 65535);
            Ranges.check("weight", weight, 0, 65535);
            Ranges.check("port", port, 0, 65535);
        }

        public RecordType type() {
            return RecordType.SRV;
        }

        public String presentation() {
            return priority + " " + weight + " " + port + " " + target.absolute();
        }
    }

    /** {@code tag} is letters and digits only (RFC 8659); {@code value} is quoted when written. */
    record Caa(int flags, String tag, String value) implements RData {
        public Caa {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(value, "value");
            Ranges.check("flags", flags, 0, 255);
            if (tag.isEmpty()
                    || !tag.chars()
                            .allMatch(
                                    c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                throw new IllegalArgumentException("a CAA tag is letters and digits only");
            }
        }

        public RecordType type() {
            return RecordType.CAA;
        }

        public String presentation() {
            return flags + " " + tag + " " + Presentation.quote(value);
        }
    }

    record Ds(int keyTag, int algorithm, int digestType, String digestHex) implements RData {
        public Ds {
            Ranges.check("key tag", keyTag, 0, 65535);
            Ranges.check("algorithm", algorithm, 0, 255);
            Ranges.check("digest type", digestType, 0, 255);
            digestHex = Presentation.hex(digestHex);
        }

        public RecordType type() {
            return RecordType.DS;
        }

        public String presentation() {
            return keyTag + " " + algorithm + " " + digestType + " " + digestHex;
        }
    }

    record Tlsa(int usage, int selector, int matchingType, String dataHex) implements RData {
        public Tlsa {
            Ranges.check("usage", usage, 0, 255);
            Ranges.check("selector", selector, 0, 255);
            Ranges.check("matching type", matchingType, 0, 255);
            dataHex = Presentation.hex(dataHex);
        }

        public RecordType type() {
            return RecordType.TLSA;
        }

        public String presentation() {
            return usage + " " + selector + " " + matchingType + " " + dataHex;
        }
    }

    record Sshfp(int algorithm, int fingerprintType, String fingerprintHex) implements RData {
        public Sshfp {
            Ranges.check("algorithm", algorithm, 0, 255);
            Ranges.check("fingerprint type", fingerprintType, 0, 255);
            fingerprintHex = Presentation.hex(fingerprintHex);
        }

        public RecordType type() {
            return RecordType.SSHFP;
        }

        public String presentation() {
            return algorithm + " " + fingerprintType + " " + fingerprintHex;
        }
    }

    /**
     * SVCB (RFC 9460) and, with {@code https} set, HTTPS. Parameters are kept in their presentation
     * form ({@code alpn=h2,h3}); keys and values are checked by validation to hold no quote,
     * whitespace, semicolon or parenthesis.
     */
    record Svcb(boolean https, int priority, DomainName target, List<SvcParam> params) implements RData {
        public Svcb {
            Objects.requireNonNull(target, "target");
            Ranges.check("priority", priority, 0, 65535);
            params = List.copyOf(params);
        }

        public RecordType type() {
            return https ? RecordType.HTTPS : RecordType.SVCB;
        }

        public String presentation() {
            StringBuilder sb = new StringBuilder().append(priority).append(' ').append(target.absolute());
            for (SvcParam p : params) {
                sb.append(' ').append(p.key());
                if (!p.value().isEmpty()) {
                    sb.append('=').append(p.value());
                }
            }
            return sb.toString();
        }
    }

    /** One SvcParam: a key ({@code alpn}, {@code port}, {@code key65000} …) and its value, maybe empty. */
    record SvcParam(String key, String value) {
        public SvcParam {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (!Presentation.isBareToken(key) || !(value.isEmpty() || Presentation.isBareToken(value))) {
                throw new IllegalArgumentException("an SvcParam key or value holds characters that need quoting");
            }
        }
    }

    /** The SOA of a zone as read back from it. */
    record StartOfAuthority(Soa soa) implements RData {
        public StartOfAuthority {
            Objects.requireNonNull(soa, "soa");
        }

        public RecordType type() {
            return RecordType.SOA;
        }

        public String presentation() {
            return soa.primaryNs().absolute() + " " + soa.adminMailbox().absolute() + " " + soa.serial() + " "
                    + soa.refresh() + " " + soa.retry() + " " + soa.expire() + " " + soa.negativeTtl();
        }
    }

    /** A type bindsmith does not model, read from a zone, in RFC 3597 form. */
    record Unknown(int typeCode, String mnemonic, String dataHex) implements RData {
        public Unknown {
            Ranges.check("type code", typeCode, 0, 65535);
            Objects.requireNonNull(mnemonic, "mnemonic");
            dataHex = dataHex.isEmpty() ? "" : Presentation.hex(dataHex);
        }

        public RecordType type() {
            return RecordType.OTHER;
        }

        public String presentation() {
            return "\\# " + dataHex.length() / 2 + (dataHex.isEmpty() ? "" : " " + dataHex);
        }
    }
}
