package dev.bindsmith.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "a\u0000b", "a\tb", "a\u007f", "a\u0085b", "a\u2028b"})
    void controlCharactersAreNamedWithTheirPosition(String raw) {
        assertThat(TextRules.controlCharacterProblem("The value", raw))
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("The value must not contain control characters (found U+")
                        .contains("position 2"));
    }

    @Test
    void printableTextIncludingNonAsciiPasses() {
        assertThat(TextRules.controlCharacterProblem("The value", "v=spf1 \"quoted\"; (x) $y café 日本"))
                .isEmpty();
    }

    @Test
    void shownValuesAreQuotedEscapedAndCut() {
        assertThat(TextRules.show("a\nb'c\\")).isEqualTo("'a\\nb\\'c\\\\'");
        assertThat(TextRules.show("x".repeat(100))).hasSize(TextRules.SHOWN + 3).endsWith("…'");
        assertThat(TextRules.show("\u0000")).isEqualTo("'\\u0000'");
    }
}
