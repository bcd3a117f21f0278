package dev.bindsmith.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.http.HttpServerConfig;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code serve} does for a fleet besides answering: the catalog reconciled at start, the zones-behind survey. */
class FleetDutiesTest {
    @TempDir
    Path data;

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void serveCreatesTheCatalogAtStartAndCountsTheZonesASilentSecondaryIsBehindOn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            String secondary = "127.0.0.1:" + silent.getLocalPort();
            Map<String, String> env = Map.of(
                    "BINDSMITH_BACKEND", "embedded",
                    "BINDSMITH_DATA_DIR", data.toString(),
                    "BINDSMITH_DNS_PORT", "0",
                    "BINDSMITH_CATALOG_ZONE", "catalog.bindsmith.invalid",
                    "BINDSMITH_SECONDARIES", secondary,
                    "BINDSMITH_PROPAGATION_INTERVAL_SECS", "1");
            try (Backend backend = Backend.open(BackendSettings.fromEnvironment(env, p -> false), true);
                    ApiServer running = ApiServer.start(
                            backend,
                            HttpServerConfig.parse(Map.of("DISABLE_AUTH", "true", "API_PORT", "0"), Map.of()))) {
                assertThat(get(http, running.url() + "/api/v1/catalog"))
                        .as("created by the reconciliation at start")
                        .contains("\"catalog\":\"catalog.bindsmith.invalid\"");

                // the catalog zone is a managed zone too: the silent secondary serves none of the one zone
                String expected = "bindsmith_secondary_zones_behind{secondary=\"" + secondary + "\"} 1.0";
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                String metrics = get(http, running.url() + "/metrics");
                while (!metrics.contains(expected) && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(100);
                    metrics = get(http, running.url() + "/metrics");
                }
                assertThat(metrics)
                        .contains("# TYPE bindsmith_secondary_zones_behind gauge")
                        .contains(expected);
            }
        }
    }

    @Test
    void aReconciliationIsDescribedForTheLogInOneLine() {
        var r = new dev.bindsmith.core.service.CatalogReconciliation(
                dev.bindsmith.core.zone.ZoneName.of("c.invalid"),
                true,
                0,
                3,
                java.util.List.of(dev.bindsmith.core.zone.ZoneName.of("a.example")),
                java.util.List.of(),
                java.util.List.of(),
                java.util.Optional.empty());

        assertThat(FleetDuties.describe(r))
                .isEqualTo("catalog zone c.invalid reconciled (created): 1 added, 0 removed, 0 moved; serial 0 -> 3");
    }
}
