package dev.bindsmith.core.validation;

import static dev.bindsmith.core.validation.AddressRulesTest.problem;
import static dev.bindsmith.core.validation.AddressRulesTest.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberRulesTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 3600, 2147483647L})
    void ttlsFrom0To2147483647Pass(long ttl) {
        assertThat(value(NumberRules.ttl(ttl))).isEqualTo(ttl);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 2147483648L, 4294967295L})
    void otherTtlsAreSemanticWithTheReferencesMessage(long ttl) {
        Parsed.Problem<?> p = problem(NumberRules.ttl(ttl));
        assertThat(p.kind()).isEqualTo(Violation.Kind.SEMANTIC);
        assertThat(p.message()).isEqualTo("TTL must be between 0 and 2147483647");
    }

    @Test
    void serialsArePositive32BitNumbers() {
        value(NumberRules.serial(1));
        value(NumberRules.serial(4294967295L));
        assertThat(problem(NumberRules.serial(0)).message()).startsWith("SOA serial must be positive integer");
        problem(NumberRules.serial(4294967296L));
    }

    @Test
    void soaTimersAreNamedInTheirMessage() {
        assertThat(problem(NumberRules.soaTimer("retry", -1)).message()).startsWith("SOA retry must be between 0 and");
        value(NumberRules.soaTimer("retry", 0));
    }

    @Test
    void anExpireBelowRefreshOrRetryIsAProblemAndARetryAboveRefreshIsNot() {
        assertThat(NumberRules.soaTimersProblem(3600, 600, 1800))
                .hasValueSatisfying(m -> assertThat(m).contains("refresh"));
        assertThat(NumberRules.soaTimersProblem(300, 3600, 1800))
                .hasValueSatisfying(m -> assertThat(m).contains("retry"));
        assertThat(NumberRules.soaTimersProblem(600, 3600, 604800)).isEmpty();
        assertThat(NumberRules.soaTimersProblem(3600, 600, 3600)).isEmpty();
    }

    @Test
    void theDefaultSerialIsTheUtcDateFollowedBy01() {
        Clock newYearsEveInUtcButNewYearInSydney =
                Clock.fixed(Instant.parse("2026-12-31T23:59:59Z"), ZoneId.of("Australia/Sydney"));
        assertThat(NumberRules.defaultSerial(newYearsEveInUtcButNewYearInSydney))
                .isEqualTo(2026123101L);
    }

    @Test
    void unsignedFieldsAreMalformedWhenNotDigitsAndSemanticWhenTooLarge() {
        assertThat(value(NumberRules.unsigned("MX preference", "65535", 65535))).isEqualTo(65535);
        assertThat(problem(NumberRules.unsigned("MX preference", "-1", 65535)).kind())
                .isEqualTo(Violation.Kind.MALFORMED);
        assertThat(problem(NumberRules.unsigned("MX preference", "ten", 65535)).kind())
                .isEqualTo(Violation.Kind.MALFORMED);
        assertThat(problem(NumberRules.unsigned("MX preference", "99999999999", 65535))
                        .kind())
                .isEqualTo(Violation.Kind.MALFORMED);
        Parsed.Problem<?> p = problem(NumberRules.unsigned("MX preference", "65536", 65535));
        assertThat(p.kind()).isEqualTo(Violation.Kind.SEMANTIC);
        assertThat(p.message()).isEqualTo("MX preference must be between 0 and 65535, was 65536");
    }
}
