package dev.bindsmith.http.json;

import dev.bindsmith.testing.fuzz.MutationFuzzer;
import org.junit.jupiter.api.Test;

/** The smoke run of {@link JsonBodyFuzzTarget}: the corpus and seeded mutations, each bounded in time and allocation. */
class JsonBodyFuzzTargetTest {
    @Test
    void noRequestBodyCrashesOrHangsTheApiOrIsAnswered5xx() {
        MutationFuzzer.of("JsonBodyFuzzTarget", JsonBodyFuzzTarget::fuzzerTestOneInput)
                .run();
    }
}
