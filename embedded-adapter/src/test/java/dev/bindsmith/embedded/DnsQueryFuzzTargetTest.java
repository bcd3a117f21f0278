package dev.bindsmith.embedded;

import dev.bindsmith.testing.fuzz.MutationFuzzer;
import org.junit.jupiter.api.Test;

/** The smoke run of {@link DnsQueryFuzzTarget}: the corpus and seeded mutations, each bounded in time and allocation. */
class DnsQueryFuzzTargetTest {
    @Test
    void noDnsMessageCrashesOrHangsTheEmbeddedServerOrGetsAMalformedOrOversizedReply() {
        MutationFuzzer.of("DnsQueryFuzzTarget", DnsQueryFuzzTarget::fuzzerTestOneInput)
                .run();
    }
}
