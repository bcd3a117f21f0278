package dev.bindsmith.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParsedTest {

    @Test
    void aValueMapsAndChainsAndHasNoViolation() {
        Parsed<Integer> five = Parsed.of(5);
        assertThat(five.map(n -> n * 2).toOptional()).contains(10);
        assertThat(five.flatMap(n -> Parsed.of("n=" + n)).toOptional()).contains("n=5");
        assertThat(five.violation("x")).isEmpty();
        assertThat(five.isValue()).isTrue();
    }

    @Test
    void aProblemPassesThroughMapAndChainAndBecomesAViolationOfTheGivenField() {
        Parsed<Integer> bad = Parsed.semantic("too big");
        assertThat(bad.map(n -> n * 2).toOptional()).isEmpty();
        assertThat(bad.flatMap(n -> Parsed.of("never")).violation("zoneConfig.ttl"))
                .contains(Violation.semantic("zoneConfig.ttl", "too big"));
        assertThat(Parsed.<Integer>malformed("not a number").violation("f"))
                .contains(Violation.malformed("f", "not a number"));
        assertThat(bad.isValue()).isFalse();
    }

    @Test
    void aChainStopsAtTheFirstProblem() {
        Parsed<Integer> chained =
                Parsed.of(1).flatMap(n -> Parsed.<Integer>malformed("first")).flatMap(n -> Parsed.semantic("second"));
        assertThat(chained.violation("f")).contains(Violation.malformed("f", "first"));
    }
}
