package dev.bindsmith.rndc.wire;

import dev.bindsmith.testing.fuzz.MutationFuzzer;
import org.junit.jupiter.api.Test;

/** The smoke run of {@link RndcReplyFuzzTarget}: the corpus and seeded mutations, each bounded in time and allocation. */
class RndcReplyFuzzTargetTest {
    @Test
    void noControlChannelBytesCrashHangOrExhaustTheDecoder() {
        MutationFuzzer.of("RndcReplyFuzzTarget", RndcReplyFuzzTarget::fuzzerTestOneInput)
                .run();
    }
}
