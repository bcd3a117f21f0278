package dev.bindsmith.rndc.bind;

import dev.bindsmith.testing.fuzz.MutationFuzzer;
import org.junit.jupiter.api.Test;

/** The smoke run of {@link ShowzoneFuzzTarget}: the corpus and seeded mutations, each bounded in time and allocation. */
class ShowzoneFuzzTargetTest {
    @Test
    void noShowzoneTextCrashesHangsOrExhaustsTheZoneStatementReader() {
        MutationFuzzer.of("ShowzoneFuzzTarget", ShowzoneFuzzTarget::fuzzerTestOneInput)
                .run();
    }
}
