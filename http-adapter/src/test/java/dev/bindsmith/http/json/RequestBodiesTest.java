package dev.bindsmith.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    private static JsonNode json(String text) {
        var parsed = Json.parse(text.getBytes(StandardCharsets.UTF_8));
        return ((Outcome.Ok<JsonNode>) parsed).value();
    }

    @Test
    void theReferencesCamelCaseFieldsMapOntoTheCoreRequest() {
        var read = RequestBodies.zone(json("""
                {"zoneName":"example.com","zoneType":"primary","updateKeyName":"k",
                 "zoneConfig":{"ttl":300,"soa":{"primaryNs":"ns1.example.com.","adminEmail":"h.example.com.",
                   "serial":7,"refresh":1,"retry":2,"expire":3,"negativeTtl":4},
                   "nameServers":["ns1.example.com."],"nameServerIps":{"ns1.example.com.":"192.0.2.1"},
                   "records":[{"name":"@","type":"MX","value":"mail.example.com.","ttl":60,"priority":10}],
                   "primaries":["192.0.2.9:5353"],"alsoNotify":["192.0.2.7"],"allowTransfer":["192.0.2.8"],
                   "dnssecPolicy":"default","inlineSigning":true}}
                """));
        assertThat(read.violations()).isEmpty();
        assertThat(read.unknown()).isEmpty();
        var r = read.value();
        assertThat(r.zoneName()).hasValue("example.com");
        assertThat(r.updateKeyName()).hasValue("k");
        var c = r.zoneConfig().orElseThrow();
        assertThat(c.ttl()).isEqualTo(OptionalLong.of(300));
        var soa = c.soa().orElseThrow();
        assertThat(List.of(soa.serial(), soa.refresh(), soa.retry(), soa.expire(), soa.negativeTtl()))
                .containsExactly(
                        OptionalLong.of(7),
                        OptionalLong.of(1),
                        OptionalLong.of(2),
                        OptionalLong.of(3),
                        OptionalLong.of(4));
        assertThat(c.nameServerIps()).isEqualTo(Map.of("ns1.example.com.", "192.0.2.1"));
        assertThat(c.records()).singleElement().satisfies(rec -> {
            assertThat(rec.type()).hasValue("MX");
            assertThat(rec.priority()).isEqualTo(OptionalLong.of(10));
        });
        assertThat(c.primaries()).containsExactly("192.0.2.9:5353");
        assertThat(c.dnssecPolicy()).hasValue("default");
        assertThat(c.inlineSigning()).hasValue(true);
    }

    @Test
    void absentAndNullFieldsAreEmptySoThatValidationCanNameThem() {
        var read = RequestBodies.zone(json("{\"zoneName\":null,\"zoneConfig\":{\"soa\":{}}}"));
        assertThat(read.violations()).isEmpty();
        assertThat(read.value().zoneName()).isEmpty();
        assertThat(read.value().zoneType()).isEmpty();
        var c = read.value().zoneConfig().orElseThrow();
        assertThat(c.nameServers()).isEmpty();
        assertThat(c.nameServerIps()).isEmpty();
        assertThat(c.soa().orElseThrow().primaryNs()).isEmpty();
    }

    @Test
    void everyFieldOfTheWrongTypeIsAViolationNamedByItsPath() {
        var read = RequestBodies.zone(json("""
                {"zoneName":5,"zoneType":"primary","zoneConfig":{"ttl":"3600","soa":{"serial":1.5,"primaryNs":[]},
                 "nameServers":["ok",7],"nameServerIps":{"a":1},"records":[{"name":"@","ttl":true},3],
                 "inlineSigning":"yes"}}
                """));
        assertThat(read.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "zoneName",
                        "zoneConfig.ttl",
                        "zoneConfig.soa.serial",
                        "zoneConfig.soa.primaryNs",
                        "zoneConfig.nameServers[1]",
                        "zoneConfig.nameServerIps.a",
                        "zoneConfig.records[0].ttl",
                        "zoneConfig.records[1]",
                        "zoneConfig.inlineSigning");
        assertThat(read.violations()).allSatisfy(v -> {
            assertThat(v.kind()).isEqualTo(Violation.Kind.MALFORMED);
            assertThat(v.message()).startsWith("Invalid field type: " + v.field());
        });
        assertThat(read.value().zoneConfig().orElseThrow().nameServers()).containsExactly("ok");
    }

    @Test
    void aWholeNumberBeyond64BitsIsOfTheRightTypeAndLeftToTheRangeChecks() {
        var read = RequestBodies.zone(json("""
                {"zoneName":"a.example","zoneType":"primary","zoneConfig":{"ttl":99999999999999999999999,
                 "soa":{"serial":-99999999999999999999999,"primaryNs":"ns1.example.net."}}}
                """));

        assertThat(read.violations()).isEmpty();
        var c = read.value().zoneConfig().orElseThrow();
        assertThat(c.ttl()).hasValue(Long.MAX_VALUE);
        assertThat(c.soa().orElseThrow().serial()).hasValue(Long.MIN_VALUE);
    }

    @Test
    void unknownFieldsAreCollectedWithTheirPathNotRejected() {
        var read = RequestBodies.zone(json("{\"zoneName\":\"a.example\",\"zone_name\":\"x\","
                + "\"zoneConfig\":{\"name_servers\":[],\"soa\":{\"mname\":\"x\"}}}"));
        assertThat(read.violations()).isEmpty();
        assertThat(read.unknown())
                .containsExactlyInAnyOrder("zone_name", "zoneConfig.name_servers", "zoneConfig.soa.mname");
    }

    @Test
    void aPatchKeepsAbsentListsAbsentAndEmptyListsEmpty() {
        var read = RequestBodies.patch(json("{\"alsoNotify\":[],\"allowUpdate\":[\"10.0.0.0/8\"]}"));
        assertThat(read.value().alsoNotify()).hasValue(List.of());
        assertThat(read.value().allowTransfer()).isEqualTo(Optional.empty());
        assertThat(read.value().allowUpdate()).hasValue(List.of("10.0.0.0/8"));
    }

    @Test
    void invalidJsonReportsTheParsersLineAndColumnWithoutEchoingTheInput() {
        var parsed = Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}".getBytes(StandardCharsets.UTF_8));
        var invalid = (Outcome.Invalid<JsonNode>) parsed;
        assertThat(invalid.code()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(invalid.context()).containsEntry("line", "3").containsEntry("column", "7");
        assertThat(invalid.details()).endsWith("at line 3 column 7");
    }

    @Test
    void anUnclosedObjectNamesWhereItStartedInPlainWordsWithoutTheParsersInternals() {
        var invalid =
                (Outcome.Invalid<JsonNode>) Json.parse("{\"zoneName\": \"a.example\"".getBytes(StandardCharsets.UTF_8));

        assertThat(invalid.details())
                .isEqualTo("Unexpected end-of-input: expected close marker for Object (started at line 1 column 1)"
                        + " at line 1 column 25")
                .doesNotContain("Source", "REDACTED", "StreamReadFeature");
    }

    @Test
    void trailingGarbageAndDuplicateKeysAreInvalidJson() {
        assertThat(Json.parse("{} {}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(Outcome.Invalid.class);
        assertThat(Json.parse("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Outcome.Invalid.class);
    }
}
