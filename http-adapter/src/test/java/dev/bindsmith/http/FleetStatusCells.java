package dev.bindsmith.http;

import static dev.bindsmith.http.HttpApiContract.assertEnvelope;
import static dev.bindsmith.http.HttpApiContract.assertRateLimited;
import static dev.bindsmith.http.HttpApiContract.assertShuttingDown;
import static dev.bindsmith.http.HttpApiContract.assertUnauthorized;
import static dev.bindsmith.http.HttpApiContract.newZone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.catalog.CatalogIds;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.TestZones;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The rows of the fleet's routes (catalog, propagation, DNSSEC) as cells of
 * {@link HttpApiContract#statusCodeTable}: every success and error code each route documents in
 * docs/api.md, over the fixture's in-memory catalog, scripted secondaries and DNSSEC.
 */
final class FleetStatusCells {
    static final String CATALOG = "GET /api/v1/catalog";
    static final String RECONCILE = "POST /api/v1/catalog/reconcile";
    static final String PROPAGATION = "GET /api/v1/zones/{name}/propagation";
    static final String DNSSEC = "GET /api/v1/zones/{name}/dnssec";
    static final String ROLLOVER = "POST /api/v1/zones/{name}/dnssec/rollover";
    static final String CHECKDS = "POST /api/v1/zones/{name}/dnssec/checkds";

    /** The status codes each fleet route answers (docs/api.md). */
    static final Map<String, List<Integer>> TABLE = Map.ofEntries(
            Map.entry(CATALOG, List.of(200, 400, 401, 404, 429, 500, 503)),
            Map.entry(RECONCILE, List.of(200, 401, 404, 429, 500, 503)),
            Map.entry(PROPAGATION, List.of(200, 400, 401, 404, 429, 500, 503)),
            Map.entry(DNSSEC, List.of(200, 400, 401, 404, 429, 500, 503)),
            Map.entry(ROLLOVER, List.of(200, 400, 401, 404, 415, 429, 500, 503)),
            Map.entry(CHECKDS, List.of(200, 400, 401, 404, 415, 429, 500, 503)));

    private FleetStatusCells() {}

    private static Arguments cell(String name, HttpApiContract.Scenario scenario) {
        return Arguments.of(name, scenario);
    }

    /** A zone the in-memory server signs with the policy {@code default}. */
    static String signedZone(HttpApiContract t) {
        String zone = newZone();
        Outcomes.created(t.fx.zones.create(
                TestZones.request(zone).dnssecPolicy("default").build()));
        return zone;
    }

    private static int firstKey(HttpApiContract t, String zone) {
        var r = t.send(t.call("GET", "/api/v1/zones/" + zone + "/dnssec"));
        return r.json().path("keys").get(0).path("tag").asInt();
    }

    static void addTo(List<Arguments> cells) {
        // GET /api/v1/catalog
        cells.add(cell(CATALOG + " → 200", t -> {
            String zone = t.existingZone();
            var r = t.send(t.call("GET", "/api/v1/catalog?limit=1000"));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.path("catalog").asText()).isEqualTo(ApiFixture.CATALOG.value());
            assertThat(body.path("serial").asLong()).isPositive();
            JsonNode member = null;
            for (JsonNode m : body.path("members")) {
                if (m.path("zone").asText().equals(zone)) {
                    member = m;
                }
            }
            assertThat(member).as("member %s in %s", zone, body).isNotNull();
            assertThat(member.path("id").asText()).isEqualTo(CatalogIds.of(ZoneName.of(zone)));
            assertThat(body.path("count").asInt())
                    .isEqualTo(body.path("members").size());
        }));
        cells.add(cell(CATALOG + " → 200 (paged)", t -> {
            t.existingZone();
            t.existingZone();
            var first = t.send(t.call("GET", "/api/v1/catalog?limit=1"));
            assertThat(first.json().path("members").size()).isEqualTo(1);
            String cursor = first.json().path("nextCursor").asText();
            var second = t.send(t.call("GET", "/api/v1/catalog?limit=1&cursor=" + cursor));
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.json().path("members").get(0).path("zone").asText())
                    .isGreaterThan(
                            first.json().path("members").get(0).path("zone").asText());
        }));
        cells.add(cell(CATALOG + " → 400 (bad cursor and limit)", t -> {
            JsonNode body = assertEnvelope(
                    t.send(t.call("GET", "/api/v1/catalog?limit=abc&cursor=%25%25")), 400, "VALIDATION_FAILED");
            assertThat(body.path("details").asText()).contains("limit").contains("cursor");
        }));
        cells.add(cell(
                CATALOG + " → 401",
                t -> assertUnauthorized(t.send(t.call("GET", "/api/v1/catalog").token("wrong")), "AUTH_FAILED")));
        cells.add(cell(CATALOG + " → 404 (no catalog configured)", t -> {
            var r = t.call("GET", "/api/v1/catalog").send(t.clientFor(t.fx.routingWithoutFleet()));
            assertEnvelope(r, 404, "CATALOG_NOT_CONFIGURED");
        }));
        cells.add(cell(CATALOG + " → 429", t -> assertRateLimited(t.send(t.exhausted("GET", "/api/v1/catalog")))));
        cells.add(cell(CATALOG + " → 500", t -> {
            t.fx.catalog.unreachable(true);
            assertEnvelope(t.send(t.call("GET", "/api/v1/catalog")), 500, "BACKEND_UNREACHABLE");
        }));
        cells.add(cell(
                CATALOG + " → 503", t -> assertShuttingDown(t.whileShuttingDown(t.call("GET", "/api/v1/catalog")))));

        // POST /api/v1/catalog/reconcile
        cells.add(cell(RECONCILE + " → 200", t -> {
            String zone = t.existingZone();
            Outcomes.ok(t.fx.catalog.apply(
                    List.of(new dev.bindsmith.core.port.CatalogEdit.Remove(dev.bindsmith.core.port.CatalogMember.of(
                            ZoneName.of(zone), CatalogIds.of(ZoneName.of(zone)), java.util.Optional.empty())))));
            var r = t.send(t.call("POST", "/api/v1/catalog/reconcile"));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.path("success").asBoolean()).isTrue();
            assertThat(body.path("added").toString()).contains("\"" + zone + "\"");
            assertThat(body.path("serialAfter").asLong())
                    .isGreaterThan(body.path("serialBefore").asLong());
            assertThat(t.fx.catalog.memberZones()).contains(ZoneName.of(zone));
        }));
        cells.add(cell(
                RECONCILE + " → 401",
                t -> assertUnauthorized(
                        t.send(t.call("POST", "/api/v1/catalog/reconcile").token("wrong")), "AUTH_FAILED")));
        cells.add(cell(RECONCILE + " → 404 (no catalog configured)", t -> {
            var r = t.call("POST", "/api/v1/catalog/reconcile").send(t.clientFor(t.fx.routingWithoutFleet()));
            assertEnvelope(r, 404, "CATALOG_NOT_CONFIGURED");
        }));
        cells.add(cell(
                RECONCILE + " → 429",
                t -> assertRateLimited(t.send(t.exhausted("POST", "/api/v1/catalog/reconcile")))));
        cells.add(cell(RECONCILE + " → 500", t -> {
            t.existingZone();
            t.fx.catalog.unreachable(true);
            assertEnvelope(t.send(t.call("POST", "/api/v1/catalog/reconcile")), 500, "BACKEND_UNREACHABLE");
        }));
        cells.add(cell(
                RECONCILE + " → 503",
                t -> assertShuttingDown(t.whileShuttingDown(t.call("POST", "/api/v1/catalog/reconcile")))));

        // GET /api/v1/zones/{name}/propagation
        cells.add(cell(PROPAGATION + " → 200", t -> {
            String zone = t.existingZone();
            t.fx.probe.serve(ApiFixture.SECONDARY_1, ZoneName.of(zone), 2026112101L);
            var r = t.send(t.call("GET", "/api/v1/zones/" + zone + "/propagation"));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.path("primarySerial").asLong()).isEqualTo(2026112101L);
            assertThat(body.path("inSync").asBoolean()).isFalse();
            assertThat(body.path("secondaries").get(0).path("state").asText()).isEqualTo("in-sync");
            assertThat(body.path("secondaries").get(1).path("state").asText()).isEqualTo("not-served");
        }));
        cells.add(cell(PROPAGATION + " → 200 (wait until in sync)", t -> {
            String zone = t.existingZone();
            ZoneName z = ZoneName.of(zone);
            t.fx.probe.serve(ApiFixture.SECONDARY_1, z, 2026112101L);
            t.fx.probe.script(
                    ApiFixture.SECONDARY_2,
                    z,
                    List.of(
                            dev.bindsmith.testing.memory.InMemorySoaProbe.served(ApiFixture.SECONDARY_2, 1),
                            dev.bindsmith.testing.memory.InMemorySoaProbe.served(ApiFixture.SECONDARY_2, 2026112101L)));
            var r = t.send(t.call("GET", "/api/v1/zones/" + zone + "/propagation?wait=10s"));
            assertThat(r.json().path("inSync").asBoolean()).as("%s", r.body()).isTrue();
            assertThat(r.json().path("waitedMs").asLong()).isEqualTo(100);
        }));
        cells.add(cell(PROPAGATION + " → 400 (bad wait)", t -> {
            JsonNode body = assertEnvelope(
                    t.send(t.call("GET", "/api/v1/zones/" + t.existingZone() + "/propagation?wait=forever")),
                    400,
                    "VALIDATION_FAILED");
            assertThat(body.path("details").asText()).contains("wait");
        }));
        cells.add(cell(
                PROPAGATION + " → 401",
                t -> assertUnauthorized(
                        t.send(t.call("GET", "/api/v1/zones/" + t.existingZone() + "/propagation")
                                .token("wrong")),
                        "AUTH_FAILED")));
        cells.add(cell(
                PROPAGATION + " → 404",
                t -> assertEnvelope(
                        t.send(t.call("GET", "/api/v1/zones/" + newZone() + "/propagation")), 404, "ZONE_NOT_FOUND")));
        cells.add(cell(PROPAGATION + " → 404 (no secondaries configured)", t -> {
            String zone = t.existingZone();
            var r = t.call("GET", "/api/v1/zones/" + zone + "/propagation")
                    .send(t.clientFor(t.fx.routingWithoutFleet()));
            assertEnvelope(r, 404, "SECONDARIES_NOT_CONFIGURED");
        }));
        cells.add(cell(
                PROPAGATION + " → 429",
                t -> assertRateLimited(t.send(t.exhausted("GET", "/api/v1/zones/" + newZone() + "/propagation")))));
        cells.add(cell(PROPAGATION + " → 500", t -> {
            String zone = t.existingZone();
            t.fx.control.refuse("zonestatus", "failure");
            assertEnvelope(t.send(t.call("GET", "/api/v1/zones/" + zone + "/propagation")), 500, "BACKEND_REJECTED");
        }));
        cells.add(cell(
                PROPAGATION + " → 503",
                t -> assertShuttingDown(
                        t.whileShuttingDown(t.call("GET", "/api/v1/zones/" + newZone() + "/propagation")))));

        // GET /api/v1/zones/{name}/dnssec
        cells.add(cell(DNSSEC + " → 200", t -> {
            String zone = signedZone(t);
            var r = t.send(t.call("GET", "/api/v1/zones/" + zone + "/dnssec"));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.path("signed").asBoolean()).isTrue();
            assertThat(body.path("policy").asText()).isEqualTo("default");
            JsonNode key = body.path("keys").get(0);
            assertThat(key.path("role").asText()).isEqualTo("CSK");
            assertThat(key.path("states").path("goal").asText()).isEqualTo("omnipresent");
            JsonNode ds = body.path("ds").get(0);
            assertThat(ds.path("keyTag").asInt()).isEqualTo(key.path("tag").asInt());
            assertThat(ds.path("record").asText())
                    .startsWith(zone + ". IN DS " + key.path("tag").asInt() + " 13 2 ");
        }));
        cells.add(cell(DNSSEC + " → 200 (unsigned)", t -> {
            var r = t.send(t.call("GET", "/api/v1/zones/" + t.existingZone() + "/dnssec"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("signed").asBoolean()).isFalse();
            assertThat(r.json().path("keys").size()).isZero();
        }));
        cells.add(cell(DNSSEC + " → 400 (backend does not sign)", t -> {
            String zone = t.existingZone();
            var r = t.call("GET", "/api/v1/zones/" + zone + "/dnssec").send(t.clientFor(t.fx.routingWithoutFleet()));
            JsonNode body = assertEnvelope(r, 400, "DNSSEC_NOT_SUPPORTED");
            assertThat(body.path("details").asText()).contains("BIND");
        }));
        cells.add(cell(
                DNSSEC + " → 401",
                t -> assertUnauthorized(
                        t.send(t.call("GET", "/api/v1/zones/" + t.existingZone() + "/dnssec")
                                .token("wrong")),
                        "AUTH_FAILED")));
        cells.add(cell(
                DNSSEC + " → 404",
                t -> assertEnvelope(
                        t.send(t.call("GET", "/api/v1/zones/" + newZone() + "/dnssec")), 404, "ZONE_NOT_FOUND")));
        cells.add(cell(
                DNSSEC + " → 429",
                t -> assertRateLimited(t.send(t.exhausted("GET", "/api/v1/zones/" + newZone() + "/dnssec")))));
        cells.add(cell(DNSSEC + " → 500", t -> {
            String zone = signedZone(t);
            t.fx.control.refuse("dnssec", "permission denied");
            JsonNode body =
                    assertEnvelope(t.send(t.call("GET", "/api/v1/zones/" + zone + "/dnssec")), 500, "BACKEND_REJECTED");
            assertThat(body.path("details").asText()).contains("permission denied");
        }));
        cells.add(cell(
                DNSSEC + " → 503",
                t -> assertShuttingDown(t.whileShuttingDown(t.call("GET", "/api/v1/zones/" + newZone() + "/dnssec")))));

        // POST …/dnssec/rollover and …/dnssec/checkds
        for (String verb : List.of("rollover", "checkds")) {
            String endpoint = verb.equals("rollover") ? ROLLOVER : CHECKDS;
            cells.add(cell(endpoint + " → 200", t -> {
                String zone = signedZone(t);
                int tag = firstKey(t, zone);
                String body = verb.equals("rollover")
                        ? "{\"keyTag\":" + tag + "}"
                        : "{\"state\":\"published\",\"keyTag\":" + tag + "}";
                var r = t.send(t.call("POST", "/api/v1/zones/" + zone + "/dnssec/" + verb)
                        .json(body));
                assertThat(r.status()).as("%s", r).isEqualTo(200);
                assertThat(r.json().path("success").asBoolean()).isTrue();
                assertThat(r.json().path("details").asText())
                        .contains(verb.equals("rollover") ? "Rollover scheduled" : "Marked DS as published");
            }));
            cells.add(cell(endpoint + " → 400 (missing field)", t -> {
                String zone = signedZone(t);
                JsonNode body = assertEnvelope(
                        t.send(t.call("POST", "/api/v1/zones/" + zone + "/dnssec/" + verb)
                                .json("{}")),
                        400,
                        "VALIDATION_FAILED");
                assertThat(body.path("details").asText()).contains(verb.equals("rollover") ? "keyTag" : "state");
            }));
            cells.add(cell(endpoint + " → 400 (zone not signed)", t -> {
                String body = verb.equals("rollover") ? "{\"keyTag\":1}" : "{\"state\":\"withdrawn\"}";
                assertEnvelope(
                        t.send(t.call("POST", "/api/v1/zones/" + t.existingZone() + "/dnssec/" + verb)
                                .json(body)),
                        400,
                        "ZONE_NOT_SIGNED");
            }));
            cells.add(cell(endpoint + " → 400 (no such key)", t -> {
                String zone = signedZone(t);
                int absent = (firstKey(t, zone) + 1) % 65536;
                String body = verb.equals("rollover")
                        ? "{\"keyTag\":" + absent + "}"
                        : "{\"state\":\"published\",\"keyTag\":" + absent + "}";
                assertEnvelope(
                        t.send(t.call("POST", "/api/v1/zones/" + zone + "/dnssec/" + verb)
                                .json(body)),
                        400,
                        "DNSSEC_KEY_NOT_FOUND");
            }));
            cells.add(cell(
                    endpoint + " → 401",
                    t -> assertUnauthorized(
                            t.send(t.call("POST", "/api/v1/zones/" + signedZone(t) + "/dnssec/" + verb)
                                    .json("{\"keyTag\":1,\"state\":\"published\"}")
                                    .token("wrong")),
                            "AUTH_FAILED")));
            cells.add(cell(
                    endpoint + " → 404",
                    t -> assertEnvelope(
                            t.send(t.call("POST", "/api/v1/zones/" + newZone() + "/dnssec/" + verb)
                                    .json("{\"keyTag\":1,\"state\":\"published\"}")),
                            404,
                            "ZONE_NOT_FOUND")));
            cells.add(cell(
                    endpoint + " → 415",
                    t -> assertEnvelope(
                            t.send(t.call("POST", "/api/v1/zones/" + signedZone(t) + "/dnssec/" + verb)
                                    .body("text/plain", "keyTag=1")),
                            415,
                            "UNSUPPORTED_MEDIA_TYPE")));
            cells.add(cell(
                    endpoint + " → 429",
                    t -> assertRateLimited(t.send(t.exhausted("POST", "/api/v1/zones/" + newZone() + "/dnssec/" + verb)
                            .json("{\"keyTag\":1,\"state\":\"published\"}")))));
            cells.add(cell(endpoint + " → 500", t -> {
                String zone = signedZone(t);
                int tag = firstKey(t, zone);
                t.fx.control.refuse("dnssec", "permission denied");
                assertEnvelope(
                        t.send(t.call("POST", "/api/v1/zones/" + zone + "/dnssec/" + verb)
                                .json("{\"keyTag\":" + tag + ",\"state\":\"published\"}")),
                        500,
                        "BACKEND_REJECTED");
            }));
            cells.add(cell(
                    endpoint + " → 503",
                    t -> assertShuttingDown(
                            t.whileShuttingDown(t.call("POST", "/api/v1/zones/" + newZone() + "/dnssec/" + verb)
                                    .json("{\"keyTag\":1,\"state\":\"published\"}")))));
        }
    }
}
