package dev.bindsmith.wiring;

import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScopedAccessContract} against a real named 9.18 (native rndc, zone files, RFC 2136, AXFR),
 * over the real HTTP server. Skipped with a message when named is not installed, failed when
 * {@code -Dbindsmith.requireNamed=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopedAccessNamedIT extends ScopedAccessContract {
    private Path dir;

    private RunningNamed named;

    @Override
    Map<String, String> backendVariables() {
        return NamedBackends.variables(named);
    }

    @Override
    Path auditFile() {
        return named.zoneDirectory().resolve(".bindsmith/audit.log");
    }

    @Override
    String updateKeyName() {
        return NamedLauncher.UPDATE_KEY_NAME;
    }

    @BeforeAll
    void startServer(@TempDir Path temporary) throws Exception {
        dir = temporary;
        NamedAvailability.assumeOrRequire();
        named = NamedLauncher.create().start();
        start(dir);
    }

    @AfterAll
    void stopServer() {
        stop();
        if (named != null) {
            named.close();
        }
    }
}
