package dev.bindsmith.testing.named;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether a real named can be run, for integration tests: they skip with a clear message when it is
 * missing, unless the system property {@code bindsmith.requireNamed} is {@code true} (CI sets it),
 * in which case a missing named fails the test.
 */
public final class NamedAvailability {
    public static final String REQUIRE_PROPERTY = "bindsmith.requireNamed";
    public static final String MISSING_MESSAGE =
            "named not found on PATH or /usr/sbin; install bind9 to run the integration tests";

    private NamedAvailability() {}

    /** The named binary: the first executable {@code named} on {@code PATH}, else {@code /usr/sbin/named}. */
    public static Optional<Path> namedBinary() {
        return findNamed(System.getenv("PATH"));
    }

    static Optional<Path> findNamed(String pathVariable) {
        List<Path> candidates = new ArrayList<>();
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "named"));
                }
            }
        }
        candidates.add(Path.of("/usr/sbin/named"));
        return candidates.stream()
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    /**
     * Skips the calling test ({@link Assumptions}) when named is missing, or fails it when
     * {@code bindsmith.requireNamed=true}. Returns the binary when it is there.
     */
    public static Path assumeOrRequire() {
        return decide(namedBinary(), Boolean.parseBoolean(System.getProperty(REQUIRE_PROPERTY, "false")));
    }

    static Path decide(Optional<Path> binary, boolean required) {
        if (binary.isPresent()) {
            return binary.get();
        }
        if (required) {
            throw new AssertionError(MISSING_MESSAGE + " (" + REQUIRE_PROPERTY + "=true)");
        }
        Assumptions.abort(MISSING_MESSAGE);
        throw new AssertionError("unreachable: Assumptions.abort throws");
    }
}
