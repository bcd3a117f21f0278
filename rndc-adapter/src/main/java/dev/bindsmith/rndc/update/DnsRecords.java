package dev.bindsmith.rndc.update;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.Soa;
import dev.bindsmith.core.zone.ZoneName;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SSHFPRecord;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Core records to dnsjava records and back. Outbound, the data goes through its presentation text
 * (which core guarantees is one safe line) parsed by dnsjava with the zone as origin; inbound, each
 * type's fields are read from dnsjava's typed record, and anything bindsmith does not model is kept
 * in RFC 3597 form.
 */
final class DnsRecords {
    private DnsRecords() {
    }

    static Name name(DomainName name) {
        try {
            return Name.fromString(name.absolute());
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + name.absolute(), e);
        }
    }

    static Name name(ZoneName zone) {
        try {
            return Name.fromString(zone.absolute());
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + zone.absolute(), e);
        }
    }

    static int type(RecordType type) {
        if (type == RecordType.OTHER) {
            throw new IllegalArgumentException("a type bindsmith does not model cannot be written");
        }
        return type.code();
    }

    /** The dnsjava record of class IN with {@code ttl}. */
    static org.xbill.DNS.Record toDns(Record record, long ttl, ZoneName zone) {
        try {
            return org.xbill.DNS.Record.fromString(name(record.owner()), type(record.type()), DClass.IN, ttl,
                    record.data().presentation(), name(zone));
        } catch (IOException e) {
            throw new IllegalArgumentException("dnsjava cannot read the " + record.type() + " data '"
                    + record.data().presentation() + "'", e);
        }
    }

    /** The core record of a dnsjava record, empty for one whose owner bindsmith cannot name. */
    static Optional<Record> fromDns(org.xbill.DNS.Record r) {
        Optional<DomainName> owner = domain(r.getName());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        RData data;
        try {
            data = data(r);
        } catch (RuntimeException e) {
            data = unknown(r);
        }
        return Optional.of(Record.of(owner.get(), r.getTTL(), data));
    }

    private static Optional<DomainName> domain(Name name) {
        try {
            return Optional.of(DomainName.of(name.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static DomainName target(Name name) {
        return DomainName.of(name.toString());
    }

    private static RData data(org.xbill.DNS.Record r) {
        return switch (r) {
            case ARecord a -> new RData.A((Inet4Address) a.getAddress());
            case AAAARecord a -> new RData.Aaaa(inet6(a));
            case CNAMERecord c -> new RData.Cname(target(c.getTarget()));
            case DNAMERecord d -> new RData.Dname(target(d.getTarget()));
            case NSRecord n -> new RData.Ns(target(n.getTarget()));
            case PTRRecord p -> new RData.Ptr(target(p.getTarget()));
            case MXRecord m -> new RData.Mx(m.getPriority(), target(m.getTarget()));
            case TXTRecord t -> new RData.Txt(t.getStringsAsByteArrays().stream()
                    .map(b -> new String(b, StandardCharsets.UTF_8)).toList());
            case SRVRecord s -> new RData.Srv(s.getPriority(), s.getWeight(), s.getPort(), target(s.getTarget()));
            case CAARecord c -> new RData.Caa(c.getFlags(), c.getTag(), c.getValue());
            case DSRecord d -> new RData.Ds(d.getFootprint(), d.getAlgorithm(), d.getDigestID(),
                    HexFormat.of().formatHex(d.getDigest()));
            case TLSARecord t -> new RData.Tlsa(t.getCertificateUsage(), t.getSelector(), t.getMatchingType(),
                    HexFormat.of().formatHex(t.getCertificateAssociationData()));
            case SSHFPRecord s -> new RData.Sshfp(s.getAlgorithm(), s.getDigestType(),
                    HexFormat.of().formatHex(s.getFingerPrint()));
            case SVCBBase s -> svcb(s);
            case SOARecord s -> new RData.StartOfAuthority(new Soa(target(s.getHost()), target(s.getAdmin()),
                    s.getSerial(), s.getRefresh(), s.getRetry(), s.getExpire(), s.getMinimum()));
            default -> unknown(r);
        };
    }

    private static Inet6Address inet6(AAAARecord a) {
        try {
            // getAddress() turns an IPv4-mapped address into an Inet4Address; the wire bytes do not
            return Inet6Address.getByAddress(null, a.rdataToWireCanonical(), -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address", e);
        }
    }

    private static RData svcb(SVCBBase s) {
        String[] fields = s.rdataToString().trim().split("\\s+");
        List<RData.SvcParam> params = new ArrayList<>();
        for (int i = 2; i < fields.length; i++) {
            int eq = fields[i].indexOf('=');
            String key = eq < 0 ? fields[i] : fields[i].substring(0, eq);
            String value = eq < 0 ? "" : fields[i].substring(eq + 1);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            params.add(new RData.SvcParam(key, value));
        }
        return new RData.Svcb(s.getType() == Type.HTTPS, s.getSvcPriority(), target(s.getTargetName()), params);
    }

    private static RData unknown(org.xbill.DNS.Record r) {
        return new RData.Unknown(r.getType(), Type.string(r.getType()), HexFormat.of().formatHex(r.rdataToWireCanonical()));
    }
}
