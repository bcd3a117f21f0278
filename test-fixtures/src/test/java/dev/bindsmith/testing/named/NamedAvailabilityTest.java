package dev.bindsmith.testing.named;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class NamedAvailabilityTest {

    @Test
    void missingNamedSkipsWithAMessageThatSaysHowToInstallIt() {
        assertThatThrownBy(() -> NamedAvailability.decide(Optional.empty(), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(
                        "named not found on PATH or /usr/sbin; install bind9 to run the integration tests");
    }

    @Test
    void missingNamedFailsWhenItIsRequired() {
        assertThatThrownBy(() -> NamedAvailability.decide(Optional.empty(), true))
                .isInstanceOf(AssertionError.class)
                .isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("install bind9")
                .hasMessageContaining("bindsmith.requireNamed=true");
    }

    @Test
    void presentNamedIsReturnedWhetherRequiredOrNot() {
        Path named = Path.of("/opt/bind/sbin/named");
        assertThat(NamedAvailability.decide(Optional.of(named), false)).isEqualTo(named);
        assertThat(NamedAvailability.decide(Optional.of(named), true)).isEqualTo(named);
    }

    @Test
    void anExecutableNamedOnPathIsFoundBeforeTheDefaultLocation(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path named = Files.writeString(bin.resolve("named"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(named, PosixFilePermissions.fromString("rwx------"));

        assertThat(NamedAvailability.findNamed(empty + File.pathSeparator + bin))
                .contains(named);
    }

    @Test
    void aNonExecutableFileCalledNamedIsIgnored(@TempDir Path dir) throws IOException {
        Path named = Files.writeString(dir.resolve("named"), "not a program");
        Files.setPosixFilePermissions(named, PosixFilePermissions.fromString("rw-------"));

        assertThat(NamedAvailability.findNamed(dir.toString())).isNotEqualTo(Optional.of(named));
    }
}
