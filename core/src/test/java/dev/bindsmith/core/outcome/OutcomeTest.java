package dev.bindsmith.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.validation.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void anyMalformedViolationMakesTheWholeRejectionA400ThatStillListsTheSemanticOnes() {
        Outcome<String> outcome = Outcome.invalid(List.of(
                Violation.semantic("zoneConfig.ttl", "TTL must be between 0 and 2147483647"),
                Violation.missing("zoneName")));

        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        Outcome.Invalid<String> invalid = (Outcome.Invalid<String>) outcome;
        assertThat(invalid.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(invalid.violations()).hasSize(2);
        assertThat(invalid.details())
                .isEqualTo("TTL must be between 0 and 2147483647; Missing required field: zoneName");
    }

    @Test
    void onlySemanticViolationsMakeA422WithTheCallersCode() {
        List<Violation> semantic = List.of(Violation.semantic("records[0]", "a CNAME cannot stand beside other data"));

        Outcome.Failure<String> zone = Outcome.invalid(semantic, Map.of("zone", "example.com"));
        Outcome.Failure<String> record = Outcome.invalidRecord(semantic, Map.of());

        assertThat(zone).isInstanceOf(Outcome.Unprocessable.class);
        assertThat(zone.code()).isEqualTo(ErrorCode.INVALID_ZONE_CONFIGURATION);
        assertThat(zone.context()).containsEntry("zone", "example.com");
        assertThat(record).isInstanceOf(Outcome.Unprocessable.class);
        assertThat(record.code()).isEqualTo(ErrorCode.RECORD_CONFLICT);
    }

    @Test
    void aRejectionWithoutViolationsIsAProgrammingError() {
        assertThatThrownBy(() -> Outcome.invalid(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contextKeysKeepTheEnvelopesOrder() {
        assertThat(Outcome.<String>zoneFileWriteFailed("example.com", "disk full")
                        .context())
                .containsExactly(Map.entry("zone", "example.com"));
        assertThat(Outcome.<String>backendRejected("addzone", "rndc: 'addzone' failed: failure")
                        .context())
                .containsExactly(Map.entry("command", "addzone"));
    }

    @Test
    void mapAndFlatMapTransformSuccessesAndPassFailuresThroughUnchanged() {
        Outcome<Integer> ok = new Outcome.Ok<>(2);
        Outcome<Integer> created = new Outcome.Created<>(2, "zones/example.com");
        Outcome.Failure<Integer> failure = Outcome.zoneNotFound("example.com");

        assertThat(ok.map(n -> n * 10)).isEqualTo(new Outcome.Ok<>(20));
        assertThat(created.map(n -> n * 10)).isEqualTo(new Outcome.Created<>(20, "zones/example.com"));
        assertThat(failure.map(n -> n * 10)).isEqualTo(failure);
        assertThat(ok.flatMap(n -> Outcome.<String>zoneExists("example.com", "exists")))
                .isInstanceOf(Outcome.Conflict.class);
        assertThat(failure.flatMap(n -> new Outcome.Ok<>("never"))).isEqualTo(failure);
        assertThat(new Outcome.Deleted<Integer>().map(n -> n)).isEqualTo(new Outcome.Deleted<>());
    }

    @Test
    void onlyFailuresAreNotSuccesses() {
        assertThat(new Outcome.Ok<>("x").isSuccess()).isTrue();
        assertThat(new Outcome.Deleted<String>().isSuccess()).isTrue();
        assertThat(Outcome.<String>unavailable("zone directory gone").isSuccess())
                .isFalse();
    }
}
