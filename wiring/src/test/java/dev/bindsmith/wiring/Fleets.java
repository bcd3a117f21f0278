package dev.bindsmith.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.testing.named.NamedFleet;
import dev.bindsmith.testing.named.RunningNamed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/**
 * What the fleet integration tests share: bindsmith serving HTTP over a backend, calls to its API,
 * DNS questions to one server, and waiting on a server's state (never on the clock alone).
 */
final class Fleets {
    static final String TOKEN = "fleet-token-0123456789abcdef0123456789";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** How long a change may take to reach a secondary before the test fails: far above the seconds it takes. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Fleets() {}

    /** bindsmith serve over {@code backend}: reconciles the catalog, then listens on a free port. */
    static ApiServer serve(Backend backend) {
        return ApiServer.start(
                backend,
                HttpServerConfig.parse(
                        Map.of("API_PORT", "0", "BIND_API_TOKEN", TOKEN, "RATE_LIMIT_ENABLED", "false"), Map.of()));
    }

    static HttpResponse<String> call(ApiServer server, String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(150))
                .header("Authorization", "Bearer " + TOKEN);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** The create body of a primary zone with one A record; {@code extraConfig} goes inside zoneConfig. */
    static String zoneBody(String zone, String updateKey, String extraConfig) {
        return """
                {"zoneName":"%s","zoneType":"primary","updateKeyName":"%s",
                 "zoneConfig":{"ttl":300,"soa":{"primaryNs":"ns1.%s.","adminEmail":"hostmaster.%s.","refresh":60,
                   "retry":30,"serial":2026120301},"nameServers":["ns1.%s."],"nameServerIps":{"ns1.%s.":"192.0.2.53"},
                   "records":[{"name":"www","type":"A","value":"192.0.2.80"}]%s}}
                """.formatted(zone, updateKey, zone, zone, zone, zone, extraConfig);
    }

    static Message query(int port, String name, int type) throws IOException {
        var resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(port);
        resolver.setTCP(true);
        resolver.setTimeout(Duration.ofSeconds(3));
        Message q = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
        q.getHeader().unsetFlag(Flags.RD);
        return resolver.send(q);
    }

    /** The serial {@code named} answers authoritatively for {@code zone}; empty when it does not serve it. */
    static OptionalLong servedSerial(RunningNamed named, String zone) {
        try {
            Message m = query(named.dnsPort(), zone + ".", org.xbill.DNS.Type.SOA);
            if (m.getRcode() != Rcode.NOERROR || !m.getHeader().getFlag(Flags.AA)) {
                return OptionalLong.empty();
            }
            for (Record r : m.getSection(Section.ANSWER)) {
                if (r instanceof SOARecord soa) {
                    return OptionalLong.of(soa.getSerial());
                }
            }
            return OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The data of the {@code type} records {@code named} answers authoritatively at {@code name}. */
    static List<String> answers(RunningNamed named, String name, int type) {
        try {
            Message m = query(named.dnsPort(), name, type);
            if (!m.getHeader().getFlag(Flags.AA)) {
                return List.of();
            }
            return m.getSection(Section.ANSWER).stream()
                    .filter(r -> r.getType() == type)
                    .map(Record::rdataToString)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Waits until {@code condition} holds, asking every 100 ms; fails with the fleet's logs after {@link #PATIENCE}. */
    static void await(String what, NamedFleet fleet, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "not within " + PATIENCE.toSeconds() + " s: " + what + "\n" + fleet.logTails(25));
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Every secondary serves {@code zone} authoritatively at {@code serial}. */
    static boolean allServe(NamedFleet fleet, String zone, long serial) {
        return fleet.secondaries().stream().allMatch(s -> servedSerial(s, zone).equals(OptionalLong.of(serial)));
    }

    /** No secondary serves {@code zone} any more. */
    static boolean noneServes(NamedFleet fleet, String zone) {
        return fleet.secondaries().stream().allMatch(s -> servedSerial(s, zone).isEmpty());
    }

    static void assertStatus(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as("%s %s", r.request().uri(), r.body()).isEqualTo(status);
    }
}
