package dev.bindsmith.http;

import static dev.bindsmith.http.HttpApiContract.assertEnvelope;
import static dev.bindsmith.http.HttpApiContract.assertRateLimited;
import static dev.bindsmith.http.HttpApiContract.assertShuttingDown;
import static dev.bindsmith.http.HttpApiContract.assertUnauthorized;
import static dev.bindsmith.http.HttpApiContract.newZone;
import static dev.bindsmith.http.HttpApiContract.padded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.TestZones;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The records rows of the spec's status-code table (POST, PUT and DELETE
 * {@code /api/v1/zones/{name}/records}, every success and error code), plus the change-set (PATCH)
 * and listing (GET) routes, as cells of {@link HttpApiContract#statusCodeTable}.
 */
final class RecordStatusCells {
    private static final String POST = "POST /api/v1/zones/{name}/records";
    private static final String PUT = "PUT /api/v1/zones/{name}/records";
    private static final String DELETE = "DELETE /api/v1/zones/{name}/records";

    private RecordStatusCells() {}

    /** A zone that accepts updates signed with {@code update-key}, with {@code www A 192.0.2.1}. */
    static String dynamicZone(HttpApiContract t) {
        String zone = newZone();
        Outcomes.created(t.fx.zones.create(TestZones.request(zone)
                .updateKeyName("update-key")
                .withRecord(TestZones.record("www", "A", "192.0.2.1", 300))
                .build()));
        return zone;
    }

    static String path(String zone) {
        return "/api/v1/zones/" + zone + "/records";
    }

    static List<Record> served(HttpApiContract t, String zone, String owner, RecordType type) {
        return Outcomes.ok(t.fx.recordStore.read(ZoneName.of(zone))).stream()
                .filter(r -> r.owner().value().equals(owner) && r.type() == type)
                .toList();
    }

    private static Arguments cell(String name, HttpApiContract.Scenario scenario) {
        return Arguments.of(name, scenario);
    }

    static void addTo(List<Arguments> cells) {
        // POST /api/v1/zones/{name}/records
        cells.add(cell(POST + " → 201", t -> {
            String zone = dynamicZone(t);
            var r = t.send(t.call("POST", path(zone))
                    .json("{\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.10\",\"ttl\":600}"));
            assertThat(r.status()).as("%s", r).isEqualTo(201);
            // the service names the location relative to the API root; the adapter may make it absolute
            assertThat(r.header("Location"))
                    .hasValueSatisfying(location -> assertThat(java.net
                                    .URI
                                    .create("/api/v1/")
                                    .resolve(location)
                                    .getPath())
                            .isEqualTo(path(zone)));
            JsonNode body = r.json();
            assertThat(body.path("success").asBoolean()).isTrue();
            assertThat(body.path("message").asText()).isEqualTo("Record added to zone " + zone);
            assertThat(body.path("details").path("zone").asText()).isEqualTo(zone);
            assertThat(body.path("details").path("record").path("name").asText())
                    .isEqualTo("api");
            assertThat(body.path("details").path("record").path("value").asText())
                    .isEqualTo("192.0.2.10");
            assertThat(body.path("details").path("record").path("ttl").asLong()).isEqualTo(600);
            assertThat(served(t, zone, "api." + zone, RecordType.A)).hasSize(1);
        }));
        cells.add(cell(POST + " → 400 (record data that does not parse)", t -> {
            String zone = dynamicZone(t);
            JsonNode body = assertEnvelope(
                    t.send(t.call("POST", path(zone))
                            .json("{\"name\":\"api\",\"type\":\"A\",\"value\":\"not-an-address\"}")),
                    400,
                    "VALIDATION_FAILED");
            assertThat(body.path("violations").findValuesAsText("field")).contains("value");
            assertThat(served(t, zone, "api." + zone, RecordType.A)).isEmpty();
        }));
        cells.add(cell(POST + " → 400 (wrong field types, all named)", t -> {
            JsonNode body = assertEnvelope(
                    t.send(t.call("POST", path(dynamicZone(t)))
                            .json("{\"name\":\"api\",\"type\":\"A\",\"value\":1,\"ttl\":\"x\"}")),
                    400,
                    "VALIDATION_FAILED");
            assertThat(body.path("violations").findValuesAsText("field")).contains("value", "ttl");
        }));
        cells.add(cell(POST + " → 400 (name outside the zone)", t -> {
            String zone = dynamicZone(t);
            assertEnvelope(
                    t.send(t.call("POST", path(zone))
                            .json("{\"name\":\"www.example.org.\",\"type\":\"A\",\"value\":\"192.0.2.1\"}")),
                    400,
                    "VALIDATION_FAILED");
        }));
        cells.add(cell(POST + " → 400 (zone without allow-update)", t -> {
            String zone = t.existingZone();
            JsonNode body = assertEnvelope(
                    t.send(t.call("POST", path(zone))
                            .json("{\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.10\"}")),
                    400,
                    "ZONE_NOT_DYNAMIC");
            assertThat(body.path("error").asText()).isEqualTo("Zone does not support dynamic updates");
        }));
        cells.add(cell(
                POST + " → 400 (invalid zone name)",
                t -> assertEnvelope(
                        t.send(t.call("POST", path("bad..zone"))
                                .json("{\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.10\"}")),
                        400,
                        "INVALID_ZONE_NAME")));
        cells.add(cell(
                POST + " → 401",
                t -> assertUnauthorized(
                        t.send(t.call("POST", path(dynamicZone(t)))
                                .without("Authorization")
                                .json("{\"name\":\"a\",\"type\":\"A\",\"value\":\"192.0.2.1\"}")),
                        "AUTH_REQUIRED")));
        cells.add(cell(POST + " → 404", t -> {
            JsonNode body = assertEnvelope(
                    t.send(t.call("POST", path(newZone()))
                            .json("{\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.10\"}")),
                    404,
                    "ZONE_NOT_FOUND");
            assertThat(body.path("error").asText()).isEqualTo("Zone not found");
        }));
        cells.add(cell(
                POST + " → 413",
                t -> assertEnvelope(
                        t.send(t.call("POST", path(dynamicZone(t)))
                                .json(padded("{\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.10\"}", 5000))),
                        413,
                        "BODY_TOO_LARGE")));
        cells.add(cell(
                POST + " → 415",
                t -> assertEnvelope(
                        t.send(t.call("POST", path(dynamicZone(t))).body("text/plain", "name=api")),
                        415,
                        "UNSUPPORTED_MEDIA_TYPE")));
        cells.add(cell(POST + " → 422 (CNAME beside other data)", t -> {
            String zone = dynamicZone(t);
            JsonNode body = assertEnvelope(
                    t.send(t.call("POST", path(zone))
                            .json("{\"name\":\"www\",\"type\":\"CNAME\",\"value\":\"elsewhere.example.net.\"}")),
                    422,
                    "RECORD_CONFLICT");
            assertThat(body.path("details").asText()).contains("CNAME");
            assertThat(served(t, zone, "www." + zone, RecordType.CNAME)).isEmpty();
        }));
        cells.add(cell(
                POST + " → 422 (TTL out of range)",
                t -> assertEnvelope(
                        t.send(t.call("POST", path(dynamicZone(t)))
                                .json("{\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.10\",\"ttl\":4294967296}")),
                        422,
                        "RECORD_CONFLICT")));
        cells.add(cell(
                POST + " → 429",
                t -> assertRateLimited(t.send(t.exhausted("POST", path(newZone()))
                        .json("{\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.10\"}")))));
        cells.add(cell(POST + " → 500", t -> {
            String zone = dynamicZone(t);
            t.fx.control.refuse("update", "REFUSED");
            JsonNode body = assertEnvelope(
                    t.send(t.call("POST", path(zone))
                            .json("{\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.10\"}")),
                    500,
                    "BACKEND_REJECTED");
            assertThat(body.path("command").asText()).isEqualTo("update");
        }));
        cells.add(cell(
                POST + " → 503",
                t -> assertShuttingDown(t.whileShuttingDown(t.call("POST", path(newZone()))
                        .json("{\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.10\"}")))));

        // PUT /api/v1/zones/{name}/records
        String update = "{\"name\":\"www\",\"type\":\"A\",\"currentValue\":\"192.0.2.1\",\"newValue\":\"192.0.2.2\"}";
        cells.add(cell(PUT + " → 200", t -> {
            String zone = dynamicZone(t);
            var r = t.send(t.call("PUT", path(zone)).json(update));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.json().path("message").asText()).isEqualTo("Record updated in zone " + zone);
            assertThat(r.json()
                            .path("details")
                            .path("record")
                            .path("currentValue")
                            .asText())
                    .isEqualTo("192.0.2.1");
            assertThat(r.json().path("details").path("record").path("newValue").asText())
                    .isEqualTo("192.0.2.2");
            assertThat(served(t, zone, "www." + zone, RecordType.A))
                    .extracting(rec -> rec.data().presentation())
                    .containsExactly("192.0.2.2");
        }));
        cells.add(cell(PUT + " → 400 (missing values)", t -> {
            JsonNode body = assertEnvelope(
                    t.send(t.call("PUT", path(dynamicZone(t))).json("{\"name\":\"www\",\"type\":\"A\"}")),
                    400,
                    "VALIDATION_FAILED");
            assertThat(body.path("violations").findValuesAsText("field")).contains("currentValue", "newValue");
        }));
        cells.add(cell(
                PUT + " → 401",
                t -> assertUnauthorized(
                        t.send(t.call("PUT", path(dynamicZone(t)))
                                .header("Authorization", "Bearer wrong-token")
                                .json(update)),
                        "AUTH_FAILED")));
        cells.add(cell(
                PUT + " → 404 (zone)",
                t -> assertEnvelope(t.send(t.call("PUT", path(newZone())).json(update)), 404, "ZONE_NOT_FOUND")));
        cells.add(cell(PUT + " → 404 (record)", t -> {
            String zone = dynamicZone(t);
            JsonNode body = assertEnvelope(
                    t.send(t.call("PUT", path(zone)).json(update.replace("192.0.2.1", "192.0.2.99"))),
                    404,
                    "RECORD_NOT_FOUND");
            assertThat(body.path("error").asText()).isEqualTo("Record not found");
            assertThat(served(t, zone, "www." + zone, RecordType.A))
                    .extracting(rec -> rec.data().presentation())
                    .containsExactly("192.0.2.1");
        }));
        cells.add(cell(
                PUT + " → 422",
                t -> assertEnvelope(
                        t.send(t.call("PUT", path(dynamicZone(t))).json(update.replace("}", ",\"ttl\":4294967296}"))),
                        422,
                        "RECORD_CONFLICT")));
        cells.add(cell(
                PUT + " → 429",
                t -> assertRateLimited(
                        t.send(t.exhausted("PUT", path(newZone())).json(update)))));
        cells.add(cell(PUT + " → 500", t -> {
            String zone = dynamicZone(t);
            t.fx.control.unreachable(true);
            assertEnvelope(t.send(t.call("PUT", path(zone)).json(update)), 500, "BACKEND_UNREACHABLE");
        }));
        cells.add(cell(
                PUT + " → 503",
                t -> assertShuttingDown(
                        t.whileShuttingDown(t.call("PUT", path(newZone())).json(update)))));

        // DELETE /api/v1/zones/{name}/records (a body is required)
        String remove = "{\"name\":\"www\",\"type\":\"A\",\"value\":\"192.0.2.1\"}";
        cells.add(cell(DELETE + " → 200", t -> {
            String zone = dynamicZone(t);
            var r = t.send(t.call("DELETE", path(zone)).json(remove));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.json().path("message").asText()).isEqualTo("Record removed from zone " + zone);
            assertThat(r.json().path("details").path("record").path("value").asText())
                    .isEqualTo("192.0.2.1");
            assertThat(served(t, zone, "www." + zone, RecordType.A)).isEmpty();
        }));
        cells.add(cell(DELETE + " → 200 (whole RRset without value)", t -> {
            String zone = dynamicZone(t);
            var r = t.send(t.call("DELETE", path(zone)).json("{\"name\":\"www\",\"type\":\"A\"}"));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.json().path("details").path("record").path("value").isNull())
                    .isTrue();
            assertThat(served(t, zone, "www." + zone, RecordType.A)).isEmpty();
        }));
        cells.add(cell(
                DELETE + " → 400 (no body)",
                t -> assertEnvelope(
                        t.send(t.call("DELETE", path(dynamicZone(t))).json("")), 400, "INVALID_JSON")));
        cells.add(cell(
                DELETE + " → 401",
                t -> assertUnauthorized(
                        t.send(t.call("DELETE", path(dynamicZone(t)))
                                .without("Authorization")
                                .json(remove)),
                        "AUTH_REQUIRED")));
        cells.add(cell(
                DELETE + " → 404 (zone)",
                t -> assertEnvelope(t.send(t.call("DELETE", path(newZone())).json(remove)), 404, "ZONE_NOT_FOUND")));
        cells.add(cell(
                DELETE + " → 404 (record)",
                t -> assertEnvelope(
                        t.send(t.call("DELETE", path(dynamicZone(t))).json(remove.replace("192.0.2.1", "192.0.2.99"))),
                        404,
                        "RECORD_NOT_FOUND")));
        cells.add(cell(
                DELETE + " → 422 (apex NS)",
                t -> assertEnvelope(
                        t.send(t.call("DELETE", path(dynamicZone(t))).json("{\"name\":\"@\",\"type\":\"NS\"}")),
                        422,
                        "RECORD_CONFLICT")));
        cells.add(cell(
                DELETE + " → 429",
                t -> assertRateLimited(
                        t.send(t.exhausted("DELETE", path(newZone())).json(remove)))));
        cells.add(cell(DELETE + " → 500", t -> {
            String zone = dynamicZone(t);
            t.fx.control.refuse("update", "SERVFAIL");
            assertEnvelope(t.send(t.call("DELETE", path(zone)).json(remove)), 500, "BACKEND_REJECTED");
        }));
        cells.add(cell(
                DELETE + " → 503",
                t -> assertShuttingDown(
                        t.whileShuttingDown(t.call("DELETE", path(newZone())).json(remove)))));

        // PATCH (change set) and GET (listing): not in the spec's table, the issue's
        String changeSet = """
                {"changes":[
                  {"op":"add","name":"a1","type":"A","value":"192.0.2.31","ttl":300},
                  {"op":"update","name":"www","type":"A","currentValue":"192.0.2.1","newValue":"192.0.2.32"},
                  {"op":"remove","name":"www","type":"A","value":"192.0.2.32"}]}""";
        cells.add(cell("PATCH /api/v1/zones/{name}/records → 200", t -> {
            String zone = dynamicZone(t);
            var r = t.send(t.call("PATCH", path(zone)).json(changeSet));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.json().path("applied").asBoolean()).isTrue();
            assertThat(r.json().path("changes").findValuesAsText("operation"))
                    .containsExactly("added", "updated", "removed");
            assertThat(served(t, zone, "a1." + zone, RecordType.A)).hasSize(1);
            assertThat(served(t, zone, "www." + zone, RecordType.A)).isEmpty();
        }));
        cells.add(cell("PATCH /api/v1/zones/{name}/records → 200 (dry run)", t -> {
            String zone = dynamicZone(t);
            var r = t.send(t.call("PATCH", path(zone) + "?dryRun=true").json(changeSet));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.json().path("applied").asBoolean()).isFalse();
            assertThat(r.json().path("changes")).hasSize(3);
            assertThat(served(t, zone, "a1." + zone, RecordType.A)).isEmpty();
            assertThat(served(t, zone, "www." + zone, RecordType.A)).hasSize(1);
        }));
        cells.add(cell("PATCH /api/v1/zones/{name}/records → 404 (one operation, nothing applied)", t -> {
            String zone = dynamicZone(t);
            JsonNode body = assertEnvelope(
                    t.send(t.call("PATCH", path(zone))
                            .json(changeSet.replace("\"value\":\"192.0.2.32\"", "\"value\":\"192.0.2.99\""))),
                    404,
                    "RECORD_NOT_FOUND");
            assertThat(body.path("field").asText()).isEqualTo("changes[2]");
            assertThat(served(t, zone, "a1." + zone, RecordType.A)).isEmpty();
        }));
        cells.add(cell(
                "PATCH /api/v1/zones/{name}/records → 400 (unknown op)",
                t -> assertEnvelope(
                        t.send(t.call("PATCH", path(dynamicZone(t)))
                                .json("{\"changes\":[{\"op\":\"upsert\",\"name\":\"a\"}]}")),
                        400,
                        "VALIDATION_FAILED")));
        cells.add(cell("GET /api/v1/zones/{name}/records → 200 (filtered, paged)", t -> {
            String zone = dynamicZone(t);
            for (int i = 0; i < 3; i++) {
                t.fx.useCases.records().add(zone, TestZones.record("www", "A", "192.0.2.1" + i, 300));
            }
            var first = t.send(t.call("GET", path(zone) + "?name=www&type=A&limit=2"));
            assertThat(first.status()).as("%s", first).isEqualTo(200);
            assertThat(first.json().path("records")).hasSize(2);
            String cursor = first.json().path("nextCursor").asText();
            var second = t.send(t.call("GET", path(zone) + "?name=www&type=A&limit=2&cursor=" + cursor));
            assertThat(second.json().path("records")).hasSize(2);
            assertThat(second.json().has("nextCursor")).isFalse();
        }));
        cells.add(cell(
                "GET /api/v1/zones/{name}/records → 400 (bad limit)",
                t -> assertEnvelope(
                        t.send(t.call("GET", path(dynamicZone(t)) + "?limit=lots")), 400, "VALIDATION_FAILED")));
        cells.add(cell(
                "GET /api/v1/zones/{name}/records → 404",
                t -> assertEnvelope(t.send(t.call("GET", path(newZone()))), 404, "ZONE_NOT_FOUND")));
    }
}
