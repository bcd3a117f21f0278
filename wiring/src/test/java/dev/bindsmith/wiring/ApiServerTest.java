package dev.bindsmith.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server {@code serve} starts over a backend: what it measures. */
class ApiServerTest {

    @Test
    void everyNameServerCommandTheApiCausesIsCountedInMetrics() throws Exception {
        InMemoryZoneStore store = new InMemoryZoneStore();
        InMemoryNameServerControl control = new InMemoryNameServerControl(store, TestClocks.fixed());
        InMemoryRecordStore records = new InMemoryRecordStore(control);
        control.configure(TestZones.spec("example.com").build());
        HttpClient http = HttpClient.newHttpClient();

        try (Backend backend = Backend.of(
                        BackendKind.EMBEDDED,
                        "in-memory (test)",
                        store,
                        control,
                        records,
                        records,
                        TestClocks.fixed(),
                        () -> {});
                ApiServer running = ApiServer.start(
                        backend, HttpServerConfig.parse(Map.of("DISABLE_AUTH", "true", "API_PORT", "0"), Map.of()))) {
            HttpResponse<String> reload = http.send(
                    HttpRequest.newBuilder(URI.create(running.url() + "/api/v1/zones/example.com/reload"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reload.statusCode()).isEqualTo(200);

            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create(running.url() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();

            assertThat(metrics)
                    .containsPattern("bindsmith_backend_commands_total\\{[^}]*command=\"reload\"[^}]*\\} 1")
                    .contains("bindsmith_backend_command_duration_seconds_count");
        }
    }
}
