package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void successesExitZero() {
        assertThat(ExitCodes.of(new Outcome.Ok<>("x"))).isZero();
        assertThat(ExitCodes.of(new Outcome.Created<>("x", "/api/v1/zones/x"))).isZero();
        assertThat(ExitCodes.of(new Outcome.Deleted<>())).isZero();
    }

    @Test
    void eachFailureFamilyHasItsOwnCode() {
        List<Violation> v = List.of(Violation.malformed("zoneName", "bad"));
        assertThat(ExitCodes.of(new Outcome.Invalid<>(ErrorCode.VALIDATION_FAILED, "e", v, Map.of())))
                .isEqualTo(3);
        assertThat(ExitCodes.of(new Outcome.Unprocessable<>(ErrorCode.INVALID_ZONE_CONFIGURATION, "e", v, Map.of())))
                .isEqualTo(3);
        assertThat(ExitCodes.of(Outcome.zoneNotFound("x"))).isEqualTo(4);
        assertThat(ExitCodes.of(Outcome.zoneExists("x", ""))).isEqualTo(5);
        assertThat(ExitCodes.of(Outcome.backendUnreachable("addzone", "connection refused")))
                .isEqualTo(6);
        assertThat(ExitCodes.of(Outcome.unavailable("shutting down"))).isEqualTo(7);
    }

    @Test
    void aServersStatusMeansWhatTheSameOutcomeMeansInDirectMode() {
        assertThat(ExitCodes.ofStatus(200)).isEqualTo(ExitCodes.of(new Outcome.Ok<>("x")));
        assertThat(ExitCodes.ofStatus(204)).isEqualTo(ExitCodes.of(new Outcome.Deleted<>()));
        assertThat(ExitCodes.ofStatus(400))
                .isEqualTo(ExitCodes.of(Outcome.invalid(List.of(Violation.malformed("zoneName", "bad")))));
        assertThat(ExitCodes.ofStatus(404)).isEqualTo(ExitCodes.of(Outcome.zoneNotFound("x")));
        assertThat(ExitCodes.ofStatus(409)).isEqualTo(ExitCodes.of(Outcome.zoneExists("x", "")));
        assertThat(ExitCodes.ofStatus(500)).isEqualTo(ExitCodes.of(Outcome.backendRejected("addzone", "no")));
        assertThat(ExitCodes.ofStatus(503)).isEqualTo(ExitCodes.of(Outcome.unavailable("down")));
    }

    @Test
    void whatOnlyAServerRefusesHasCodesOfItsOwn() {
        assertThat(ExitCodes.ofStatus(413)).isEqualTo(3);
        assertThat(ExitCodes.ofStatus(415)).isEqualTo(3);
        assertThat(ExitCodes.ofStatus(401)).isEqualTo(8);
        assertThat(ExitCodes.ofStatus(403)).isEqualTo(8);
        assertThat(ExitCodes.ofStatus(405)).isEqualTo(4);
        assertThat(ExitCodes.ofStatus(429)).isEqualTo(9);
        assertThat(ExitCodes.ofStatus(502)).as("a proxy's error").isEqualTo(1);
    }

    @Test
    void theDocumentedTableListsEveryCode() {
        for (int code = 0; code <= 10; code++) {
            assertThat(ExitCodes.TABLE).containsPattern("\\n\\s+" + code + "  \\w");
        }
    }
}
