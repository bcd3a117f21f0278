package dev.bindsmith.wiring;

import static dev.bindsmith.wiring.Fleets.allServe;
import static dev.bindsmith.wiring.Fleets.answers;
import static dev.bindsmith.wiring.Fleets.assertStatus;
import static dev.bindsmith.wiring.Fleets.await;
import static dev.bindsmith.wiring.Fleets.call;
import static dev.bindsmith.wiring.Fleets.json;
import static dev.bindsmith.wiring.Fleets.noneServes;
import static dev.bindsmith.wiring.Fleets.zoneBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.testing.named.LoopbackPort;
import dev.bindsmith.testing.named.NamedFleet;
import dev.bindsmith.testing.named.RunningNamed;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The embedded server as a hidden primary: {@code bindsmith serve} with no BIND at all feeds two real
 * named secondaries, which consume its catalog zone with {@code catalog-zones} and transfer every
 * member from it (AXFR, and IXFR answered with the whole zone), told of each change by NOTIFY.
 *
 * <p>The zones here name the secondaries in their own {@code alsoNotify} and {@code allowTransfer},
 * which the embedded server honours today; the catalog zone gets both from {@code BINDSMITH_SECONDARIES}.
 * A server-wide NOTIFY list and TSIG-signed transfers for the embedded server ({@code BINDSMITH_NOTIFY},
 * {@code BINDSMITH_TRANSFER_KEY}) are issue 15's.
 */
class HiddenPrimaryIT {
    static final String CATALOG = "catalog.bindsmith.invalid";

    private static LoopbackPort dns;
    private static Path data;
    private static NamedFleet fleet;
    private static Map<String, String> env;
    private static Backend backend;
    private static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        dns = LoopbackPort.reserve();
        data = Files.createTempDirectory("bindsmith-hidden-primary-");
        fleet = NamedFleet.secondariesOf(CATALOG, dns.port(), 2);
        env = new HashMap<>(Map.of(
                "BINDSMITH_BACKEND", "embedded",
                "BINDSMITH_DATA_DIR", data.toString(),
                "BINDSMITH_DNS_PORT", Integer.toString(dns.port()),
                "BINDSMITH_CATALOG_ZONE", CATALOG,
                "BINDSMITH_SECONDARIES", fleet.secondariesVariable()));
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
    static void stop() throws Exception {
        stopBindsmith();
        if (fleet != null) {
            fleet.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    /** zoneConfig members that let the secondaries transfer the zone and have them notified. */
    private static String fleetOptions() {
        List<String> quoted = new ArrayList<>();
        for (String s : fleet.secondariesVariable().split(",")) {
            quoted.add("\"" + s + "\"");
        }
        return ",\"allowTransfer\":[\"127.0.0.1\"],\"alsoNotify\":[" + String.join(",", quoted) + "]";
    }

    private static void create(String zone) throws Exception {
        assertStatus(call(server, "POST", "/api/v1/zones", zoneBody(zone, "bindsmith-update", fleetOptions())), 201);
    }

    @Test
    void theEmbeddedServerAloneFeedsBothSecondariesTheZoneItsRecordsAndItsDeletion() throws Exception {
        String zone = "hidden-a.example";
        create(zone);

        await(zone + " on both secondaries", fleet, () -> allServe(fleet, zone, 2026120301L));
        JsonNode propagation = json(call(server, "GET", "/api/v1/zones/" + zone + "/propagation?wait=30s", null));
        assertThat(propagation.path("inSync").asBoolean()).as("%s", propagation).isTrue();

        assertStatus(
                call(
                        server,
                        "POST",
                        "/api/v1/zones/" + zone + "/records",
                        "{\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.81\",\"ttl\":300}"),
                201);
        JsonNode after = json(call(server, "GET", "/api/v1/zones/" + zone + "/propagation?wait=30s", null));
        assertThat(after.path("inSync").asBoolean()).as("%s", after).isTrue();
        assertThat(after.path("primarySerial").asLong()).isGreaterThan(2026120301L);
        for (RunningNamed s : fleet.secondaries()) {
            assertThat(answers(s, "api." + zone + ".", Type.A)).containsExactly("192.0.2.81");
        }

        assertStatus(call(server, "DELETE", "/api/v1/zones/" + zone, null), 204);
        await(zone + " gone from both secondaries", fleet, () -> noneServes(fleet, zone));
    }

    @Test
    void afterARestartOfTheEmbeddedPrimaryTheCatalogAndTheZonesAgreeAgain() throws Exception {
        String kept = "hidden-kept.example";
        String removedBehind = "hidden-removed.example";
        create(kept);
        create(removedBehind);
        await(
                "both zones on both secondaries",
                fleet,
                () -> allServe(fleet, kept, 2026120301L) && allServe(fleet, removedBehind, 2026120301L));

        // bindsmith stops; meanwhile an operator removes a zone's files from the data directory
        stopBindsmith();
        try (var files = Files.list(data)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(removedBehind + "."))
                    .toList()) {
                Files.delete(p);
            }
        }
        startBindsmith();

        JsonNode catalog = json(call(server, "GET", "/api/v1/catalog?limit=1000", null));
        List<String> members = new ArrayList<>();
        catalog.path("members").forEach(m -> members.add(m.path("zone").asText()));
        assertThat(members).as("%s", catalog).contains(kept).doesNotContain(removedBehind);
        await("the removed zone gone from both secondaries", fleet, () -> noneServes(fleet, removedBehind));
        assertThat(Fleets.servedSerial(fleet.secondaries().getFirst(), kept)).isEqualTo(OptionalLong.of(2026120301L));

        assertStatus(call(server, "DELETE", "/api/v1/zones/" + kept, null), 204);
    }
}
