package dev.bindsmith.cli;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(ExitCodes.of(new Outcome.Invalid<>(ErrorCode.VALIDATION_FAILED, "e", v, Map.of()))).isEqualTo(3);
        assertThat(ExitCodes.of(new Outcome.Unprocessable<>(ErrorCode.INVALID_ZONE_CONFIGURATION, "e", v, Map.of()))).isEqualTo(3);
        assertThat(ExitCodes.of(new Outcome.TooLarge<>(10, 20))).isEqualTo(3);
        assertThat(ExitCodes.of(new Outcome.UnsupportedMediaType<>("application/json", "text/plain"))).isEqualTo(3);
        assertThat(ExitCodes.of(Outcome.zoneNotFound("x"))).isEqualTo(4);
        assertThat(ExitCodes.of(Outcome.zoneExists("x", ""))).isEqualTo(5);
        assertThat(ExitCodes.of(Outcome.backendUnreachable("addzone", "connection refused"))).isEqualTo(6);
        assertThat(ExitCodes.of(Outcome.unavailable("shutting down"))).isEqualTo(7);
        assertThat(ExitCodes.of(new Outcome.Unauthenticated<>(ErrorCode.AUTH_REQUIRED, "e", "d"))).isEqualTo(8);
        assertThat(ExitCodes.of(new Outcome.Forbidden<>("no"))).isEqualTo(8);
        assertThat(ExitCodes.of(new Outcome.RateLimited<>(Duration.ofSeconds(3)))).isEqualTo(9);
    }

    @Test
    void theDocumentedTableListsEveryCode() {
        for (int code = 0; code <= 9; code++) {
            assertThat(ExitCodes.TABLE).containsPattern("\\n\\s+" + code + "  \\w");
        }
    }
}
