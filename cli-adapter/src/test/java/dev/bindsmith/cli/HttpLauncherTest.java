package dev.bindsmith.cli;

import dev.bindsmith.testing.builders.TestZones;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server {@code serve} starts: what it measures. */
class HttpLauncherTest {

    @Test
    void everyNameServerCommandTheApiCausesIsCountedInMetrics() throws Exception {
        InMemoryBackend backend = new InMemoryBackend();
        backend.control.configure(TestZones.spec("example.com").build());
        HttpClient http = HttpClient.newHttpClient();

        try (Serve.Running running = new HttpLauncher().start(backend.open(),
                Map.of("DISABLE_AUTH", "true", "API_PORT", "0"), Map.of())) {
            HttpResponse<String> reload = http.send(HttpRequest.newBuilder(
                            URI.create(running.url() + "/api/v1/zones/example.com/reload"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reload.statusCode()).isEqualTo(200);

            String metrics = http.send(HttpRequest.newBuilder(URI.create(running.url() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertThat(metrics).containsPattern("bindsmith_backend_commands_total\\{[^}]*command=\"reload\"[^}]*\\} 1")
                    .contains("bindsmith_backend_command_duration_seconds_count");
        }
    }
}
