package dev.bindsmith.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.RecordQuery;
import dev.bindsmith.http.json.Answer;
import dev.bindsmith.http.json.JsonApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * An nsupdate-style client changing the embedded server's zones leaves its changes in the same audit
 * log as the API's, written before the answer; and when that log cannot be written the update is
 * refused (SERVFAIL) and changes nothing, as the API answers 503.
 */
class DnsUpdateAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "external-dns";
    private static final String SECRET = "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=";

    private Backend backend;

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private void open(Path dir, Map<String, String> more) throws Exception {
        Path keys = dir.resolve("keys.conf");
        Files.writeString(keys, "key \"" + KEY + "\" {\n\talgorithm hmac-sha256;\n\tsecret \"" + SECRET + "\";\n};\n");
        Map<String, String> env = new HashMap<>(Map.of(
                "BINDSMITH_BACKEND",
                "embedded",
                "BINDSMITH_DATA_DIR",
                dir.resolve("data").toString(),
                "BINDSMITH_DNS_PORT",
                "0",
                "BINDSMITH_TSIG_KEYS",
                keys.toString()));
        env.putAll(more);
        backend = Backend.open(BackendSettings.fromEnvironment(env, p -> p.equals(keys)), true);
        Answer created =
                new JsonApi(backend.useCases(), Clock.systemUTC()).createZone(JSON.readTree("""
                        {"zoneName":"example.com","zoneType":"primary","updateKeyName":"%s",
                         "zoneConfig":{"ttl":300,"soa":{"primaryNs":"ns1.example.com.",
                           "adminEmail":"hostmaster.example.com.","serial":2026120101},
                           "nameServers":["ns1.example.com."],"nameServerIps":{"ns1.example.com.":"192.0.2.53"}}}
                        """.formatted(KEY)));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    private Message send(Update update, String secret) throws Exception {
        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(backend.dnsAddress().orElseThrow().getPort());
        resolver.setTCP(true);
        resolver.setTimeout(Duration.ofSeconds(10));
        resolver.setTSIGKey(new TSIG(TSIG.HMAC_SHA256, KEY + ".", secret));
        return resolver.send(update);
    }

    private static Update addApp() throws Exception {
        Update update = new Update(Name.fromString("example.com."));
        update.add(Name.fromString("app.example.com."), Type.A, 300, "192.0.2.10");
        return update;
    }

    private static List<JsonNode> entries(Path file) throws Exception {
        return Files.readAllLines(file).stream()
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (Exception e) {
                        throw new AssertionError("not a JSON line: " + l, e);
                    }
                })
                .toList();
    }

    @Test
    void anUpdateSignedWithAZonesKeyIsAuditedWithTheKeyTheRecordsAndTheSerials(@TempDir Path dir) throws Exception {
        open(dir, Map.of());

        Message answer = send(addApp(), SECRET);

        assertThat(Rcode.string(answer.getRcode())).isEqualTo("NOERROR");
        JsonNode entry = entries(dir.resolve("data/.bindsmith/audit.log")).getLast();
        assertThat(entry.path("via").asText()).isEqualTo("dns");
        assertThat(entry.path("operation").asText()).isEqualTo("dns.update");
        assertThat(entry.path("token").asText()).isEqualTo(KEY);
        assertThat(entry.path("client").asText()).isEqualTo("127.0.0.1");
        assertThat(entry.path("zone").asText()).isEqualTo("example.com");
        assertThat(entry.path("requestId").asText())
                .isEqualTo("dns-" + answer.getHeader().getID());
        assertThat(entry.path("added").toString()).contains("app.example.com").contains("192.0.2.10");
        assertThat(entry.path("serialAfter").asLong())
                .isGreaterThan(entry.path("serialBefore").asLong());
        assertThat(entry.path("outcome").path("status").asInt()).isEqualTo(200);
        assertThat(entry.path("outcome").path("code").asText()).isEqualTo("NOERROR");
        assertThat(entry.toString()).doesNotContain(SECRET);
    }

    @Test
    void aFailedPrerequisiteIsAuditedWithItsResponseCodeAndNoRecords(@TempDir Path dir) throws Exception {
        open(dir, Map.of());
        Update update = addApp();
        update.present(Name.fromString("absent.example.com."));

        Message answer = send(update, SECRET);

        assertThat(Rcode.string(answer.getRcode())).isEqualTo("NXDOMAIN");
        JsonNode entry = entries(dir.resolve("data/.bindsmith/audit.log")).getLast();
        assertThat(entry.path("outcome").path("code").asText()).isEqualTo("NXDOMAIN");
        assertThat(entry.path("outcome").path("status").asInt()).isEqualTo(412);
        assertThat(entry.path("added")).isEmpty();
        assertThat(entry.path("serialAfter").asLong())
                .isEqualTo(entry.path("serialBefore").asLong());
    }

    @Test
    void whenTheAuditLogCannotBeWrittenAnUpdateIsServfailAndChangesNothing(@TempDir Path dir) throws Exception {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "");
        open(
                dir,
                Map.of("BINDSMITH_AUDIT_LOG", notADirectory.resolve("audit.log").toString()));

        Message answer = send(addApp(), SECRET);

        assertThat(Rcode.string(answer.getRcode())).isEqualTo("SERVFAIL");
        var records = backend.useCases().records().list("example.com", RecordQuery.all());
        assertThat(records).isInstanceOf(Outcome.Ok.class);
        assertThat(records.toString()).contains("ns1.example.com").doesNotContain("192.0.2.10");
    }
}
