package dev.bindsmith.wiring;

import static dev.bindsmith.wiring.Fleets.allServe;
import static dev.bindsmith.wiring.Fleets.answers;
import static dev.bindsmith.wiring.Fleets.assertStatus;
import static dev.bindsmith.wiring.Fleets.await;
import static dev.bindsmith.wiring.Fleets.call;
import static dev.bindsmith.wiring.Fleets.json;
import static dev.bindsmith.wiring.Fleets.noneServes;
import static dev.bindsmith.wiring.Fleets.servedSerial;
import static dev.bindsmith.wiring.Fleets.zoneBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.rndc.bind.FileZoneStore;
import dev.bindsmith.rndc.bind.RndcNameServerControl;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.rndc.wire.HmacAlgorithm;
import dev.bindsmith.rndc.wire.RndcKey;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.named.NamedFleet;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * One named primary and two named secondaries that consume bindsmith's catalog zone with
 * {@code catalog-zones}, with bindsmith serving HTTP over the primary as {@code bindsmith serve} wires
 * it ({@code BINDSMITH_CATALOG_ZONE}, {@code BINDSMITH_SECONDARIES}): what the API creates, changes
 * and deletes reaches both secondaries, and a restart of bindsmith and of named leaves the catalog and
 * the zones agreeing.
 */
class FleetOnBindIT {
    static final String CATALOG = "catalog.bindsmith.invalid";

    private static NamedFleet fleet;
    private static Map<String, String> env;
    private static Backend backend;
    private static ApiServer server;

    @BeforeAll
    static void start() {
        fleet = NamedFleet.withPrimary(CATALOG, 2);
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
        env.put("BINDSMITH_CATALOG_ZONE", CATALOG);
        env.put("BINDSMITH_SECONDARIES", fleet.secondariesVariable());
        startBindsmith();
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

    private static void create(String zone) throws Exception {
        assertStatus(call(server, "POST", "/api/v1/zones", zoneBody(zone, NamedLauncher.UPDATE_KEY_NAME, "")), 201);
    }

    private static long primarySerial(String zone) {
        return servedSerial(fleet.primary(), zone).orElseThrow();
    }

    @Test
    void aZoneCreatedThroughTheApiIsServedByBothSecondariesThenItsRecordsThenItsDeletion() throws Exception {
        String zone = "fleet-a.example";
        create(zone);

        await(zone + " on both secondaries", fleet, () -> allServe(fleet, zone, 2026120301L));
        JsonNode propagation = json(call(server, "GET", "/api/v1/zones/" + zone + "/propagation?wait=30s", null));
        assertThat(propagation.path("inSync").asBoolean()).as("%s", propagation).isTrue();
        assertThat(propagation.path("secondaries")).hasSize(2);
        for (JsonNode s : propagation.path("secondaries")) {
            assertThat(s.path("authoritative").asBoolean()).isTrue();
            assertThat(s.path("serial").asLong()).isEqualTo(2026120301L);
        }

        assertStatus(
                call(
                        server,
                        "POST",
                        "/api/v1/zones/" + zone + "/records",
                        "{\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.81\",\"ttl\":300}"),
                201);
        long changed = primarySerial(zone);
        assertThat(changed).isGreaterThan(2026120301L);
        JsonNode after = json(call(server, "GET", "/api/v1/zones/" + zone + "/propagation?wait=30s", null));
        assertThat(after.path("inSync").asBoolean()).as("%s", after).isTrue();
        assertThat(after.path("primarySerial").asLong()).isEqualTo(changed);
        for (RunningNamed s : fleet.secondaries()) {
            assertThat(servedSerial(s, zone)).hasValue(changed);
            assertThat(answers(s, "api." + zone + ".", Type.A)).containsExactly("192.0.2.81");
        }

        assertStatus(call(server, "DELETE", "/api/v1/zones/" + zone, null), 204);
        await(zone + " gone from both secondaries", fleet, () -> noneServes(fleet, zone));
    }

    @Test
    void theCatalogListsEveryManagedZoneWithItsGroupAndItsSerialMovesWithEachChange() throws Exception {
        String zone = "fleet-b.example";
        long before = json(call(server, "GET", "/api/v1/catalog", null))
                .path("serial")
                .asLong();

        String body = zoneBody(zone, NamedLauncher.UPDATE_KEY_NAME, "")
                .replace("\"zoneType\":\"primary\"", "\"zoneType\":\"primary\",\"catalogGroup\":\"blue\"");
        assertStatus(call(server, "POST", "/api/v1/zones", body), 201);

        JsonNode catalog = json(call(server, "GET", "/api/v1/catalog?limit=1000", null));
        assertThat(catalog.path("catalog").asText()).isEqualTo(CATALOG);
        assertThat(catalog.path("serial").asLong()).isGreaterThan(before);
        List<String> groups = new ArrayList<>();
        catalog.path("members").forEach(m -> {
            if (m.path("zone").asText().equals(zone)) {
                groups.add(m.path("group").asText());
            }
        });
        assertThat(groups).containsExactly("blue");
        // the secondaries hold the catalog as a zone of their own, at the primary's serial
        long catalogSerial = catalog.path("serial").asLong();
        await("the catalog on both secondaries", fleet, () -> allServe(fleet, CATALOG, catalogSerial));
        assertStatus(call(server, "DELETE", "/api/v1/zones/" + zone, null), 204);
    }

    @Test
    void afterARestartOfBindsmithAndOfNamedTheCatalogAndTheZonesAgreeAgain() throws Exception {
        String kept = "fleet-kept.example";
        String removedBehind = "fleet-removed.example";
        String addedBehind = "fleet-added.example";
        create(kept);
        create(removedBehind);
        await(
                "both zones on both secondaries",
                fleet,
                () -> allServe(fleet, kept, 2026120301L) && allServe(fleet, removedBehind, 2026120301L));

        // bindsmith stops; meanwhile an operator changes the primary behind its back
        stopBindsmith();
        RunningNamed primary = fleet.primary();
        try (RndcClient rndc = RndcClient.builder(RndcKey.ofBase64(
                        primary.rndcKey().name(),
                        HmacAlgorithm.fromName(primary.rndcKey().algorithm()).orElseThrow(),
                        primary.rndcKey().secret()))
                .server("127.0.0.1", primary.controlPort())
                .build()) {
            RndcNameServerControl control = new RndcNameServerControl(rndc);
            FileZoneStore store = new FileZoneStore(primary.zoneDirectory(), ZoneFileWriter::render);
            Outcomes.ok(control.deleteZone(ZoneName.of(removedBehind)));
            store.delete(ZoneName.of(removedBehind));
            ZoneSpec spec = TestZones.spec(addedBehind).serial(7).build();
            StoredZone stored = Outcomes.ok(store.create(spec));
            Outcomes.ok(control.addZone(spec.name(), ZoneConfig.of(spec.type(), stored.file(), spec.options())));
        }
        primary.restart();

        startBindsmith();

        JsonNode catalog = json(call(server, "GET", "/api/v1/catalog?limit=1000", null));
        List<String> members = new ArrayList<>();
        catalog.path("members").forEach(m -> members.add(m.path("zone").asText()));
        assertThat(members).contains(kept, addedBehind).doesNotContain(removedBehind);
        await(
                "the catalog's changes on both secondaries",
                fleet,
                () -> allServe(fleet, addedBehind, 7)
                        && noneServes(fleet, removedBehind)
                        && allServe(fleet, kept, 2026120301L));
        JsonNode reconciled = json(call(server, "POST", "/api/v1/catalog/reconcile", null));
        assertThat(reconciled.path("added")).as("%s", reconciled).isEmpty();
        assertThat(reconciled.path("removed")).isEmpty();
        assertThat(servedSerial(primary, kept)).isEqualTo(OptionalLong.of(2026120301L));

        for (String zone : List.of(kept, addedBehind)) {
            assertStatus(call(server, "DELETE", "/api/v1/zones/" + zone, null), 204);
        }
    }
}
