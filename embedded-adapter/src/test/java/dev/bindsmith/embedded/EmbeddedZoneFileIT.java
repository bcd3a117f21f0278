package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zone files the embedded server writes are files BIND loads: named-checkzone accepts them as
 * created and after changes (written into the file by sync). Skips when named-checkzone is missing, unless bindsmith.requireNamed=true.
 */
class EmbeddedZoneFileIT {
    private static final ZoneName ZONE = ZoneName.of("checked.test");

    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;
    private Path checkzone;

    @BeforeEach
    void start() {
        Optional<Path> found = Stream.of(
                        "/usr/sbin/named-checkzone", "/usr/bin/named-checkzone", "/usr/local/sbin/named-checkzone")
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty() && Boolean.getBoolean("bindsmith.requireNamed")) {
            throw new IllegalStateException(
                    "named-checkzone is required (bindsmith.requireNamed=true) but was not found");
        }
        Assumptions.assumeTrue(found.isPresent(), "named-checkzone is not installed: skipping the zone-file check");
        checkzone = found.get();
        server = EmbeddedServers.start(dataDirectory);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void namedLoadsTheZoneFileAsCreatedAndAfterChanges() throws Exception {
        String apex = ZONE.value();
        StoredZone stored = EmbeddedServers.serve(
                server,
                TestZones.spec(apex)
                        .dynamic()
                        .record(Records.a("www." + apex, 300, "192.0.2.1"))
                        .record(Records.aaaa("www." + apex, 300, "2001:db8::1"))
                        .record(Records.mx(apex, 10, "mail." + apex))
                        .record(Records.a("mail." + apex, "192.0.2.25"))
                        .record(Records.txt("txt." + apex, "say \"hi\"; (not a comment) \\ $ORIGIN", "ünïcödé"))
                        .record(Records.srv("_sip._tcp." + apex, 10, 20, 5060, "www." + apex))
                        .record(Records.a("*.wild." + apex, "192.0.2.77"))
                        .record(Records.ns("sub." + apex, "ns.sub." + apex))
                        .record(Records.a("ns.sub." + apex, "192.0.2.99"))
                        .build());
        assertThat(check(stored)).isEqualTo(0);

        Record caa = Record.of(DomainName.of(apex), 300, new RData.Caa(0, "issue", "letsencrypt.org"));
        Outcomes.ok(server.recordUpdater()
                .apply(
                        ZONE,
                        new ChangeSet(
                                List.of(),
                                List.of(
                                        new RecordChange.Add(caa),
                                        new RecordChange.Add(
                                                Records.txt("txt2." + apex, 60, "semi;colon", "back\\slash")),
                                        new RecordChange.Add(
                                                Records.withTtl(Records.cname("alias." + apex, "www." + apex), 120)),
                                        new RecordChange.Remove(Records.a("mail." + apex, "192.0.2.25"))))));
        // changes go to the journal first; sync writes them into the zone file, as rndc sync does for named
        Outcomes.ok(server.nameServerControl().sync(ZONE));

        assertThat(Files.readString(Path.of(stored.file()))).contains("txt2." + apex);
        assertThat(check(stored)).isEqualTo(0);
    }

    private int check(StoredZone stored) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(checkzone.toString(), "-i", "local", ZONE.value(), stored.file())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("named-checkzone said").contains("OK");
        return p.exitValue();
    }
}
