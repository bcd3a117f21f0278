package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SerialNumbersTest {

    @Test
    void incrementAddsOne() {
        assertThat(SerialNumbers.increment(2026112101L)).isEqualTo(2026112102L);
    }

    @Test
    void incrementWrapsAtTwoToTheThirtyTwoAndSkipsZero() {
        assertThat(SerialNumbers.increment(4294967294L)).isEqualTo(4294967295L);
        assertThat(SerialNumbers.increment(4294967295L)).isEqualTo(1L);
    }

    @Test
    void greaterFollowsRfc1982AcrossTheWrap() {
        assertThat(SerialNumbers.greater(2, 1)).isTrue();
        assertThat(SerialNumbers.greater(1, 2)).isFalse();
        assertThat(SerialNumbers.greater(1, 4294967295L))
                .as("1 follows the largest serial")
                .isTrue();
        assertThat(SerialNumbers.greater(4294967295L, 1)).isFalse();
        assertThat(SerialNumbers.greater(5, 5)).isFalse();
        assertThat(SerialNumbers.greater(0, 1L << 31))
                .as("exactly half way is undefined, so not greater")
                .isFalse();
    }
}
