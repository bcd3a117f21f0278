package dev.bindsmith.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The whole stack as {@code bindsmith serve} wires it, against a real named 9.18: the server's
 * variables → {@link BackendSettings} → {@link Backend} (native rndc, zone files, RFC 2136) →
 * {@link ApiServer} → HTTP, checked with DNS queries. Skipped with a message when named is not
 * installed, failed when {@code -Dbindsmith.requireNamed=true}.
 */
class ServeAgainstNamedIT {
    private static final String TOKEN = "e2e-token-0123456789abcdef0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningNamed named;
    private static Backend backend;
    private static ApiServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        NamedAvailability.assumeOrRequire();
        named = NamedLauncher.create().start();
        Map<String, String> env = NamedBackends.variables(named);
        backend = Backend.open(BackendSettings.fromEnvironment(env, p -> false), true);
        server = ApiServer.start(
                backend,
                HttpServerConfig.parse(
                        Map.of("API_PORT", "0", "BIND_API_TOKEN", TOKEN, "RATE_LIMIT_ENABLED", "false"), Map.of()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (named != null) {
            named.close();
        }
    }

    private static HttpResponse<String> call(String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        return call(method, path, null);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static Message query(String name, int type) throws IOException {
        var resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(named.dnsPort());
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    @Test
    void aZoneAndARecordMadeThroughHttpAreServedByNamedUntilTheZoneIsDeleted() throws Exception {
        String zone = "e2e.example";
        var created = call("POST", "/api/v1/zones", """
                {"zoneName":"e2e.example","zoneType":"primary","updateKeyName":"%s",
                 "zoneConfig":{"ttl":300,"soa":{"primaryNs":"ns1.e2e.example.","adminEmail":"hostmaster.e2e.example.",
                   "serial":2026112101},"nameServers":["ns1.e2e.example."],"nameServerIps":{"ns1.e2e.example.":"192.0.2.53"},
                   "records":[{"name":"www","type":"A","value":"192.0.2.80"},
                              {"name":"@","type":"TXT","value":"v=spf1 mx -all"}]}}
                """.formatted(NamedLauncher.UPDATE_KEY_NAME));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/zones/" + zone);
        assertThat(query("www.e2e.example.", Type.A).getSection(Section.ANSWER))
                .singleElement()
                .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("192.0.2.80"));
        assertThat(query("e2e.example.", Type.TXT).getSection(Section.ANSWER))
                .singleElement()
                .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("\"v=spf1 mx -all\""));

        var added = call(
                "POST",
                "/api/v1/zones/" + zone + "/records",
                "{\"name\":\"api\",\"type\":\"AAAA\",\"value\":\"2001:db8::80\",\"ttl\":300}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(query("api.e2e.example.", Type.AAAA).getSection(Section.ANSWER))
                .singleElement()
                .satisfies(r ->
                        assertThat(((AAAARecord) r).getAddress()).isEqualTo(InetAddress.getByName("2001:db8::80")));

        JsonNode info = json(call("GET", "/api/v1/zones/" + zone));
        assertThat(info.path("zoneType").asText()).isEqualTo("primary");
        assertThat(info.path("serial").asLong()).isGreaterThan(2026112101L);
        assertThat(info.path("dynamic").asBoolean()).isTrue();
        assertThat(json(call("GET", "/api/v1/zones")).path("zones").toString()).contains(zone);

        for (String verb : new String[] {"freeze", "thaw", "notify"}) {
            var r = call("POST", "/api/v1/zones/" + zone + "/" + verb);
            assertThat(r.statusCode()).as("%s: %s", verb, r.body()).isEqualTo(200);
        }
        // issue 16.15: a dynamic zone is reloaded (freeze, thaw), keeping the record added above
        var reloaded = call("POST", "/api/v1/zones/" + zone + "/reload");
        assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
        assertThat(json(reloaded).path("message").asText()).isEqualTo("Zone e2e.example reloaded successfully");
        assertThat(query("api.e2e.example.", Type.AAAA).getSection(Section.ANSWER))
                .as("the dynamic change survived the reload")
                .hasSize(1);
        var afterReload = call(
                "POST",
                "/api/v1/zones/" + zone + "/records",
                "{\"name\":\"late\",\"type\":\"A\",\"value\":\"192.0.2.81\",\"ttl\":300}");
        assertThat(afterReload.statusCode())
                .as("updates resume: %s", afterReload.body())
                .isEqualTo(201);
        assertThat(json(call("GET", "/api/v1/server/status")).path("running").asBoolean())
                .isTrue();
        assertThat(call("GET", "/api/v1/ready").statusCode()).isEqualTo(200);

        var conflict = call("POST", "/api/v1/zones", """
                {"zoneName":"e2e.example","zoneType":"primary","zoneConfig":{"ttl":300,
                 "soa":{"primaryNs":"ns9.example.net.","adminEmail":"h.example.net."},"nameServers":["ns9.example.net."]}}
                """);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(query("www.e2e.example.", Type.A).getSection(Section.ANSWER)).hasSize(1);

        var deleted = call("DELETE", "/api/v1/zones/" + zone);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(query("www.e2e.example.", Type.A).getRcode()).isNotEqualTo(Rcode.NOERROR);
        assertThat(call("GET", "/api/v1/zones/" + zone + "/status").statusCode())
                .isEqualTo(404);

        String metrics = call("GET", "/metrics").body();
        assertThat(metrics)
                .contains("bindsmith_backend_commands_total{command=\"addzone\",result=\"ok\"} 1")
                .contains("bindsmith_backend_commands_total{command=\"delzone\",result=\"ok\"} 1");
    }

    @Test
    void anUnknownZoneIs404OnEveryCommandRouteNeverA500() throws Exception {
        for (String verb : new String[] {"reload", "freeze", "thaw", "notify", "retransfer"}) {
            var r = call("POST", "/api/v1/zones/missing.example/" + verb);
            assertThat(r.statusCode()).as("%s: %s", verb, r.body()).isEqualTo(404);
        }
    }
}
