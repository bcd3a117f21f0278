package dev.bindsmith.core.zone;

import java.util.OptionalLong;

/**
 * Renders a zone spec as an RFC 1035 master file that named loads: a header comment, {@code $ORIGIN}
 * and {@code $TTL}, the SOA, the apex NS records, the glue, then the records, one record per line.
 *
 * <p>Why no client text can break out of its place: every line is built from validated values only.
 * Owner names are {@link DomainName}s (letters, digits, hyphen, underscore, dots and a leading
 * {@code *}), written relative to the origin or absolute, so a line never starts with {@code $},
 * {@code ;}, {@code (} or a blank; data comes from {@link RData#presentation()}, where strings are
 * quoted and every byte outside printable ASCII is a {@code \DDD} escape. The output depends only on
 * the spec (no timestamp), so it can be compared with golden files.
 */
public final class ZoneFileWriter {
    private ZoneFileWriter() {}

    public static String render(ZoneSpec spec) {
        ZoneName zone = spec.name();
        StringBuilder out = new StringBuilder();
        out.append("; zone ").append(zone.absolute()).append(" written by bindsmith\n");
        out.append("$ORIGIN ").append(zone.absolute()).append('\n');
        out.append("$TTL ").append(checkedTtl(spec.defaultTtl())).append('\n');
        out.append('\n');
        line(
                out,
                zone,
                zone.apex(),
                OptionalLong.empty(),
                "SOA",
                new RData.StartOfAuthority(spec.soa()).presentation());
        if (!spec.nameServers().isEmpty()) {
            out.append('\n');
            for (DomainName host : spec.nameServers()) {
                line(out, zone, zone.apex(), OptionalLong.empty(), "NS", new RData.Ns(host).presentation());
            }
        }
        if (!spec.glue().isEmpty()) {
            out.append('\n');
            for (Record glue : spec.glue()) {
                record(out, zone, glue);
            }
        }
        if (!spec.records().isEmpty()) {
            out.append('\n');
            for (Record record : spec.records()) {
                record(out, zone, record);
            }
        }
        return out.toString();
    }

    private static void record(StringBuilder out, ZoneName zone, Record record) {
        String type = switch (record.data()) {
            case RData.StartOfAuthority soa ->
                throw new IllegalArgumentException(
                        "a zone has one SOA, the spec's; an SOA among the records would be a second one");
            case RData.Unknown unknown -> "TYPE" + unknown.typeCode();
            case RData.A a -> "A";
            case RData.Aaaa a -> "AAAA";
            case RData.Cname c -> "CNAME";
            case RData.Dname d -> "DNAME";
            case RData.Ns n -> "NS";
            case RData.Ptr p -> "PTR";
            case RData.Mx m -> "MX";
            case RData.Txt t -> "TXT";
            case RData.Srv s -> "SRV";
            case RData.Caa c -> "CAA";
            case RData.Ds d -> "DS";
            case RData.Tlsa t -> "TLSA";
            case RData.Sshfp s -> "SSHFP";
            case RData.Svcb s -> s.https() ? "HTTPS" : "SVCB";
        };
        line(out, zone, record.owner(), record.ttl(), type, record.data().presentation());
    }

    private static void line(
            StringBuilder out, ZoneName zone, DomainName owner, OptionalLong ttl, String type, String data) {
        out.append(owner.relativeTo(zone));
        if (ttl.isPresent()) {
            out.append(' ').append(checkedTtl(ttl.getAsLong()));
        }
        out.append(" IN ").append(type).append(' ').append(oneLine(data)).append('\n');
    }

    private static long checkedTtl(long ttl) {
        if (ttl < 0 || ttl > Record.MAX_TTL) {
            throw new IllegalArgumentException("TTL out of range: " + ttl);
        }
        return ttl;
    }

    /** The value types already guarantee this; checked again because a file that named mis-reads is worse than an error. */
    private static String oneLine(String data) {
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("record data would span lines");
            }
        }
        return data;
    }
}
