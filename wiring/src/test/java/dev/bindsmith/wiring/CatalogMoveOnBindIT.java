package dev.bindsmith.wiring;

import static dev.bindsmith.wiring.Fleets.allServe;
import static dev.bindsmith.wiring.Fleets.assertStatus;
import static dev.bindsmith.wiring.Fleets.await;
import static dev.bindsmith.wiring.Fleets.call;
import static dev.bindsmith.wiring.Fleets.json;
import static dev.bindsmith.wiring.Fleets.zoneBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.catalog.CatalogIds;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.named.NamedFleet;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * Zones moving from one catalog to another (RFC 9432 §5.6) on real named 9.18 secondaries that
 * consume both: bindsmith restarted with {@code BINDSMITH_CATALOG_ZONE=<new>} and
 * {@code BINDSMITH_CATALOG_MOVE_FROM=<old>} sets each member's {@code coo} in the old catalog and adds
 * it to the new one with its group, and the secondaries take the zone over into the new catalog (named
 * refuses a member another catalog owns unless that catalog's {@code coo} points to the new one).
 */
class CatalogMoveOnBindIT {
    static final String OLD = "old-catalog.bindsmith.invalid";
    static final String NEW = "new-catalog.bindsmith.invalid";

    private static NamedFleet fleet;
    private static Map<String, String> env;
    private static Backend backend;
    private static ApiServer server;

    @BeforeAll
    static void start() {
        fleet = NamedFleet.withPrimary(List.of(OLD, NEW), 2, "");
        RunningNamed primary = fleet.primary();
        env = new HashMap<>(Map.of(
                "RNDC_SERVER", "127.0.0.1:" + primary.controlPort(),
                "RNDC_ALGORITHM", primary.rndcKey().algorithm(),
                "RNDC_SECRET", primary.rndcKey().secret(),
                "RNDC_KEY_NAME", primary.rndcKey().name(),
                "BIND_ZONE_DIR", primary.zoneDirectory().toString(),
                "NSUPDATE_PORT", Integer.toString(primary.dnsPort()),
                "NSUPDATE_KEY_NAME", primary.updateKey().name(),
                "NSUPDATE_ALGORITHM", primary.updateKey().algorithm(),
                "NSUPDATE_SECRET", primary.updateKey().secret()));
        env.put("BINDSMITH_SECONDARIES", fleet.secondariesVariable());
    }

    private static void startBindsmith() {
        backend = Backend.open(BackendSettings.fromEnvironment(env, p -> false), true);
        server = Fleets.serve(backend);
    }

    private static void stopBindsmith() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }

    @AfterAll
    static void stop() {
        stopBindsmith();
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aZoneMovesToTheNewCatalogWithItsGroupAndTheSecondariesKeepServingIt() throws Exception {
        String zone = "moving.example";
        env.put("BINDSMITH_CATALOG_ZONE", OLD);
        startBindsmith();
        String body = zoneBody(zone, NamedLauncher.UPDATE_KEY_NAME, "")
                .replace("\"zoneType\":\"primary\"", "\"zoneType\":\"primary\",\"catalogGroup\":\"blue\"");
        assertStatus(call(server, "POST", "/api/v1/zones", body), 201);
        await(zone + " on both secondaries, from the old catalog", fleet, () -> allServe(fleet, zone, 2026120301L));
        stopBindsmith();

        env.put("BINDSMITH_CATALOG_ZONE", NEW);
        env.put("BINDSMITH_CATALOG_MOVE_FROM", OLD);
        startBindsmith();

        JsonNode moved = json(call(server, "POST", "/api/v1/catalog/reconcile", null));
        assertThat(moved.path("moved")).as("%s", moved).isEmpty(); // done at start already
        JsonNode catalog = json(call(server, "GET", "/api/v1/catalog", null));
        assertThat(catalog.path("catalog").asText()).isEqualTo(NEW);
        assertThat(catalog.path("members").get(0).path("zone").asText()).isEqualTo(zone);
        assertThat(catalog.path("members").get(0).path("group").asText()).isEqualTo("blue");
        String id = CatalogIds.of(ZoneName.of(zone));
        assertThat(Fleets.answers(fleet.primary(), "coo." + id + ".zones." + OLD + ".", Type.PTR))
                .as("the old catalog's coo property")
                .containsExactly(NEW + ".");
        for (RunningNamed s : fleet.secondaries()) {
            assertThat(s.awaitLog("catz: adding zone '" + zone + "' from catalog '" + NEW + "'", Fleets.PATIENCE))
                    .as("the secondary took the zone over into the new catalog:\n%s", s.logTail(30))
                    .isTrue();
        }
        await(
                zone + " served by both secondaries from the new catalog",
                fleet,
                () -> allServe(fleet, zone, 2026120301L));
    }
}
