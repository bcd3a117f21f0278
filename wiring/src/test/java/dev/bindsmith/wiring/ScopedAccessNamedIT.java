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
        return Map.of(
                "RNDC_SERVER", "127.0.0.1:" + named.controlPort(),
                "RNDC_ALGORITHM", named.rndcKey().algorithm(),
                "RNDC_SECRET", named.rndcKey().secret(),
                "RNDC_KEY_NAME", named.rndcKey().name(),
                "BIND_ZONE_DIR", named.zoneDirectory().toString(),
                "NSUPDATE_PORT", Integer.toString(named.dnsPort()),
                "NSUPDATE_KEY_NAME", named.updateKey().name(),
                "NSUPDATE_ALGORITHM", named.updateKey().algorithm(),
                "NSUPDATE_SECRET", named.updateKey().secret());
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
