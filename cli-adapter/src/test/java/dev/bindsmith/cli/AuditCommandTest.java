package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's direct mode records its changes in the backend's audit log, and {@code bindsmith audit} shows them. */
class AuditCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDirectModeChangeIsAuditedAsTheClisWithTheUserAndTheSerials(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("audit.log");
        InMemoryBackend backend = new InMemoryBackend().auditedIn(log);
        assertThat(backend.run(
                                "zone",
                                "create",
                                "example.com",
                                "--ns",
                                "ns1.example.com",
                                "--ns-ip",
                                "ns1.example.com=192.0.2.53",
                                "--update-key",
                                "k")
                        .exitCode())
                .isZero();
        assertThat(backend.run("record", "add", "example.com", "www", "A", "192.0.2.80")
                        .exitCode())
                .isZero();
        assertThat(backend.run("zone", "list").exitCode()).isZero();

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(2);
        JsonNode add = JSON.readTree(lines.get(1));
        assertThat(add.path("operation").asText()).isEqualTo("record.add");
        assertThat(add.path("via").asText()).isEqualTo("cli");
        assertThat(add.path("user").asText()).isEqualTo("alice");
        assertThat(add.path("token").isNull()).isTrue();
        assertThat(add.path("client").asText()).isEqualTo("local");
        assertThat(add.path("serialAfter").asLong())
                .isEqualTo(add.path("serialBefore").asLong() + 1);
        assertThat(add.path("added").get(0).path("value").asText()).isEqualTo("192.0.2.80");

        CliRun shown = backend.run("audit", "--zone", "example.com");
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out())
                .startsWith("TIME")
                .contains("cli:alice", "local", "zone.create", "record.add", "201 CREATED")
                .contains(add.path("serialBefore").asText() + "→"
                        + add.path("serialAfter").asText());

        CliRun json = backend.run("audit", "--since", "2020-01-01T00:00:00Z", "-o", "json");
        assertThat(JSON.readTree(json.out()).path("count").asInt()).isEqualTo(2);
    }

    @Test
    void anUnusableSinceIsAUsageError() {
        CliRun r = new InMemoryBackend().run("audit", "--since", "last tuesday");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--since must be like 1h");
    }
}
