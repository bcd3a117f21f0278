package dev.bindsmith.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A DNS tool of another project (nsupdate, dig, knsupdate, kdig) for integration tests: found in the
 * usual places, skipped with a message naming its Debian package when missing, unless
 * {@code -Dbindsmith.requireNamed=true} (CI), where a missing tool fails the test.
 */
record ExternalTool(Path binary) {
    /** What a run printed (standard output and error together) and how it ended. */
    record Run(int exitCode, String output) {}

    static ExternalTool require(String name, String debianPackage) {
        Optional<Path> found = Stream.of("/usr/bin/", "/usr/sbin/", "/usr/local/bin/", "/usr/local/sbin/")
                .map(dir -> Path.of(dir + name))
                .filter(Files::isExecutable)
                .findFirst();
        String message = name + " is not installed (Debian package " + debianPackage + ")";
        if (found.isEmpty() && Boolean.getBoolean("bindsmith.requireNamed")) {
            throw new IllegalStateException(message + ", and bindsmith.requireNamed=true requires it");
        }
        Assumptions.assumeTrue(found.isPresent(), message + ": skipping");
        return new ExternalTool(found.get());
    }

    Run run(String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(binary + " did not end within 60 s");
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
