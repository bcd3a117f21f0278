package dev.bindsmith.core.zone;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.RecordRequest;
import dev.bindsmith.core.service.SoaRequest;
import dev.bindsmith.core.service.ZoneConfigRequest;
import dev.bindsmith.core.service.ZoneRequest;
import dev.bindsmith.core.service.ZoneRequests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The zone specs behind the golden files {@code <name>.zone} beside this class. Each is built the way
 * a client's request becomes a spec, through {@link ZoneRequests#validate}, so the golden files also
 * pin what validation makes of the request.
 */
final class GoldenZones {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    private GoldenZones() {}

    /** Golden file name (without {@code .zone}) → spec. */
    static Map<String, ZoneSpec> all() {
        Map<String, ZoneSpec> specs = new LinkedHashMap<>();
        specs.put("minimal-primary", minimalPrimary());
        specs.put("reference-typical", referenceTypical());
        specs.put("every-type", everyType());
        specs.put("txt-hostile", txtHostile());
        specs.put("txt-long", txtLong());
        specs.put("reverse", reverse());
        return specs;
    }

    static String golden(String name) {
        try (InputStream in = GoldenZones.class.getResourceAsStream(name + ".zone")) {
            if (in == null) {
                throw new IllegalStateException(
                        "no golden file " + name + ".zone beside " + GoldenZones.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The smallest zone named loads: an SOA with defaults and one name server outside the zone. */
    static ZoneSpec minimalPrimary() {
        return spec(
                "example.org",
                300,
                soa("ns1.example.net.", "hostmaster.example.org.", OptionalLong.empty()),
                List.of("ns1.example.net."),
                Map.of(),
                List.of());
    }

    /** The reference API's typical create request (docs/api.md), with the second name server on IPv6. */
    static ZoneSpec referenceTypical() {
        return spec(
                "example.com",
                3600,
                soa("ns1.example.com.", "hostmaster.example.com.", OptionalLong.of(2025010101)),
                List.of("ns1.example.com.", "ns2.example.com."),
                Map.of("ns1.example.com.", "192.0.2.10", "ns2.example.com.", "2001:db8::11"),
                List.of(
                        rec("@", "A", "192.0.2.1"),
                        rec("www", "CNAME", "example.com.", 300, -1),
                        rec("@", "MX", "mail.example.com.", -1, 10),
                        rec("@", "TXT", "\"v=spf1 mx -all\""),
                        rec("mail", "A", "192.0.2.25")));
    }

    static ZoneSpec everyType() {
        return spec(
                "types.example",
                3600,
                soa("ns1.types.example.", "hostmaster.types.example.", OptionalLong.of(1)),
                List.of("ns1", "ns2.example.net."),
                Map.of("ns1", "192.0.2.53"),
                List.of(
                        rec("@", "A", "192.0.2.1"),
                        rec("@", "AAAA", "2001:DB8:0:0::1"),
                        rec("alias", "CNAME", "www"),
                        rec("legacy", "DNAME", "types.example.net."),
                        rec("sub", "NS", "ns.sub.example.net."),
                        rec("ptr", "PTR", "host.types.example."),
                        rec("@", "MX", "10 mail"),
                        rec("nomail", "MX", "0 .", 60, -1),
                        rec("@", "TXT", "v=spf1 mx -all"),
                        rec("_sip._tcp", "SRV", "5 5060 sip.types.example.", -1, 10),
                        rec("@", "CAA", "0 issue \"letsencrypt.org\""),
                        rec("@", "CAA", "128 iodef mailto:security@types.example"),
                        rec("sub", "DS", "60485 13 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A"),
                        rec(
                                "_443._tcp.www",
                                "TLSA",
                                "3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6"),
                        rec("www", "SSHFP", "4 2 123456789ABCDEF67890123456789ABCDEF67890123456789ABCDEF123456789"),
                        rec("www", "A", "192.0.2.80"),
                        rec("_dns", "SVCB", "1 dns.types.example. alpn=dot,h2 port=853 dohpath=/dns-query{?dns}"),
                        rec("@", "HTTPS", "1 . alpn=\"h2,h3\" ipv4hint=192.0.2.1 ipv6hint=2001:db8::1"),
                        rec("svc", "HTTPS", "0 www"),
                        rec("relay", "HTTPS", "1 . mandatory=alpn,ohttp alpn=h3 ohttp"),
                        rec("*.wild", "A", "192.0.2.99", 120, -1),
                        rec("mail", "A", "192.0.2.25"),
                        rec("dns", "A", "192.0.2.54"),
                        rec("sip", "A", "192.0.2.55")));
    }

    /** TXT and CAA text that, written verbatim, would end the line, start a comment, a group or a directive. */
    static ZoneSpec txtHostile() {
        return spec(
                "hostile.example",
                3600,
                soa("ns1.example.net.", "hostmaster.hostile.example.", OptionalLong.of(7)),
                List.of("ns1.example.net."),
                Map.of(),
                List.of(
                        rec("@", "TXT", "say \"hi\"; then (group"),
                        rec("semi", "TXT", "; comment"),
                        rec("paren", "TXT", "( 1 2"),
                        rec("close", "TXT", ")"),
                        rec("dollar", "TXT", "$INCLUDE /etc/bind/rndc.key"),
                        rec("generate", "TXT", "$GENERATE 1-100 h$ A 192.0.2.$"),
                        rec("backslash", "TXT", "C:\\path\\ \\\" \\065"),
                        rec("quoted", "TXT", "\"a \\\"quoted\\\" string\" \"and; another (one)\""),
                        rec("unicode", "TXT", "naïve café — 日本語 ✓"),
                        rec("escaped", "TXT", "\"caf\\195\\169\""),
                        rec("empty", "TXT", "\"\""),
                        rec("spaces", "TXT", "  padded  "),
                        rec("@", "CAA", "0 issue \"ca.example; accounturi=https://ca.example/acct/1\""),
                        rec("@", "CAA", "0 iodef \"mailto:sec@hostile.example?subject=(x);\"")));
    }

    /** A value longer than one character-string (split at 255 bytes) and a DKIM key as quoted strings. */
    static ZoneSpec txtLong() {
        String letters = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(17);
        String multibyte = "é".repeat(130);
        String dkimA = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxR3qT0lY0t6mWvH8xQv1l2D";
        String dkimB = "x2m5m8O1h8Q4Uo2j1GdX2HkP0aZc9F5c7yYt4kF3Tn6Y9lKpQwErTyUiOpAsDfGhJkLzXcVbNm1234567890IDAQAB";
        return spec(
                "long.example",
                3600,
                soa("ns1.example.net.", "hostmaster.long.example.", OptionalLong.of(99)),
                List.of("ns1.example.net."),
                Map.of(),
                List.of(
                        rec("@", "TXT", letters),
                        rec("multibyte", "TXT", multibyte),
                        rec("selector._domainkey", "TXT", "\"" + dkimA + "\" \"" + dkimB + "\"")));
    }

    static ZoneSpec reverse() {
        return spec(
                "2.0.192.in-addr.arpa",
                86400,
                soa("ns1.example.com.", "hostmaster.example.com.", OptionalLong.of(2026010101)),
                List.of("ns1.example.com.", "ns2.example.com."),
                Map.of(),
                List.of(
                        rec("1", "PTR", "www.example.com."),
                        rec("10", "PTR", "ns1.example.com."),
                        rec("11", "PTR", "ns2.example.com.")));
    }

    // ---- builders ----

    static SoaRequest soa(String primaryNs, String admin, OptionalLong serial) {
        return new SoaRequest(
                Optional.of(primaryNs),
                Optional.of(admin),
                serial,
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty());
    }

    static RecordRequest rec(String name, String type, String value) {
        return rec(name, type, value, -1, -1);
    }

    static RecordRequest rec(String name, String type, String value, long ttl, long priority) {
        return new RecordRequest(
                Optional.of(name),
                Optional.of(type),
                Optional.of(value),
                ttl < 0 ? OptionalLong.empty() : OptionalLong.of(ttl),
                priority < 0 ? OptionalLong.empty() : OptionalLong.of(priority));
    }

    static ZoneSpec spec(
            String zone,
            long ttl,
            SoaRequest soa,
            List<String> nameServers,
            Map<String, String> glue,
            List<RecordRequest> records) {
        ZoneConfigRequest config = new ZoneConfigRequest(
                OptionalLong.of(ttl),
                Optional.of(soa),
                new ArrayList<>(nameServers),
                glue,
                records,
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty());
        Outcome<ZoneSpec> outcome = ZoneRequests.validate(
                new ZoneRequest(
                        Optional.of(zone), Optional.of("primary"), Optional.of(config), Optional.of("bindsmith-key")),
                CLOCK);
        if (!(outcome instanceof Outcome.Ok<ZoneSpec>(ZoneSpec spec))) {
            throw new IllegalStateException("golden spec " + zone + " does not validate: " + outcome);
        }
        return spec;
    }
}
