package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The record commands: on the in-memory adapters (direct mode) and, for the requests they send, against a stand-in server. */
class RecordCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryBackend backend = new InMemoryBackend();

    @BeforeEach
    void dynamicZone() {
        CliRun created = backend.run(
                "zone",
                "create",
                "example.com",
                "--ns",
                "ns1.example.com",
                "--ns-ip",
                "ns1.example.com=192.0.2.53",
                "--update-key",
                "ddns-key");
        assertThat(created.exitCode()).as(created.err()).isZero();
    }

    @Test
    void addUpdateListAndRemoveARecord() {
        CliRun added = backend.run("record", "add", "example.com", "www", "A", "192.0.2.80", "--ttl", "300");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("Record added to zone example.com\n  + www.example.com. 300 A 192.0.2.80\n");

        CliRun updated = backend.run("record", "update", "example.com", "www", "A", "192.0.2.80", "192.0.2.81");
        assertThat(updated.out()).isEqualTo("""
                Record updated in zone example.com
                  - www.example.com. 300 A 192.0.2.80
                  + www.example.com. 300 A 192.0.2.81
                """);

        CliRun list = backend.run("record", "list", "example.com", "--type", "A");
        assertThat(list.out()).isEqualTo("""
                NAME              TTL   TYPE  VALUE
                ns1.example.com.  3600  A     192.0.2.53
                www.example.com.  300   A     192.0.2.81
                """);

        CliRun removed = backend.run("record", "remove", "example.com", "www", "A");
        assertThat(removed.out())
                .isEqualTo("Record removed from zone example.com\n  - www.example.com. 300 A 192.0.2.81\n");
        assertThat(backend.run("record", "list", "example.com", "--name", "www").out())
                .isEqualTo("No records.\n");
    }

    @Test
    void anMxWithItsPriority() {
        CliRun r = backend.run("record", "add", "example.com", "@", "MX", "mail.example.com.", "--priority", "10");

        assertThat(r.out()).contains("+ example.com. 3600 MX 10 mail.example.com.");
    }

    @Test
    void aChangeSetIsJudgedByADryRunAndThenApplied() {
        backend.run("record", "add", "example.com", "www", "A", "192.0.2.80");
        String changes = """
                [{"op": "add", "name": "api", "type": "A", "value": "192.0.2.90"},
                 {"op": "remove", "name": "www", "type": "A", "value": "192.0.2.80"}]""";

        CliRun dry = backend.runWithInput(changes, "record", "apply", "example.com", "-f", "-", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out())
                .startsWith("Dry run: nothing changed in zone example.com\n")
                .contains("+ api.example.com. 3600 A 192.0.2.90", "- www.example.com. 3600 A 192.0.2.80");
        assertThat(backend.run("record", "list", "example.com", "--name", "api").out())
                .isEqualTo("No records.\n");

        CliRun applied = backend.runWithInput(changes, "record", "apply", "example.com", "-f", "-");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).startsWith("Change set applied to zone example.com\n");
        assertThat(backend.run("record", "list", "example.com", "--name", "api").out())
                .contains("192.0.2.90");
    }

    @Test
    void failuresHaveTheirExitCodes() {
        CliRun missing = backend.run("record", "remove", "example.com", "nothere", "A", "192.0.2.1");
        CliRun invalid = backend.run("record", "add", "example.com", "www", "A", "not-an-ip");
        CliRun noZone = backend.run("record", "list", "nope.example");

        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.err()).startsWith("bindsmith: Record not found");
        assertThat(invalid.exitCode()).isEqualTo(3);
        assertThat(invalid.err()).contains("192.0.2.1", "not-an-ip").hasLineCount(1);
        assertThat(noZone.exitCode()).isEqualTo(4);
    }

    @Test
    void aZoneThatTakesNoUpdatesIsInvalid() {
        backend.run(
                "zone",
                "create",
                "static.example",
                "--ns",
                "ns1.static.example",
                "--ns-ip",
                "ns1.static.example=192.0.2.53");

        CliRun r = backend.run("record", "add", "static.example", "www", "A", "192.0.2.80");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(backend.store.masterFile(ZoneName.of("static.example")))
                .get()
                .asString()
                .doesNotContain("192.0.2.80");
    }

    @Test
    void listingPagesWithACursor() {
        CliRun first = backend.run("record", "list", "example.com", "--limit", "2");

        assertThat(first.out()).containsPattern("\\(more: --cursor \\S+\\)\\n$");
        String cursor = first.out().replaceAll("(?s).*--cursor (\\S+)\\)\\n$", "$1");
        CliRun second = backend.run("record", "list", "example.com", "--limit", "2", "--cursor", cursor);
        assertThat(second.out()).contains("ns1.example.com.").doesNotContain("more:");
    }

    @Test
    void allFollowsTheCursorsToTheLastPage() throws Exception {
        for (int i = 0; i < 5; i++) {
            backend.run("record", "add", "example.com", "host" + i, "A", "192.0.2." + (10 + i));
        }

        CliRun all = backend.run("record", "list", "example.com", "--all", "--limit", "2", "-o", "json");

        assertThat(all.exitCode()).as(all.err()).isZero();
        var json = JSON.readTree(all.out());
        assertThat(json.path("count").asInt()).isEqualTo(8);
        List<String> rows = new ArrayList<>();
        json.path("records")
                .forEach(r ->
                        rows.add(r.path("name").asText() + " " + r.path("type").asText()));
        assertThat(rows).doesNotHaveDuplicates().hasSize(8).contains("host4.example.com. A", "example.com. SOA");
        assertThat(json.has("nextCursor")).isFalse();
    }

    @Test
    void theRequestsAreTheApisRecordRoutes() throws Exception {
        try (FakeApiServer server =
                new FakeApiServer(r -> FakeApiServer.Response.json(200, "{\"records\":[],\"count\":0}"))) {
            Map<String, String> env = Map.of("BINDSMITH_TOKEN", "t");
            String url = server.url();
            CliRun.run(
                    env,
                    (s, d) -> null,
                    (b, e, o) -> null,
                    "",
                    "--url",
                    url,
                    "record",
                    "list",
                    "example.com",
                    "--name",
                    "www",
                    "--type",
                    "A",
                    "--limit",
                    "5");
            CliRun.run(
                    env,
                    (s, d) -> null,
                    (b, e, o) -> null,
                    "",
                    "--url",
                    url,
                    "record",
                    "add",
                    "example.com",
                    "www",
                    "TXT",
                    "\"hello world\"",
                    "--ttl",
                    "60");
            CliRun.run(
                    env,
                    (s, d) -> null,
                    (b, e, o) -> null,
                    "",
                    "--url",
                    url,
                    "record",
                    "update",
                    "example.com",
                    "www",
                    "A",
                    "192.0.2.1",
                    "192.0.2.2");
            CliRun.run(
                    env,
                    (s, d) -> null,
                    (b, e, o) -> null,
                    "",
                    "--url",
                    url,
                    "record",
                    "remove",
                    "example.com",
                    "www",
                    "A");
            CliRun.run(
                    env,
                    (s, d) -> null,
                    (b, e, o) -> null,
                    "{\"changes\":[]}",
                    "--url",
                    url,
                    "record",
                    "apply",
                    "example.com",
                    "-f",
                    "-",
                    "--dry-run");

            assertThat(server.requests)
                    .extracting(FakeApiServer.Request::method)
                    .containsExactly("GET", "POST", "PUT", "DELETE", "PATCH");
            assertThat(server.requests.get(0).rawPath()).isEqualTo("/api/v1/zones/example.com/records");
            assertThat(server.requests.get(0).rawQuery()).isEqualTo("name=www&type=A&limit=5");
            assertThat(server.requests.get(4).rawQuery()).isEqualTo("dryRun=true");
            assertThat(JSON.readTree(server.requests.get(1).body()))
                    .isEqualTo(JSON.readTree(
                            "{\"name\":\"www\",\"type\":\"TXT\",\"value\":\"\\\"hello world\\\"\",\"ttl\":60}"));
            assertThat(JSON.readTree(server.requests.get(2).body()))
                    .isEqualTo(
                            JSON.readTree(
                                    "{\"name\":\"www\",\"type\":\"A\",\"currentValue\":\"192.0.2.1\",\"newValue\":\"192.0.2.2\"}"));
            assertThat(JSON.readTree(server.requests.get(3).body()))
                    .isEqualTo(JSON.readTree("{\"name\":\"www\",\"type\":\"A\"}"));
            assertThat(JSON.readTree(server.requests.get(4).body())).isEqualTo(JSON.readTree("{\"changes\":[]}"));
        }
    }
}
