package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendSettings;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The zone and server commands against a real named: in direct mode (rndc, zone files and RFC 2136
 * through the production wiring, {@link Backend#open}), and in remote mode (--url) against a
 * bindsmith server started in-process over the same named.
 */
class CliAgainstNamedIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningNamed named;
    private static Map<String, String> env;

    @BeforeAll
    static void startNamed() {
        NamedAvailability.assumeOrRequire();
        named = NamedLauncher.create().start();
        env = new HashMap<>();
        env.put("RNDC_SERVER", "127.0.0.1:" + named.controlPort());
        env.put("RNDC_KEY_NAME", named.rndcKey().name());
        env.put("RNDC_ALGORITHM", named.rndcKey().algorithm());
        env.put("RNDC_SECRET", named.rndcKey().secret());
        env.put("BIND_ZONE_DIR", named.zoneDirectory().toString());
        env.put("NSUPDATE_SERVER", "127.0.0.1");
        env.put("NSUPDATE_PORT", Integer.toString(named.dnsPort()));
        env.put("NSUPDATE_KEY_NAME", named.updateKey().name());
        env.put("NSUPDATE_ALGORITHM", named.updateKey().algorithm());
        env.put("NSUPDATE_SECRET", named.updateKey().secret());
    }

    @AfterAll
    static void stopNamed() {
        if (named != null) {
            named.close();
        }
    }

    private static CliRun direct(String... args) {
        return CliRun.run(env, Backend::open, new HttpLauncher(), "", args);
    }

    @Test
    void zoneLifecycleInDirectMode() throws Exception {
        CliRun created = direct(
                "zone",
                "create",
                "direct.example",
                "--ns",
                "ns1.direct.example",
                "--ns-ip",
                "ns1.direct.example=192.0.2.53",
                "--record",
                "www A 192.0.2.80",
                "--soa-serial",
                "7");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out())
                .startsWith("Zone direct.example created successfully\n")
                .contains("file: " + named.zoneDirectory().toRealPath().resolve("direct.example.zone"));
        assertThat(answer("www.direct.example.")).isEqualTo("192.0.2.80");

        CliRun list = direct("zone", "list");
        assertThat(list.out()).contains("direct.example  primary");

        CliRun show = direct("zone", "show", "direct.example");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("zone:    direct.example", "serial:  7");

        CliRun status = direct("zone", "status", "direct.example");
        assertThat(status.out()).contains("name: direct.example", "serial: 7");

        assertThat(direct("zone", "reload", "direct.example").out())
                .startsWith("Zone direct.example reloaded successfully");
        assertThat(direct("zone", "notify", "direct.example").exitCode()).isZero();
        CliRun modified = direct("zone", "modify", "direct.example", "--allow-transfer", "127.0.0.1");
        assertThat(modified.exitCode()).as(modified.err()).isZero();

        CliRun retransfer = direct("zone", "retransfer", "direct.example");
        assertThat(retransfer.exitCode()).isEqualTo(6);
        assertThat(retransfer.err()).startsWith("bindsmith: ").hasLineCount(1);

        CliRun again = direct("zone", "create", "direct.example", "--ns", "ns1.example.net.");
        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(Files.readString(named.zoneDirectory().resolve("direct.example.zone")))
                .contains("192.0.2.80");

        CliRun deleted = direct("zone", "delete", "direct.example");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out()).isEqualTo("Deleted zone direct.example.\n");
        assertThat(named.zoneDirectory().resolve("direct.example.zone")).doesNotExist();

        CliRun gone = direct("zone", "reload", "direct.example");
        assertThat(gone.exitCode()).isEqualTo(4);
        assertThat(gone.err()).startsWith("bindsmith: Zone not found");
    }

    @Test
    void recordCommandsInDirectModeSendSignedUpdates() throws Exception {
        CliRun created = direct(
                "zone",
                "create",
                "records.example",
                "--ns",
                "ns1.records.example",
                "--ns-ip",
                "ns1.records.example=192.0.2.53",
                "--update-key",
                named.updateKey().name());
        assertThat(created.exitCode()).as(created.err()).isZero();

        CliRun added = direct("record", "add", "records.example", "www", "A", "192.0.2.80", "--ttl", "300");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out())
                .isEqualTo("Record added to zone records.example\n  + www.records.example. 300 A 192.0.2.80\n");
        assertThat(answer("www.records.example.")).isEqualTo("192.0.2.80");

        CliRun updated = direct("record", "update", "records.example", "www", "A", "192.0.2.80", "192.0.2.81");
        assertThat(updated.exitCode()).as(updated.err()).isZero();
        assertThat(answer("www.records.example.")).isEqualTo("192.0.2.81");

        CliRun list = direct("record", "list", "records.example", "--type", "A");
        assertThat(list.out()).contains("www.records.example.", "192.0.2.81").doesNotContain("192.0.2.80");

        CliRun applied = CliRun.run(
                env,
                Backend::open,
                new HttpLauncher(),
                "[{\"op\":\"add\",\"name\":\"api\",\"type\":\"A\",\"value\":\"192.0.2.90\"},"
                        + "{\"op\":\"remove\",\"name\":\"www\",\"type\":\"A\"}]",
                "record",
                "apply",
                "records.example",
                "-f",
                "-");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(answer("api.records.example.")).isEqualTo("192.0.2.90");

        CliRun removed = direct("record", "remove", "records.example", "api", "A", "192.0.2.90");
        assertThat(removed.exitCode()).as(removed.err()).isZero();

        CliRun notDynamic = direct(
                "zone",
                "create",
                "static.example",
                "--ns",
                "ns1.static.example",
                "--ns-ip",
                "ns1.static.example=192.0.2.53");
        assertThat(notDynamic.exitCode()).as(notDynamic.err()).isZero();
        CliRun refused = direct("record", "add", "static.example", "www", "A", "192.0.2.80");
        assertThat(refused.exitCode()).isEqualTo(3);

        assertThat(direct("zone", "delete", "records.example").exitCode()).isZero();
        assertThat(direct("zone", "delete", "static.example").exitCode()).isZero();
    }

    @Test
    void serverCommandsInDirectMode() {
        CliRun status = direct("server", "status");
        CliRun reload = direct("server", "reload");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("server is up and running");
        assertThat(reload.exitCode()).as(reload.err()).isZero();
        assertThat(reload.out()).startsWith("Server reloaded successfully");
    }

    @Test
    void theRndcConfOptionIsEnoughToReachBind() {
        Map<String, String> viaConf =
                Map.of("BIND_ZONE_DIR", named.zoneDirectory().toString());
        CliRun r = CliRun.run(
                viaConf,
                Backend::open,
                new HttpLauncher(),
                "",
                "server",
                "status",
                "--rndc-conf",
                named.rndcConf().toString(),
                "--verbose");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("backend: bind (rndc.conf " + named.rndcConf() + " given (RNDC_CONF))");
    }

    @Test
    void aNameServerThatIsDownExits6() {
        Map<String, String> wrongPort = new HashMap<>(env);
        wrongPort.put("RNDC_SERVER", "127.0.0.1:1");
        CliRun r = CliRun.run(wrongPort, Backend::open, new HttpLauncher(), "", "zone", "list", "--verbose");

        // The list comes from the zone directory; the name server is asked by the commands that need it.
        CliRun status = CliRun.run(wrongPort, Backend::open, new HttpLauncher(), "", "server", "status");
        assertThat(r.exitCode()).isZero();
        assertThat(status.exitCode()).isEqualTo(6);
        assertThat(status.err()).startsWith("bindsmith: RNDC command failed");
    }

    @Test
    void remoteModeAgainstARealServerPrintsWhatDirectModePrints() throws Exception {
        BackendSettings settings = BackendSettings.fromEnvironment(env);
        try (Backend backend = Backend.open(settings, true);
                Serve.Running server = new HttpLauncher()
                        .start(
                                backend,
                                Map.of(),
                                Map.of(
                                        "API_PORT",
                                        "0",
                                        "BIND_API_TOKEN",
                                        "it-1f4a7d0c3b6e9f2a5d8c1b4e7a0d3f6c",
                                        "RATE_LIMIT_ENABLED",
                                        "false"))) {
            Map<String, String> remoteEnv = Map.of("BINDSMITH_TOKEN", "it-1f4a7d0c3b6e9f2a5d8c1b4e7a0d3f6c");
            CliRun created = CliRun.run(
                    remoteEnv,
                    (s, d) -> {
                        throw new AssertionError("remote mode opens no backend");
                    },
                    new HttpLauncher(),
                    "",
                    "--url",
                    server.url(),
                    "zone",
                    "create",
                    "remote.example",
                    "--ns",
                    "ns1.remote.example",
                    "--ns-ip",
                    "ns1.remote.example=192.0.2.54",
                    "--soa-serial",
                    "9");
            assertThat(created.exitCode()).as(created.err()).isZero();
            assertThat(answer("ns1.remote.example.")).isEqualTo("192.0.2.54");

            for (String[] command : List.of(
                    new String[] {"zone", "show", "remote.example"},
                    new String[] {"zone", "status", "remote.example"},
                    new String[] {"zone", "show", "absent.example"},
                    new String[] {"zone", "list"})) {
                for (String output : List.of("human", "json")) {
                    String[] args = concat(command, "-o", output);
                    CliRun remote = CliRun.run(
                            remoteEnv,
                            (s, d) -> {
                                throw new AssertionError();
                            },
                            new HttpLauncher(),
                            "",
                            concat(args, "--url", server.url()));
                    CliRun local = direct(args);
                    String what = String.join(" ", args);
                    assertThat(remote.exitCode()).as(what).isEqualTo(local.exitCode());
                    assertThat(withoutServerLog(remote.err())).as(what).isEqualTo(withoutServerLog(local.err()));
                    if (output.equals("json")) {
                        assertThat(withoutVolatile(remote.out())).as(what).isEqualTo(withoutVolatile(local.out()));
                    } else {
                        assertThat(remote.out()).as(what).isEqualTo(local.out());
                    }
                }
            }

            CliRun wrongToken = CliRun.run(
                    Map.of("BINDSMITH_TOKEN", "wrong"),
                    (s, d) -> {
                        throw new AssertionError();
                    },
                    new HttpLauncher(),
                    "",
                    "--url",
                    server.url(),
                    "zone",
                    "list");
            assertThat(wrongToken.exitCode()).isEqualTo(8);
            assertThat(wrongToken.err()).doesNotContain("wrong").doesNotContain("it-1f4a7d0c3b6e9f2a5d8c1b4e7a0d3f6c");

            CliRun deleted = CliRun.run(
                    remoteEnv,
                    (s, d) -> {
                        throw new AssertionError();
                    },
                    new HttpLauncher(),
                    "",
                    "--url",
                    server.url(),
                    "zone",
                    "delete",
                    "remote.example");
            assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        }
    }

    private static JsonNode withoutVolatile(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        if (node instanceof ObjectNode object) {
            object.remove("requestId");
        }
        return node;
    }

    /** The first A record of {@code name}, or "" when there is none (NXDOMAIN or NODATA). */
    private static String answer(String name) throws Exception {
        SimpleResolver resolver = new SimpleResolver(named.address());
        resolver.setPort(named.dnsPort());
        resolver.setTimeout(Duration.ofSeconds(5));
        Message reply = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN)));
        assertThat(reply.getRcode()).isIn(Rcode.NOERROR, Rcode.NXDOMAIN);
        return reply.getSection(Section.ANSWER).stream()
                .filter(ARecord.class::isInstance)
                .map(r -> ((ARecord) r).getAddress().getHostAddress())
                .findFirst()
                .orElse("");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * The server these commands talk to runs in this JVM, so a line it logs (a connection closing, say)
     * can land in whichever command's standard error is capturing at that moment: Helidon's lines are left out, the command's
     * own lines are compared.
     */
    private static String withoutServerLog(String err) {
        return err.lines()
                .filter(l -> !l.matches(
                        "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR) +(i\\.h\\.|io\\.helidon).*"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
