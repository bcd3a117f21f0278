package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Remote mode (--url) against a stand-in server: requests sent, and replies mapped to output and exit codes. */
class RemoteModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "t0k3n-never-shown";

    private static CliRun run(FakeApiServer server, String stdin, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = server.url();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(
                Map.of("BINDSMITH_TOKEN", TOKEN),
                (settings, dns) -> {
                    throw new AssertionError("remote mode opens no backend");
                },
                (b, e, o) -> {
                    throw new AssertionError("no server");
                },
                stdin,
                all);
    }

    @Test
    void everyChangeCarriesAFreshIdempotencyKeyAndAReadNone() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r -> FakeApiServer.Response.json(200, "{\"success\":true}"))) {
            run(server, "", "zone", "reload", "example.com");
            run(server, "", "zone", "reload", "example.com");
            run(server, "", "zone", "show", "example.com");

            String first = server.requests.get(0).header("Idempotency-Key");
            assertThat(first).matches("[0-9a-f-]{36}");
            assertThat(server.requests.get(1).header("Idempotency-Key"))
                    .isNotNull()
                    .isNotEqualTo(first);
            assertThat(server.requests.get(2).header("Idempotency-Key")).isNull();
        }
    }

    /** The point of the key: when the answer is lost, sending the change again cannot make it twice. */
    @Test
    void aChangeWhoseAnswerIsLostIsSentAgainWithTheSameKey() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (FakeApiServer server = new FakeApiServer(r -> calls.incrementAndGet() == 1
                ? FakeApiServer.Response.lost()
                : FakeApiServer.Response.json(
                        201, "{\"success\":true,\"message\":\"Record added to zone example.com\"}"))) {
            CliRun r = run(server, "", "record", "add", "example.com", "www", "A", "192.0.2.80");

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(server.requests).hasSize(2);
            assertThat(server.requests.get(1).header("Idempotency-Key"))
                    .isEqualTo(server.requests.get(0).header("Idempotency-Key"));
            assertThat(server.requests.get(1).body())
                    .isEqualTo(server.requests.get(0).body());
        }
    }

    @Test
    void aChangeWhoseAnswerIsNeverReceivedGivesUpAfterItsAttempts() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r -> FakeApiServer.Response.lost())) {
            CliRun r = run(server, "", "zone", "delete", "example.com");

            assertThat(r.exitCode()).isEqualTo(7);
            assertThat(server.requests).hasSize(RemoteApi.ATTEMPTS);
            assertThat(server.requests)
                    .extracting(q -> q.header("Idempotency-Key"))
                    .containsOnly(server.requests.get(0).header("Idempotency-Key"));
        }
    }

    @Test
    void anInsufficientScopeAnswerIsReportedWithWhatWasRequiredAndGranted() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r -> FakeApiServer.Response.json(403, """
                {"error":"Insufficient scope: This needs write access to zone example.com; the token grants read on example.com for record types *",
                 "details":{"required":{"access":"write","zone":"example.com"},"granted":{"access":"read","zones":["example.com"]}},
                 "code":"INSUFFICIENT_SCOPE","requestId":"r1"}
                """))) {
            CliRun r = run(server, "", "zone", "delete", "example.com");

            assertThat(r.exitCode()).isEqualTo(8);
            assertThat(r.err())
                    .startsWith("bindsmith: Insufficient scope: This needs write access to zone example.com");
        }
    }

    @Test
    void zoneListSendsTheTokenAndPrintsATable() throws Exception {
        try (FakeApiServer server = new FakeApiServer(
                r -> FakeApiServer.Response.json(200, "{\"zones\":[\"example.com\",\"example.org\"],\"count\":2}"))) {
            CliRun r = run(server, "", "zone", "list");

            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo("NAME\nexample.com\nexample.org\n");
            assertThat(server.requests).singleElement().satisfies(req -> {
                assertThat(req.method()).isEqualTo("GET");
                assertThat(req.rawPath()).isEqualTo("/api/v1/zones");
                assertThat(req.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            });
            assertThat(r.out() + r.err()).doesNotContain(TOKEN);
        }
    }

    @Test
    void jsonOutputIsTheBodyTheServerReturned() throws Exception {
        String body = "{\"name\":\"example.com\",\"zoneType\":\"primary\",\"serial\":2026112101}";
        try (FakeApiServer server = new FakeApiServer(r -> FakeApiServer.Response.json(200, body))) {
            CliRun r = run(server, "", "zone", "show", "example.com", "-o", "json");

            assertThat(r.exitCode()).isZero();
            assertThat(JSON.readTree(r.out())).isEqualTo(JSON.readTree(body));
            assertThat(server.requests.get(0).rawPath()).isEqualTo("/api/v1/zones/example.com");
        }
    }

    @Test
    void humanOutputOfAZoneIsAlignedKeyValueLines() throws Exception {
        String body = "{\"name\":\"example.com\",\"zoneType\":\"primary\",\"serial\":2026112101}";
        try (FakeApiServer server = new FakeApiServer(r -> FakeApiServer.Response.json(200, body))) {
            CliRun r = run(server, "", "zone", "show", "example.com");

            assertThat(r.out()).isEqualTo("""
                    zone:   example.com
                    type:   primary
                    serial: 2026112101
                    """);
        }
    }

    @Test
    void aNotFoundEnvelopeExits4WithOneLineOnStandardError() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r -> FakeApiServer.Response.json(
                404,
                "{\"error\":\"Zone not found\",\"details\":\"No zone named 'nope.com' exists\",\"zone\":\"nope.com\","
                        + "\"code\":\"ZONE_NOT_FOUND\",\"requestId\":\"abc\"}"))) {
            CliRun r = run(server, "", "zone", "reload", "nope.com");

            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("bindsmith: Zone not found: No zone named 'nope.com' exists\n");
            assertThat(server.requests.get(0).method()).isEqualTo("POST");
            assertThat(server.requests.get(0).rawPath()).isEqualTo("/api/v1/zones/nope.com/reload");
        }
    }

    @Test
    void verboseAddsTheCodeAndContext() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r -> FakeApiServer.Response.json(
                500,
                "{\"error\":\"RNDC command failed\",\"details\":\"connection refused\",\"command\":\"reload\","
                        + "\"code\":\"BACKEND_UNREACHABLE\"}"))) {
            CliRun r = run(server, "", "zone", "reload", "example.com", "--verbose");

            assertThat(r.exitCode()).isEqualTo(6);
            assertThat(r.err()).isEqualTo("using " + server.url() + "\n" + """
                    bindsmith: RNDC command failed: connection refused
                      code: BACKEND_UNREACHABLE
                      command: reload
                    """);
        }
    }

    @Test
    void withJsonOutputAFailurePrintsTheEnvelopeToo() throws Exception {
        String envelope =
                "{\"error\":\"Zone already exists\",\"details\":\"already exists\",\"zone\":\"a.com\",\"code\":\"ZONE_EXISTS\"}";
        try (FakeApiServer server = new FakeApiServer(r -> FakeApiServer.Response.json(409, envelope))) {
            CliRun r = run(server, "", "-o", "json", "zone", "create", "a.com", "--ns", "ns1.a.com");

            assertThat(r.exitCode()).isEqualTo(5);
            assertThat(JSON.readTree(r.out())).isEqualTo(JSON.readTree(envelope));
            assertThat(r.err()).isEqualTo("bindsmith: Zone already exists: already exists\n");
        }
    }

    @Test
    void statusCodesMapToTheirExitCodes() throws Exception {
        record Case(int status, String body, Map<String, String> headers, int exit) {}
        for (Case c : new Case[] {
            new Case(
                    400,
                    "{\"error\":\"Validation error\",\"details\":\"Invalid zone name\",\"code\":\"INVALID_ZONE_NAME\"}",
                    Map.of(),
                    3),
            new Case(
                    401,
                    "{\"error\":\"Authentication failed\",\"details\":\"Invalid Bearer token\"}",
                    Map.of("WWW-Authenticate", "Bearer"),
                    8),
            new Case(403, "{\"error\":\"Forbidden\",\"details\":\"read-only token\"}", Map.of(), 8),
            new Case(
                    413,
                    "{\"error\":\"Request body too large\",\"limit\":\"16 bytes\",\"size\":\"20 bytes\"}",
                    Map.of(),
                    3),
            new Case(422, "{\"error\":\"Invalid zone configuration\",\"details\":\"TTL out of range\"}", Map.of(), 3),
            new Case(429, "Rate limit exceeded. Please try again later.", Map.of("Retry-After", "7"), 9),
            new Case(503, "{\"error\":\"Service unavailable\",\"details\":\"Server is shutting down\"}", Map.of(), 7)
        }) {
            try (FakeApiServer server =
                    new FakeApiServer(r -> new FakeApiServer.Response(c.status(), c.headers(), c.body()))) {
                CliRun r = run(server, "", "zone", "list");
                assertThat(r.exitCode()).as("HTTP %d", c.status()).isEqualTo(c.exit());
                assertThat(r.err())
                        .as("HTTP %d", c.status())
                        .startsWith("bindsmith: ")
                        .hasLineCount(1);
            }
        }
    }

    @Test
    void theRateLimitSentenceIsTheErrorLine() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r -> new FakeApiServer.Response(
                429, Map.of("Retry-After", "7"), "Rate limit exceeded. Please try again later."))) {
            CliRun r = run(server, "", "server", "status");

            assertThat(r.exitCode()).isEqualTo(9);
            assertThat(r.err())
                    .isEqualTo("bindsmith: Rate limit exceeded. Please try again later.: Try again in 7 s\n");
        }
    }

    @Test
    void anAnswerThatIsNotBindsmithsSaysTheUrlMayBeWrong() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r -> new FakeApiServer.Response(404, Map.of(), ""))) {
            CliRun r = run(server, "", "zone", "list");

            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.err())
                    .isEqualTo("bindsmith: HTTP 404: the answer is not bindsmith's (no JSON error envelope);"
                            + " is --url the address of a bindsmith server?\n");
        }
    }

    @Test
    void detailsThatRepeatTheErrorAreSaidOnce() throws Exception {
        try (FakeApiServer server = new FakeApiServer(
                r -> FakeApiServer.Response.json(
                        400,
                        "{\"error\":\"Invalid zone name\",\"details\":\"Invalid zone name: the name must contain only"
                                + " letters, digits, hyphens, underscores and dots (found a space)\",\"code\":\"INVALID_ZONE_NAME\"}"))) {
            CliRun r = run(server, "", "zone", "show", "a b");

            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err())
                    .isEqualTo("bindsmith: Invalid zone name: the name must contain only letters, digits,"
                            + " hyphens, underscores and dots (found a space)\n");
        }
    }

    @Test
    void aHostNameThatDoesNotResolveIsSaidSoNotCalledARefusedConnection() {
        // .invalid never resolves (RFC 6761).
        CliRun r = CliRun.run(
                Map.of(),
                (s, dns) -> {
                    throw new AssertionError();
                },
                (b, e, o) -> {
                    throw new AssertionError();
                },
                "",
                "--url",
                "http://bindsmith.invalid:8080",
                "zone",
                "list");

        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.err())
                .isEqualTo("bindsmith: Service unavailable: cannot connect to http://bindsmith.invalid:8080"
                        + " (unknown host bindsmith.invalid)\n");
    }

    @Test
    void aServerThatCannotBeReachedIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.run(
                Map.of(),
                (s, dns) -> {
                    throw new AssertionError();
                },
                (b, e, o) -> {
                    throw new AssertionError();
                },
                "",
                "--url",
                "http://127.0.0.1:" + port,
                "zone",
                "list");

        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.err()).startsWith("bindsmith: Service unavailable: cannot connect to http://127.0.0.1:" + port);
    }

    @Test
    void credentialsInTheUrlAreNeverPrinted() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.run(
                Map.of(),
                (s, dns) -> {
                    throw new AssertionError();
                },
                (b, e, o) -> {
                    throw new AssertionError();
                },
                "",
                "--url",
                "http://admin:hunter2@127.0.0.1:" + port,
                "zone",
                "list",
                "--verbose");

        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.out() + r.err()).contains("http://127.0.0.1:" + port).doesNotContain("hunter2");
    }

    @Test
    void createFromOptionsSendsTheApiCreateBody() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r -> new FakeApiServer.Response(
                201,
                Map.of("Content-Type", "application/json", "Location", "/api/v1/zones/example.com"),
                "{\"success\":true,\"message\":\"Zone example.com created successfully\",\"details\":\"\"}"))) {
            CliRun r = run(
                    server,
                    "",
                    "zone",
                    "create",
                    "example.com",
                    "--ttl",
                    "300",
                    "--ns",
                    "ns1.example.com",
                    "--ns",
                    "ns2.example.net",
                    "--ns-ip",
                    "ns1.example.com=192.0.2.53",
                    "--soa-serial",
                    "7",
                    "--record",
                    "www A 192.0.2.80",
                    "--record",
                    "txt 60 TXT \"hello world\"",
                    "--also-notify",
                    "192.0.2.7:5353",
                    "--allow-transfer",
                    "192.0.2.7",
                    "--update-key",
                    "ddns",
                    "--dnssec-policy",
                    "default",
                    "--inline-signing");

            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo("Zone example.com created successfully\n");
            FakeApiServer.Request req = server.requests.get(0);
            assertThat(req.method()).isEqualTo("POST");
            assertThat(req.rawPath()).isEqualTo("/api/v1/zones");
            assertThat(req.header("Content-Type")).isEqualTo("application/json");
            assertThat(JSON.readTree(req.body())).isEqualTo(JSON.readTree("""
                    {"zoneName":"example.com","zoneType":"primary","zoneConfig":{"ttl":300,
                     "soa":{"primaryNs":"ns1.example.com","adminEmail":"hostmaster.example.com.","serial":7},
                     "nameServers":["ns1.example.com","ns2.example.net"],
                     "nameServerIps":{"ns1.example.com":"192.0.2.53"},
                     "records":[{"name":"www","type":"A","value":"192.0.2.80"},
                                {"name":"txt","ttl":60,"type":"TXT","value":"\\"hello world\\""}],
                     "alsoNotify":["192.0.2.7:5353"],"allowTransfer":["192.0.2.7"],
                     "dnssecPolicy":"default","inlineSigning":true},
                     "updateKeyName":"ddns"}"""));
        }
    }

    @Test
    void createFromStandardInputSendsTheBodyAsGiven() throws Exception {
        String body = "{\"zoneName\":\"example.org\",\"zoneType\":\"secondary\",\"zoneConfig\":{\"ttl\":3600,"
                + "\"soa\":{\"primaryNs\":\"ns.example.org\",\"adminEmail\":\"h.example.org\"},\"nameServers\":[],"
                + "\"nameServerIps\":{},\"primaries\":[\"192.0.2.1\"]}}";
        try (FakeApiServer server = new FakeApiServer(r -> FakeApiServer.Response.json(201, "{\"message\":\"ok\"}"))) {
            CliRun r = run(server, body, "zone", "create", "-f", "-");

            assertThat(r.exitCode()).isZero();
            assertThat(JSON.readTree(server.requests.get(0).body())).isEqualTo(JSON.readTree(body));
        }
    }

    @Test
    void aBulkCreateThatFailsHalfWaySaysWhichZonesWereCreatedAndWhichWereNot() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String jsonl = """
                {"zoneName":"a.example","zoneType":"primary"}
                {"zoneName":"b.example","zoneType":"primary"}
                {"zoneName":"c.example","zoneType":"primary"}
                {"zoneName":"d.example","zoneType":"primary"}
                """;
        try (FakeApiServer server = new FakeApiServer(r -> calls.incrementAndGet() == 3
                ? FakeApiServer.Response.json(
                        409,
                        "{\"error\":\"Zone already exists\",\"details\":\"already exists\",\"zone\":\"c.example\",\"code\":\"ZONE_EXISTS\"}")
                : FakeApiServer.Response.json(201, "{\"message\":\"created\"}"))) {
            CliRun r = run(server, jsonl, "zone", "create", "-f", "-");

            assertThat(r.exitCode()).isEqualTo(5);
            assertThat(server.requests).hasSize(3);
            assertThat(r.err()).isEqualTo("""
                    [1/4] a.example: created
                    [2/4] b.example: created
                    [3/4] c.example: FAILED: Zone already exists: already exists
                    """);
            assertThat(r.out()).isEqualTo("""
                    Created 2 of 4 zones.
                    Created:       a.example, b.example
                    Failed:        c.example (Zone already exists: already exists)
                    Not attempted: d.example (stopped at the first failure; --keep-going tries them all)
                    """);
        }
    }

    @Test
    void keepGoingTriesEveryZoneAndReportsJson() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String jsonl = "{\"zoneName\":\"a.example\"}\n{\"zoneName\":\"b.example\"}\n{\"zoneName\":\"c.example\"}\n";
        try (FakeApiServer server = new FakeApiServer(r -> calls.incrementAndGet() == 1
                ? FakeApiServer.Response.json(
                        400, "{\"error\":\"Validation error\",\"details\":\"Missing required field: zoneType\"}")
                : FakeApiServer.Response.json(201, "{\"message\":\"created\"}"))) {
            CliRun r = run(server, jsonl, "zone", "create", "-f", "-", "--keep-going", "-o", "json");

            assertThat(r.exitCode()).isEqualTo(3);
            JsonNode summary = JSON.readTree(r.out());
            assertThat(summary.path("total").asInt()).isEqualTo(3);
            assertThat(summary.path("created").findValuesAsText("zone")).containsExactly("b.example", "c.example");
            assertThat(summary.path("failed").get(0).path("zone").asText()).isEqualTo("a.example");
            assertThat(summary.path("failed")
                            .get(0)
                            .path("error")
                            .path("details")
                            .asText())
                    .isEqualTo("Missing required field: zoneType");
            assertThat(summary.path("notAttempted")).isEmpty();
        }
    }

    @Test
    void invalidJsonInputIsReportedWithItsPositionAndNothingIsSent() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r -> FakeApiServer.Response.json(201, "{}"))) {
            CliRun r = run(server, "{\"zoneName\": \"a.example\",\n  oops}", "zone", "create", "-f", "-");

            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err())
                    .startsWith("bindsmith: standard input is not valid JSON:")
                    .contains("line 2");
            assertThat(server.requests).isEmpty();
        }
    }

    @Test
    void invalidJsonInputWithOutputJsonPrintsTheInvalidJsonEnvelopeAndNoParserInternals() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r -> FakeApiServer.Response.json(201, "{}"))) {
            CliRun r = run(server, "{\"zoneName\": \"a.example\"", "zone", "create", "-f", "-", "-o", "json");

            assertThat(r.exitCode()).isEqualTo(3);
            JsonNode envelope = JSON.readTree(r.out());
            assertThat(envelope.path("code").asText()).isEqualTo("INVALID_JSON");
            assertThat(envelope.path("error").asText()).isEqualTo("Invalid JSON in request body");
            assertThat(envelope.path("details").asText())
                    .isEqualTo("standard input is not valid JSON: Unexpected end-of-input: expected close marker"
                            + " for Object (started at line 1, column 1) (line 1, column 25)");
            assertThat(envelope.path("line").asText()).isEqualTo("1");
            assertThat(r.err()).doesNotContain("Source", "a.example");
            assertThat(server.requests).isEmpty();
        }
    }

    @Test
    void modifySendsAPatchWithListsAndClears() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r -> FakeApiServer.Response.json(
                200, "{\"success\":true,\"message\":\"Zone example.com modified successfully\",\"details\":\"\"}"))) {
            CliRun r = run(
                    server,
                    "",
                    "zone",
                    "modify",
                    "example.com",
                    "--also-notify",
                    "192.0.2.7:5353",
                    "--also-notify",
                    "192.0.2.8",
                    "--clear-allow-update");

            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo("Zone example.com modified successfully\n");
            assertThat(server.requests.get(0).method()).isEqualTo("PATCH");
            assertThat(JSON.readTree(server.requests.get(0).body()))
                    .isEqualTo(JSON.readTree("{\"alsoNotify\":[\"192.0.2.7:5353\",\"192.0.2.8\"],\"allowUpdate\":[]}"));
        }
    }

    @Test
    void deleteOf204SaysTheZoneIsGone() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r -> new FakeApiServer.Response(204, Map.of(), ""))) {
            CliRun r = run(server, "", "zone", "delete", "example.com");

            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo("Deleted zone example.com.\n");
            assertThat(server.requests.get(0).method()).isEqualTo("DELETE");
        }
    }

    @Test
    void aZoneNameCannotReachAnotherRoute() throws Exception {
        try (FakeApiServer server =
                new FakeApiServer(r -> FakeApiServer.Response.json(400, "{\"error\":\"Validation error\"}"))) {
            run(server, "", "zone", "show", "../server/status");
            run(server, "", "zone", "show", "..");

            assertThat(server.requests.get(0).rawPath()).isEqualTo("/api/v1/zones/..%2Fserver%2Fstatus");
            assertThat(server.requests.get(1).rawPath()).isEqualTo("/api/v1/zones/%2E%2E");
        }
    }

    @Test
    void serverCommandsUseTheServerRoutes() throws Exception {
        try (FakeApiServer server = new FakeApiServer(r ->
                FakeApiServer.Response.json(200, "{\"status\":\"version: BIND 9.18\\nserver is up and running\"}"))) {
            CliRun status = run(server, "", "server", "status");
            CliRun reload = run(server, "", "server", "reload");

            assertThat(status.out()).isEqualTo("version: BIND 9.18\nserver is up and running\n");
            assertThat(reload.exitCode()).isZero();
            assertThat(server.requests)
                    .extracting(FakeApiServer.Request::method, FakeApiServer.Request::rawPath)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("GET", "/api/v1/server/status"),
                            org.assertj.core.groups.Tuple.tuple("POST", "/api/v1/server/reload"));
        }
    }

    @Test
    void globalOptionsMayStandBeforeOrAfterTheCommand() throws Exception {
        try (FakeApiServer server =
                new FakeApiServer(r -> FakeApiServer.Response.json(200, "{\"zones\":[],\"count\":0}"))) {
            CliRun after = CliRun.run(
                    Map.of(),
                    (s, dns) -> {
                        throw new AssertionError();
                    },
                    (b, e, o) -> {
                        throw new AssertionError();
                    },
                    "",
                    "zone",
                    "list",
                    "--url",
                    server.url(),
                    "--token",
                    "x");

            assertThat(after.exitCode()).isZero();
            assertThat(after.out()).isEqualTo("No zones.\n");
            assertThat(server.requests.get(0).header("Authorization")).isEqualTo("Bearer x");
        }
    }
}
