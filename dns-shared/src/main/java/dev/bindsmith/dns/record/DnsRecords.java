package dev.bindsmith.dns.record;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.Soa;
import dev.bindsmith.core.zone.ZoneName;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

/**
 * Core records to dnsjava records and back.
 *
 * <p>Outbound, the data goes through its presentation text — which core made safe: one line,
 * absolute names — so dnsjava's parser is the one judge of the wire form. A type bindsmith does not
 * model ({@link RData.Unknown}) is written with its own type code in RFC 3597 form, which loses
 * nothing.
 *
 * <p>Inbound, each type's fields are read from dnsjava's typed record; data core cannot hold (a
 * target name outside its grammar, a CAA tag with other characters) and every type core does not
 * model are kept as {@link RData.Unknown}, the RFC 3597 bytes. A record whose owner core cannot name
 * is left out.
 *
 * <pre>{@code
 * Record www = Record.of(DomainName.of("www.example.com"), new RData.A(IpAddresses.parseIpv4("192.0.2.1").orElseThrow()));
 * org.xbill.DNS.Record wire = DnsRecords.toDns(www, 3600);   // www.example.com. 3600 IN A 192.0.2.1
 * Optional<Record> back = DnsRecords.toCore(wire);           // www, now with TTL 3600
 * }</pre>
 */
public final class DnsRecords {
    private static final HexFormat HEX = HexFormat.of();

    private DnsRecords() {}

    /** The absolute dnsjava name. */
    public static Name name(DomainName name) {
        try {
            return Name.fromString(name.absolute());
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + name.absolute(), e);
        }
    }

    /** The zone's apex as an absolute dnsjava name. */
    public static Name name(ZoneName zone) {
        return name(zone.apex());
    }

    /**
     * The core name of a dnsjava name, lower-cased.
     *
     * @throws IllegalArgumentException when core's name grammar cannot hold it (an escaped space or dot …)
     */
    public static DomainName domainName(Name name) {
        return DomainName.of(name.toString());
    }

    /**
     * The type code of an RRset named by type alone.
     *
     * @throws IllegalArgumentException for {@link RecordType#OTHER}, which stands for many codes
     */
    public static int type(RecordType type) {
        if (type == RecordType.OTHER) {
            throw new IllegalArgumentException("a type bindsmith does not model has no code of its own");
        }
        return type.code();
    }

    /**
     * The record as dnsjava's, class IN, with its own TTL or {@code defaultTtl} when it names none.
     *
     * @throws IllegalArgumentException when dnsjava cannot read the data core wrote
     */
    public static org.xbill.DNS.Record toDns(Record record, long defaultTtl) {
        Objects.requireNonNull(record, "record");
        // OTHER has no code of its own: an unmodelled type keeps the code it was read with
        int type = record.data() instanceof RData.Unknown unknown
                ? unknown.typeCode()
                : record.type().code();
        try {
            return org.xbill.DNS.Record.fromString(
                    name(record.owner()),
                    type,
                    DClass.IN,
                    record.ttl().orElse(defaultTtl),
                    record.data().presentation(),
                    Name.root);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "dnsjava cannot read the " + Type.string(type) + " data '"
                            + record.data().presentation() + "'",
                    e);
        }
    }

    /** The core record of a dnsjava record, with its TTL; empty when core cannot name its owner. */
    public static Optional<Record> toCore(org.xbill.DNS.Record record) {
        DomainName owner;
        try {
            owner = domainName(record.getName());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        RData data;
        try {
            data = data(record);
        } catch (IllegalArgumentException e) {
            data = unknown(record);
        }
        return Optional.of(Record.of(owner, record.getTTL(), data));
    }

    private static RData data(org.xbill.DNS.Record record) {
        return switch (record) {
            case ARecord a -> new RData.A(ipv4(a));
            case AAAARecord aaaa -> new RData.Aaaa(ipv6(aaaa));
            case CNAMERecord c -> new RData.Cname(domainName(c.getTarget()));
            case DNAMERecord d -> new RData.Dname(domainName(d.getTarget()));
            case NSRecord ns -> new RData.Ns(domainName(ns.getTarget()));
            case PTRRecord ptr -> new RData.Ptr(domainName(ptr.getTarget()));
            case MXRecord mx -> new RData.Mx(mx.getPriority(), domainName(mx.getTarget()));
            case TXTRecord txt ->
                new RData.Txt(txt.getStringsAsByteArrays().stream()
                        .map(b -> new String(b, StandardCharsets.UTF_8))
                        .toList());
            case SRVRecord srv ->
                new RData.Srv(srv.getPriority(), srv.getWeight(), srv.getPort(), domainName(srv.getTarget()));
            case CAARecord caa -> new RData.Caa(caa.getFlags(), caa.getTag(), caa.getValue());
            case DSRecord ds ->
                new RData.Ds(ds.getFootprint(), ds.getAlgorithm(), ds.getDigestID(), HEX.formatHex(ds.getDigest()));
            case SSHFPRecord s ->
                new RData.Sshfp(s.getAlgorithm(), s.getDigestType(), HEX.formatHex(s.getFingerPrint()));
            case TLSARecord t ->
                new RData.Tlsa(
                        t.getCertificateUsage(),
                        t.getSelector(),
                        t.getMatchingType(),
                        HEX.formatHex(t.getCertificateAssociationData()));
            case SVCBBase svcb -> svcb(svcb);
            case SOARecord soa ->
                new RData.StartOfAuthority(new Soa(
                        domainName(soa.getHost()),
                        domainName(soa.getAdmin()),
                        soa.getSerial(),
                        soa.getRefresh(),
                        soa.getRetry(),
                        soa.getExpire(),
                        soa.getMinimum()));
            default -> unknown(record);
        };
    }

    /**
     * From the four RDATA bytes: {@link ARecord#getAddress()} names the address after the record's
     * owner, which would then print as {@code www.example.com./192.0.2.1}.
     */
    private static Inet4Address ipv4(ARecord a) {
        try {
            return (Inet4Address) InetAddress.getByAddress(a.rdataToWireCanonical());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address", e);
        }
    }

    /** From the sixteen RDATA bytes: {@link AAAARecord#getAddress()} turns an IPv4-mapped address into IPv4. */
    private static Inet6Address ipv6(AAAARecord aaaa) {
        try {
            return Inet6Address.getByAddress(null, aaaa.rdataToWireCanonical(), -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address", e);
        }
    }

    /** SVCB/HTTPS from dnsjava's presentation: parameters whose values would need quoting are kept as RFC 3597. */
    private static RData svcb(SVCBBase svcb) {
        String[] tokens = svcb.rdataToString().trim().split("\\s+");
        List<RData.SvcParam> params = new ArrayList<>();
        for (int i = 2; i < tokens.length; i++) {
            String token = tokens[i];
            int eq = token.indexOf('=');
            String key = eq < 0 ? token : token.substring(0, eq);
            String value = eq < 0 ? "" : token.substring(eq + 1);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            params.add(new RData.SvcParam(key, value));
        }
        return new RData.Svcb(
                svcb.getType() == Type.HTTPS, svcb.getSvcPriority(), domainName(svcb.getTargetName()), params);
    }

    private static RData unknown(org.xbill.DNS.Record record) {
        return new RData.Unknown(
                record.getType(), Type.string(record.getType()), HEX.formatHex(record.rdataToWireCanonical()));
    }
}
