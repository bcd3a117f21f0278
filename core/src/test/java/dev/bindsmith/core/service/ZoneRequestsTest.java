package dev.bindsmith.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZoneRequestsTest {

    /** 23:30 on 21 Nov 2026 in UTC, which is already 22 Nov in Tokyo: the serial must use UTC. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T23:30:00Z"), ZoneId.of("Asia/Tokyo"));

    static final ZoneName ZONE = ZoneName.of("example.com");

    // ---- request builders ----

    static SoaRequest soa() {
        return new SoaRequest(
                Optional.of("ns1.example.com."),
                Optional.of("hostmaster.example.com."),
                OptionalLong.of(2025010101),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty());
    }

    static RecordRequest rec(String name, String type, String value) {
        return new RecordRequest(
                Optional.of(name), Optional.of(type), Optional.of(value), OptionalLong.empty(), OptionalLong.empty());
    }

    static RecordRequest rec(String name, String type, String value, long ttl, long priority) {
        return new RecordRequest(
                Optional.of(name),
                Optional.of(type),
                Optional.of(value),
                ttl < 0 ? OptionalLong.empty() : OptionalLong.of(ttl),
                priority < 0 ? OptionalLong.empty() : OptionalLong.of(priority));
    }

    /** A mutable description of a create request, valid until a test changes it. */
    static final class Req {
        Optional<String> zoneName = Optional.of("example.com");
        Optional<String> zoneType = Optional.of("primary");
        Optional<String> updateKeyName = Optional.empty();
        boolean withConfig = true;
        OptionalLong ttl = OptionalLong.of(3600);
        Optional<SoaRequest> soa = Optional.of(soa());
        List<String> nameServers = new ArrayList<>(List.of("ns1.example.com.", "ns2.example.com."));
        Map<String, String> nameServerIps =
                new LinkedHashMap<>(Map.of("ns1.example.com.", "192.0.2.10", "ns2.example.com.", "192.0.2.11"));
        List<RecordRequest> records = new ArrayList<>();
        List<String> primaries = new ArrayList<>();
        List<String> alsoNotify = new ArrayList<>();
        List<String> allowTransfer = new ArrayList<>();
        Optional<String> dnssecPolicy = Optional.empty();
        Optional<Boolean> inlineSigning = Optional.empty();

        ZoneRequest build() {
            Optional<ZoneConfigRequest> config = withConfig
                    ? Optional.of(new ZoneConfigRequest(
                            ttl,
                            soa,
                            nameServers,
                            nameServerIps,
                            records,
                            primaries,
                            alsoNotify,
                            allowTransfer,
                            dnssecPolicy,
                            inlineSigning))
                    : Optional.empty();
            return new ZoneRequest(zoneName, zoneType, config, updateKeyName);
        }

        Outcome<ZoneSpec> validate() {
            return ZoneRequests.validate(build(), CLOCK);
        }
    }

    static ZoneSpec ok(Outcome<ZoneSpec> outcome) {
        assertThat(outcome).as("outcome %s", outcome).isInstanceOf(Outcome.Ok.class);
        return ((Outcome.Ok<ZoneSpec>) outcome).value();
    }

    static List<Violation> invalid(Outcome<?> outcome) {
        assertThat(outcome).as("outcome %s", outcome).isInstanceOf(Outcome.Invalid.class);
        return ((Outcome.Invalid<?>) outcome).violations();
    }

    static List<Violation> unprocessable(Outcome<?> outcome) {
        assertThat(outcome).as("outcome %s", outcome).isInstanceOf(Outcome.Unprocessable.class);
        return ((Outcome.Unprocessable<?>) outcome).violations();
    }

    static Violation only(List<Violation> violations, String field) {
        assertThat(violations).extracting(Violation::field).containsExactly(field);
        return violations.get(0);
    }

    // ---- create: the happy paths ----

    @Test
    void theReferencesTypicalRequestBecomesAZoneSpec() {
        Req r = new Req();
        r.updateKeyName = Optional.of("bindy-operator");
        r.records.add(rec("@", "A", "192.0.2.1"));
        r.records.add(rec("www", "CNAME", "example.com.", 300, -1));
        r.records.add(rec("@", "MX", "mail.example.com.", -1, 10));
        r.records.add(rec("@", "TXT", "\"v=spf1 mx -all\""));
        r.alsoNotify.addAll(List.of("10.0.0.5", "10.0.0.6:5353", "[2001:db8::6]:5353"));
        r.allowTransfer.addAll(List.of("10.0.0.5", "10.0.0.0/8", "key xfer-key", "none"));

        ZoneSpec spec = ok(r.validate());

        assertThat(spec.name()).isEqualTo(ZONE);
        assertThat(spec.type()).isEqualTo(ZoneType.PRIMARY);
        assertThat(spec.defaultTtl()).isEqualTo(3600);
        assertThat(spec.soa().serial()).isEqualTo(2025010101L);
        assertThat(spec.soa().refresh()).isEqualTo(3600);
        assertThat(spec.soa().retry()).isEqualTo(600);
        assertThat(spec.soa().expire()).isEqualTo(604800);
        assertThat(spec.soa().negativeTtl()).isEqualTo(86400);
        assertThat(spec.nameServers())
                .containsExactly(DomainName.of("ns1.example.com"), DomainName.of("ns2.example.com"));
        assertThat(spec.glue())
                .extracting(g -> g.owner().value() + " " + g.data().presentation())
                .containsExactly("ns1.example.com 192.0.2.10", "ns2.example.com 192.0.2.11");
        assertThat(spec.records())
                .extracting(x -> x.owner().value() + " " + x.ttl() + " " + x.type() + " "
                        + x.data().presentation())
                .containsExactly(
                        "example.com OptionalLong.empty A 192.0.2.1",
                        "www.example.com OptionalLong[300] CNAME example.com.",
                        "example.com OptionalLong.empty MX 10 mail.example.com.",
                        "example.com OptionalLong.empty TXT \"v=spf1 mx -all\"");
        assertThat(spec.options().allowUpdate()).containsExactly(new AddressMatch.Key("bindy-operator"));
        assertThat(spec.options().alsoNotify())
                .extracting(Endpoint::toString)
                .containsExactly("10.0.0.5", "10.0.0.6:5353", "[2001:db8::6]:5353");
        assertThat(spec.options().allowTransfer())
                .extracting(Object::toString)
                .containsExactly("10.0.0.5", "10.0.0.0/8", "key xfer-key", "none");
    }

    @Test
    void anAbsentSerialIsTodaysUtcDateFollowedBy01() {
        Req r = new Req();
        r.soa = Optional.of(new SoaRequest(
                Optional.of("ns1.example.com."),
                Optional.of("hostmaster.example.com."),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty()));
        assertThat(ok(r.validate()).soa().serial()).isEqualTo(2026112101L);
    }

    @Test
    void givenSoaTimersAreKept() {
        Req r = new Req();
        r.soa = Optional.of(new SoaRequest(
                Optional.of("ns1"),
                Optional.of("hostmaster@example.com"),
                OptionalLong.of(7),
                OptionalLong.of(7200),
                OptionalLong.of(900),
                OptionalLong.of(1209600),
                OptionalLong.of(300)));
        ZoneSpec spec = ok(r.validate());
        assertThat(spec.soa().primaryNs()).isEqualTo(DomainName.of("ns1.example.com"));
        assertThat(spec.soa().adminMailbox()).isEqualTo(DomainName.of("hostmaster.example.com"));
        assertThat(List.of(
                        spec.soa().serial(),
                        spec.soa().refresh(),
                        spec.soa().retry(),
                        spec.soa().expire(),
                        spec.soa().negativeTtl()))
                .containsExactly(7L, 7200L, 900L, 1209600L, 300L);
    }

    @Test
    void ipv6GlueBecomesAnAaaaRecordNotAnA() {
        Req r = new Req();
        r.nameServerIps.put("ns1.example.com.", "2001:db8::10");
        ZoneSpec spec = ok(r.validate());
        assertThat(spec.glue())
                .extracting(
                        g -> g.owner().value() + " " + g.type() + " " + g.data().presentation())
                .containsExactly("ns1.example.com AAAA 2001:db8::10", "ns2.example.com A 192.0.2.11");
        assertThat(spec.glue().get(0).data()).isInstanceOf(RData.Aaaa.class);
    }

    @Test
    void glueIsSortedByHostSoTheZoneFileIsTheSameEveryTime() {
        Req r = new Req();
        r.nameServers = new ArrayList<>(List.of("ns3", "ns1", "ns2"));
        r.nameServerIps = new LinkedHashMap<>();
        r.nameServerIps.put("ns3", "192.0.2.3");
        r.nameServerIps.put("ns1.example.com.", "192.0.2.1");
        r.nameServerIps.put("ns2.example.com", "192.0.2.2");
        assertThat(ok(r.validate()).glue())
                .extracting(g -> g.owner().value())
                .containsExactly("ns1.example.com", "ns2.example.com", "ns3.example.com");
    }

    @Test
    void namesWithoutTrailingDotAreRelativeToTheZoneUnlessTheyEndWithIt() {
        Req r = new Req();
        r.nameServers = new ArrayList<>(List.of("ns1", "ns2.example.com", "ns.other.net."));
        r.nameServerIps = new LinkedHashMap<>(Map.of("ns1", "192.0.2.1", "ns2.example.com", "192.0.2.2"));
        r.records.add(rec("mail", "A", "192.0.2.25"));
        r.records.add(rec("fooexample.com", "A", "192.0.2.26"));
        r.records.add(rec("@", "MX", "10 mail"));
        ZoneSpec spec = ok(r.validate());
        assertThat(spec.nameServers())
                .extracting(DomainName::value)
                .containsExactly("ns1.example.com", "ns2.example.com", "ns.other.net");
        assertThat(spec.records())
                .extracting(x -> x.owner().value())
                .containsExactly("mail.example.com", "fooexample.com.example.com", "example.com");
        assertThat(spec.records().get(2).data().presentation()).isEqualTo("10 mail.example.com.");
    }

    @Test
    void absentNameServersAndGlueAreEmptyWhenTheRecordsCarryTheNsSet() {
        Req r = new Req();
        r.nameServers = new ArrayList<>();
        r.nameServerIps = new LinkedHashMap<>();
        r.records.add(rec("@", "NS", "ns.other.net."));
        ZoneSpec spec = ok(r.validate());
        assertThat(spec.nameServers()).isEmpty();
        assertThat(spec.glue()).isEmpty();
    }

    @Test
    void aSecondaryNeedsOnlyItsPrimariesAndKeepsThemWithPorts() {
        Req r = new Req();
        r.zoneType = Optional.of("secondary");
        r.nameServers = new ArrayList<>();
        r.nameServerIps = new LinkedHashMap<>();
        r.primaries.addAll(List.of("192.0.2.53:5353", "2001:db8::53", "[2001:db8::54]:53"));
        r.updateKeyName = Optional.of("bindy-operator");
        ZoneSpec spec = ok(r.validate());
        assertThat(spec.type()).isEqualTo(ZoneType.SECONDARY);
        assertThat(spec.options().primaries())
                .extracting(Endpoint::toString)
                .containsExactly("192.0.2.53:5353", "2001:db8::53", "[2001:db8::54]:53");
        assertThat(spec.options().primaries().get(0).port()).isEqualTo(OptionalInt.of(5353));
    }

    @Test
    void aSecondarysPlaceholderSoaAndNameServersNeedOnlyBeWellFormedNames() {
        Req r = new Req();
        r.zoneType = Optional.of("secondary");
        r.primaries.add("192.0.2.53");
        r.nameServers = new ArrayList<>(List.of("ns_placeholder"));
        r.nameServerIps = new LinkedHashMap<>();
        r.soa = Optional.of(new SoaRequest(
                Optional.of("ns_1.example.com."),
                Optional.of("admin.ex_ample.com."),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty()));
        ZoneSpec spec = ok(r.validate());
        assertThat(spec.soa().primaryNs()).isEqualTo(DomainName.of("ns_1.example.com"));
        r.soa = Optional.of(new SoaRequest(
                Optional.of("$INCLUDE x"),
                Optional.of("admin.example.com."),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty()));
        only(invalid(r.validate()), "zoneConfig.soa.primaryNs");
    }

    @Test
    void aPrimarysSoaNamesMustBeHostNames() {
        Req r = new Req();
        r.soa = Optional.of(new SoaRequest(
                Optional.of("ns_1.example.net."),
                Optional.of("admin.ex_ample.com."),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty()));
        assertThat(unprocessable(r.validate()))
                .extracting(Violation::field)
                .containsExactly("zoneConfig.soa.primaryNs", "zoneConfig.soa.adminEmail");
    }

    @Test
    void primariesOfAPrimaryZoneAreValidatedButNotKept() {
        Req r = new Req();
        r.primaries.add("192.0.2.53");
        assertThat(ok(r.validate()).options().primaries()).isEmpty();
        r.primaries.set(0, "192.0.2.53; }; zone \"x\" {");
        only(invalid(r.validate()), "zoneConfig.primaries[0]");
    }

    @Test
    void dnssecPolicyAndInlineSigningAreKept() {
        Req r = new Req();
        r.dnssecPolicy = Optional.of("default");
        r.inlineSigning = Optional.of(true);
        ZoneSpec spec = ok(r.validate());
        assertThat(spec.options().dnssecPolicy()).contains("default");
        assertThat(spec.options().inlineSigning()).contains(true);
    }

    @Test
    void aTrailingDotAndUpperCaseInTheZoneNameAreNormalised() {
        Req r = new Req();
        r.zoneName = Optional.of("Example.COM.");
        assertThat(ok(r.validate()).name()).isEqualTo(ZONE);
    }

    // ---- create: missing fields (400) ----

    @Test
    void anEmptyRequestNamesEveryMissingTopLevelField() {
        ZoneRequest empty = new ZoneRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        List<Violation> v = invalid(ZoneRequests.validate(empty, CLOCK));
        assertThat(v)
                .extracting(Violation::message)
                .containsExactly(
                        "Missing required field: zoneName",
                        "Missing required field: zoneType",
                        "Missing required field: zoneConfig");
    }

    @Test
    void missingTtlAndSoaAreMissingFields() {
        Req r = new Req();
        r.ttl = OptionalLong.empty();
        r.soa = Optional.empty();
        assertThat(invalid(r.validate()))
                .extracting(Violation::message)
                .containsExactly("Missing required field: zoneConfig.ttl", "Missing required field: zoneConfig.soa");
    }

    @Test
    void missingSoaNamesAreMissingFieldsForSecondariesToo() {
        Req r = new Req();
        r.zoneType = Optional.of("secondary");
        r.primaries.add("192.0.2.53");
        r.soa = Optional.of(new SoaRequest(
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty()));
        assertThat(invalid(r.validate()))
                .extracting(Violation::message)
                .containsExactly(
                        "Missing required field: zoneConfig.soa.primaryNs",
                        "Missing required field: zoneConfig.soa.adminEmail");
    }

    @Test
    void aRecordWithoutNameTypeOrValueNamesEachWithItsIndex() {
        Req r = new Req();
        r.records.add(rec("@", "A", "192.0.2.1"));
        r.records.add(new RecordRequest(
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty()));
        assertThat(invalid(r.validate()))
                .extracting(Violation::field)
                .containsExactly(
                        "zoneConfig.records[1].name", "zoneConfig.records[1].type", "zoneConfig.records[1].value");
    }

    // ---- create: malformed values (400) ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../etc/x",
                "a/b",
                "..",
                ".hidden",
                "-x",
                "a\u0000b",
                "a b",
                "a%2Fb",
                "",
                "x..y",
                "$INCLUDE",
                "ex\"ample.com"
            })
    void hostileOrMalformedZoneNamesAreRejectedAsInvalidZoneName(String name) {
        Req r = new Req();
        r.zoneName = Optional.of(name);
        Violation v = only(invalid(r.validate()), "zoneName");
        assertThat(v.message()).startsWith("Invalid zone name:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"master", "slave", "Primary", "PRIMARY", "stub", ""})
    void zoneTypeIsExactlyPrimaryOrSecondary(String type) {
        Req r = new Req();
        r.zoneType = Optional.of(type);
        assertThat(only(invalid(r.validate()), "zoneType").message()).contains("'primary' or 'secondary'");
    }

    @Test
    void aSecondaryWithoutPrimariesIsInvalid() {
        Req r = new Req();
        r.zoneType = Optional.of("secondary");
        assertThat(only(invalid(r.validate()), "zoneConfig.primaries").message())
                .contains("at least one primary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k\"; }; also-notify { 6.6.6.6; }; #", "key name", "k;", "k{", "k}", "", "k\nx", "ключ"})
    void updateKeyNameInjectionIsRefused(String key) {
        Req r = new Req();
        r.updateKeyName = Optional.of(key);
        only(invalid(r.validate()), "updateKeyName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k\"; }; also-notify { 6.6.6.6; }; #", "default\"", "a b"})
    void dnssecPolicyInjectionIsRefused(String policy) {
        Req r = new Req();
        r.dnssecPolicy = Optional.of(policy);
        only(invalid(r.validate()), "zoneConfig.dnssecPolicy");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.2.3.4; }; zone \"x\" { type primary; file \"/etc/passwd\"; };",
                "1.2.3.4 port 53",
                "1.2.3.4:99999",
                "1.2.3.4:0",
                "1.2.3.4:",
                "[2001:db8::1]:70000",
                "[1.2.3.4]:53",
                "host.example.com",
                "1.2.3.4}",
                "{1.2.3.4",
                "1.2.3.4\n",
                "10.0.0.0/8",
                "any"
            })
    void primariesAndAlsoNotifyTakeOnlyAnAddressWithAnOptionalPort(String entry) {
        Req r = new Req();
        r.zoneType = Optional.of("secondary");
        r.primaries.add(entry);
        r.alsoNotify.add(entry);
        assertThat(invalid(r.validate()))
                .extracting(Violation::field)
                .containsExactly("zoneConfig.primaries[0]", "zoneConfig.alsoNotify[0]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.2.3.4; }; zone \"x\" {",
                "1.2.3.4:53",
                "10.0.0.1/8",
                "10.0.0.0/33",
                "!10.0.0.1",
                "key k\"; };",
                "everyone",
                "1.2.3.4 port 53"
            })
    void allowTransferTakesAddressesNetworksBuiltinsAndKeysOnly(String entry) {
        Req r = new Req();
        r.allowTransfer.add(entry);
        only(invalid(r.validate()), "zoneConfig.allowTransfer[0]");
    }

    @Test
    void aNetworkWithHostBitsSetSuggestsTheNetwork() {
        Req r = new Req();
        r.allowTransfer.add("10.1.2.3/8");
        assertThat(only(invalid(r.validate()), "zoneConfig.allowTransfer[0]").message())
                .contains("10.0.0.0/8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$INCLUDE /etc/passwd", "$INCLUDE", "ns1.example.com. ; x", "(ns1)", "ns1\nx", "ns\"1"})
    void directiveInjectionAsAGlueKeyIsRefused(String key) {
        Req r = new Req();
        r.nameServerIps.put(key, "192.0.2.99");
        Violation v = only(invalid(r.validate()), "zoneConfig.nameServerIps[" + quoted(key) + "]");
        assertThat(v.message()).contains("not a valid DNS name");
    }

    @Test
    void aGlueValueMustBeAnIpAddress() {
        Req r = new Req();
        r.nameServerIps.put("ns1.example.com.", "192.0.2.10\n$INCLUDE /etc/passwd");
        only(invalid(r.validate()), "zoneConfig.nameServerIps[\"ns1.example.com.\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$INCLUDE /etc/passwd", "$GENERATE 1-9 x A 1.2.3.$", "ns1.example.com. ; x", "ns(1"})
    void directiveInjectionAsANameServerIsRefused(String ns) {
        Req r = new Req();
        r.nameServers.add(ns);
        only(invalid(r.validate()), "zoneConfig.nameServers[2]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$INCLUDE /etc/bind/rndc.key", "$TTL", "www ; comment", "www\nevil", "(www", "www)"})
    void directiveInjectionAsARecordNameIsRefused(String name) {
        Req r = new Req();
        r.records.add(rec(name, "A", "192.0.2.1"));
        only(invalid(r.validate()), "zoneConfig.records[0].name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$INCLUDE /etc/passwd", "ns1.example.com. ; x", "hostmaster@exa mple.com"})
    void directiveInjectionThroughTheSoaIsRefused(String name) {
        Req r = new Req();
        r.soa = Optional.of(new SoaRequest(
                Optional.of(name),
                Optional.of(name),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty()));
        assertThat(invalid(r.validate()))
                .extracting(Violation::field)
                .containsExactly("zoneConfig.soa.primaryNs", "zoneConfig.soa.adminEmail");
    }

    @Test
    void aRecordValueWithANewlineIsRefused() {
        Req r = new Req();
        r.records.add(rec("www", "A", "1.2.3.4\nupdate delete example.com. ANY"));
        assertThat(only(invalid(r.validate()), "zoneConfig.records[0].value").message())
                .contains("control characters");
    }

    // ---- create: semantic violations (422) ----

    @ParameterizedTest
    @ValueSource(longs = {-1, 2147483648L, Long.MAX_VALUE, Long.MIN_VALUE})
    void aZoneTtlOutOfRangeIsUnprocessable(long ttl) {
        Req r = new Req();
        r.ttl = OptionalLong.of(ttl);
        assertThat(only(unprocessable(r.validate()), "zoneConfig.ttl").message())
                .isEqualTo("TTL must be between 0 and 2147483647");
    }

    @Test
    void ttlBoundsAreAccepted() {
        Req r = new Req();
        r.ttl = OptionalLong.of(0);
        ok(r.validate());
        r.ttl = OptionalLong.of(2147483647L);
        ok(r.validate());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5, 4294967296L})
    void aSerialOutOfRangeIsUnprocessable(long serial) {
        Req r = new Req();
        r.soa = Optional.of(new SoaRequest(
                Optional.of("ns1.example.com."),
                Optional.of("hostmaster.example.com."),
                OptionalLong.of(serial),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty()));
        Outcome<ZoneSpec> outcome = r.validate();
        assertThat(only(unprocessable(outcome), "zoneConfig.soa.serial").message())
                .startsWith("SOA serial must be positive integer");
        assertThat(((Outcome.Failure<ZoneSpec>) outcome).error()).isEqualTo("Invalid zone configuration");
        assertThat(((Outcome.Failure<ZoneSpec>) outcome).code()).isEqualTo(ErrorCode.INVALID_ZONE_CONFIGURATION);
    }

    @Test
    void theLargestSerialIsAccepted() {
        Req r = new Req();
        r.soa = Optional.of(new SoaRequest(
                Optional.of("ns1.example.com."),
                Optional.of("hostmaster.example.com."),
                OptionalLong.of(4294967295L),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty()));
        assertThat(ok(r.validate()).soa().serial()).isEqualTo(4294967295L);
    }

    @Test
    void soaTimersOutOfRangeAreEachNamed() {
        Req r = new Req();
        r.soa = Optional.of(new SoaRequest(
                Optional.of("ns1.example.com."),
                Optional.of("hostmaster.example.com."),
                OptionalLong.empty(),
                OptionalLong.of(-1),
                OptionalLong.of(-1),
                OptionalLong.of(2147483648L),
                OptionalLong.of(-1)));
        assertThat(unprocessable(r.validate()))
                .extracting(Violation::field)
                .containsExactly(
                        "zoneConfig.soa.refresh",
                        "zoneConfig.soa.retry",
                        "zoneConfig.soa.expire",
                        "zoneConfig.soa.negativeTtl");
    }

    @Test
    void anExpireShorterThanRefreshIsUnprocessableAndSaysWhy() {
        Req r = new Req();
        r.soa = Optional.of(new SoaRequest(
                Optional.of("ns1.example.com."),
                Optional.of("hostmaster.example.com."),
                OptionalLong.empty(),
                OptionalLong.of(86400),
                OptionalLong.empty(),
                OptionalLong.of(3600),
                OptionalLong.empty()));
        assertThat(only(unprocessable(r.validate()), "zoneConfig.soa.expire").message())
                .contains("shorter than refresh");
    }

    @Test
    void aRetryLongerThanRefreshIsAllowed() {
        Req r = new Req();
        r.soa = Optional.of(new SoaRequest(
                Optional.of("ns1.example.com."),
                Optional.of("hostmaster.example.com."),
                OptionalLong.empty(),
                OptionalLong.of(600),
                OptionalLong.of(3600),
                OptionalLong.empty(),
                OptionalLong.empty()));
        ok(r.validate());
    }

    @Test
    void aCnameBesideOtherDataIsUnprocessable() {
        Req r = new Req();
        r.records.add(rec("www", "A", "192.0.2.1"));
        r.records.add(rec("www", "CNAME", "example.com."));
        Outcome<ZoneSpec> outcome = r.validate();
        assertThat(only(unprocessable(outcome), "zoneConfig.records[1].type").message())
                .contains("www.example.com.")
                .contains("no other data");
    }

    @Test
    void dataAfterACnameIsUnprocessableToo() {
        Req r = new Req();
        r.records.add(rec("www", "CNAME", "example.com."));
        r.records.add(rec("www.example.com.", "TXT", "hello"));
        only(unprocessable(r.validate()), "zoneConfig.records[1].type");
    }

    @Test
    void twoCnamesAtOneOwnerAreUnprocessable() {
        Req r = new Req();
        r.records.add(rec("www", "CNAME", "a.example.net."));
        r.records.add(rec("www", "CNAME", "b.example.net."));
        assertThat(only(unprocessable(r.validate()), "zoneConfig.records[1].type")
                        .message())
                .contains("only one CNAME");
    }

    @Test
    void aCnameAtTheApexIsUnprocessable() {
        Req r = new Req();
        r.records.add(rec("@", "CNAME", "other.example.net."));
        assertThat(unprocessable(r.validate())).extracting(Violation::field).contains("zoneConfig.records[0].name");
    }

    @Test
    void aNameServerThatIsNotAHostNameIsUnprocessable() {
        Req r = new Req();
        r.nameServers.add("ns_3.example.net.");
        r.records.add(rec("sub", "NS", "_ns.example.net."));
        assertThat(unprocessable(r.validate()))
                .extracting(Violation::field)
                .containsExactly("zoneConfig.nameServers[2]", "zoneConfig.records[0].value");
    }

    @Test
    void aPrimaryWithoutAnyNameServerIsUnprocessable() {
        Req r = new Req();
        r.nameServers = new ArrayList<>();
        r.nameServerIps = new LinkedHashMap<>();
        assertThat(only(unprocessable(r.validate()), "zoneConfig.nameServers").message())
                .contains("at least one name server");
    }

    @Test
    void anInZoneNameServerWithoutGlueIsUnprocessable() {
        Req r = new Req();
        r.nameServerIps.remove("ns2.example.com.");
        assertThat(only(unprocessable(r.validate()), "zoneConfig.nameServers[1]")
                        .message())
                .contains("no address");
    }

    @Test
    void anInZoneNameServerWithAnAddressRecordNeedsNoGlue() {
        Req r = new Req();
        r.nameServerIps.remove("ns2.example.com.");
        r.records.add(rec("ns2", "AAAA", "2001:db8::2"));
        ok(r.validate());
    }

    @Test
    void anMxPreferenceOutOfRangeIsUnprocessable() {
        Req r = new Req();
        r.records.add(rec("@", "MX", "70000 mail.example.com."));
        only(unprocessable(r.validate()), "zoneConfig.records[0].value");
    }

    @Test
    void aRecordTtlOutOfRangeIsUnprocessable() {
        Req r = new Req();
        r.records.add(rec("www", "A", "192.0.2.1", 2147483648L, -1));
        assertThat(only(unprocessable(r.validate()), "zoneConfig.records[0].ttl")
                        .message())
                .isEqualTo("TTL must be between 0 and 2147483647");
    }

    // ---- create: everything at once ----

    @Test
    void everyViolationIsReportedAtOnceAndOneMalformedMakesIt400() {
        Req r = new Req();
        r.zoneName = Optional.of("../etc");
        r.updateKeyName = Optional.of("k\"; };");
        r.ttl = OptionalLong.of(-1);
        r.soa = Optional.of(new SoaRequest(
                Optional.of("ns1.example.com."),
                Optional.empty(),
                OptionalLong.of(0),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty()));
        r.nameServerIps.put("$INCLUDE /etc/passwd", "192.0.2.1");
        r.records.add(rec("www", "MX", "nonsense"));
        r.records.add(rec("www", "BOGUS", "x"));
        r.alsoNotify.add("1.2.3.4 port 53");
        r.allowTransfer.add("everyone");
        Outcome<ZoneSpec> outcome = r.validate();
        List<Violation> v = invalid(outcome);
        assertThat(v)
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "zoneName",
                        "updateKeyName",
                        "zoneConfig.ttl",
                        "zoneConfig.soa.adminEmail",
                        "zoneConfig.soa.serial",
                        "zoneConfig.nameServerIps[\"$INCLUDE /etc/passwd\"]",
                        "zoneConfig.records[0].value",
                        "zoneConfig.records[1].type",
                        "zoneConfig.alsoNotify[0]",
                        "zoneConfig.allowTransfer[0]");
        assertThat(v)
                .filteredOn(x -> x.kind() == Violation.Kind.SEMANTIC)
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("zoneConfig.ttl", "zoneConfig.soa.serial");
        Outcome.Invalid<ZoneSpec> failure = (Outcome.Invalid<ZoneSpec>) outcome;
        assertThat(failure.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(failure.error()).isEqualTo("Validation error");
        assertThat(failure.details())
                .contains("Missing required field: zoneConfig.soa.adminEmail")
                .contains("TTL must be between 0 and 2147483647");
    }

    @Test
    void onlySemanticViolationsMake422WithTheZoneInTheContext() {
        Req r = new Req();
        r.ttl = OptionalLong.of(-1);
        r.records.add(rec("@", "CNAME", "other.example.net."));
        Outcome<ZoneSpec> outcome = r.validate();
        assertThat(unprocessable(outcome))
                .extracting(Violation::field)
                .containsExactly("zoneConfig.ttl", "zoneConfig.records[0].name");
        assertThat(((Outcome.Failure<ZoneSpec>) outcome).context()).containsEntry("zone", "example.com");
    }

    // ---- records ----

    @Nested
    class Records {
        Outcome<Record> validate(RecordRequest request) {
            return ZoneRequests.validate(request, ZONE, "");
        }

        Record okRecord(RecordRequest request) {
            Outcome<Record> outcome = validate(request);
            assertThat(outcome).as("outcome %s", outcome).isInstanceOf(Outcome.Ok.class);
            return ((Outcome.Ok<Record>) outcome).value();
        }

        @Test
        void theApexRelativeAndAbsoluteOwnersResolveInsideTheZone() {
            assertThat(okRecord(rec("@", "A", "192.0.2.1")).owner()).isEqualTo(DomainName.of("example.com"));
            assertThat(okRecord(rec("www", "A", "192.0.2.1")).owner()).isEqualTo(DomainName.of("www.example.com"));
            assertThat(okRecord(rec("WWW.Example.com.", "A", "192.0.2.1")).owner())
                    .isEqualTo(DomainName.of("www.example.com"));
            assertThat(okRecord(rec("*", "A", "192.0.2.1")).owner()).isEqualTo(DomainName.of("*.example.com"));
            assertThat(okRecord(rec("*.dev", "TXT", "x")).owner()).isEqualTo(DomainName.of("*.dev.example.com"));
        }

        @Test
        void anAbsoluteOwnerOutsideTheZoneIsInvalidAndNamesTheZone() {
            Outcome<Record> outcome = validate(rec("www.example.net.", "A", "192.0.2.1"));
            assertThat(only(invalid(outcome), "name").message()).contains("not inside zone example.com");
            assertThat(((Outcome.Failure<Record>) outcome).context()).containsEntry("zone", "example.com");
        }

        @Test
        void aWildcardAnywhereButTheFirstLabelIsInvalid() {
            only(invalid(validate(rec("www.*", "A", "192.0.2.1"))), "name");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "mx", "Txt", "srv", "caa", "https"})
        void theTypeIsCaseInsensitive(String type) {
            RecordRequest r = switch (type.toLowerCase()) {
                case "a" -> rec("x", type, "192.0.2.1");
                case "mx" -> rec("x", type, "10 mail.example.com.");
                case "txt" -> rec("x", type, "hi");
                case "srv" -> rec("_sip._tcp", type, "0 5 5060 sip.example.com.");
                case "caa" -> rec("@", type, "0 issue letsencrypt.org");
                default -> rec("x", type, "1 . alpn=h2");
            };
            okRecord(r);
        }

        @ParameterizedTest
        @ValueSource(strings = {"SOA", "ANY", "AXFR", "OTHER", "TYPE65534", "A;", ""})
        void typesThatCannotBeWrittenAreInvalid(String type) {
            assertThat(only(invalid(validate(rec("x", type, "1"))), "type").message())
                    .startsWith("Invalid record type:");
        }

        @Test
        void priorityIsPrependedForMxAndSrv() {
            assertThat(okRecord(rec("@", "MX", "mail", -1, 10)).data())
                    .isEqualTo(new RData.Mx(10, DomainName.of("mail.example.com")));
            assertThat(okRecord(rec("_sip._tcp", "SRV", "5 5060 sip.example.com.", -1, 0))
                            .data()
                            .presentation())
                    .isEqualTo("0 5 5060 sip.example.com.");
        }

        @Test
        void priorityOnAnotherTypeIsInvalid() {
            only(invalid(validate(rec("x", "TXT", "hi", -1, 10))), "priority");
        }

        @Test
        void priorityTogetherWithAPreferenceInTheValueIsInvalidAndExplained() {
            assertThat(only(invalid(validate(rec("@", "MX", "10 mail.example.com.", -1, 10))), "value")
                            .message())
                    .contains("exchange alone");
        }

        @Test
        void priorityOutOfRangeIsUnprocessable() {
            only(unprocessable(validate(rec("@", "MX", "mail", -1, 65536))), "priority");
        }

        @Test
        void anMxWithoutPreferenceTellsWhatIsExpected() {
            assertThat(only(invalid(validate(rec("@", "MX", "mail.example.com."))), "value")
                            .message())
                    .startsWith("MX value must be '<preference> <exchange>'")
                    .contains("priority field");
        }

        @Test
        void theRecordsEndpointsNewlineInjectionIsRefused() {
            Outcome<Record> outcome = validate(rec("www", "A", "1.2.3.4\nupdate delete example.com. ANY"));
            assertThat(only(invalid(outcome), "value").message()).contains("U+000A");
        }

        @Test
        void aNulOrCarriageReturnInANameIsRefused() {
            only(invalid(validate(rec("www\u0000", "A", "192.0.2.1"))), "name");
            only(invalid(validate(rec("www\r", "A", "192.0.2.1"))), "name");
        }

        @Test
        void aRecordTtlIsOptionalAndRangeChecked() {
            assertThat(okRecord(rec("www", "A", "192.0.2.1")).ttl()).isEmpty();
            assertThat(okRecord(rec("www", "A", "192.0.2.1", 0, -1)).ttl()).hasValue(0);
            only(
                    unprocessable(validate(new RecordRequest(
                            Optional.of("www"),
                            Optional.of("A"),
                            Optional.of("192.0.2.1"),
                            OptionalLong.of(-1),
                            OptionalLong.empty()))),
                    "ttl");
        }

        @Test
        void aSemanticRecordProblemUsesTheRecordConflictCode() {
            Outcome<Record> outcome = validate(rec("@", "CNAME", "example.net."));
            only(unprocessable(outcome), "name");
            assertThat(((Outcome.Failure<Record>) outcome).code()).isEqualTo(ErrorCode.RECORD_CONFLICT);
        }

        @Test
        void aFieldPrefixIsPutBeforeEveryPath() {
            Outcome<Record> outcome = ZoneRequests.validate(rec("a b", "A", "x"), ZONE, "records[3]");
            assertThat(invalid(outcome))
                    .extracting(Violation::field)
                    .containsExactly("records[3].name", "records[3].value");
        }

        @Test
        void anUnderscoreOwnerIsFineForTxtAndSrvButNotForA() {
            okRecord(rec("_dmarc", "TXT", "v=DMARC1; p=none"));
            okRecord(rec("_sip._tcp", "SRV", "0 5 5060 sip.example.com."));
            only(unprocessable(validate(rec("_x", "A", "192.0.2.1"))), "name");
        }
    }

    // ---- patch ----

    @Nested
    class Patch {
        @Test
        void aPatchWithoutAnyFieldIsInvalidWithTheReferencesMessage() {
            Outcome<ZonePatch> outcome =
                    ZoneRequests.validate(new ZonePatchRequest(Optional.empty(), Optional.empty(), Optional.empty()));
            assertThat(invalid(outcome))
                    .extracting(Violation::message)
                    .containsExactly("At least one field (alsoNotify, allowTransfer, or allowUpdate) must be provided");
        }

        @Test
        void bindysPatchWithPortsIsAccepted() {
            Outcome<ZonePatch> outcome = ZoneRequests.validate(new ZonePatchRequest(
                    Optional.of(List.of("10.0.0.7:5353", "[2001:db8::7]:5353")),
                    Optional.of(List.of("10.0.0.7")),
                    Optional.empty()));
            assertThat(outcome).isInstanceOf(Outcome.Ok.class);
            ZonePatch patch = ((Outcome.Ok<ZonePatch>) outcome).value();
            assertThat(patch.alsoNotify().orElseThrow())
                    .extracting(Endpoint::toString)
                    .containsExactly("10.0.0.7:5353", "[2001:db8::7]:5353");
            assertThat(patch.allowTransfer().orElseThrow())
                    .extracting(Object::toString)
                    .containsExactly("10.0.0.7");
            assertThat(patch.allowUpdate()).isEmpty();
        }

        @Test
        void anEmptyListIsKeptSoThatItRemovesTheDirective() {
            Outcome<ZonePatch> outcome = ZoneRequests.validate(
                    new ZonePatchRequest(Optional.empty(), Optional.empty(), Optional.of(List.of())));
            assertThat(((Outcome.Ok<ZonePatch>) outcome).value().allowUpdate()).contains(List.of());
        }

        @Test
        void allowUpdateTakesNetworksBuiltinsAndKeys() {
            Outcome<ZonePatch> outcome = ZoneRequests.validate(new ZonePatchRequest(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(List.of("2001:db8::/32", "localhost", "key bindy-operator", "key \"quoted-key\""))));
            assertThat(((Outcome.Ok<ZonePatch>) outcome).value().allowUpdate().orElseThrow())
                    .extracting(Object::toString)
                    .containsExactly("2001:db8::/32", "localhost", "key bindy-operator", "key quoted-key");
        }

        @Test
        void everyBadEntryOfEveryListIsReported() {
            Outcome<ZonePatch> outcome = ZoneRequests.validate(new ZonePatchRequest(
                    Optional.of(List.of("10.0.0.7", "1.2.3.4 port 53")),
                    Optional.of(List.of("1.2.3.4; }; zone \"x\" {")),
                    Optional.of(List.of("key k\"; };"))));
            assertThat(invalid(outcome))
                    .extracting(Violation::field)
                    .containsExactly("alsoNotify[1]", "allowTransfer[0]", "allowUpdate[0]");
        }
    }

    static String quoted(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\u000a") + "\"";
    }
}
