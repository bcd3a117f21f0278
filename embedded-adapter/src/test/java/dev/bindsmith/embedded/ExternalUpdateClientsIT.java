package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.record.DnsRecords;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;

/**
 * Real clients of other projects against the embedded server: nsupdate (BIND 9) and knsupdate (Knot)
 * add, replace and delete records with TSIG, a failed prerequisite and a wrong key change nothing;
 * dig and kdig transfer the zone by AXFR and IXFR with TSIG and get what the API lists.
 */
class ExternalUpdateClientsIT {
    private static final String SECRET = "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=";
    private static final String WRONG = "YS1zdHJhbmdlci1rZXktdGhhdC1uby16b25lLW5hbWVzLTMy";
    private static final ZoneName ZONE = ZoneName.of("clients.test");

    @TempDir
    Path dir;

    private EmbeddedNameServer server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        Path keys = privateFile(
                "keys.conf", "key \"ddns-key\" {\n\talgorithm hmac-sha256;\n\tsecret \"" + SECRET + "\";\n};\n");
        server = EmbeddedNameServer.builder()
                .dataDirectory(dir.resolve("zones"))
                .port(0)
                .tsigKeyFile(keys)
                .start();
        port = server.localAddress().orElseThrow().getPort();
        EmbeddedServers.serve(
                server,
                TestZones.spec(ZONE.value())
                        .serial(100)
                        .allowUpdate(Records.key("ddns-key"))
                        .record(Records.a("www.clients.test", 300, "192.0.2.1"))
                        .build());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ---- nsupdate (bind9-dnsutils) ----

    @Test
    void nsupdateAddsReplacesAndDeletesWithTsig() throws Exception {
        ExternalTool nsupdate = ExternalTool.require("nsupdate", "bind9-dnsutils");
        Path key = privateFile(
                "nsupdate.key", "key \"ddns-key\" { algorithm hmac-sha256; secret \"" + SECRET + "\"; };\n");

        ExternalTool.Run add = nsupdate.run(
                session(
                        "update add a.clients.test 300 A 192.0.2.10",
                        "update add t.clients.test 300 TXT \"hello world\""),
                "-k",
                key.toString());
        assertQuietSuccess(add);
        assertThat(records())
                .contains(
                        Records.a("a.clients.test", 300, "192.0.2.10"),
                        Records.txt("t.clients.test", 300, "hello world"));

        ExternalTool.Run replace = nsupdate.run(
                session("update delete a.clients.test A", "update add a.clients.test 60 A 192.0.2.11"),
                "-k",
                key.toString());
        assertQuietSuccess(replace);
        assertThat(at("a.clients.test")).containsExactly(Records.a("a.clients.test", 60, "192.0.2.11"));

        ExternalTool.Run delete = nsupdate.run(session("update delete t.clients.test TXT"), "-k", key.toString());
        assertQuietSuccess(delete);
        assertThat(at("t.clients.test")).isEmpty();
        assertThat(serial()).isEqualTo(103);
    }

    @Test
    void nsupdatesFailedPrerequisiteAndWrongKeyChangeNothing() throws Exception {
        ExternalTool nsupdate = ExternalTool.require("nsupdate", "bind9-dnsutils");
        Path key = privateFile(
                "nsupdate.key", "key \"ddns-key\" { algorithm hmac-sha256; secret \"" + SECRET + "\"; };\n");
        Path wrong =
                privateFile("wrong.key", "key \"ddns-key\" { algorithm hmac-sha256; secret \"" + WRONG + "\"; };\n");
        List<Record> before = records();

        ExternalTool.Run prereq = nsupdate.run(
                session("prereq nxdomain www.clients.test", "update add www.clients.test 300 A 192.0.2.99"),
                "-k",
                key.toString());
        ExternalTool.Run badKey =
                nsupdate.run(session("update add x.clients.test 300 A 192.0.2.98"), "-k", wrong.toString());

        assertThat(prereq.exitCode()).isNotZero();
        assertThat(prereq.output()).contains("update failed: YXDOMAIN");
        assertThat(badKey.exitCode()).isNotZero();
        assertThat(badKey.output()).contains("NOTAUTH");
        assertThat(records()).containsExactlyElementsOf(before);
    }

    // ---- knsupdate (knot-dnsutils) ----

    @Test
    void knsupdateAddsReplacesAndDeletesWithTsig() throws Exception {
        ExternalTool knsupdate = ExternalTool.require("knsupdate", "knot-dnsutils");
        Path key = privateFile("knot.key", "hmac-sha256:ddns-key:" + SECRET + "\n");

        ExternalTool.Run add = knsupdate.run(
                knotSession(
                        "update add k.clients.test. 300 A 192.0.2.20",
                        "update add k.clients.test. 300 AAAA 2001:db8::20"),
                "-k",
                key.toString());
        assertQuietSuccess(add);
        assertThat(at("k.clients.test"))
                .containsExactlyInAnyOrder(
                        Records.a("k.clients.test", 300, "192.0.2.20"),
                        Records.aaaa("k.clients.test", 300, "2001:db8::20"));

        ExternalTool.Run replace = knsupdate.run(
                knotSession("update delete k.clients.test. A", "update add k.clients.test. 120 A 192.0.2.21"),
                "-k",
                key.toString());
        assertQuietSuccess(replace);
        assertThat(at("k.clients.test"))
                .containsExactlyInAnyOrder(
                        Records.a("k.clients.test", 120, "192.0.2.21"),
                        Records.aaaa("k.clients.test", 300, "2001:db8::20"));

        ExternalTool.Run delete = knsupdate.run(knotSession("update delete k.clients.test."), "-k", key.toString());
        assertQuietSuccess(delete);
        assertThat(at("k.clients.test")).isEmpty();
    }

    @Test
    void knsupdatesFailedPrerequisiteAndWrongKeyChangeNothing() throws Exception {
        ExternalTool knsupdate = ExternalTool.require("knsupdate", "knot-dnsutils");
        Path key = privateFile("knot.key", "hmac-sha256:ddns-key:" + SECRET + "\n");
        Path wrong = privateFile("wrong-knot.key", "hmac-sha256:ddns-key:" + WRONG + "\n");
        List<Record> before = records();

        ExternalTool.Run prereq = knsupdate.run(
                knotSession("prereq yxrrset www.clients.test. TXT", "update add www.clients.test. 300 TXT \"no\""),
                "-k",
                key.toString());
        ExternalTool.Run badKey =
                knsupdate.run(knotSession("update add y.clients.test. 300 A 192.0.2.97"), "-k", wrong.toString());

        assertThat(prereq.output()).contains("NXRRSET");
        assertThat(badKey.output()).containsIgnoringCase("BADSIG");
        assertThat(records()).containsExactlyElementsOf(before);
    }

    // ---- dig and kdig: AXFR and IXFR with TSIG ----

    @Test
    void digTransfersByAxfrAndIxfrWithTsigWhatTheApiLists() throws Exception {
        ExternalTool dig = ExternalTool.require("dig", "bind9-dnsutils");
        Path key = privateFile("dig.key", "key \"ddns-key\" { algorithm hmac-sha256; secret \"" + SECRET + "\"; };\n");
        change("update add d1.clients.test 300 A 192.0.2.31");
        change("update add d2.clients.test 300 A 192.0.2.32");

        ExternalTool.Run axfr =
                dig.run("", "@127.0.0.1", "-p", Integer.toString(port), "-k", key.toString(), "clients.test", "AXFR");
        ExternalTool.Run ixfr = dig.run(
                "", "@127.0.0.1", "-p", Integer.toString(port), "-k", key.toString(), "clients.test", "IXFR=101");

        assertThat(axfr.exitCode()).as(axfr.output()).isZero();
        assertSignedAndWellFormed(axfr);
        assertThat(asSet(zoneFile(axfr.output(), true))).isEqualTo(asSet(api()));
        assertThat(ixfr.exitCode()).as(ixfr.output()).isZero();
        assertSignedAndWellFormed(ixfr);
        // the change from 101 to 102 only: SOA 102, SOA 101, SOA 102, d2's A, SOA 102
        assertThat(zoneFile(ixfr.output(), false))
                .extracting(r -> r.getName() + " " + org.xbill.DNS.Type.string(r.getType()))
                .containsExactly(
                        "clients.test. SOA",
                        "clients.test. SOA",
                        "clients.test. SOA",
                        "d2.clients.test. A",
                        "clients.test. SOA");
    }

    @Test
    void kdigTransfersByAxfrAndIxfrWithTsigWhatTheApiLists() throws Exception {
        ExternalTool kdig = ExternalTool.require("kdig", "knot-dnsutils");
        Path key = privateFile("kdig.key", "hmac-sha256:ddns-key:" + SECRET + "\n");
        change("update add d1.clients.test 300 A 192.0.2.31");
        change("update delete www.clients.test A");

        ExternalTool.Run axfr =
                kdig.run("", "@127.0.0.1", "-p", Integer.toString(port), "-k", key.toString(), "clients.test", "AXFR");
        ExternalTool.Run ixfr = kdig.run(
                "", "@127.0.0.1", "-p", Integer.toString(port), "-k", key.toString(), "clients.test", "IXFR=101");

        assertThat(axfr.exitCode()).as(axfr.output()).isZero();
        assertSignedAndWellFormed(axfr);
        assertThat(asSet(zoneFile(axfr.output(), true))).isEqualTo(asSet(api()));
        assertThat(ixfr.exitCode()).as(ixfr.output()).isZero();
        assertSignedAndWellFormed(ixfr);
        assertThat(zoneFile(ixfr.output(), false))
                .extracting(r -> r.getName() + " " + org.xbill.DNS.Type.string(r.getType()))
                .containsExactly(
                        "clients.test. SOA",
                        "clients.test. SOA",
                        "www.clients.test. A",
                        "clients.test. SOA",
                        "clients.test. SOA");
    }

    // ---- helpers ----

    /** Exit code 0 and nothing said: no TSIG complaint, no warning, no error. */
    private static void assertQuietSuccess(ExternalTool.Run run) {
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .as(run.output())
                .doesNotContainIgnoringCase("tsig")
                .doesNotContainIgnoringCase("warning")
                .doesNotContainIgnoringCase("error")
                .doesNotContainIgnoringCase("failed");
    }

    /** The tool printed the transfer's TSIG record and no complaint about the messages or their signatures. */
    private static void assertSignedAndWellFormed(ExternalTool.Run run) {
        assertThat(run.output())
                .as(run.output())
                .containsPattern("ddns-key\\.\\s+0\\s+ANY\\s+TSIG\\s+hmac-sha256\\.")
                .doesNotContainIgnoringCase("warning")
                .doesNotContainIgnoringCase("malformed")
                .doesNotContainIgnoringCase("failed")
                .doesNotContainIgnoringCase("couldn't verify")
                .doesNotContain("BADSIG")
                .doesNotContain("BADKEY");
    }

    private void change(String update) throws Exception {
        ExternalTool nsupdate = ExternalTool.require("nsupdate", "bind9-dnsutils");
        Path key =
                privateFile("change.key", "key \"ddns-key\" { algorithm hmac-sha256; secret \"" + SECRET + "\"; };\n");
        ExternalTool.Run r = nsupdate.run(session(update), "-k", key.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    private String session(String... lines) {
        return "server 127.0.0.1 " + port + "\nzone clients.test\n" + String.join("\n", lines) + "\nsend\n";
    }

    private String knotSession(String... lines) {
        return "server 127.0.0.1 " + port + "\nzone clients.test.\n" + String.join("\n", lines) + "\nsend\nquit\n";
    }

    private Path privateFile(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private List<Record> records() {
        return Outcomes.ok(server.recordReader().read(ZONE));
    }

    private List<Record> at(String owner) {
        return records().stream().filter(r -> r.owner().value().equals(owner)).toList();
    }

    private long serial() {
        return records().stream()
                .map(Record::data)
                .filter(d -> d instanceof RData.StartOfAuthority)
                .map(d -> ((RData.StartOfAuthority) d).soa().serial())
                .findFirst()
                .orElseThrow();
    }

    /** What the API would list, as dnsjava records. */
    private List<org.xbill.DNS.Record> api() {
        return records().stream().map(r -> DnsRecords.toDns(r, 3600)).toList();
    }

    /** The records a tool printed, in its order (comments and TSIG skipped; an AXFR's closing SOA dropped when {@code axfr}). */
    private static List<org.xbill.DNS.Record> zoneFile(String output, boolean axfr) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String line : output.split("\n")) {
            if (!line.isBlank() && !line.startsWith(";") && !line.contains("\tTSIG\t") && !line.contains(" TSIG ")) {
                text.append(line).append('\n');
            }
        }
        List<org.xbill.DNS.Record> records = new ArrayList<>();
        try (Master master =
                new Master(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), Name.root)) {
            for (org.xbill.DNS.Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        }
        if (axfr && records.size() > 1) {
            records.removeLast();
        }
        return records;
    }

    /** Records as a set of text with their TTL: dnsjava's equals ignores TTLs. */
    private static Set<String> asSet(List<org.xbill.DNS.Record> records) {
        Set<String> set = new HashSet<>();
        records.forEach(r -> set.add(r.toString()));
        return set;
    }
}
