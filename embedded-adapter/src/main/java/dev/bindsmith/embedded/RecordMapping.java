package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
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
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SSHFPRecord;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.SVCBBase;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Converts between the core record model and dnsjava's. Core data goes through its own
 * presentation text (which core made safe), so dnsjava's parser is the one judge of the wire form;
 * dnsjava data comes back field by field, and whatever core does not model is kept in RFC 3597 form.
 */
final class RecordMapping {
    private static final HexFormat HEX = HexFormat.of();

    private RecordMapping() {
    }

    static Name name(DomainName name) {
        try {
            return Name.fromString(name.absolute());
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + name, e);
        }
    }

    static Name name(ZoneName zone) {
        return name(zone.apex());
    }

    /** The core record as dnsjava's, with {@code defaultTtl} when the record names no TTL. */
    static Record toDns(dev.bindsmith.core.zone.Record record, long defaultTtl) throws IOException {
        long ttl = record.ttl().orElse(defaultTtl);
        // OTHER has no code of its own: an unmodelled type keeps the code it was read with
        int type = record.data() instanceof RData.Unknown unknown ? unknown.typeCode() : record.type().code();
        return Record.fromString(name(record.owner()), type, DClass.IN, ttl, record.data().presentation(), Name.root);
    }

    /** The dnsjava record as core's, or empty when its owner is not a name core can hold. */
    static Optional<dev.bindsmith.core.zone.Record> toCore(Record record) {
        DomainName owner;
        try {
            owner = domain(record.getName());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        RData data;
        try {
            data = data(record);
        } catch (IllegalArgumentException | UnknownHostException e) {
            data = unknown(record);
        }
        return Optional.of(dev.bindsmith.core.zone.Record.of(owner, record.getTTL(), data));
    }

    static DomainName domain(Name name) {
        return DomainName.of(name.toString(true).isEmpty() ? "." : name.toString(true));
    }

    private static RData data(Record record) throws UnknownHostException {
        return switch (record) {
            case ARecord a -> new RData.A((Inet4Address) InetAddress.getByAddress(a.getAddress().getAddress()));
            case AAAARecord aaaa -> new RData.Aaaa(Inet6Address.getByAddress(null, aaaa.rdataToWireCanonical(), null));
            case CNAMERecord c -> new RData.Cname(domain(c.getTarget()));
            case DNAMERecord d -> new RData.Dname(domain(d.getTarget()));
            case NSRecord ns -> new RData.Ns(domain(ns.getTarget()));
            case PTRRecord ptr -> new RData.Ptr(domain(ptr.getTarget()));
            case MXRecord mx -> new RData.Mx(mx.getPriority(), domain(mx.getTarget()));
            case TXTRecord txt -> new RData.Txt(txt.getStringsAsByteArrays().stream()
                    .map(b -> new String(b, StandardCharsets.UTF_8)).toList());
            case SRVRecord srv -> new RData.Srv(srv.getPriority(), srv.getWeight(), srv.getPort(), domain(srv.getTarget()));
            case CAARecord caa -> new RData.Caa(caa.getFlags(), caa.getTag(), caa.getValue());
            case DSRecord ds -> new RData.Ds(ds.getFootprint(), ds.getAlgorithm(), ds.getDigestID(), HEX.formatHex(ds.getDigest()));
            case SSHFPRecord s -> new RData.Sshfp(s.getAlgorithm(), s.getDigestType(), HEX.formatHex(s.getFingerPrint()));
            case TLSARecord t -> new RData.Tlsa(t.getCertificateUsage(), t.getSelector(), t.getMatchingType(),
                    HEX.formatHex(t.getCertificateAssociationData()));
            case SVCBBase svcb -> svcb(svcb);
            case SOARecord soa -> new RData.StartOfAuthority(soa(soa));
            default -> unknown(record);
        };
    }

    static Soa soa(SOARecord soa) {
        return new Soa(domain(soa.getHost()), domain(soa.getAdmin()), soa.getSerial(), soa.getRefresh(),
                soa.getRetry(), soa.getExpire(), soa.getMinimum());
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
        return new RData.Svcb(svcb.getType() == Type.HTTPS, svcb.getSvcPriority(), domain(svcb.getTargetName()), params);
    }

    private static RData unknown(Record record) {
        return new RData.Unknown(record.getType(), Type.string(record.getType()), HEX.formatHex(record.rdataToWireCanonical()));
    }

    /** The same record with another TTL. */
    static Record withTtl(Record record, long ttl) {
        if (record.getTTL() == ttl) {
            return record;
        }
        return Record.newRecord(record.getName(), record.getType(), record.getDClass(), ttl, record.rdataToWireCanonical());
    }
}
