package dev.bindsmith.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each golden spec renders to its golden file byte for byte. After a deliberate change of the writer,
 * run with {@code -Dbindsmith.updateGolden=true} to rewrite the files, then review the diff.
 */
class ZoneFileWriterGoldenTest {

    @TestFactory
    Stream<DynamicTest> everyGoldenSpecRendersToItsGoldenFileByteForByte() {
        boolean update = Boolean.getBoolean("bindsmith.updateGolden");
        return GoldenZones.all().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    String rendered = ZoneFileWriter.render(e.getValue());
                    if (update) {
                        Path file = Path.of("src/test/resources/dev/bindsmith/core/zone", e.getKey() + ".zone");
                        Files.writeString(file, rendered, StandardCharsets.UTF_8);
                    }
                    assertThat(rendered).isEqualTo(GoldenZones.golden(e.getKey()));
                }));
    }

    @TestFactory
    Stream<DynamicTest> goldenFilesArePrintableAsciiOnly() {
        return GoldenZones.all().keySet().stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    String text = GoldenZones.golden(name);
                    assertThat(text.chars().filter(c -> c != '\n' && (c < 0x20 || c >= 0x7f)))
                            .isEmpty();
                }));
    }
}
