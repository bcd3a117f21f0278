package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.ZoneService;
import dev.bindsmith.testing.builders.TestZones;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The use cases on the embedded backend: a zone created through ZoneService is answered over DNS at once. */
class EmbeddedZoneServiceTest {
    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;
    private ZoneService zones;

    @BeforeEach
    void start() {
        server = EmbeddedServers.start(dataDirectory);
        zones = new ZoneService(server.zoneStore(), server.nameServerControl(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aZoneCreatedThroughTheServiceIsAnsweredOverDnsAndGoneWhenDeleted() throws IOException {
        Outcome<?> created = zones.create(TestZones.request("service.test")
                .withRecord("www", "A", "192.0.2.80")
                .build());
        assertThat(created).isInstanceOf(Outcome.Created.class);

        Message answer = query("www.service.test.");
        assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(((ARecord) answer.getSection(Section.ANSWER).getFirst())
                        .getAddress()
                        .getHostAddress())
                .isEqualTo("192.0.2.80");

        assertThat(zones.delete("service.test")).isInstanceOf(Outcome.Deleted.class);
        assertThat(query("www.service.test.").getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(server.zoneStore().list()).isEmpty();
    }

    @Test
    void aSecondCreateOfTheSameZoneIsAConflict() {
        assertThat(zones.create(TestZones.request("twice.test").build())).isInstanceOf(Outcome.Created.class);

        assertThat(zones.create(TestZones.request("twice.test").build())).isInstanceOf(Outcome.Conflict.class);
    }

    /** issue 16.4 on the embedded backend: an orphan {@code .db} made create answer 409 while status answered 404. */
    @Test
    void anOrphanMasterFileIsSetAsideKeptAndTheCreateIs201() throws IOException {
        Path orphan =
                java.nio.file.Files.writeString(dataDirectory.resolve("orphan.test.db"), "; left by an earlier tool\n");
        server.close();
        start();
        assertThat(zones.status("orphan.test")).isInstanceOf(Outcome.NotFound.class);

        assertThat(zones.create(TestZones.request("orphan.test")
                        .withRecord("www", "A", "192.0.2.7")
                        .build()))
                .isInstanceOf(Outcome.Created.class);

        assertThat(zones.status("orphan.test")).isInstanceOf(Outcome.Ok.class);
        assertThat(query("www.orphan.test.").getRcode()).isEqualTo(Rcode.NOERROR);
        try (var kept = java.nio.file.Files.walk(dataDirectory.resolve(EmbeddedZoneStore.SET_ASIDE_DIRECTORY))) {
            assertThat(kept.filter(p -> p.getFileName().toString().equals("orphan.test.db")))
                    .singleElement()
                    .satisfies(p ->
                            assertThat(java.nio.file.Files.readString(p)).isEqualTo("; left by an earlier tool\n"));
        }
        assertThat(orphan).exists(); // the new zone's own file
    }

    /** issue 16.3 on the embedded backend: a valid long name was a 500. */
    @Test
    void aZoneWithANameTooLongForAFileNameIsCreatedAnsweredAndLoadedAgainAfterARestart() throws IOException {
        String label = "a".repeat(63);
        String longest = label + "." + label + "." + label + "." + "b".repeat(50);

        assertThat(zones.create(TestZones.request(longest)
                        .withRecord("www", "A", "192.0.2.9")
                        .build()))
                .isInstanceOf(Outcome.Created.class);
        server.close();
        start();

        assertThat(zones.status(longest)).isInstanceOf(Outcome.Ok.class);
        assertThat(zones.list().map(l -> l.count())).isEqualTo(new Outcome.Ok<>(1));
        try (var files = java.nio.file.Files.list(dataDirectory)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.length() <= 255 - ".jnl".length());
        }
    }

    /** A create that stopped between the store's write and addzone is undone by the start-up reconcile. */
    @Test
    void aCreateThatNeverReachedTheServerIsRolledBackByTheReconcile() {
        assertThat(server.zoneStore().create(TestZones.spec("half.test").build()))
                .isInstanceOf(Outcome.Ok.class);
        server.close();
        start();

        var report = zones.reconcile(false, false);

        assertThat(report)
                .isInstanceOfSatisfying(
                        Outcome.Ok.class,
                        ok -> assertThat(((dev.bindsmith.core.service.ReconcileReport) ok.value()).findings())
                                .singleElement()
                                .satisfies(f -> assertThat(f.action())
                                        .isEqualTo(dev.bindsmith.core.service.ReconcileReport.Action.ROLLED_BACK)));
        assertThat(server.zoneStore().list()).isEmpty();
        assertThat(dataDirectory.resolve("half.test.db")).doesNotExist();
    }

    @Test
    void aFullReconcileFindsAFileThatAppearedWhileTheServerRanAndSetsItAsideWhenAsked() throws IOException {
        assertThat(zones.create(TestZones.request("kept.test").build())).isInstanceOf(Outcome.Created.class);
        java.nio.file.Files.writeString(dataDirectory.resolve("late.test.db"), "; appeared later\n");

        var reported = (Outcome.Ok<dev.bindsmith.core.service.ReconcileReport>) zones.reconcile(true, false);
        var setAside = (Outcome.Ok<dev.bindsmith.core.service.ReconcileReport>) zones.reconcile(true, true);

        assertThat(reported.value().findings()).singleElement().satisfies(f -> {
            assertThat(f.zone().value()).isEqualTo("late.test");
            assertThat(f.action()).isEqualTo(dev.bindsmith.core.service.ReconcileReport.Action.REPORTED);
        });
        assertThat(setAside.value().findings())
                .singleElement()
                .satisfies(f ->
                        assertThat(f.action()).isEqualTo(dev.bindsmith.core.service.ReconcileReport.Action.SET_ASIDE));
        assertThat(dataDirectory.resolve("late.test.db")).doesNotExist();
        assertThat(zones.status("kept.test")).isInstanceOf(Outcome.Ok.class);
    }

    private Message query(String host) throws IOException {
        SimpleResolver resolver = new SimpleResolver(server.localAddress().orElseThrow());
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(host), Type.A, DClass.IN)));
    }
}
