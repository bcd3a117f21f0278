package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bindsmith.wiring.Backend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} with its output going to a pipe: every line it writes on standard output is one JSON object. */
class ServeJsonLogTest {
    private final InMemoryBackend backend = new InMemoryBackend();
    private final Map<String, String> overrides = new java.util.HashMap<>();

    /** The real launcher; instead of waiting for SIGTERM it sends one request and returns. */
    private Serve.Launcher oneRequest() {
        return (Backend b, Map<String, String> env, Map<String, String> o) -> {
            overrides.putAll(o);
            Serve.Running running = new HttpLauncher().start(b, env, o);
            return new Serve.Running() {
                @Override
                public String url() {
                    return running.url();
                }

                @Override
                public void awaitShutdown() throws InterruptedException {
                    try (HttpClient client = HttpClient.newHttpClient()) {
                        client.send(
                                HttpRequest.newBuilder(URI.create(running.url() + "/api/v1/zones"))
                                        .header("X-Request-Id", "json-log-1")
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                @Override
                public void close() {
                    running.close();
                }
            };
        };
    }

    @Test
    void standardOutputHoldsOnlyJsonLinesAndAGeneratedTokenOnlyTheNameOfItsOwnerOnlyFile(@TempDir Path data)
            throws Exception {
        CliRun r = CliRun.run(
                Map.of("BINDSMITH_LOG_FORMAT", "json", "BINDSMITH_DATA_DIR", data.toString()),
                (settings, dns) -> backend.open(),
                oneRequest(),
                "",
                "serve",
                "--api-port",
                "0");

        assertThat(r.exitCode()).as(r.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            lines.add(mapper.readTree(line));
        }
        assertThat(lines)
                .anySatisfy(l -> assertThat(l.path("formattedMessage").asText())
                        .matches("bindsmith .*: HTTP API on http://127\\.0\\.0\\.1:\\d+"));
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("loggerName").asText()).isEqualTo("dev.bindsmith.http.access");
            assertThat(l.path("mdc").path("requestId").asText()).isEqualTo("json-log-1");
            assertThat(l.path("kvpList").toString()).contains("{\"status\":\"401\"}");
        });
        String token = overrides.get("BIND_API_TOKEN");
        assertThat(token).matches("[0-9a-f]{64}");
        Path file = data.resolve(".bindsmith").resolve("api-token").toAbsolutePath();
        assertThat(lines)
                .anySatisfy(l -> assertThat(l.path("formattedMessage").asText())
                        .startsWith("API token generated for this run, in " + file));
        assertThat(r.out()).doesNotContain(token);
        assertThat(r.err()).as("not a terminal: the token is shown nowhere").doesNotContain(token);
        assertThat(Files.readString(file).strip()).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
