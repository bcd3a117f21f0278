package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bindsmith.core.catalog.CatalogIds;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.MutableClock;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.memory.InMemoryDnssecControl;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemorySoaProbe;
import dev.bindsmith.testing.memory.InMemoryZoneCatalog;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fleet's commands in direct mode — catalog list and reconcile, zone propagation, zone dnssec,
 * and --wait after a zone create or a record add — over in-memory adapters, scripted secondaries and a
 * clock that only the waits move.
 */
class FleetCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneName CATALOG = ZoneName.of("catalog.bindsmith.invalid");
    private static final long SERIAL = 2026112101L;

    private final MutableClock clock = new MutableClock(TestClocks.INSTANT);
    private final InMemoryZoneStore store = new InMemoryZoneStore();
    private final InMemoryNameServerControl control = new InMemoryNameServerControl(store, clock);
    private final InMemoryRecordStore records = new InMemoryRecordStore(control);
    private final InMemoryZoneCatalog catalog = new InMemoryZoneCatalog(CATALOG);
    private final InMemorySoaProbe probe = new InMemorySoaProbe();
    private final Endpoint s1 = Records.endpoint("192.0.2.1", 53);
    private final Endpoint s2 = Records.endpoint("192.0.2.2", 5353);

    FleetCommandsTest() {
        Outcomes.ok(catalog.ensureExists());
    }

    private Backend open() {
        return Backend.of(
                BackendKind.EMBEDDED,
                "in-memory fleet (test)",
                store,
                control,
                records,
                records,
                clock,
                () -> {},
                b -> b.catalog(catalog)
                        .secondaries(List.of(s1, s2), probe)
                        .propagationPause(clock::advance)
                        .dnssec(new InMemoryDnssecControl(control, clock)));
    }

    private CliRun run(String... args) {
        return CliRun.run(
                Map.of(),
                (settings, answerDns) -> open(),
                (backend, env, overrides) -> {
                    throw new AssertionError("direct mode starts no server");
                },
                "",
                args);
    }

    private static String[] create(String zone, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "zone",
                "create",
                zone,
                "--ns",
                "ns1." + zone,
                "--ns-ip",
                "ns1." + zone + "=192.0.2.53",
                "--soa-serial",
                Long.toString(SERIAL)));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aCreatedZoneIsListedInTheCatalogWithItsGroup() {
        assertThat(run(create("example.com", "--catalog-group", "blue")).exitCode())
                .isZero();

        CliRun list = run("catalog", "list");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out())
                .isEqualTo("Catalog catalog.bindsmith.invalid, serial 2, 1 members\n"
                        + "ZONE         GROUP  ID\n"
                        + "example.com  blue   " + CatalogIds.of(ZoneName.of("example.com")) + "\n");
    }

    @Test
    void reconcileSaysWhatItChanged() {
        run(create("example.com"));
        Outcomes.ok(catalog.apply(
                List.of(new dev.bindsmith.core.port.CatalogEdit.Remove(dev.bindsmith.core.port.CatalogMember.of(
                        ZoneName.of("example.com"),
                        CatalogIds.of(ZoneName.of("example.com")),
                        java.util.Optional.empty())))));

        CliRun r = run("catalog", "reconcile");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                Catalog zone catalog.bindsmith.invalid reconciled with the managed zones
                  serial:  3 -> 4
                  added:   example.com
                  removed: none
                """);
    }

    @Test
    void createWithWaitPrintsTheZoneThenTheSecondariesOnceTheyServeIt() {
        ZoneName zone = ZoneName.of("example.com");
        probe.serve(s1, zone, SERIAL);
        probe.script(s2, zone, List.of(InMemorySoaProbe.served(s2, SERIAL - 1), InMemorySoaProbe.served(s2, SERIAL)));

        CliRun r = run(create("example.com", "--wait", "10s"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                Zone example.com created successfully
                  type: primary
                  file: /memory/zones/example.com.zone
                In sync: 2 secondaries serve serial 2026112101 (waited 0.1 s)
                SECONDARY       STATE    SERIAL      ANSWER
                192.0.2.1:53    in-sync  2026112101  NOERROR
                192.0.2.2:5353  in-sync  2026112101  NOERROR
                """);
    }

    @Test
    void aWaitThatRunsOutIsExitCode10AndTheChangeStays() {
        ZoneName zone = ZoneName.of("example.com");
        probe.serve(s1, zone, SERIAL);

        CliRun r = run(create("example.com", "--wait", "2s"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_PROPAGATED);
        assertThat(r.out())
                .contains("Not in sync: the primary serves serial 2026112101 (waited 2.0 s)")
                .contains("192.0.2.2:5353  not-served  -           REFUSED, not authoritative");
        assertThat(control.serves(zone)).isTrue();
    }

    @Test
    void recordAddWithWaitInJsonIsTheChangeWithThePropagationInside() throws Exception {
        run(create("example.com", "--update-key", "update-key"));
        ZoneName zone = ZoneName.of("example.com");
        probe.serve(s1, zone, SERIAL + 1).serve(s2, zone, SERIAL + 1);

        CliRun r = run("record", "add", "example.com", "www", "A", "192.0.2.80", "--wait", "-o", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode body = JSON.readTree(r.out());
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("propagation").path("inSync").asBoolean()).isTrue();
        assertThat(body.path("propagation").path("primarySerial").asLong()).isEqualTo(SERIAL + 1);
    }

    @Test
    void propagationOfAnUnknownZoneIsExitCode4() {
        CliRun r = run("zone", "propagation", "absent.example");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.err()).startsWith("bindsmith: Zone not found");
    }

    @Test
    void dnssecStatusRolloverAndCheckdsOfASignedZone() {
        assertThat(run(create("example.com", "--dnssec-policy", "default")).exitCode())
                .isZero();
        CliRun status = run("zone", "dnssec", "status", "example.com");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out())
                .startsWith("Zone example.com is signed (dnssec-policy default)\n")
                .contains("DS for the parent:\n  example.com. IN DS ");
        String tag = status.out().lines().toList().get(2).split("\\s+")[0];

        CliRun rollover = run("zone", "dnssec", "rollover", "example.com", "--key", tag);
        CliRun checkds = run("zone", "dnssec", "checkds", "example.com", "published");
        CliRun noKey = run("zone", "dnssec", "rollover", "example.com", "--key", "1");

        assertThat(rollover.exitCode()).isZero();
        assertThat(rollover.out()).contains("Key " + tag + ": Rollover scheduled on");
        assertThat(checkds.exitCode()).isZero();
        assertThat(checkds.out()).contains("Marked DS as published since");
        assertThat(noKey.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(noKey.err()).contains("no key with tag 1");
    }

    @Test
    void dnssecOnABackendThatDoesNotSignIsExitCode3WithTheReason() {
        InMemoryBackend plain = new InMemoryBackend();
        plain.run("zone", "create", "example.com", "--ns", "ns1.example.com", "--ns-ip", "ns1.example.com=192.0.2.53");

        CliRun r = plain.run("zone", "dnssec", "status", "example.com");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("DNSSEC not supported").contains("needs the BIND backend");
    }
}
