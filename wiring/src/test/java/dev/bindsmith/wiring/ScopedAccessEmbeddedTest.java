package dev.bindsmith.wiring;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScopedAccessContract} on the embedded name server, over the real HTTP server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopedAccessEmbeddedTest extends ScopedAccessContract {
    private Path dir;

    @Override
    Map<String, String> backendVariables() {
        return Map.of(
                "BINDSMITH_BACKEND", "embedded",
                "BINDSMITH_DATA_DIR", dir.resolve("data").toString(),
                "BINDSMITH_DNS_PORT", "0");
    }

    @Override
    Path auditFile() {
        return dir.resolve("data/.bindsmith/audit.log");
    }

    @Override
    String updateKeyName() {
        return "update-key";
    }

    @BeforeAll
    void startServer(@TempDir Path temporary) throws Exception {
        dir = temporary;
        start(dir);
    }

    @AfterAll
    void stopServer() {
        stop();
    }
}
