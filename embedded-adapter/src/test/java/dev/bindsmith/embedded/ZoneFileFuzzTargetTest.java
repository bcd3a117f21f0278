package dev.bindsmith.embedded;

import dev.bindsmith.testing.fuzz.MutationFuzzer;
import org.junit.jupiter.api.Test;

/** The smoke run of {@link ZoneFileFuzzTarget}: the corpus and seeded mutations, each bounded in time and allocation. */
class ZoneFileFuzzTargetTest {
    @Test
    void noZoneFileOrStatementCrashesHangsOrExhaustsTheLoaderAndWhatLoadsSurvivesTheRoundTrip() {
        MutationFuzzer.of("ZoneFileFuzzTarget", ZoneFileFuzzTarget::fuzzerTestOneInput)
                .run();
    }
}
