package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bindsmith.core.zone.ZoneName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every zone and server command in direct mode, on test-fixtures' in-memory adapters. */
class DirectModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CREATE = {
        "zone",
        "create",
        "example.com",
        "--ns",
        "ns1.example.com",
        "--ns-ip",
        "ns1.example.com=192.0.2.53",
        "--record",
        "www A 192.0.2.80"
    };

    private final InMemoryBackend backend = new InMemoryBackend();

    @Test
    void createListShowAndDeleteAZone() {
        CliRun created = backend.run(CREATE);
        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).isEqualTo("""
                Zone example.com created successfully
                  type: primary
                  file: /memory/zones/example.com.zone
                """);
        assertThat(backend.store.masterFile(ZoneName.of("example.com")))
                .get()
                .asString()
                .contains("192.0.2.80", "ns1.example.com.");
        assertThat(backend.control.serves(ZoneName.of("example.com"))).isTrue();

        CliRun list = backend.run("zone", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEqualTo("""
                NAME         TYPE     FILE
                example.com  primary  /memory/zones/example.com.zone
                """);

        CliRun show = backend.run("zone", "show", "example.com");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).isEqualTo("""
                zone:    example.com
                type:    primary
                serial:  2026112101
                file:    /memory/zones/example.com.zone
                loaded:  Sat, 21 Nov 2026 12:00:00 GMT
                dynamic: no
                signed:  no
                """);

        CliRun deleted = backend.run("zone", "delete", "example.com");
        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.out()).isEqualTo("Deleted zone example.com.\n");
        assertThat(backend.control.serves(ZoneName.of("example.com"))).isFalse();

        CliRun gone = backend.run("zone", "show", "example.com");
        assertThat(gone.exitCode()).isEqualTo(4);
        assertThat(gone.out()).isEmpty();
        assertThat(gone.err()).isEqualTo("bindsmith: Zone not found: no matching zone 'example.com' in any view\n");
    }

    @Test
    void statusPrintsTheNameServersZonestatus() {
        backend.run(CREATE);

        CliRun r = backend.run("zone", "status", "example.com");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("name: example.com\ntype: primary\n").contains("serial: 2026112101\n");
    }

    @Test
    void zoneCommandsReportWhatTheNameServerSaid() {
        backend.run(CREATE);

        assertThat(backend.run("zone", "reload", "example.com").out())
                .isEqualTo("Zone example.com reloaded successfully\n  zone reload up-to-date\n");
        assertThat(backend.run("zone", "notify", "example.com").out())
                .isEqualTo("Notify sent for zone example.com\n  zone notify queued\n");
        assertThat(backend.run("zone", "thaw", "example.com").exitCode()).isZero();
        assertThat(backend.control.calls()).contains("reload example.com", "notify example.com", "thaw example.com");
    }

    @Test
    void aCommandTheNameServerRefusesExits6WithItsText() {
        backend.run(CREATE);

        CliRun freeze = backend.run("zone", "freeze", "example.com");
        CliRun retransfer = backend.run("zone", "retransfer", "example.com");

        assertThat(freeze.exitCode()).isEqualTo(6);
        assertThat(freeze.err()).isEqualTo("bindsmith: RNDC command failed: not dynamic\n");
        assertThat(retransfer.exitCode()).isEqualTo(6);
        assertThat(retransfer.err()).contains("inappropriate zone type: primary");
    }

    @Test
    void modifyChangesTheZonesOptions() {
        backend.run(CREATE);

        CliRun r = backend.run(
                "zone", "modify", "example.com", "--also-notify", "192.0.2.7:5353", "--allow-transfer", "192.0.2.7");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Zone example.com modified successfully\n");
        assertThat(backend.control.calls()).contains("modzone example.com");
    }

    @Test
    void createOfAnExistingZoneExits5AndLeavesItsFileUntouched() {
        backend.run(CREATE);
        String before = backend.store.masterFile(ZoneName.of("example.com")).orElseThrow();

        CliRun again = backend.run(
                "zone", "create", "example.com", "--ns", "ns1.example.net.", "--record", "www A 192.0.2.99");

        assertThat(again.exitCode()).as(again.err()).isEqualTo(5);
        assertThat(again.err()).startsWith("bindsmith: Zone already exists");
        assertThat(backend.store.masterFile(ZoneName.of("example.com"))).contains(before);
    }

    @Test
    void anInvalidZoneNameExits3AndNothingIsSentOrWritten() {
        CliRun r = backend.run("zone", "create", "bad..name", "--ns", "ns1.example.net.");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .startsWith("bindsmith: Validation error: Invalid zone name")
                .hasLineCount(1);
        assertThat(backend.control.calls()).isEmpty();
        assertThat(backend.store.files()).isEmpty();
    }

    @Test
    void anUnreachableNameServerExits6() {
        backend.control.unreachable(true);

        CliRun r = backend.run("server", "status", "--verbose");

        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).contains("bindsmith: RNDC command failed", "code: BACKEND_UNREACHABLE");
    }

    @Test
    void serverStatusAndReload() {
        CliRun status = backend.run("server", "status");
        CliRun reload = backend.run("server", "reload");

        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).startsWith("version: BIND 9.18").endsWith("server is up and running\n");
        assertThat(reload.out()).isEqualTo("Server reloaded successfully\n  server reload successful\n");
    }

    @Test
    void zoneListPagesWithLimitAndCursorAndSaysHowToGetTheNextPage() throws Exception {
        for (String z : List.of("c.example", "a.example", "b.example")) {
            backend.run("zone", "create", z, "--ns", "ns1." + z, "--ns-ip", "ns1." + z + "=192.0.2.53");
        }

        CliRun first = backend.run("zone", "list", "--limit", "2", "-o", "json");
        String cursor = JSON.readTree(first.out()).path("nextCursor").asText();
        CliRun human = backend.run("zone", "list", "--limit", "2");
        CliRun rest = backend.run("zone", "list", "--limit", "2", "--cursor", cursor, "-o", "json");

        assertThat(JSON.readTree(first.out()).path("zones").toString()).isEqualTo("[\"a.example\",\"b.example\"]");
        assertThat(human.out()).contains("a.example").endsWith("More zones follow: --cursor " + cursor + "\n");
        assertThat(JSON.readTree(rest.out()).path("zones").toString()).isEqualTo("[\"c.example\"]");
        assertThat(JSON.readTree(rest.out()).has("nextCursor")).isFalse();
        assertThat(backend.run("zone", "list", "--limit", "0").exitCode()).isEqualTo(3);
    }

    @Test
    void serverReconcileReportsWhatItSettledAndSetsOrphansAsideOnlyWhenAsked() {
        backend.store.leaveFile(
                dev.bindsmith.testing.builders.TestZones.spec("orphan.example").build());

        CliRun reported = backend.run("server", "reconcile");
        CliRun setAside = backend.run("server", "reconcile", "--set-aside");

        assertThat(reported.exitCode()).isZero();
        assertThat(reported.out()).contains("orphan.example", "found_file", "reported");
        assertThat(setAside.out()).contains("orphan.example", "set_aside");
        assertThat(backend.store.list()).isEmpty();
    }

    @Test
    void aSecondaryNeedsOnlyItsPrimaries() {
        CliRun r = backend.run("zone", "create", "example.org", "--type", "secondary", "--primary", "192.0.2.1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(backend.run("zone", "list").out()).contains("example.org  secondary");
        assertThat(backend.control.calls()).contains("addzone example.org");
    }

    @Test
    void modifyTakesThePatchBodyFromAFile(@TempDir Path dir) throws Exception {
        backend.run(CREATE);
        Path patch = dir.resolve("patch.json");
        Files.writeString(patch, "{\"alsoNotify\": [\"192.0.2.7\"], \"allowTransfer\": []}");

        CliRun r = backend.run("zone", "modify", "example.com", "-f", patch.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(backend.control.calls()).contains("modzone example.com");
    }

    @Test
    void aMissingInputFileExits1WithoutOpeningTheBackend() {
        CliRun r = backend.run("zone", "create", "-f", "/nonexistent/zones.jsonl");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("bindsmith: /nonexistent/zones.jsonl: no such file\n");
        assertThat(backend.opened).isZero();
    }

    @Test
    void createFromASpecFileTakesTheApisJson(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"zoneName": "example.org", "zoneType": "primary",
                 "zoneConfig": {"ttl": 300, "soa": {"primaryNs": "ns1.example.net.", "adminEmail": "hostmaster.example.org"},
                                "nameServers": ["ns1.example.net."], "nameServerIps": {}}}
                """);

        CliRun r = backend.run("zone", "create", "-f", spec.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Zone example.org created successfully\n");
        assertThat(backend.store.masterFile(ZoneName.of("example.org")))
                .get()
                .asString()
                .contains("$TTL 300");
    }

    @Test
    void aBulkCreateFromAJsonLinesFileShowsProgressAndAnExactAccount(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String zone : List.of("a.example", "b.example", "c.example", "d.example")) {
            lines.add("{\"zoneName\":\"" + zone + "\",\"zoneType\":\"primary\",\"zoneConfig\":{\"ttl\":3600,"
                    + "\"soa\":{\"primaryNs\":\"ns1.example.net.\",\"adminEmail\":\"hostmaster.example.net.\"},"
                    + "\"nameServers\":[\"ns1.example.net.\"],\"nameServerIps\":{}}}");
        }
        Path file = dir.resolve("zones.jsonl");
        Files.write(file, lines);
        backend.run("zone", "create", "c.example", "--ns", "ns1.example.net.");

        CliRun r = backend.run("zone", "create", "-f", file.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(5);
        assertThat(r.err())
                .contains(
                        "[1/4] a.example: created\n",
                        "[2/4] b.example: created\n",
                        "[3/4] c.example: FAILED: Zone already exists");
        assertThat(r.out())
                .startsWith("Created 2 of 4 zones.\n")
                .contains("Created:       a.example, b.example\n", "Not attempted: d.example");
        assertThat(backend.control.zones())
                .extracting(ZoneName::value)
                .containsExactly("a.example", "b.example", "c.example");
    }

    @Test
    void directModeOpensTheBackendWithoutAnsweringDns() {
        List<Boolean> answerDns = new ArrayList<>();
        CliRun r = CliRun.run(
                Map.of(),
                (settings, dns) -> {
                    answerDns.add(dns);
                    return backend.open();
                },
                new HttpLauncher(),
                "",
                "zone",
                "list");

        assertThat(r.exitCode()).isZero();
        assertThat(answerDns).containsExactly(false);
    }

    @Test
    void verboseSaysWhichBackendAndWhy() {
        CliRun r = backend.run("zone", "list", "-v");

        assertThat(r.err()).contains("backend: embedded (no rndc key configured");
    }

    @Test
    void aBadConfigurationValueExits1NamingTheVariable() {
        CliRun r = CliRun.run(
                Map.of("BINDSMITH_DNS_PORT", "53x"),
                (settings, dns) -> backend.open(),
                new HttpLauncher(),
                "",
                "zone",
                "list");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("bindsmith: BINDSMITH_DNS_PORT: must be a port number (was '53x')\n");
        assertThat(backend.opened).isZero();
    }

    @Test
    void aFlagOverridesItsVariable() {
        List<String> ports = new ArrayList<>();
        CliRun.run(
                Map.of("BINDSMITH_DNS_PORT", "9999"),
                (settings, dns) -> {
                    ports.add(Integer.toString(settings.embedded().port()));
                    return backend.open();
                },
                new HttpLauncher(),
                "",
                "zone",
                "list",
                "--dns-port",
                "5353",
                "--backend",
                "embedded");

        assertThat(ports).containsExactly("5353");
    }

    @Test
    void directAndRemoteModePrintTheSameForEveryCommand() throws Exception {
        backend.run(CREATE);
        // A running server over the same backend, as `bindsmith serve` would run it.
        try (Serve.Running server = new HttpLauncher()
                .start(
                        backend.open(),
                        Map.of(),
                        Map.of(
                                "API_PORT",
                                "0",
                                "BIND_API_TOKEN",
                                "d6c2a9f1e8b5d3c0a7f4e1b8c5d2a9f6",
                                "RATE_LIMIT_ENABLED",
                                "false"))) {
            for (String[] command : new String[][] {
                {"zone", "list"},
                {"zone", "show", "example.com"},
                {"zone", "status", "example.com"},
                {"zone", "show", "nope.example"},
                {"server", "status"}
            }) {
                for (String output : new String[] {"human", "json"}) {
                    String[] args = concat(command, "--output", output);
                    CliRun direct = backend.run(args);
                    CliRun remote = CliRun.run(
                            Map.of("BINDSMITH_TOKEN", "d6c2a9f1e8b5d3c0a7f4e1b8c5d2a9f6"),
                            (s, d) -> {
                                throw new AssertionError("remote mode opens no backend");
                            },
                            new HttpLauncher(),
                            "",
                            concat(args, "--url", server.url()));

                    assertThat(remote.exitCode()).as(String.join(" ", args)).isEqualTo(direct.exitCode());
                    assertThat(remote.err()).as(String.join(" ", args)).isEqualTo(direct.err());
                    if (output.equals("json")) {
                        assertThat(withoutRequestId(remote.out()))
                                .as(String.join(" ", args))
                                .isEqualTo(withoutRequestId(direct.out()));
                    } else {
                        assertThat(remote.out()).as(String.join(" ", args)).isEqualTo(direct.out());
                    }
                }
            }
        }
    }

    private static JsonNode withoutRequestId(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        if (node instanceof ObjectNode object) {
            object.remove("requestId");
        }
        return node;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
