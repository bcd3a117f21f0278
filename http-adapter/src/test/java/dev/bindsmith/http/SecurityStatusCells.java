package dev.bindsmith.http;

import static dev.bindsmith.http.HttpApiContract.assertEnvelope;
import static dev.bindsmith.http.HttpApiContract.assertRateLimited;
import static dev.bindsmith.http.HttpApiContract.assertShuttingDown;
import static dev.bindsmith.http.HttpApiContract.assertUnauthorized;
import static dev.bindsmith.http.HttpApiContract.createBody;
import static dev.bindsmith.http.HttpApiContract.newZone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The status codes issue 14 adds, as cells of {@link HttpApiContract#statusCodeTable}, for every
 * protected endpoint: 403 {@code IP_NOT_ALLOWED} (a token used outside its {@code allowFrom}), 404 for a
 * zone outside the token's scope (nothing changed), 403 {@code INSUFFICIENT_SCOPE} for a change the
 * token may not make, 409 {@code IDEMPOTENCY_CONFLICT} for a key used again with another request; and
 * the audit route's own cells. {@link #EXPECTED} lists them for the coverage check.
 */
final class SecurityStatusCells {

    /** One protected endpoint and how to call it on a zone ({@code null} for the routes without one). */
    record Endpoint(
            String method,
            String template,
            boolean change,
            BiFunction<HttpApiContract, String, Exchange.Request> call) {
        String name() {
            return method + " " + template;
        }

        boolean zoned() {
            return template.contains("{name}");
        }
    }

    private static final String RECORD = "{\"name\":\"sec\",\"type\":\"A\",\"value\":\"192.0.2.44\"}";

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/zones", false, (t, z) -> t.call("GET", "/api/v1/zones")),
            new Endpoint(
                    "POST",
                    "/api/v1/zones",
                    true,
                    (t, z) -> t.call("POST", "/api/v1/zones").json(createBody(z))),
            new Endpoint("GET", "/api/v1/zones/{name}", false, (t, z) -> t.call("GET", "/api/v1/zones/" + z)),
            new Endpoint(
                    "GET",
                    "/api/v1/zones/{name}/status",
                    false,
                    (t, z) -> t.call("GET", "/api/v1/zones/" + z + "/status")),
            new Endpoint("DELETE", "/api/v1/zones/{name}", true, (t, z) -> t.call("DELETE", "/api/v1/zones/" + z)),
            new Endpoint(
                    "PATCH",
                    "/api/v1/zones/{name}",
                    true,
                    (t, z) -> t.call("PATCH", "/api/v1/zones/" + z).json("{\"allowTransfer\":[\"192.0.2.9\"]}")),
            command("reload"),
            command("freeze"),
            command("thaw"),
            command("notify"),
            command("retransfer"),
            new Endpoint(
                    "GET",
                    "/api/v1/zones/{name}/records",
                    false,
                    (t, z) -> t.call("GET", "/api/v1/zones/" + z + "/records")),
            new Endpoint(
                    "POST",
                    "/api/v1/zones/{name}/records",
                    true,
                    (t, z) -> t.call("POST", "/api/v1/zones/" + z + "/records").json(RECORD)),
            new Endpoint(
                    "PUT",
                    "/api/v1/zones/{name}/records",
                    true,
                    (t, z) -> t.call("PUT", "/api/v1/zones/" + z + "/records")
                            .json("{\"name\":\"www\",\"type\":\"A\",\"currentValue\":\"192.0.2.1\","
                                    + "\"newValue\":\"192.0.2.2\"}")),
            new Endpoint(
                    "DELETE",
                    "/api/v1/zones/{name}/records",
                    true,
                    (t, z) -> t.call("DELETE", "/api/v1/zones/" + z + "/records")
                            .json("{\"name\":\"www\",\"type\":\"A\",\"value\":\"192.0.2.1\"}")),
            new Endpoint(
                    "PATCH",
                    "/api/v1/zones/{name}/records",
                    true,
                    (t, z) -> t.call("PATCH", "/api/v1/zones/" + z + "/records")
                            .json("{\"changes\":[{\"op\":\"add\"," + RECORD.substring(1) + "]}")),
            new Endpoint("GET", "/api/v1/server/status", false, (t, z) -> t.call("GET", "/api/v1/server/status")),
            new Endpoint("POST", "/api/v1/server/reload", true, (t, z) -> t.call("POST", "/api/v1/server/reload")),
            new Endpoint("GET", "/api/v1/audit", false, (t, z) -> t.call("GET", "/api/v1/audit")),
            new Endpoint("GET", "/api/v1/catalog", false, (t, z) -> t.call("GET", "/api/v1/catalog")),
            new Endpoint(
                    "POST", "/api/v1/catalog/reconcile", true, (t, z) -> t.call("POST", "/api/v1/catalog/reconcile")),
            new Endpoint(
                    "GET",
                    "/api/v1/zones/{name}/propagation",
                    false,
                    (t, z) -> t.call("GET", "/api/v1/zones/" + z + "/propagation")),
            new Endpoint(
                    "GET",
                    "/api/v1/zones/{name}/dnssec",
                    false,
                    (t, z) -> t.call("GET", "/api/v1/zones/" + z + "/dnssec")),
            new Endpoint(
                    "POST",
                    "/api/v1/zones/{name}/dnssec/rollover",
                    true,
                    (t, z) -> t.call("POST", "/api/v1/zones/" + z + "/dnssec/rollover")
                            .json("{\"keyTag\":1}")),
            new Endpoint(
                    "POST",
                    "/api/v1/zones/{name}/dnssec/checkds",
                    true,
                    (t, z) -> t.call("POST", "/api/v1/zones/" + z + "/dnssec/checkds")
                            .json("{\"state\":\"published\"}")));

    /** The routes that act on the server as a whole, which need an admin token. */
    private static boolean serverWide(Endpoint e) {
        return e.template().startsWith("/api/v1/server") || e.template().startsWith("/api/v1/catalog");
    }

    private static Endpoint command(String verb) {
        return new Endpoint(
                "POST",
                "/api/v1/zones/{name}/" + verb,
                true,
                (t, z) -> t.call("POST", "/api/v1/zones/" + z + "/" + verb));
    }

    /** Every cell this class adds, by the name the coverage check looks for. */
    static final List<String> EXPECTED = expected();

    private static List<String> expected() {
        List<String> names = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            names.add(e.name() + " → 403 (IP_NOT_ALLOWED)");
            if (e.zoned()) {
                names.add(e.name() + " → 404 (zone outside the token's scope)");
            }
            if (e.change()) {
                names.add(e.name() + " → 403 (INSUFFICIENT_SCOPE)");
                names.add(e.name() + " → 409 (IDEMPOTENCY_CONFLICT)");
            }
        }
        names.addAll(List.of(
                "GET /api/v1/server/status → 403 (INSUFFICIENT_SCOPE: a token limited to some zones)",
                "GET /api/v1/zones → 200 (only the zones of the token's scope)",
                "GET /api/v1/zones → 401 (TOKEN_EXPIRED)",
                "POST /api/v1/zones → 201 (replayed for the same Idempotency-Key)",
                "POST /api/v1/zones/{name}/records → 403 (INSUFFICIENT_SCOPE: a record type the token lacks)",
                "PATCH /api/v1/zones/{name}/records → 403 (INSUFFICIENT_SCOPE: a change set crossing the scope)",
                "GET /api/v1/audit → 200",
                "GET /api/v1/audit → 400",
                "GET /api/v1/audit → 401",
                "GET /api/v1/audit → 429",
                "GET /api/v1/audit → 503"));
        return List.copyOf(names);
    }

    private SecurityStatusCells() {}

    private static Arguments cell(String name, HttpApiContract.Scenario scenario) {
        return Arguments.of(name, scenario);
    }

    /** A zone the endpoint's change applies to (a dynamic one with www A 192.0.2.1, frozen for thaw …). */
    private static String zoneFor(HttpApiContract t, Endpoint e) {
        if (e.template().endsWith("/records")) {
            return RecordStatusCells.dynamicZone(t);
        }
        for (String verb : List.of("reload", "freeze", "thaw", "notify", "retransfer")) {
            if (e.template().endsWith("/" + verb)) {
                return t.zoneFor(verb);
            }
        }
        return t.existingZone();
    }

    static void addTo(List<Arguments> cells) {
        for (Endpoint e : ENDPOINTS) {
            cells.add(cell(e.name() + " → 403 (IP_NOT_ALLOWED)", t -> {
                String client = t.fx.freshClient();
                String zone = e.name().startsWith("POST /api/v1/zones") && !e.zoned() ? newZone() : zoneFor(t, e);
                var r = t.send(
                        e.call().apply(t, zone).token(ApiFixture.NETWORK_TOKEN).client(client));
                JsonNode body = assertEnvelope403(r, "IP_NOT_ALLOWED");
                assertThat(body.path("details").path("detectedAddress").asText())
                        .isEqualTo(client);
            }));
            if (e.zoned()) {
                cells.add(cell(e.name() + " → 404 (zone outside the token's scope)", t -> {
                    String zone = zoneFor(t, e);
                    String before = t.fx.memory.masterFile(ZoneName.of(zone)).orElse("");
                    var r = t.send(e.call().apply(t, zone).token(ApiFixture.ELSEWHERE_TOKEN));
                    JsonNode body = assertEnvelope(r, 404, "ZONE_NOT_FOUND");
                    assertThat(body.path("details").asText()).isEqualTo("No zone named '" + zone + "' exists");
                    assertThat(t.fx.control.serves(ZoneName.of(zone))).isTrue();
                    assertThat(t.fx.memory.masterFile(ZoneName.of(zone)).orElse(""))
                            .isEqualTo(before);
                }));
            }
            if (e.change()) {
                cells.add(cell(e.name() + " → 403 (INSUFFICIENT_SCOPE)", t -> {
                    String zone = e.zoned() ? zoneFor(t, e) : newZone();
                    var r = t.send(e.call().apply(t, zone).token(ApiFixture.READ_TOKEN));
                    JsonNode body = assertEnvelope403(r, "INSUFFICIENT_SCOPE");
                    JsonNode required = body.path("details").path("required");
                    assertThat(required.path("access").asText()).isEqualTo(serverWide(e) ? "admin" : "write");
                    if (!serverWide(e)) {
                        assertThat(required.path("zone").asText()).isEqualTo(zone);
                    }
                    assertThat(body.path("details")
                                    .path("granted")
                                    .path("access")
                                    .asText())
                            .isEqualTo("read");
                    assertThat(body.path("details")
                                    .path("granted")
                                    .path("zones")
                                    .toString())
                            .isEqualTo("[\"*.example.com\"]");
                }));
                cells.add(cell(e.name() + " → 409 (IDEMPOTENCY_CONFLICT)", t -> {
                    String key = "conflict-" + newZone();
                    String zone = e.zoned() ? zoneFor(t, e) : newZone();
                    t.send(e.call().apply(t, zone).header("Idempotency-Key", key));
                    String other = e.zoned() ? zoneFor(t, e) : newZone();
                    var r = t.send(e.call().apply(t, other).header("Idempotency-Key", key));
                    if (!e.zoned() && serverWide(e)) {
                        // one path, no body: the same request again is a replay, another query is another request
                        r = t.send(t.call("POST", e.template() + "?x=1").header("Idempotency-Key", key));
                    }
                    JsonNode body = assertEnvelope(r, 409, "IDEMPOTENCY_CONFLICT");
                    assertThat(body.path("key").asText()).isEqualTo(key);
                }));
            }
        }

        cells.add(cell("GET /api/v1/server/status → 403 (INSUFFICIENT_SCOPE: a token limited to some zones)", t -> {
            var r = t.send(t.call("GET", "/api/v1/server/status").token(ApiFixture.READ_TOKEN));
            JsonNode body = assertEnvelope403(r, "INSUFFICIENT_SCOPE");
            assertThat(body.path("details").path("required").path("zones").toString())
                    .isEqualTo("[\"*\"]");
        }));
        cells.add(cell("GET /api/v1/zones → 200 (only the zones of the token's scope)", t -> {
            t.existingZone();
            var everything = t.send(t.call("GET", "/api/v1/zones")).json();
            var scoped = t.send(t.call("GET", "/api/v1/zones").token(ApiFixture.ELSEWHERE_TOKEN));
            assertThat(scoped.status()).isEqualTo(200);
            assertThat(everything.path("count").asInt()).isPositive();
            assertThat(scoped.json().path("zones")).isEmpty();
            assertThat(scoped.json().path("count").asInt()).isZero();
        }));
        cells.add(cell(
                "GET /api/v1/zones → 401 (TOKEN_EXPIRED)",
                t -> assertUnauthorized(
                        t.send(t.call("GET", "/api/v1/zones").token(ApiFixture.EXPIRED_SCOPED_TOKEN)),
                        "TOKEN_EXPIRED")));
        cells.add(cell("POST /api/v1/zones → 201 (replayed for the same Idempotency-Key)", t -> {
            String zone = newZone();
            String key = "create-" + zone;
            var first = t.send(
                    t.call("POST", "/api/v1/zones").json(createBody(zone)).header("Idempotency-Key", key));
            var again = t.send(
                    t.call("POST", "/api/v1/zones").json(createBody(zone)).header("Idempotency-Key", key));
            assertThat(first.status()).as("%s", first).isEqualTo(201);
            assertThat(first.header("Idempotent-Replayed")).isEmpty();
            assertThat(again.status()).as("the repeat is not a 409: %s", again).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).hasValue("true");
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.header("Location")).isEqualTo(first.header("Location"));
            assertThat(again.header("X-Request-Id")).isEqualTo(first.header("X-Request-Id"));
            var plain = t.send(t.call("POST", "/api/v1/zones").json(createBody(zone)));
            assertThat(plain.status()).as("without the key it is a new request").isEqualTo(409);
        }));
        cells.add(cell(
                "POST /api/v1/zones/{name}/records → 403 (INSUFFICIENT_SCOPE: a record type the token lacks)", t -> {
                    String zone = RecordStatusCells.dynamicZone(t);
                    var r = t.send(t.call("POST", RecordStatusCells.path(zone))
                            .token(ApiFixture.A_TXT_TOKEN)
                            .json("{\"name\":\"@\",\"type\":\"MX\",\"value\":\"mail.example.net.\",\"priority\":10}"));
                    JsonNode body = assertEnvelope403(r, "INSUFFICIENT_SCOPE");
                    assertThat(body.path("details")
                                    .path("required")
                                    .path("recordTypes")
                                    .toString())
                            .isEqualTo("[\"MX\"]");
                    assertThat(body.path("details")
                                    .path("granted")
                                    .path("recordTypes")
                                    .toString())
                            .isEqualTo("[\"A\",\"TXT\"]");
                    assertThat(RecordStatusCells.served(t, zone, zone, RecordType.MX))
                            .isEmpty();
                }));
        cells.add(cell(
                "PATCH /api/v1/zones/{name}/records → 403 (INSUFFICIENT_SCOPE: a change set crossing the scope)", t -> {
                    String zone = RecordStatusCells.dynamicZone(t);
                    var r = t.send(t.call("PATCH", RecordStatusCells.path(zone))
                            .token(ApiFixture.A_TXT_TOKEN)
                            .json("""
                                    {"changes": [
                                      {"op": "add", "name": "ok", "type": "A", "value": "192.0.2.50"},
                                      {"op": "remove", "name": "www", "type": "A", "value": "192.0.2.1"},
                                      {"op": "add", "name": "@", "type": "MX", "value": "mx.example.net.", "priority": 5}]}
                                    """));
                    assertEnvelope403(r, "INSUFFICIENT_SCOPE");
                    // nothing of the set was applied, not even the changes the token could make
                    assertThat(RecordStatusCells.served(t, zone, "ok." + zone, RecordType.A))
                            .isEmpty();
                    assertThat(RecordStatusCells.served(t, zone, "www." + zone, RecordType.A))
                            .hasSize(1);
                }));

        // GET /api/v1/audit
        cells.add(cell("GET /api/v1/audit → 200", t -> {
            String zone = t.existingZone();
            t.send(t.call("POST", "/api/v1/zones/" + zone + "/notify"));
            var r = t.send(t.call("GET", "/api/v1/audit?zone=" + zone));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            JsonNode entry = r.json().path("entries").get(0);
            assertThat(entry.path("operation").asText()).isEqualTo("zone.notify");
            assertThat(entry.path("token").asText()).isEqualTo("BIND_API_TOKEN");
            assertThat(entry.path("zone").asText()).isEqualTo(zone);
            assertThat(entry.path("outcome").path("status").asInt()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(ApiFixture.TOKEN);
        }));
        cells.add(cell(
                "GET /api/v1/audit → 400",
                t -> assertEnvelope(t.send(t.call("GET", "/api/v1/audit?since=yesterday")), 400, "VALIDATION_FAILED")));
        cells.add(cell(
                "GET /api/v1/audit → 401",
                t -> assertUnauthorized(
                        t.send(t.call("GET", "/api/v1/audit").without("Authorization")), "AUTH_REQUIRED")));
        cells.add(cell("GET /api/v1/audit → 429", t -> assertRateLimited(t.send(t.exhausted("GET", "/api/v1/audit")))));
        cells.add(cell(
                "GET /api/v1/audit → 503",
                t -> assertShuttingDown(t.whileShuttingDown(t.call("GET", "/api/v1/audit")))));
    }

    private static JsonNode assertEnvelope403(Exchange.Response r, String code) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(403);
        JsonNode body = r.json();
        assertThat(body.path("code").asText()).as("%s", r.body()).isEqualTo(code);
        assertThat(body.path("error").asText()).isNotBlank();
        assertThat(body.path("details").isObject())
                .as("details in %s", r.body())
                .isTrue();
        assertThat(body.path("requestId").asText())
                .isEqualTo(r.header("X-Request-Id").orElseThrow());
        return body;
    }
}
