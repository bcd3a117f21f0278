package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.zone.ZoneName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Master files the fuzzer ({@link ZoneFileFuzzTarget}) found: each must be refused as a file that does not parse. */
class ZoneFilesHostileInputTest {
    @TempDir
    Path dir;

    @Test
    void aGenerateDirectiveWithAnEmptyStepIsAParseErrorNotAStringIndexOutOfBoundsException() throws Exception {
        // found by ZoneFileFuzzTarget: dnsjava's Master threw StringIndexOutOfBoundsException out of
        // loadMaster, whose callers expect an IOException naming the problem
        Path file = dir.resolve("example.com.db");
        Files.writeString(file, """
                $TTL 300
                @ IN SOA ns1 hostmaster 1 3600 600 86400 300
                @ IN NS ns1
                ns1 IN A 192.0.2.53
                $GENERATE 1-10/ host$ A 192.0.2.$
                """);

        assertThatThrownBy(() -> new ZoneFiles(dir).loadMaster(ZoneName.of("example.com"), file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not parse");
    }
}
