package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Golden wire bytes beside the tests: {@code src/test/resources/dev/bindsmith/embedded/golden/}. A
 * missing golden fails the test; {@code -Dbindsmith.writeGoldens=true} writes it instead (then read
 * it, check it, and commit it; see the README there).
 */
final class Goldens {
    private static final Path SOURCE = Path.of("src/test/resources/dev/bindsmith/embedded/golden");

    private Goldens() {}

    static byte[] read(String name) {
        try (InputStream in = Goldens.class.getResourceAsStream("golden/" + name)) {
            if (in == null) {
                throw new AssertionError("golden file missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code actual} is the golden {@code name}, byte for byte. */
    static void assertMatches(String name, byte[] actual) {
        if (Boolean.getBoolean("bindsmith.writeGoldens")) {
            try {
                Files.createDirectories(SOURCE);
                Files.write(SOURCE.resolve(name), actual);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        byte[] expected = read(name);
        assertThat(HexFormat.of().formatHex(actual))
                .as("the bytes of %s", name)
                .isEqualTo(HexFormat.of().formatHex(expected));
    }
}
