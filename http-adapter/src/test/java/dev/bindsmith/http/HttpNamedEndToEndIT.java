package dev.bindsmith.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.service.ZoneService;
import dev.bindsmith.rndc.bind.FileZoneStore;
import dev.bindsmith.rndc.bind.RndcNameServerControl;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.rndc.wire.HmacAlgorithm;
import dev.bindsmith.rndc.wire.RndcKey;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import io.helidon.webclient.http1.Http1Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack against a real named 9.18: HTTP → ZoneService → rndc (native client) and zone
 * files → named, checked with DNS queries. Skipped with a message when named is not installed,
 * failed when {@code -Dbindsmith.requireNamed=true}.
 */
class HttpNamedEndToEndIT {
    private static final String TOKEN = "e2e-token-42";
    private static RunningNamed named;
    private static RndcClient rndc;
    private static BindsmithServer server;
    private static Http1Client http;

    @BeforeAll
    static void start() {
        NamedAvailability.assumeOrRequire();
        named = NamedLauncher.create().start();
        var key = named.rndcKey();
        rndc = RndcClient.builder(RndcKey.ofBase64(key.name(), HmacAlgorithm.fromName(key.algorithm()).orElseThrow(),
                key.secret())).server("127.0.0.1", named.controlPort()).readTimeout(Duration.ofSeconds(20)).build();
        var store = new FileZoneStore(named.zoneDirectory());
        var metrics = new Metrics();
        var control = new MeteredNameServerControl(new RndcNameServerControl(rndc), metrics);
        var zones = new ZoneService(store, control, Clock.systemUTC());
        server = BindsmithServer.builder(zones, ReadinessProbe.of(store, control),
                        HttpServerConfig.parse(Map.of("API_PORT", "0", "BIND_API_TOKEN", TOKEN,
                                "RATE_LIMIT_ENABLED", "false"), Map.of()))
                .metrics(metrics).build().start();
        http = Http1Client.builder().baseUri("http://127.0.0.1:" + server.port()).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (rndc != null) {
            rndc.close();
        }
        if (named != null) {
            named.close();
        }
    }

    private static Exchange.Response call(String method, String path) {
        return new Exchange.Request(method, path).token(TOKEN).send(http);
    }

    private static Message query(String name, int type) throws IOException {
        var resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(named.dnsPort());
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    @Test
    void aZoneCreatedReadReloadedFrozenThawedNotifiedAndDeletedThroughHttpIsServedByNamed() throws IOException {
        String zone = "e2e.example";
        var created = new Exchange.Request("POST", "/api/v1/zones").token(TOKEN).json("""
                {"zoneName":"e2e.example","zoneType":"primary","updateKeyName":"%s",
                 "zoneConfig":{"ttl":300,"soa":{"primaryNs":"ns1.e2e.example.","adminEmail":"hostmaster.e2e.example.",
                   "serial":2026112101},"nameServers":["ns1.e2e.example."],"nameServerIps":{"ns1.e2e.example.":"192.0.2.53"},
                   "records":[{"name":"www","type":"A","value":"192.0.2.80"},
                              {"name":"@","type":"TXT","value":"v=spf1 mx -all"}]}}
                """.formatted(NamedLauncher.UPDATE_KEY_NAME)).send(http);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).hasValue("/api/v1/zones/" + zone);

        Message answer = query("www.e2e.example.", Type.A);
        assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer.getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("192.0.2.80"));
        assertThat(query("e2e.example.", Type.TXT).getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("\"v=spf1 mx -all\""));

        JsonNode info = call("GET", "/api/v1/zones/" + zone).json();
        assertThat(info.path("zoneType").asText()).isEqualTo("primary");
        assertThat(info.path("serial").asLong()).isEqualTo(2026112101L);
        assertThat(info.path("dynamic").asBoolean()).isTrue();
        assertThat(call("GET", "/api/v1/zones/" + zone + "/status").status()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/zones").json().path("zones").toString()).contains(zone);

        // named refuses to reload a dynamic zone unless it is frozen: freeze, reload, thaw.
        for (String verb : new String[] {"freeze", "reload", "thaw", "notify"}) {
            var r = call("POST", "/api/v1/zones/" + zone + "/" + verb);
            assertThat(r.status()).as("%s: %s", verb, r).isEqualTo(200);
        }
        var serverStatus = call("GET", "/api/v1/server/status");
        assertThat(serverStatus.json().path("running").asBoolean()).as("%s", serverStatus).isTrue();
        assertThat(call("GET", "/api/v1/ready").status()).isEqualTo(200);

        var conflict = new Exchange.Request("POST", "/api/v1/zones").token(TOKEN).json("""
                {"zoneName":"e2e.example","zoneType":"primary","zoneConfig":{"ttl":300,
                 "soa":{"primaryNs":"ns9.example.net.","adminEmail":"h.example.net."},"nameServers":["ns9.example.net."]}}
                """).send(http);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(query("www.e2e.example.", Type.A).getSection(Section.ANSWER)).hasSize(1);

        var deleted = call("DELETE", "/api/v1/zones/" + zone);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertThat(query("www.e2e.example.", Type.A).getRcode()).isNotEqualTo(Rcode.NOERROR);
        assertThat(call("GET", "/api/v1/zones/" + zone + "/status").status()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/zones/" + zone).status()).isEqualTo(404);

        String metrics = new Exchange.Request("GET", "/metrics").send(http).body();
        assertThat(metrics).contains("bindsmith_backend_commands_total{command=\"addzone\",result=\"ok\"} 1")
                .contains("bindsmith_backend_commands_total{command=\"delzone\",result=\"ok\"} 1");
    }

    @Test
    void anUnknownZoneIs404OnEveryCommandRouteNeverA500() {
        for (String verb : new String[] {"reload", "freeze", "thaw", "notify", "retransfer"}) {
            var r = call("POST", "/api/v1/zones/missing.example/" + verb);
            assertThat(r.status()).as("%s: %s", verb, r).isEqualTo(404);
        }
    }
}
