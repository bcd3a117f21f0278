package dev.bindsmith.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * named's own loader accepts every golden file: {@code named-checkzone -k fail} applies check-names
 * the way named does for a primary zone, and check-integrity (NS with addresses, no CNAME conflicts).
 * A test-only use of a BIND tool; skipped with a message when it is not installed, required when
 * {@code -Dbindsmith.requireNamed=true}.
 */
class NamedCheckzoneTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> namedCheckzoneLoadsEveryGoldenFile() {
        Optional<Path> tool = findTool();
        if (tool.isEmpty() && Boolean.getBoolean("bindsmith.requireNamed")) {
            throw new AssertionError(
                    "named-checkzone is required (bindsmith.requireNamed=true) but not on PATH or in /usr/sbin");
        }
        Assumptions.assumeTrue(
                tool.isPresent(),
                "named-checkzone not found on PATH or in /usr/sbin: skipping the check of"
                        + " golden zone files with BIND's loader");
        return GoldenZones.all().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    Path file = dir.resolve(e.getKey() + ".zone");
                    Files.writeString(file, GoldenZones.golden(e.getKey()), StandardCharsets.UTF_8);
                    Process process = new ProcessBuilder(
                                    tool.get().toString(),
                                    "-k",
                                    "fail",
                                    "-i",
                                    "full",
                                    e.getValue().name().value(),
                                    file.toString())
                            .redirectErrorStream(true)
                            .start();
                    assertThat(process.waitFor(60, TimeUnit.SECONDS))
                            .as("named-checkzone finished")
                            .isTrue();
                    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(process.exitValue()).as(output).isZero();
                    assertThat(output)
                            .as(output)
                            .endsWith("OK\n")
                            .doesNotContain("warning")
                            .doesNotContain("ignoring");
                }));
    }

    static Optional<Path> findTool() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator
                + "/usr/bin";
        return Stream.of(path.split(File.pathSeparator))
                .filter(p -> !p.isEmpty())
                .map(p -> Path.of(p, "named-checkzone"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
