package dev.bindsmith.rndc.bind;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a store reads back from its zone log: the lines other processes appended, not its own. */
class ZoneLogTest {
    @TempDir
    Path dir;

    private ZoneLog open(Path file) throws IOException {
        return ZoneLog.open(file, dir, lines -> Optional.empty()).log();
    }

    @Test
    void linesThisProcessAppendedAreNotReadBackWhenNothingUnreadCameBeforeThem() throws IOException {
        try (ZoneLog log = open(dir.resolve("zones.log"))) {
            log.commit("+ a.example primary", null, false);
            log.append("= a.example primary");

            // a store that read back its own "+" after confirming the zone put it back to unfinished
            assertThat(log.readNew()).isEmpty();
        }
    }

    @Test
    void anotherWritersLinesAreReadWithTheOwnLinesThatFollowThem() throws IOException {
        Path file = dir.resolve("zones.log");
        try (ZoneLog log = open(file)) {
            log.commit("+ a.example primary", null, false);
            Files.writeString(file, "- b.example primary\n", StandardOpenOption.APPEND);
            log.append("+ c.example primary");

            assertThat(log.readNew()).containsExactly("- b.example primary", "+ c.example primary");
            assertThat(log.readNew()).isEmpty();
        }
    }

    @Test
    void twoLogsOfOneFileReadEachOthersLines() throws IOException {
        Path file = dir.resolve("zones.log");
        try (ZoneLog first = open(file);
                ZoneLog second = open(file)) {
            first.commit("+ a.example primary", null, false);
            second.commit("+ b.example secondary", null, false);

            assertThat(first.readNew()).containsExactly("+ b.example secondary");
            // its own line came after one it had not read: both are read, in the log's order
            assertThat(second.readNew()).containsExactly("+ a.example primary", "+ b.example secondary");
        }
    }
}
