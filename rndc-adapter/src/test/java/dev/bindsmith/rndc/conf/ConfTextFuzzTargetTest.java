package dev.bindsmith.rndc.conf;

import dev.bindsmith.testing.fuzz.MutationFuzzer;
import org.junit.jupiter.api.Test;

/** The smoke run of {@link ConfTextFuzzTarget}: the corpus and seeded mutations, each bounded in time and allocation. */
class ConfTextFuzzTargetTest {
    @Test
    void noConfigurationTextCrashesHangsOrExhaustsTheLexerOrTheRndcConfParser() {
        MutationFuzzer.of("ConfTextFuzzTarget", ConfTextFuzzTarget::fuzzerTestOneInput)
                .run();
    }
}
