package dev.bindsmith.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.http.access.ScopedToken;
import dev.bindsmith.http.access.TokenStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's decisions over the real server, one test per row, on whichever backend the subclass opens
 * ({@link ScopedAccessEmbeddedTest}, {@link ScopedAccessNamedIT}): the server's variables →
 * {@link Backend} → {@link ApiServer} → HTTP, with a tokens file and the backend's audit log.
 */
abstract class ScopedAccessContract {
    static final String ADMIN = "5f0c8a2e9b7d4f1a6c3e8b0d2f5a7c9e1b4d6f8a0c2e4b6d8f0a1c3e5b7d9f2a";
    static final String DEV_WRITER = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";
    static final String DEV_READER = "b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a";
    static final String DEV_A_TXT = "c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b";
    static final String NETWORK = "d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c";
    static final String EXPIRED = "e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d";
    static final String LATE = "f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger ZONES = new AtomicInteger();

    /** The backend's variables (the subclass's backend), without the server's. */
    abstract Map<String, String> backendVariables();

    /** Where the backend keeps its audit log by default: {@code .bindsmith/audit.log} beside its zones. */
    abstract Path auditFile();

    /** The TSIG key name a dynamic zone is created with on this backend. */
    abstract String updateKeyName();

    private Backend backend;
    private ApiServer server;
    Path tokensFile;

    void start(Path dir) throws IOException {
        tokensFile = dir.resolve("tokens.json");
        Files.writeString(tokensFile, tokensJson(false));
        backend = Backend.open(BackendSettings.fromEnvironment(backendVariables(), p -> false), false);
        server = ApiServer.start(
                backend,
                HttpServerConfig.parse(
                        Map.of(
                                "API_PORT", "0",
                                "BIND_API_TOKEN", ADMIN,
                                "BINDSMITH_TOKENS_FILE", tokensFile.toString(),
                                "RATE_LIMIT_ENABLED", "false",
                                // every test runs from 127.0.0.1, and some are refused on purpose
                                "BINDSMITH_AUTH_FAILURE_LIMIT", "100000"),
                        Map.of()));
    }

    void stop() {
        if (server != null) {
            server.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    private static String tokensJson(boolean withLate) {
        String late = withLate
                ? ",\n  {\"name\": \"late\", \"sha256\": \"" + ScopedToken.sha256Of(LATE)
                        + "\", \"access\": \"read\", \"zones\": [\"*.dev.example.test\"]}"
                : "";
        return """
                {"tokens": [
                  {"name": "dev-writer", "sha256": "%s", "access": "write", "zones": ["*.dev.example.test"]},
                  {"name": "dev-reader", "sha256": "%s", "access": "read", "zones": ["*.dev.example.test"]},
                  {"name": "dev-a-txt", "sha256": "%s", "access": "write", "zones": ["*.dev.example.test"],
                   "recordTypes": ["A", "TXT"]},
                  {"name": "network", "sha256": "%s", "access": "write", "allowFrom": ["192.0.2.0/24"]},
                  {"name": "expired", "sha256": "%s", "access": "read", "expires": "2020-01-01T00:00:00Z"}%s]}
                """.formatted(
                        ScopedToken.sha256Of(DEV_WRITER),
                        ScopedToken.sha256Of(DEV_READER),
                        ScopedToken.sha256Of(DEV_A_TXT),
                        ScopedToken.sha256Of(NETWORK),
                        ScopedToken.sha256Of(EXPIRED),
                        late);
    }

    // ---- helpers ----

    record Response(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    Response call(String token, String method, String path, String json, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> h = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
        return new Response(r.statusCode(), h, r.body());
    }

    Response call(String token, String method, String path, String json) throws Exception {
        return call(token, method, path, json, Map.of());
    }

    Response call(String token, String method, String path) throws Exception {
        return call(token, method, path, null, Map.of());
    }

    static String createBody(String zone, String updateKey) {
        return """
                {"zoneName":"%s","zoneType":"primary","updateKeyName":"%s",
                 "zoneConfig":{"ttl":300,"soa":{"primaryNs":"ns1.%s.","adminEmail":"hostmaster.%s.","serial":2026120101},
                   "nameServers":["ns1.%s."],"nameServerIps":{"ns1.%s.":"192.0.2.53"},
                   "records":[{"name":"www","type":"A","value":"192.0.2.80"}]}}
                """.formatted(zone, updateKey, zone, zone, zone, zone);
    }

    /** A new dynamic zone, made with the admin token: {@code z<n>.<suffix>}. */
    String zone(String suffix) throws Exception {
        String zone = "z" + ZONES.incrementAndGet() + "." + suffix;
        Response r = call(ADMIN, "POST", "/api/v1/zones", createBody(zone, updateKeyName()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return zone;
    }

    String records(String zone) throws Exception {
        Response r = call(ADMIN, "GET", "/api/v1/zones/" + zone + "/records");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("records").toString();
    }

    long serial(String zone) throws Exception {
        return call(ADMIN, "GET", "/api/v1/zones/" + zone).json().path("serial").asLong();
    }

    // ---- one test per decision ----

    @Test
    void aZoneOutsideTheScopeIs404OnEveryRouteAsIfItDidNotExistAndIsMissingFromTheList() throws Exception {
        String prod = zone("prod.example.test");
        String before = records(prod);
        String nowhere = "nowhere.dev.example.test";
        List<String[]> routes = List.of(
                new String[] {"GET", "/api/v1/zones/%s", null},
                new String[] {"GET", "/api/v1/zones/%s/status", null},
                new String[] {"GET", "/api/v1/zones/%s/records", null},
                new String[] {
                    "POST", "/api/v1/zones/%s/records", "{\"name\":\"x\",\"type\":\"A\",\"value\":\"192.0.2.9\"}"
                },
                new String[] {
                    "PATCH",
                    "/api/v1/zones/%s/records",
                    "{\"changes\":[{\"op\":\"remove\",\"name\":\"www\",\"type\":\"A\"}]}"
                },
                new String[] {"PATCH", "/api/v1/zones/%s", "{\"allowTransfer\":[\"192.0.2.9\"]}"},
                new String[] {"POST", "/api/v1/zones/%s/reload", null},
                new String[] {"POST", "/api/v1/zones/%s/notify", null},
                new String[] {"DELETE", "/api/v1/zones/%s", null});
        for (String[] route : routes) {
            Response hidden = call(DEV_WRITER, route[0], route[1].formatted(prod), route[2]);
            Response absent = call(DEV_WRITER, route[0], route[1].formatted(nowhere), route[2]);
            assertThat(hidden.status())
                    .as("%s %s: %s", route[0], route[1], hidden.body())
                    .isEqualTo(404);
            JsonNode h = hidden.json();
            JsonNode a = absent.json();
            assertThat(h.path("code").asText()).isEqualTo("ZONE_NOT_FOUND");
            assertThat(h.path("details").asText())
                    .isEqualTo(a.path("details").asText().replace(nowhere, prod));
            assertThat(h.path("error").asText()).isEqualTo(a.path("error").asText());
        }
        assertThat(call(DEV_WRITER, "GET", "/api/v1/zones").json().path("zones").toString())
                .doesNotContain(prod);
        assertThat(call(ADMIN, "GET", "/api/v1/zones").json().path("zones").toString())
                .contains(prod);
        assertThat(records(prod)).isEqualTo(before);
    }

    @Test
    void aVerbTheTokenLacksOnAZoneInScopeIs403SayingWhatIsRequiredAndGranted() throws Exception {
        String dev = zone("dev.example.test");

        Response r = call(
                DEV_READER,
                "POST",
                "/api/v1/zones/" + dev + "/records",
                "{\"name\":\"x\",\"type\":\"A\",\"value\":\"192.0.2.9\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(403);
        JsonNode body = r.json();
        assertThat(body.path("code").asText()).isEqualTo("INSUFFICIENT_SCOPE");
        assertThat(body.path("details").path("required").toString())
                .isEqualTo("{\"access\":\"write\",\"zone\":\"" + dev + "\"}");
        assertThat(body.path("details").path("granted").path("access").asText()).isEqualTo("read");
        assertThat(records(dev)).doesNotContain("192.0.2.9");
        assertThat(call(DEV_READER, "GET", "/api/v1/zones/" + dev).status()).isEqualTo(200);
    }

    @Test
    void aRequestFromOutsideTheTokensNetworksIs403WithTheAddressSeen() throws Exception {
        Response r = call(NETWORK, "GET", "/api/v1/zones");

        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.json().path("code").asText()).isEqualTo("IP_NOT_ALLOWED");
        assertThat(r.json().path("details").path("detectedAddress").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void anExpiredTokenIs401TokenExpired() throws Exception {
        Response r = call(EXPIRED, "GET", "/api/v1/zones");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("code").asText()).isEqualTo("TOKEN_EXPIRED");
        assertThat(r.headers().get("www-authenticate")).contains("invalid_token");
    }

    @Test
    void creatingAZoneNeedsWriteOnItsName() throws Exception {
        String inScope = "new" + ZONES.incrementAndGet() + ".dev.example.test";
        String outside = "new" + ZONES.incrementAndGet() + ".prod.example.test";

        Response made = call(DEV_WRITER, "POST", "/api/v1/zones", createBody(inScope, updateKeyName()));
        Response outsideScope = call(DEV_WRITER, "POST", "/api/v1/zones", createBody(outside, updateKeyName()));
        Response readOnly = call(
                DEV_READER,
                "POST",
                "/api/v1/zones",
                createBody("ro" + ZONES.incrementAndGet() + ".dev.example.test", updateKeyName()));

        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(outsideScope.status()).as(outsideScope.body()).isEqualTo(403);
        assertThat(outsideScope
                        .json()
                        .path("details")
                        .path("required")
                        .path("zone")
                        .asText())
                .isEqualTo(outside);
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(call(ADMIN, "GET", "/api/v1/zones/" + outside).status()).isEqualTo(404);
    }

    @Test
    void aChangeSetCrossingTheScopeIsRefusedWholeAndNothingOfItIsApplied() throws Exception {
        String dev = zone("dev.example.test");
        String before = records(dev);
        long serial = serial(dev);

        Response r = call(DEV_A_TXT, "PATCH", "/api/v1/zones/" + dev + "/records", """
                {"changes": [
                  {"op": "add", "name": "ok", "type": "A", "value": "192.0.2.50"},
                  {"op": "add", "name": "ok", "type": "TXT", "value": "fine"},
                  {"op": "add", "name": "@", "type": "MX", "value": "mx.example.net.", "priority": 10}]}
                """);

        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.json().path("details").path("required").path("recordTypes").toString())
                .isEqualTo("[\"A\",\"TXT\",\"MX\"]");
        assertThat(records(dev)).isEqualTo(before);
        assertThat(serial(dev)).isEqualTo(serial);
        Response allowed = call(DEV_A_TXT, "PATCH", "/api/v1/zones/" + dev + "/records", """
                {"changes": [{"op": "add", "name": "ok", "type": "A", "value": "192.0.2.50"}]}
                """);
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
    }

    @Test
    void aRepeatWithTheSameKeyGetsTheSameAnswerAndChangesNothingMore() throws Exception {
        String dev = zone("dev.example.test");
        String body = "{\"name\":\"once\",\"type\":\"TXT\",\"value\":\"one\",\"ttl\":300}";
        Map<String, String> key = Map.of("Idempotency-Key", "add-once-" + dev);

        Response first = call(DEV_WRITER, "POST", "/api/v1/zones/" + dev + "/records", body, key);
        long serial = serial(dev);
        Response again = call(DEV_WRITER, "POST", "/api/v1/zones/" + dev + "/records", body, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().get("idempotent-replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(serial(dev)).isEqualTo(serial);
        assertThat(call(ADMIN, "GET", "/api/v1/audit?zone=" + dev)
                        .json()
                        .path("entries")
                        .findValuesAsText("operation"))
                .containsExactly("zone.create", "record.add");
    }

    @Test
    void theSameKeyWithAnotherBodyIs409AndThatBodyIsNotApplied() throws Exception {
        String dev = zone("dev.example.test");
        Map<String, String> key = Map.of("Idempotency-Key", "conflict-" + dev);

        call(
                DEV_WRITER,
                "POST",
                "/api/v1/zones/" + dev + "/records",
                "{\"name\":\"a\",\"type\":\"TXT\",\"value\":\"first\"}",
                key);
        Response other = call(
                DEV_WRITER,
                "POST",
                "/api/v1/zones/" + dev + "/records",
                "{\"name\":\"a\",\"type\":\"TXT\",\"value\":\"second\"}",
                key);

        assertThat(other.status()).as(other.body()).isEqualTo(409);
        assertThat(other.json().path("code").asText()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(records(dev)).contains("first").doesNotContain("second");
    }

    @Test
    void aCreateARecordChangeAndADeleteLeaveAuditEntriesWithSerialsNeverTheToken() throws Exception {
        String dev = "audited" + ZONES.incrementAndGet() + ".dev.example.test";
        assertThat(call(DEV_WRITER, "POST", "/api/v1/zones", createBody(dev, updateKeyName()))
                        .status())
                .isEqualTo(201);
        assertThat(call(
                                DEV_WRITER,
                                "POST",
                                "/api/v1/zones/" + dev + "/records",
                                "{\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.81\",\"ttl\":300}")
                        .status())
                .isEqualTo(201);
        assertThat(call(DEV_WRITER, "DELETE", "/api/v1/zones/" + dev).status()).isEqualTo(204);

        Response audit = call(ADMIN, "GET", "/api/v1/audit?zone=" + dev);
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        audit.json().path("entries").forEach(entries::add);
        assertThat(entries)
                .extracting(e -> e.path("operation").asText())
                .containsExactly("zone.create", "record.add", "zone.delete");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.path("token").asText()).isEqualTo("dev-writer");
            assertThat(e.path("client").asText()).isEqualTo("127.0.0.1");
            assertThat(e.path("requestId").asText()).isNotBlank();
        });
        JsonNode create = entries.get(0);
        assertThat(create.path("serialBefore").isNull()).isTrue();
        assertThat(create.path("serialAfter").asLong()).isEqualTo(2026120101L);
        assertThat(create.path("outcome").toString()).isEqualTo("{\"status\":201,\"code\":\"CREATED\"}");
        JsonNode add = entries.get(1);
        assertThat(add.path("serialBefore").asLong()).isEqualTo(2026120101L);
        assertThat(add.path("serialAfter").asLong()).isGreaterThan(2026120101L);
        assertThat(add.path("added").get(0).path("value").asText()).isEqualTo("192.0.2.81");
        assertThat(add.path("removed")).isEmpty();
        JsonNode delete = entries.get(2);
        assertThat(delete.path("serialBefore").asLong())
                .isEqualTo(add.path("serialAfter").asLong());
        assertThat(delete.path("serialAfter").isNull()).isTrue();
        assertThat(delete.path("outcome").path("code").asText()).isEqualTo("DELETED");
        assertThat(audit.body()).doesNotContain(DEV_WRITER).doesNotContain(ScopedToken.sha256Of(DEV_WRITER));
        String onDisk = Files.readString(auditFile());
        assertThat(onDisk)
                .contains(create.path("id").asText(), delete.path("id").asText());
        assertThat(onDisk).doesNotContain(DEV_WRITER);

        Response scoped = call(DEV_READER, "GET", "/api/v1/audit");
        assertThat(scoped.json().path("entries").findValuesAsText("zone"))
                .allMatch(z -> z.endsWith(".dev.example.test"));
        assertThat(call(DEV_READER, "GET", "/api/v1/audit?zone=" + zone("prod.example.test"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void whenTheAuditLogCannotBeWrittenAChangeIs503AndIsNotMade() throws Exception {
        String dev = zone("dev.example.test");
        Path log = auditFile();
        Path aside = log.resolveSibling("audit.log.aside");
        Files.move(log, aside);
        Files.createDirectory(log);
        try {
            Response refused = call(
                    DEV_WRITER,
                    "POST",
                    "/api/v1/zones/" + dev + "/records",
                    "{\"name\":\"x\",\"type\":\"A\",\"value\":\"192.0.2.77\"}");

            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("details").asText()).contains("audit log", "nothing was changed");
            assertThat(refused.body()).doesNotContain(log.toString());
        } finally {
            Files.delete(log);
            Files.move(aside, log);
        }
        assertThat(records(dev)).doesNotContain("192.0.2.77");
        assertThat(call(
                                DEV_WRITER,
                                "POST",
                                "/api/v1/zones/" + dev + "/records",
                                "{\"name\":\"x\",\"type\":\"A\",\"value\":\"192.0.2.77\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aTokenAddedToTheFileWorksOnceReReadAndAFileThatNoLongerParsesKeepsTheTokens() throws Exception {
        assertThat(call(LATE, "GET", "/api/v1/zones").status()).isEqualTo(401);

        Files.writeString(tokensFile, tokensJson(true));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            // re-read when the file changes (checked every 2 s): wait for that state, not for a time
            status = call(LATE, "GET", "/api/v1/zones").status();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertThat(status).isEqualTo(200);

        Files.writeString(tokensFile, "{\"tokens\": [{\"name\": \"late\", \"sha256\": ");
        assertThat(server.reloadTokens()).isInstanceOf(TokenStore.Reload.Kept.class);
        assertThat(call(LATE, "GET", "/api/v1/zones").status()).isEqualTo(200);
        assertThat(call(DEV_WRITER, "GET", "/api/v1/zones").status()).isEqualTo(200);
        Files.writeString(tokensFile, tokensJson(false));
        assertThat(server.reloadTokens()).isInstanceOf(TokenStore.Reload.Loaded.class);
        assertThat(call(LATE, "GET", "/api/v1/zones").status()).isEqualTo(401);
    }
}
