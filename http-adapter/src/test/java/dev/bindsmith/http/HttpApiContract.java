package dev.bindsmith.http;

import static dev.bindsmith.http.ApiFixture.EXPIRED_TOKEN;
import static dev.bindsmith.http.ApiFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.builders.TestZones;
import io.helidon.webclient.http1.Http1Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP contract, run twice: without a socket ({@link HttpApiRoutingTest}, Helidon's DirectClient)
 * and against a real server ({@link HttpApiServerTest}). {@link #statusCodeTable} is the status-code
 * reference's "HTTP Methods and Status Codes" tables, one row per cell.
 */
abstract class HttpApiContract {
    private static final AtomicInteger ZONES = new AtomicInteger();

    /**
     * The status-code reference's table ("HTTP Methods and Status Codes", v2 with records; docs/api.md lists it), zone
     * rows: every endpoint with its success code and each error code; the records rows' cells are in
     * {@link RecordStatusCells}.
     */
    static final Map<String, List<Integer>> SPEC_TABLE = Map.ofEntries(
            Map.entry("POST /api/v1/zones", List.of(201, 400, 401, 409, 413, 415, 422, 429, 500, 503)),
            Map.entry("POST /api/v1/zones/{name}/reload", List.of(200, 401, 404, 429, 500, 503)),
            Map.entry("POST /api/v1/zones/{name}/freeze", List.of(200, 401, 404, 429, 500, 503)),
            Map.entry("POST /api/v1/zones/{name}/thaw", List.of(200, 401, 404, 429, 500, 503)),
            Map.entry("POST /api/v1/zones/{name}/notify", List.of(200, 401, 404, 429, 500, 503)),
            Map.entry("GET /api/v1/health", List.of(200, 503)),
            Map.entry("GET /api/v1/ready", List.of(200, 503)),
            Map.entry("GET /api/v1/zones", List.of(200, 401, 429, 500, 503)),
            Map.entry("GET /api/v1/zones/{name}", List.of(200, 401, 404, 429, 500, 503)),
            Map.entry("GET /api/v1/zones/{name}/status", List.of(200, 401, 404, 429, 500, 503)),
            Map.entry("GET /api/v1/server/status", List.of(200, 401, 429, 500, 503)),
            Map.entry("DELETE /api/v1/zones/{name}", List.of(204, 401, 404, 429, 500, 503)),
            Map.entry("POST /api/v1/zones/{name}/records", List.of(201, 400, 401, 404, 413, 415, 422, 429, 500, 503)),
            Map.entry("DELETE /api/v1/zones/{name}/records", List.of(200, 400, 401, 404, 422, 429, 500, 503)),
            Map.entry("PUT /api/v1/zones/{name}/records", List.of(200, 400, 401, 404, 422, 429, 500, 503)));

    final Http1Client client;
    final ApiFixture fx;

    HttpApiContract(Http1Client client, ApiFixture fixture) {
        this.client = client;
        this.fx = fixture;
    }

    /** A client for another routing over the same fixture (a server that is shutting down). */
    abstract Http1Client clientFor(ApiRouting routing);

    @BeforeEach
    void resetFaults() {
        fx.reset();
    }

    // ---------------------------------------------------------------- helpers

    /** A request as an authorised, fresh client sends it. */
    Exchange.Request call(String method, String path) {
        return new Exchange.Request(method, path).token(TOKEN).client(fx.freshClient());
    }

    Exchange.Response send(Exchange.Request request) {
        return request.send(client);
    }

    static String newZone() {
        return "z" + ZONES.incrementAndGet() + ".example.com";
    }

    String existingZone() {
        String zone = newZone();
        fx.createZone(zone);
        return zone;
    }

    static String createBody(String zone) {
        return """
                {"zoneName":"%s","zoneType":"primary","zoneConfig":{"ttl":3600,
                 "soa":{"primaryNs":"ns1.%s.","adminEmail":"hostmaster.%s.","serial":2026112101},
                 "nameServers":["ns1.%s."],"nameServerIps":{"ns1.%s.":"192.0.2.53"}}}
                """.formatted(zone, zone, zone, zone, zone);
    }

    /** The error envelope: status, JSON, {@code error}/{@code details} strings, the code, the request id of the header. */
    static JsonNode assertEnvelope(Exchange.Response r, int status, String code) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode body = r.json();
        assertThat(body.path("error").isTextual()).as("error in %s", r.body()).isTrue();
        assertThat(body.path("details").isTextual())
                .as("details in %s", r.body())
                .isTrue();
        assertThat(body.path("code").asText()).as("code in %s", r.body()).isEqualTo(code);
        assertThat(r.header("X-Request-Id")).isPresent();
        assertThat(body.path("requestId").asText())
                .isEqualTo(r.header("X-Request-Id").orElseThrow());
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "secret-internal-detail");
        return body;
    }

    static void assertUnauthorized(Exchange.Response r, String code) {
        assertEnvelope(r, 401, code);
        assertThat(r.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    /** Spends the client's burst, so that its next request is refused. */
    Exchange.Request exhausted(String method, String path) {
        String ip = fx.freshClient();
        for (int i = 0; i < ApiFixture.BURST; i++) {
            new Exchange.Request("GET", "/api/v1/zones").token(TOKEN).client(ip).send(client);
        }
        return new Exchange.Request(method, path).token(TOKEN).client(ip);
    }

    static void assertRateLimited(Exchange.Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(429);
        assertThat(r.body()).isEqualTo("Rate limit exceeded. Please try again later.");
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
        assertThat(r.header("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(r.header("RateLimit-Policy")).hasValue("\"default\";q=100;w=60;burst=10");
        assertThat(r.header("RateLimit")).hasValueSatisfying(v -> assertThat(v).startsWith("\"default\";r=0;t="));
    }

    /** The same request to a server that is shutting down. */
    Exchange.Response whileShuttingDown(Exchange.Request request) {
        var gate = new ShutdownGate();
        gate.close();
        return request.send(clientFor(fx.routing(gate)));
    }

    static void assertShuttingDown(Exchange.Response r) {
        JsonNode body = assertEnvelope(r, 503, "SHUTTING_DOWN");
        assertThat(body.path("error").asText()).isEqualTo("Service unavailable");
        assertThat(body.path("details").asText()).isEqualTo("Server is shutting down");
    }

    // ---------------------------------------------------------------- the status-code table

    @FunctionalInterface
    interface Scenario {
        void run(HttpApiContract t) throws Exception;
    }

    private static Arguments cell(String name, Scenario scenario) {
        return Arguments.of(name, scenario);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusTable")
    void statusCodeTable(String cell, Scenario scenario) throws Exception {
        scenario.run(this);
    }

    @Test
    void theTableCoversEveryCellOfTheSpec() {
        Set<String> names = new TreeSet<>();
        statusTable().forEach(a -> names.add(((String) a.get()[0]).replaceAll(" \\(.*\\)$", "")));
        List<String> missing = new ArrayList<>();
        SPEC_TABLE.forEach((endpoint, codes) -> codes.forEach(code -> {
            if (!names.contains(endpoint + " → " + code)) {
                missing.add(endpoint + " → " + code);
            }
        }));
        assertThat(missing).isEmpty();
    }

    @Test
    void theTableCoversEveryCellOfTheFleetRoutes() {
        Set<String> names = new TreeSet<>();
        statusTable().forEach(a -> names.add(((String) a.get()[0]).replaceAll(" \\(.*\\)$", "")));
        List<String> missing = new ArrayList<>();
        FleetStatusCells.TABLE.forEach((endpoint, codes) -> codes.forEach(code -> {
            if (!names.contains(endpoint + " → " + code)) {
                missing.add(endpoint + " → " + code);
            }
        }));
        assertThat(missing).isEmpty();
    }

    /** Issue 14's codes on every protected endpoint: 403, 404 outside the scope, 409 for a reused key. */
    @Test
    void theTableCoversTheScopedTokenAndIdempotencyCellsOfEveryProtectedEndpoint() {
        Set<String> names = new TreeSet<>();
        statusTable().forEach(a -> names.add((String) a.get()[0]));

        assertThat(names).containsAll(SecurityStatusCells.EXPECTED);
        assertThat(SecurityStatusCells.EXPECTED).hasSizeGreaterThan(60);
    }

    static Stream<Arguments> statusTable() {
        List<Arguments> cells = new ArrayList<>();

        // POST /api/v1/zones
        cells.add(cell("POST /api/v1/zones → 201", t -> {
            String zone = newZone();
            var r = t.send(t.call("POST", "/api/v1/zones").json(createBody(zone)));
            assertThat(r.status()).as("%s", r).isEqualTo(201);
            assertThat(r.header("Location")).hasValue("/api/v1/zones/" + zone);
            JsonNode body = r.json();
            assertThat(body.path("message").asText()).isEqualTo("Zone " + zone + " created successfully");
            assertThat(body.path("zone").asText()).isEqualTo(zone);
            assertThat(body.path("filePath").asText()).isEqualTo("/memory/zones/" + zone + ".zone");
            assertThat(t.fx.control.serves(ZoneName.of(zone))).isTrue();
        }));
        cells.add(cell("POST /api/v1/zones → 400 (invalid JSON)", t -> {
            var r = t.send(
                    t.call("POST", "/api/v1/zones").json("{\n  \"zoneName\": \"a.example\"\n  \"zoneType\": 1\n}"));
            JsonNode body = assertEnvelope(r, 400, "INVALID_JSON");
            assertThat(body.path("error").asText()).isEqualTo("Invalid JSON in request body");
            assertThat(body.path("details").asText()).contains("line 3 column");
            assertThat(body.path("line").asText()).isEqualTo("3");
        }));
        cells.add(cell("POST /api/v1/zones → 400 (missing field)", t -> {
            var r = t.send(
                    t.call("POST", "/api/v1/zones")
                            .json(
                                    "{\"zoneType\":\"primary\",\"zoneConfig\":"
                                            + "{\"ttl\":3600,\"soa\":{\"primaryNs\":\"ns1.x.\",\"adminEmail\":\"h.x.\"},\"nameServers\":[]}}"));
            JsonNode body = assertEnvelope(r, 400, "VALIDATION_FAILED");
            assertThat(body.path("error").asText()).isEqualTo("Validation error");
            assertThat(body.path("details").asText()).contains("Missing required field: zoneName");
        }));
        cells.add(cell("POST /api/v1/zones → 400 (wrong field types, all named)", t -> {
            String zone = newZone();
            var r = t.send(t.call("POST", "/api/v1/zones")
                    .json(createBody(zone)
                            .replace("\"ttl\":3600", "\"ttl\":\"3600\"")
                            .replace("\"serial\":2026112101", "\"serial\":true")));
            JsonNode body = assertEnvelope(r, 400, "VALIDATION_FAILED");
            assertThat(body.path("violations").findValuesAsText("field"))
                    .contains("zoneConfig.ttl", "zoneConfig.soa.serial");
            assertThat(t.fx.memory.masterFile(ZoneName.of(zone))).isEmpty();
        }));
        cells.add(cell("POST /api/v1/zones → 400 (invalid zone name)", t -> {
            var r = t.send(t.call("POST", "/api/v1/zones").json(createBody("../../etc/x")));
            JsonNode body = assertEnvelope(r, 400, "VALIDATION_FAILED");
            assertThat(body.path("details").asText()).contains("Invalid zone name");
            assertThat(t.fx.memory.operations()).noneMatch(op -> op.contains("etc"));
        }));
        cells.add(cell("POST /api/v1/zones → 400 (invalid record format)", t -> {
            String zone = newZone();
            var r = t.send(
                    t.call("POST", "/api/v1/zones")
                            .json(
                                    createBody(zone)
                                            .replace(
                                                    "\"nameServers\"",
                                                    "\"records\":[{\"name\":\"www\",\"type\":\"A\",\"value\":\"1.2.3.4\\nupdate delete\"}],\"nameServers\"")));
            JsonNode body = assertEnvelope(r, 400, "VALIDATION_FAILED");
            assertThat(body.path("violations").findValuesAsText("field"))
                    .anySatisfy(f -> assertThat(f).startsWith("zoneConfig.records[0]"));
            assertThat(t.fx.memory.masterFile(ZoneName.of(zone))).isEmpty();
        }));
        cells.add(cell("POST /api/v1/zones → 401", t -> {
            var r = t.send(
                    t.call("POST", "/api/v1/zones").without("Authorization").json(createBody(newZone())));
            assertUnauthorized(r, "AUTH_REQUIRED");
            assertThat(r.json().path("details").asText()).isEqualTo("Missing Authorization header");
        }));
        cells.add(cell("POST /api/v1/zones → 409", t -> {
            String zone = t.existingZone();
            String before = t.fx.memory.masterFile(ZoneName.of(zone)).orElseThrow();
            var r = t.send(t.call("POST", "/api/v1/zones").json(createBody(zone).replace("192.0.2.53", "192.0.2.99")));
            JsonNode body = assertEnvelope(r, 409, "ZONE_EXISTS");
            assertThat(body.path("error").asText()).isEqualTo("Zone already exists");
            assertThat(body.path("zone").asText()).isEqualTo(zone);
            assertThat(t.fx.memory.masterFile(ZoneName.of(zone))).hasValue(before);
        }));
        cells.add(cell("POST /api/v1/zones → 413 (Content-Length)", t -> {
            var r = t.send(t.call("POST", "/api/v1/zones").json(padded(createBody(newZone()), 5000)));
            JsonNode body = assertEnvelope(r, 413, "BODY_TOO_LARGE");
            assertThat(body.path("error").asText()).isEqualTo("Request body too large");
            assertThat(body.path("limit").asText()).isEqualTo("4096 bytes");
            assertThat(body.path("size").asText()).isEqualTo("5000 bytes");
        }));
        cells.add(cell("POST /api/v1/zones → 413 (chunked)", t -> {
            var r = t.send(t.call("POST", "/api/v1/zones")
                    .json(padded(createBody(newZone()), 9000))
                    .chunked());
            JsonNode body = assertEnvelope(r, 413, "BODY_TOO_LARGE");
            assertThat(body.path("limit").asText()).isEqualTo("4096 bytes");
        }));
        cells.add(cell("POST /api/v1/zones → 415", t -> {
            var r = t.send(t.call("POST", "/api/v1/zones").body("text/plain", createBody(newZone())));
            JsonNode body = assertEnvelope(r, 415, "UNSUPPORTED_MEDIA_TYPE");
            assertThat(body.path("error").asText()).isEqualTo("Unsupported media type");
            assertThat(body.path("expected").asText()).isEqualTo("application/json");
            assertThat(body.path("received").asText()).isEqualTo("text/plain");
        }));
        cells.add(cell("POST /api/v1/zones → 422", t -> {
            String zone = newZone();
            var r = t.send(t.call("POST", "/api/v1/zones")
                    .json(createBody(zone).replace("\"ttl\":3600", "\"ttl\":4294967296")));
            JsonNode body = assertEnvelope(r, 422, "INVALID_ZONE_CONFIGURATION");
            assertThat(body.path("error").asText()).isEqualTo("Invalid zone configuration");
            assertThat(body.path("violations").findValuesAsText("field")).contains("zoneConfig.ttl");
            assertThat(t.fx.memory.masterFile(ZoneName.of(zone))).isEmpty();
        }));
        cells.add(cell("POST /api/v1/zones → 422 (CNAME beside other data)", t -> {
            String zone = newZone();
            var r = t.send(
                    t.call("POST", "/api/v1/zones")
                            .json(
                                    createBody(zone)
                                            .replace(
                                                    "\"nameServers\"",
                                                    "\"records\":[{\"name\":\"www\",\"type\":\"CNAME\",\"value\":\"example.net.\"},"
                                                            + "{\"name\":\"www\",\"type\":\"A\",\"value\":\"192.0.2.1\"}],\"nameServers\"")));
            assertThat(r.status()).as("%s", r).isEqualTo(422);
            assertThat(r.json().path("violations").findValuesAsText("field"))
                    .anySatisfy(f -> assertThat(f).startsWith("zoneConfig.records"));
        }));
        cells.add(cell(
                "POST /api/v1/zones → 429",
                t -> assertRateLimited(
                        t.send(t.exhausted("POST", "/api/v1/zones").json(createBody(newZone()))))));
        cells.add(cell("POST /api/v1/zones → 500 (zone file write)", t -> {
            t.fx.memory.failWrites(true);
            JsonNode body = assertEnvelope(
                    t.send(t.call("POST", "/api/v1/zones").json(createBody(newZone()))), 500, "ZONE_FILE_WRITE_FAILED");
            assertThat(body.path("error").asText()).isEqualTo("Failed to write zone file");
        }));
        cells.add(cell("POST /api/v1/zones → 500 (rndc addzone refused)", t -> {
            t.fx.control.refuse("addzone", "permission denied");
            String zone = newZone();
            JsonNode body = assertEnvelope(
                    t.send(t.call("POST", "/api/v1/zones").json(createBody(zone))), 500, "BACKEND_REJECTED");
            assertThat(body.path("error").asText()).isEqualTo("RNDC command failed");
            assertThat(body.path("command").asText()).isEqualTo("addzone");
            assertThat(t.fx.memory.masterFile(ZoneName.of(zone))).isEmpty();
        }));
        cells.add(cell(
                "POST /api/v1/zones → 503 (shutting down)",
                t -> assertShuttingDown(
                        t.whileShuttingDown(t.call("POST", "/api/v1/zones").json(createBody(newZone()))))));
        cells.add(cell("POST /api/v1/zones → 503 (zone directory unusable)", t -> {
            t.fx.memory.unusable(true);
            var r = t.send(t.call("POST", "/api/v1/zones").json(createBody(newZone())));
            assertEnvelope(r, 503, "UNAVAILABLE");
            assertThat(r.header("Retry-After")).hasValue("5");
        }));

        // POST /api/v1/zones/{name}/reload|freeze|thaw|notify (and retransfer, not in the spec's table)
        for (String verb : List.of("reload", "freeze", "thaw", "notify", "retransfer")) {
            String endpoint = "POST /api/v1/zones/{name}/" + verb;
            cells.add(cell(endpoint + " → 200", t -> {
                String zone = t.zoneFor(verb);
                var r = t.send(t.call("POST", "/api/v1/zones/" + zone + "/" + verb));
                assertThat(r.status()).as("%s", r).isEqualTo(200);
                assertThat(r.json().path("success").asBoolean()).isTrue();
                assertThat(r.json().path("message").asText()).contains(zone);
                assertThat(r.json().path("details").isTextual()).isTrue();
            }));
            cells.add(cell(
                    endpoint + " → 400 (invalid zone name)",
                    t -> assertEnvelope(
                            t.send(t.call("POST", "/api/v1/zones/a%2F..%2Fb/" + verb)), 400, "INVALID_ZONE_NAME")));
            cells.add(cell(
                    endpoint + " → 401",
                    t -> assertUnauthorized(
                            t.send(t.call("POST", "/api/v1/zones/" + t.existingZone() + "/" + verb)
                                    .token("wrong-token")),
                            "AUTH_FAILED")));
            cells.add(cell(endpoint + " → 404", t -> {
                String zone = newZone();
                JsonNode body = assertEnvelope(
                        t.send(t.call("POST", "/api/v1/zones/" + zone + "/" + verb)), 404, "ZONE_NOT_FOUND");
                assertThat(body.path("error").asText()).isEqualTo("Zone not found");
                assertThat(body.path("zone").asText()).isEqualTo(zone);
            }));
            cells.add(cell(
                    endpoint + " → 429",
                    t -> assertRateLimited(t.send(t.exhausted("POST", "/api/v1/zones/" + newZone() + "/" + verb)))));
            cells.add(cell(endpoint + " → 500", t -> {
                String zone = t.zoneFor(verb);
                t.fx.control.refuse(verb, "permission denied");
                JsonNode body = assertEnvelope(
                        t.send(t.call("POST", "/api/v1/zones/" + zone + "/" + verb)), 500, "BACKEND_REJECTED");
                assertThat(body.path("command").asText()).isEqualTo(verb);
                assertThat(body.path("details").asText()).contains("permission denied");
            }));
            cells.add(cell(
                    endpoint + " → 503",
                    t -> assertShuttingDown(
                            t.whileShuttingDown(t.call("POST", "/api/v1/zones/" + newZone() + "/" + verb)))));
        }

        // GET /api/v1/health and /ready
        cells.add(cell("GET /api/v1/health → 200", t -> {
            var r = t.send(new Exchange.Request("GET", "/api/v1/health"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("status").asText()).isEqualTo("healthy");
        }));
        cells.add(cell(
                "GET /api/v1/health → 503",
                t -> assertShuttingDown(t.whileShuttingDown(new Exchange.Request("GET", "/api/v1/health")))));
        cells.add(cell("GET /api/v1/ready → 200", t -> {
            t.fx.clock.advance(CachedCheck.DEFAULT_TTL); // past an answer another cell left in the cache
            var r = t.send(new Exchange.Request("GET", "/api/v1/ready"));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.json().path("ready").asBoolean()).isTrue();
            assertThat(r.json().path("checks").path("zone_directory").asText()).isEqualTo("ok");
            assertThat(r.json().path("checks").path("name_server").asText()).isEqualTo("ok");
        }));
        cells.add(cell("GET /api/v1/ready → 503", t -> {
            t.fx.memory.unusable(true);
            t.fx.clock.advance(CachedCheck.DEFAULT_TTL);
            var r = t.send(new Exchange.Request("GET", "/api/v1/ready"));
            JsonNode body = assertEnvelope(r, 503, "UNAVAILABLE");
            assertThat(body.path("ready").asBoolean()).isFalse();
            assertThat(body.path("checks").path("zone_directory").asText()).isEqualTo("failed");
            assertThat(body.path("checks").path("name_server").asText()).isEqualTo("ok");
            assertThat(r.body()).doesNotContain("/memory");
        }));

        // GET /api/v1/zones
        cells.add(cell("GET /api/v1/zones → 200", t -> {
            String zone = t.existingZone();
            var r = t.send(t.call("GET", "/api/v1/zones"));
            assertThat(r.status()).isEqualTo(200);
            JsonNode body = r.json();
            List<String> names = new ArrayList<>();
            body.path("zones").forEach(n -> names.add(n.asText()));
            assertThat(names).contains(zone).isSorted();
            assertThat(body.path("count").asInt()).isEqualTo(names.size());
        }));
        cells.add(cell(
                "GET /api/v1/zones → 401",
                t -> assertUnauthorized(t.send(t.call("GET", "/api/v1/zones").token(EXPIRED_TOKEN)), "TOKEN_EXPIRED")));
        cells.add(cell("GET /api/v1/zones → 429", t -> assertRateLimited(t.send(t.exhausted("GET", "/api/v1/zones")))));
        cells.add(cell("GET /api/v1/zones → 500", t -> {
            t.fx.store.explode(true);
            JsonNode body = assertEnvelope(t.send(t.call("GET", "/api/v1/zones")), 500, "INTERNAL_ERROR");
            assertThat(body.path("error").asText()).isEqualTo("Internal server error");
            assertThat(body.path("details").asText()).isEqualTo("An unexpected error occurred");
        }));
        cells.add(cell(
                "GET /api/v1/zones → 503",
                t -> assertShuttingDown(t.whileShuttingDown(t.call("GET", "/api/v1/zones")))));

        // GET /api/v1/zones/{name} and /status
        for (String suffix : List.of("", "/status")) {
            String endpoint = "GET /api/v1/zones/{name}" + suffix;
            cells.add(cell(endpoint + " → 200", t -> {
                String zone = t.existingZone();
                var r = t.send(t.call("GET", "/api/v1/zones/" + zone + suffix));
                assertThat(r.status()).as("%s", r).isEqualTo(200);
                JsonNode body = r.json();
                assertThat(body.path("zoneType").asText()).isEqualTo("primary");
                assertThat(body.path("serial").asLong()).isEqualTo(2026112101L);
                assertThat(body.path("raw").asText()).contains("serial: 2026112101");
                if (suffix.isEmpty()) {
                    assertThat(body.path("name").asText()).isEqualTo(zone);
                    assertThat(body.path("filePath").asText()).isEqualTo("/memory/zones/" + zone + ".zone");
                } else {
                    assertThat(body.path("details").asText())
                            .isEqualTo(body.path("raw").asText());
                    assertThat(body.path("message").asText()).isEqualTo("Zone " + zone + " status retrieved");
                }
            }));
            cells.add(cell(
                    endpoint + " → 400 (invalid zone name)",
                    t -> assertEnvelope(
                            t.send(t.call("GET", "/api/v1/zones/-bad..name" + suffix)), 400, "INVALID_ZONE_NAME")));
            cells.add(cell(
                    endpoint + " → 401",
                    t -> assertUnauthorized(
                            t.send(t.call("GET", "/api/v1/zones/" + t.existingZone() + suffix)
                                    .header("Authorization", "Token abc")),
                            "AUTH_FAILED")));
            cells.add(cell(endpoint + " → 404", t -> {
                String zone = newZone();
                JsonNode body =
                        assertEnvelope(t.send(t.call("GET", "/api/v1/zones/" + zone + suffix)), 404, "ZONE_NOT_FOUND");
                assertThat(body.path("zone").asText()).isEqualTo(zone);
            }));
            cells.add(cell(
                    endpoint + " → 429",
                    t -> assertRateLimited(t.send(t.exhausted("GET", "/api/v1/zones/" + newZone() + suffix)))));
            cells.add(cell(endpoint + " → 500", t -> {
                String zone = t.existingZone();
                t.fx.control.unreachable(true);
                JsonNode body = assertEnvelope(
                        t.send(t.call("GET", "/api/v1/zones/" + zone + suffix)), 500, "BACKEND_UNREACHABLE");
                assertThat(body.path("command").asText()).isEqualTo("zonestatus");
            }));
            cells.add(cell(
                    endpoint + " → 503",
                    t -> assertShuttingDown(
                            t.whileShuttingDown(t.call("GET", "/api/v1/zones/" + newZone() + suffix)))));
        }

        // GET /api/v1/server/status, POST /api/v1/server/reload
        cells.add(cell("GET /api/v1/server/status → 200", t -> {
            var r = t.send(t.call("GET", "/api/v1/server/status"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("status").asText()).contains("server is up and running");
            assertThat(r.json().path("running").asBoolean()).isTrue();
            assertThat(r.json().path("version").asText()).startsWith("BIND 9.18");
        }));
        cells.add(cell(
                "GET /api/v1/server/status → 401",
                t -> assertUnauthorized(
                        t.send(t.call("GET", "/api/v1/server/status").without("Authorization")), "AUTH_REQUIRED")));
        cells.add(cell(
                "GET /api/v1/server/status → 429",
                t -> assertRateLimited(t.send(t.exhausted("GET", "/api/v1/server/status")))));
        cells.add(cell("GET /api/v1/server/status → 500", t -> {
            t.fx.control.unreachable(true);
            JsonNode body = assertEnvelope(t.send(t.call("GET", "/api/v1/server/status")), 500, "BACKEND_UNREACHABLE");
            assertThat(body.path("command").asText()).isEqualTo("status");
        }));
        cells.add(cell(
                "GET /api/v1/server/status → 503",
                t -> assertShuttingDown(t.whileShuttingDown(t.call("GET", "/api/v1/server/status")))));
        cells.add(cell("POST /api/v1/server/reload → 200", t -> {
            var r = t.send(t.call("POST", "/api/v1/server/reload"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("message").asText()).isEqualTo("Server reloaded successfully");
        }));
        cells.add(cell("POST /api/v1/server/reload → 500", t -> {
            t.fx.control.refuse("reload", "permission denied");
            assertEnvelope(t.send(t.call("POST", "/api/v1/server/reload")), 500, "BACKEND_REJECTED");
        }));

        // DELETE /api/v1/zones/{name}
        cells.add(cell("DELETE /api/v1/zones/{name} → 204", t -> {
            String zone = t.existingZone();
            var r = t.send(t.call("DELETE", "/api/v1/zones/" + zone));
            assertThat(r.status()).as("%s", r).isEqualTo(204);
            assertThat(r.body()).isEmpty();
            assertThat(t.fx.control.serves(ZoneName.of(zone))).isFalse();
            assertThat(t.fx.memory.masterFile(ZoneName.of(zone))).isEmpty();
        }));
        cells.add(cell(
                "DELETE /api/v1/zones/{name} → 401",
                t -> assertUnauthorized(
                        t.send(t.call("DELETE", "/api/v1/zones/" + t.existingZone())
                                .header("Authorization", "Bearer")),
                        "AUTH_FAILED")));
        cells.add(cell(
                "DELETE /api/v1/zones/{name} → 404",
                t -> assertEnvelope(t.send(t.call("DELETE", "/api/v1/zones/" + newZone())), 404, "ZONE_NOT_FOUND")));
        cells.add(cell(
                "DELETE /api/v1/zones/{name} → 429",
                t -> assertRateLimited(t.send(t.exhausted("DELETE", "/api/v1/zones/" + newZone())))));
        cells.add(cell("DELETE /api/v1/zones/{name} → 500", t -> {
            String zone = t.existingZone();
            t.fx.control.refuse("delzone", "permission denied");
            assertEnvelope(t.send(t.call("DELETE", "/api/v1/zones/" + zone)), 500, "BACKEND_REJECTED");
            assertThat(t.fx.memory.masterFile(ZoneName.of(zone))).isPresent();
        }));
        cells.add(cell(
                "DELETE /api/v1/zones/{name} → 503",
                t -> assertShuttingDown(t.whileShuttingDown(t.call("DELETE", "/api/v1/zones/" + newZone())))));
        cells.add(cell("DELETE /api/v1/zones/{name} → 503 (zone directory unusable)", t -> {
            String zone = t.existingZone();
            t.fx.memory.unusable(true);
            var r = t.send(t.call("DELETE", "/api/v1/zones/" + zone));
            assertEnvelope(r, 503, "UNAVAILABLE");
            assertThat(r.header("Retry-After")).hasValue("5");
            assertThat(t.fx.control.serves(ZoneName.of(zone)))
                    .as("named was told nothing")
                    .isTrue();
        }));

        // PATCH /api/v1/zones/{name} (not in the spec's table; the issue's)
        cells.add(cell("PATCH /api/v1/zones/{name} → 200", t -> {
            String zone = t.existingZone();
            var r = t.send(
                    t.call("PATCH", "/api/v1/zones/" + zone)
                            .json(
                                    "{\"alsoNotify\":[\"192.0.2.7:5353\",\"[2001:db8::7]:5353\"],\"allowTransfer\":[\"192.0.2.0/24\"]}"));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.json().path("message").asText()).isEqualTo("Zone " + zone + " modified successfully");
        }));
        cells.add(cell(
                "PATCH /api/v1/zones/{name} → 400 (no field)",
                t -> assertEnvelope(
                        t.send(t.call("PATCH", "/api/v1/zones/" + t.existingZone())
                                .json("{}")),
                        400,
                        "VALIDATION_FAILED")));
        cells.add(cell("PATCH /api/v1/zones/{name} → 400 (wrong type)", t -> {
            JsonNode body = assertEnvelope(
                    t.send(t.call("PATCH", "/api/v1/zones/" + t.existingZone()).json("{\"alsoNotify\":\"192.0.2.7\"}")),
                    400,
                    "VALIDATION_FAILED");
            assertThat(body.path("violations").findValuesAsText("field")).contains("alsoNotify");
        }));
        cells.add(cell(
                "PATCH /api/v1/zones/{name} → 404",
                t -> assertEnvelope(
                        t.send(t.call("PATCH", "/api/v1/zones/" + newZone()).json("{\"alsoNotify\":[]}")),
                        404,
                        "ZONE_NOT_FOUND")));
        cells.add(cell(
                "PATCH /api/v1/zones/{name} → 415",
                t -> assertEnvelope(
                        t.send(t.call("PATCH", "/api/v1/zones/" + t.existingZone())
                                .body("application/x-www-form-urlencoded", "alsoNotify=1")),
                        415,
                        "UNSUPPORTED_MEDIA_TYPE")));

        // Unknown endpoints and wrong methods
        cells.add(cell("GET /api/v1/invalid → 404", t -> {
            JsonNode body = assertEnvelope(t.send(t.call("GET", "/api/v1/invalid")), 404, "ENDPOINT_NOT_FOUND");
            assertThat(body.path("error").asText()).isEqualTo("Not found");
            assertThat(body.path("path").asText()).isEqualTo("/api/v1/invalid");
        }));
        cells.add(cell("PUT /api/v1/zones → 405", t -> {
            var r = t.send(t.call("PUT", "/api/v1/zones").json("{}"));
            assertEnvelope(r, 405, "METHOD_NOT_ALLOWED");
            assertThat(r.header("Allow")).hasValue("GET, HEAD, POST");
        }));
        cells.add(cell("POST /api/v1/zones/{name} → 405", t -> {
            var r = t.send(t.call("POST", "/api/v1/zones/" + newZone()));
            assertEnvelope(r, 405, "METHOD_NOT_ALLOWED");
            assertThat(r.header("Allow")).hasValue("GET, HEAD, DELETE, PATCH");
        }));
        RecordStatusCells.addTo(cells);
        FleetStatusCells.addTo(cells);
        SecurityStatusCells.addTo(cells);
        return cells.stream();
    }

    /** A zone the command applies to: a secondary for retransfer, a dynamic zone for freeze, a frozen one for thaw. */
    String zoneFor(String verb) {
        String zone = newZone();
        var request = switch (verb) {
            case "retransfer" -> TestZones.request(zone).secondary("192.0.2.1");
            case "freeze", "thaw" -> TestZones.request(zone).updateKeyName("bindy-operator");
            default -> TestZones.request(zone);
        };
        assertThat(fx.zones.create(request.build()).isSuccess()).isTrue();
        if (verb.equals("thaw")) {
            assertThat(fx.zones.freeze(zone).isSuccess()).isTrue();
        }
        return zone;
    }

    static String padded(String json, int size) {
        StringBuilder sb = new StringBuilder(json.strip());
        sb.setLength(sb.length() - 1);
        sb.append(",\"padding\":\"");
        while (sb.length() < size - 2) {
            sb.append('x');
        }
        return sb.append("\"}").toString();
    }

    // ---------------------------------------------------------------- behaviour beyond the table

    @Test
    void everyRequestWritesOneAccessEventWithTheRouteTemplateAndNeverTheToken() {
        String zone = existingZone();
        String id = "access-" + newZone();
        try (var log = new LogCapture("dev.bindsmith.http.access")) {
            send(call("GET", "/api/v1/zones/" + zone + "/status").header("X-Request-Id", id));
            var events = log.events().stream()
                    .filter(e -> id.equals(LogCapture.keyValues(e).get("requestId")))
                    .toList();
            assertThat(events).hasSize(1);
            Map<String, Object> line = LogCapture.keyValues(events.getFirst());
            assertThat(line)
                    .containsEntry("method", "GET")
                    .containsEntry("route", "/api/v1/zones/{name}/status")
                    .containsEntry("status", 200)
                    .containsKeys("durationMs", "client");
            assertThat(line.get("durationMs")).isInstanceOf(Double.class);
            assertThat(events.getFirst().getMDCPropertyMap()).containsEntry("requestId", id);
            String all = events.getFirst().getFormattedMessage() + line;
            assertThat(all).doesNotContain(TOKEN).doesNotContain(zone);
        }
    }

    @Test
    void anUnknownFieldIsLoggedAsAnArgumentNeverInTheMessagePattern() {
        String id = "fields-" + newZone();
        try (var log = new LogCapture("dev.bindsmith.http")) {
            // the JSON name "x\nSEVERE: forged" holds a real newline once decoded
            String body = createBody(newZone()).replaceFirst("\\{", "{\"x\\\\nSEVERE: forged\":1,");
            var r = send(
                    call("POST", "/api/v1/zones").header("X-Request-Id", id).json(body));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            var ignored = log.events().stream()
                    .filter(e -> e.getMessage().contains("ignored unknown fields"))
                    .filter(e -> id.equals(e.getMDCPropertyMap().get("requestId")))
                    .toList();
            assertThat(ignored).singleElement().satisfies(e -> {
                assertThat(e.getMessage()).doesNotContain("forged");
                assertThat(e.getFormattedMessage()).contains("x\nSEVERE: forged");
                assertThat(LogCapture.keyValues(e)).containsEntry("ignoredFields", List.of("x\nSEVERE: forged"));
            });
        }
    }

    @Test
    void anUnexpectedExceptionIsLoggedWithTheRequestIdAndAnsweredGenerically() {
        fx.store.explode(true);
        String id = "boom-" + newZone();
        try (var log = new LogCapture("dev.bindsmith.http")) {
            var r = send(call("GET", "/api/v1/zones").header("X-Request-Id", id));
            assertEnvelope(r, 500, "INTERNAL_ERROR");
            assertThat(log.events()).anySatisfy(e -> {
                assertThat(e.getFormattedMessage()).contains(id);
                assertThat(e.getThrowableProxy().getMessage()).contains("boom");
            });
        }
    }

    @Test
    void aRequestIdIsEchoedWhenSaneAndGeneratedOtherwise() {
        var echoed = send(call("GET", "/api/v1/zones/" + newZone()).header("X-Request-Id", "abc-123"));
        assertThat(echoed.header("X-Request-Id")).hasValue("abc-123");
        assertThat(echoed.json().path("requestId").asText()).isEqualTo("abc-123");
        var replaced = send(call("GET", "/api/v1/health").header("X-Request-Id", "bad id\";"));
        assertThat(replaced.header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
    }

    @Test
    void healthReadinessMetricsAndTheDescriptionNeedNoTokenAndAreNotRateLimited() {
        fx.clock.advance(CachedCheck.DEFAULT_TTL); // past a failed readiness another test left in the cache
        String ip = fx.freshClient();
        for (int i = 0; i < ApiFixture.BURST * 2; i++) {
            for (String path : List.of("/api/v1/health", "/api/v1/ready", "/metrics", "/api/v1/openapi.yaml")) {
                var r = send(new Exchange.Request("GET", path).client(ip));
                assertThat(r.status()).as("%s %s", path, r).isEqualTo(200);
                assertThat(r.header("RateLimit")).isEmpty();
            }
        }
    }

    @Test
    void everyLimitedResponseCarriesRateLimitHeaders() {
        var r = send(call("GET", "/api/v1/zones"));
        assertThat(r.header("RateLimit-Policy")).hasValue("\"default\";q=100;w=60;burst=10");
        assertThat(r.header("RateLimit")).hasValue("\"default\";r=9;t=1");
    }

    @Test
    void anUnauthenticatedRequestOverTheLimitGets429BecauseTheLimitIsJudgedFirst() {
        var r = exhausted("GET", "/api/v1/zones").without("Authorization");
        assertRateLimited(send(r));
    }

    @Test
    void aTokenThatIsNotYetExpiredIsAccepted() {
        assertThat(send(call("GET", "/api/v1/zones").token(ApiFixture.FUTURE_TOKEN))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void expiredTokenIsRejectedWithItsReason() {
        var r = send(call("GET", "/api/v1/zones").token(EXPIRED_TOKEN));
        assertUnauthorized(r, "TOKEN_EXPIRED");
        assertThat(r.json().path("details").asText()).isEqualTo("Expired Bearer token");
    }

    @Test
    void bindysExactCreateRequestWorksUnchangedWithoutNameServerIpsAndWithUnknownFields() {
        String zone = newZone();
        String body = """
                {"zoneName":"%s","zoneType":"primary","updateKeyName":"bindy-operator",
                 "zoneConfig":{"ttl":3600,"soa":{"primaryNs":"ns1.%s.","adminEmail":"admin.%s.","serial":2026112101,
                   "refresh":3600,"retry":600,"expire":604800,"negativeTtl":86400},
                   "nameServers":["ns1.example.net."],"records":[],"alsoNotify":["192.0.2.10:5353","[2001:db8::10]:5353"],
                   "allowTransfer":["192.0.2.10"],"futureField":{"x":1}},"another_unknown":true}
                """.formatted(zone, zone, zone);
        var r = send(call("POST", "/api/v1/zones").json(body));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
    }

    @Test
    void aCharsetParameterIsAcceptedOnTheJsonMediaType() {
        var r = send(call("POST", "/api/v1/zones").body("application/json; charset=utf-8", createBody(newZone())));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
    }

    @Test
    void metricsAreLabelledByRouteTemplateNeverByRawPath() {
        String zone = existingZone();
        send(call("GET", "/api/v1/zones/" + zone));
        send(call("GET", "/no/such/" + zone));
        var r = send(new Exchange.Request("GET", "/metrics"));
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
        assertThat(r.body())
                .contains("bindsmith_http_requests_total{method=\"GET\",route=\"/api/v1/zones/{name}\",status=\"200\"}")
                .contains("route=\"<unmatched>\"")
                .contains("bindsmith_rate_limit_decisions_total{decision=\"allowed\"}")
                .contains("bindsmith_zones_managed ")
                .contains("jvm_memory_used_bytes")
                .contains("process_cpu_seconds_total")
                .doesNotContain(zone);
    }

    @Test
    void theZoneListWithoutLimitOrCursorKeepsTheReferenceShapeAndHasNoCursor() {
        String zone = existingZone();

        JsonNode body = send(call("GET", "/api/v1/zones")).json();

        assertThat(body.path("zones").isArray()).isTrue();
        assertThat(body.path("count").asInt()).isEqualTo(body.path("zones").size());
        assertThat(body.toString()).contains("\"" + zone + "\"");
        assertThat(body.has("nextCursor")).isFalse();
    }

    @Test
    void theZoneListIsPagedWithLimitAndCursorInNameOrder() {
        for (int i = 0; i < 5; i++) {
            existingZone();
        }
        List<String> all = new ArrayList<>();
        send(call("GET", "/api/v1/zones")).json().path("zones").forEach(n -> all.add(n.asText()));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var r = send(call("GET", "/api/v1/zones?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.path("count").asInt())
                    .isLessThanOrEqualTo(2)
                    .isEqualTo(body.path("zones").size());
            body.path("zones").forEach(n -> paged.add(n.asText()));
            cursor = body.has("nextCursor") ? body.path("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);

        assertThat(paged).isEqualTo(all);
        assertThat(pages).as("no empty last page").isEqualTo((all.size() + 1) / 2);
    }

    @Test
    void aZoneListWithABadLimitOrCursorIs400NamingIt() {
        JsonNode body =
                assertEnvelope(send(call("GET", "/api/v1/zones?limit=abc&cursor=%21")), 400, "VALIDATION_FAILED");

        assertThat(body.path("violations").findValuesAsText("field")).containsExactly("limit", "cursor");
    }

    @Test
    void theReconcileReportsWhatItFoundAndTheLastReportCanBeReadAgain() {
        fx.memory.leaveFile(
                dev.bindsmith.testing.builders.TestZones.spec("orphan.example").build());
        assertThat(send(call("GET", "/api/v1/server/reconcile"))
                        .json()
                        .path("ran")
                        .asBoolean())
                .isFalse();

        var r = send(call("POST", "/api/v1/server/reconcile?setAside=true"));

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("ran").asBoolean()).isTrue();
        assertThat(body.path("full").asBoolean()).isTrue();
        assertThat(body.path("findings").findValuesAsText("zone")).contains("orphan.example");
        assertThat(body.path("findings").findValuesAsText("action")).contains("set_aside");
        assertThat(send(call("GET", "/api/v1/server/reconcile"))
                        .json()
                        .path("checked")
                        .asInt())
                .isEqualTo(body.path("checked").asInt());
        assertEnvelope(send(call("POST", "/api/v1/server/reconcile?setAside=maybe")), 400, "VALIDATION_FAILED");
    }

    @Test
    void theDescriptionIsServedFromTheDocsCopy() {
        var r = send(new Exchange.Request("GET", "/api/v1/openapi.yaml"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).startsWith("openapi: 3").contains("/api/v1/zones/{name}/retransfer:");
    }

    @Test
    void aMissingContentTypeOnABodyRouteIs415() {
        var r = send(call("POST", "/api/v1/zones"));
        JsonNode body = assertEnvelope(r, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(body.path("received").asText()).isEqualTo("none");
    }

    @Test
    void anEmptyJsonBodyIsInvalidJson() {
        var r = send(call("POST", "/api/v1/zones").json(""));
        assertEnvelope(r, 400, "INVALID_JSON");
    }

    @Test
    void aRequestThatIsNotAnObjectNamesTheBody() {
        var r = send(call("POST", "/api/v1/zones").json("[1,2]"));
        JsonNode body = assertEnvelope(r, 400, "VALIDATION_FAILED");
        assertThat(body.path("violations").findValuesAsText("field")).contains("body");
    }
}
