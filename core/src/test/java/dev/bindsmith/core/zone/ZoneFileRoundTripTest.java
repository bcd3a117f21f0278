package dev.bindsmith.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.net.IpAddresses;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SSHFPRecord;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Every golden file, read back by an independent master-file parser (dnsjava), holds exactly the
 * records of its spec: same owners, TTLs, types and typed data, in the same order. Both sides are
 * reduced to one line per record from typed fields (not from presentation text), so a quoting or
 * escaping mistake in the writer shows up as a difference.
 */
class ZoneFileRoundTripTest {

    @TestFactory
    Stream<DynamicTest> everyGoldenFileParsesBackToTheRecordsOfItsSpec() {
        return GoldenZones.all().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    ZoneSpec spec = e.getValue();
                    assertThat(parse(GoldenZones.golden(e.getKey()), spec.name()))
                            .containsExactlyElementsOf(expected(spec));
                }));
    }

    static List<String> parse(String text, ZoneName zone) throws Exception {
        List<String> lines = new ArrayList<>();
        // a wrong origin proves $ORIGIN in the file is what places the names
        try (Master master = new Master(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                Name.fromString("wrong.invalid."),
                1)) {
            master.disableIncludes();
            for (org.xbill.DNS.Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                lines.add(normal(r));
            }
        }
        return lines;
    }

    static List<String> expected(ZoneSpec spec) {
        List<String> lines = new ArrayList<>();
        DomainName apex = spec.name().apex();
        long ttl = spec.defaultTtl();
        lines.add(normal(apex, ttl, new RData.StartOfAuthority(spec.soa())));
        spec.nameServers().forEach(ns -> lines.add(normal(apex, ttl, new RData.Ns(ns))));
        Stream.concat(spec.glue().stream(), spec.records().stream())
                .forEach(r -> lines.add(normal(r.owner(), r.ttl().orElse(ttl), r.data())));
        return lines;
    }

    static String normal(DomainName owner, long ttl, RData data) {
        String body = switch (data) {
            case RData.A a -> IpAddresses.format(a.address());
            case RData.Aaaa a -> IpAddresses.format(a.address());
            case RData.Cname c -> c.target().absolute();
            case RData.Dname d -> d.target().absolute();
            case RData.Ns n -> n.host().absolute();
            case RData.Ptr p -> p.target().absolute();
            case RData.Mx m -> m.preference() + "|" + m.exchange().absolute();
            case RData.Txt t -> String.join("|", t.strings());
            case RData.Srv s ->
                s.priority() + "|" + s.weight() + "|" + s.port() + "|"
                        + s.target().absolute();
            case RData.Caa c -> c.flags() + "|" + c.tag() + "|" + c.value();
            case RData.Ds d -> d.keyTag() + "|" + d.algorithm() + "|" + d.digestType() + "|" + d.digestHex();
            case RData.Tlsa t -> t.usage() + "|" + t.selector() + "|" + t.matchingType() + "|" + t.dataHex();
            case RData.Sshfp s -> s.algorithm() + "|" + s.fingerprintType() + "|" + s.fingerprintHex();
            case RData.Svcb s ->
                s.priority() + "|" + s.target().absolute() + "|"
                        + s.params().stream()
                                .map(p -> p.key() + "=" + p.value())
                                .sorted()
                                .collect(Collectors.joining(","));
            case RData.StartOfAuthority soa ->
                soa.soa().primaryNs().absolute() + "|"
                        + soa.soa().adminMailbox().absolute()
                        + "|" + soa.soa().serial() + "|" + soa.soa().refresh() + "|"
                        + soa.soa().retry() + "|"
                        + soa.soa().expire() + "|" + soa.soa().negativeTtl();
            case RData.Unknown u -> u.dataHex();
        };
        String type = data instanceof RData.Svcb s
                ? (s.https() ? "HTTPS" : "SVCB")
                : data.type().name();
        return owner.absolute() + " " + ttl + " " + type + " " + body;
    }

    static String normal(org.xbill.DNS.Record r) {
        HexFormat hex = HexFormat.of();
        String body = switch (r) {
            case ARecord a -> IpAddresses.format(a.getAddress());
            case AAAARecord a -> IpAddresses.format(a.getAddress());
            case CNAMERecord c -> c.getTarget().toString();
            case DNAMERecord d -> d.getTarget().toString();
            case NSRecord n -> n.getTarget().toString();
            case PTRRecord p -> p.getTarget().toString();
            case MXRecord m -> m.getPriority() + "|" + m.getTarget();
            case TXTRecord t ->
                t.getStringsAsByteArrays().stream()
                        .map(b -> new String(b, StandardCharsets.UTF_8))
                        .collect(Collectors.joining("|"));
            case SRVRecord s -> s.getPriority() + "|" + s.getWeight() + "|" + s.getPort() + "|" + s.getTarget();
            case CAARecord c ->
                c.getFlags() + "|" + c.getTag() + "|" + new String(c.getValueAsByteArray(), StandardCharsets.UTF_8);
            case DSRecord d ->
                d.getFootprint() + "|" + d.getAlgorithm() + "|" + d.getDigestID() + "|" + hex.formatHex(d.getDigest());
            case TLSARecord t ->
                t.getCertificateUsage() + "|" + t.getSelector() + "|" + t.getMatchingType() + "|"
                        + hex.formatHex(t.getCertificateAssociationData());
            case SSHFPRecord s -> s.getAlgorithm() + "|" + s.getDigestType() + "|" + hex.formatHex(s.getFingerPrint());
            case SVCBBase s ->
                s.getSvcPriority() + "|" + s.getTargetName() + "|"
                        + s.getSvcParamKeys().stream()
                                .map(k -> SvcKeys.name(k) + "=" + SvcKeys.value(s.getSvcParamValue(k)))
                                .sorted()
                                .collect(Collectors.joining(","));
            case SOARecord s ->
                s.getHost() + "|" + s.getAdmin() + "|" + s.getSerial() + "|" + s.getRefresh() + "|" + s.getRetry() + "|"
                        + s.getExpire() + "|" + s.getMinimum();
            default -> throw new AssertionError("unexpected record in a golden file: " + r);
        };
        return r.getName() + " " + r.getTTL() + " " + Type.string(r.getType()) + " " + body;
    }

    /** dnsjava's names and texts of SvcParams, reduced to the API's presentation ({@code alpn=h2,h3}). */
    static final class SvcKeys {
        static String name(int key) {
            return switch (key) {
                case SVCBBase.MANDATORY -> "mandatory";
                case SVCBBase.ALPN -> "alpn";
                case SVCBBase.NO_DEFAULT_ALPN -> "no-default-alpn";
                case SVCBBase.PORT -> "port";
                case SVCBBase.IPV4HINT -> "ipv4hint";
                case SVCBBase.ECH -> "ech";
                case SVCBBase.IPV6HINT -> "ipv6hint";
                case SVCBBase.DOHPATH -> "dohpath";
                case SVCBBase.OHTTP -> "key8"; // bindsmith writes key8: BIND 9.18 does not know the name
                default -> "key" + key;
            };
        }

        static String value(SVCBBase.ParameterBase p) {
            if (p instanceof SVCBBase.ParameterIpv6Hint hint) {
                try {
                    return hint.getAddresses().stream().map(IpAddresses::format).collect(Collectors.joining(","));
                } catch (java.net.UnknownHostException e) {
                    throw new AssertionError(e);
                }
            }
            String text = p.toString().replace("ohttp", "key8");
            // dnsjava quotes some values; the API form does not need quotes for the values bindsmith writes
            return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                    ? text.substring(1, text.length() - 1)
                    : text;
        }
    }
}
