package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
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
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** What the embedded server does beyond the port contracts: persistence, restarts, named's texts, what DNS clients see after a change. */
class EmbeddedNameServerBehaviourTest {
    private static final ZoneName ZONE = ZoneName.of("behaviour.test");
    private static final Instant BOOT = Instant.parse("2026-11-21T22:42:39Z");

    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;

    @BeforeEach
    void start() throws IOException {
        server = startOn(dataDirectory);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static EmbeddedNameServer startOn(Path dir) throws IOException {
        return EmbeddedNameServer.builder()
                .dataDirectory(dir)
                .port(0)
                .clock(Clock.fixed(BOOT, ZoneOffset.UTC))
                .start();
    }

    private EmbeddedNameServer startWithoutBackgroundLoading() throws IOException {
        return EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory)
                .port(0)
                .clock(Clock.fixed(BOOT, ZoneOffset.UTC))
                .loadInBackground(false)
                .start();
    }

    private StoredZone serveDynamicZone() {
        return EmbeddedServers.serve(
                server,
                TestZones.spec(ZONE.value())
                        .serial(7)
                        .dynamic()
                        .record(Records.a("www." + ZONE.value(), 300, "192.0.2.1"))
                        .build());
    }

    private Outcome<?> add(Record record) {
        return server.recordUpdater().apply(ZONE, ChangeSet.of(new RecordChange.Add(record)));
    }

    // ---- changes reach DNS clients and the disk ----

    @Test
    void anAddedRecordIsAnsweredOverDnsAtOnceWithTheNewSerial() throws IOException {
        serveDynamicZone();

        Outcomes.ok(add(Records.a("api." + ZONE.value(), 60, "192.0.2.10")));

        Message answer = query("api." + ZONE.value(), Type.A);
        assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer.getSection(Section.ANSWER))
                .singleElement()
                .satisfies(r ->
                        assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("192.0.2.10"));
        Message soa = query(ZONE.value(), Type.SOA);
        assertThat(((org.xbill.DNS.SOARecord) soa.getSection(Section.ANSWER).getFirst()).getSerial())
                .isEqualTo(8);
    }

    @Test
    void everyChangeIsInTheJournalAtOnceAndSyncWritesItIntoTheZoneFileWithoutLeavingTemporaryFiles()
            throws IOException {
        StoredZone stored = serveDynamicZone();
        Path master = Path.of(stored.file());
        Path journal = Path.of(stored.file() + ".jnl");

        Outcomes.ok(add(Records.txt("note." + ZONE.value(), 300, "written \"quoted\"; not a comment")));

        assertThat(Files.readString(journal))
                .contains(";; change 7 8")
                .contains("+ note." + ZONE.absolute())
                .contains("\\\"quoted\\\"; not a comment");
        assertThat(Files.readString(master)).doesNotContain("note.");

        Outcomes.ok(server.nameServerControl().sync(ZONE));

        assertThat(Files.readString(master))
                .contains("note." + ZONE.absolute())
                .contains("\\\"quoted\\\"; not a comment");
        assertThat(journal).doesNotExist();
        try (Stream<Path> files = Files.list(dataDirectory)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aJournalLargerThanTheZoneFileIsWrittenIntoItWithTheNextChange() throws IOException {
        StoredZone stored = serveDynamicZone();
        Path journal = Path.of(stored.file() + ".jnl");
        int i = 0;
        long before = 0;
        while (Files.exists(journal) || i == 0) {
            before = Files.exists(journal) ? Files.size(journal) : 0;
            Outcomes.ok(add(Records.txt("t" + i++ + "." + ZONE.value(), 300, "x".repeat(200))));
            if (i > 10_000) {
                throw new AssertionError("the journal was never compacted");
            }
        }

        assertThat(before).isGreaterThan(EmbeddedRecordUpdater.COMPACT_AT_LEAST);
        assertThat(Files.readString(Path.of(stored.file()))).contains("t" + (i - 1) + "." + ZONE.absolute());
    }

    @Test
    void zonesAndTheirChangesAreServedAgainAfterARestart() throws IOException {
        serveDynamicZone();
        Outcomes.ok(add(Records.a("api." + ZONE.value(), 60, "192.0.2.10")));
        ZoneName removed = ZoneName.of("removed.test");
        EmbeddedServers.serve(server, TestZones.spec(removed.value()).build());
        Outcomes.ok(server.nameServerControl().deleteZone(removed));
        server.close();

        server = startOn(dataDirectory);

        ZoneStatus status = Outcomes.ok(server.nameServerControl().zoneStatus(ZONE));
        assertThat(status.serial()).hasValue(8);
        assertThat(status.dynamic()).contains(true);
        assertThat(Outcomes.ok(server.recordReader().read(ZONE)))
                .contains(Records.a("api." + ZONE.value(), 60, "192.0.2.10"));
        assertThat(query("api." + ZONE.value(), Type.A).getSection(Section.ANSWER))
                .hasSize(1);
        Outcomes.failure(
                server.nameServerControl().zoneStatus(removed), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
        assertThat(server.zoneStore().find(removed))
                .as("delzone forgets the zone; its files are the store's")
                .isPresent();
    }

    @Test
    void aZoneWhoseFileIsBrokenAtStartIsNotServedTheLogSaysWhyAndTheOtherZonesAre() throws IOException {
        serveDynamicZone();
        ZoneName broken = ZoneName.of("broken.test");
        StoredZone stored =
                EmbeddedServers.serve(server, TestZones.spec(broken.value()).build());
        server.close();
        Files.writeString(Path.of(stored.file()), "@ IN SOA this is not a zone file\n");
        try (ZoneCommandsLog log = new ZoneCommandsLog()) {
            List<String> warnings = log.messages;
            server = startOn(dataDirectory);

            // whether the background loader or this command reads the file first, the outcome is the same
            Outcomes.failure(
                    server.nameServerControl().zoneStatus(broken), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
            assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("zone broken.test not loaded: "));
            assertThat(query(broken.value(), Type.SOA).getRcode()).isEqualTo(Rcode.REFUSED);
            assertThat(query(ZONE.value(), Type.SOA).getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(Outcomes.ok(server.nameServerControl().zoneStatus(ZONE)).serial())
                    .hasValue(7);
            assertThat(server.zoneStore().find(broken))
                    .as("its files are still the store's")
                    .isPresent();
        }
    }

    @Test
    void everyZoneIsServedRightAfterAStartWhetherOrNotItsFileWasReadYet() throws IOException {
        List<ZoneName> zones = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ZoneName zone = ZoneName.of("z" + i + ".many.test");
            EmbeddedServers.serve(
                    server, TestZones.spec(zone.value()).serial(100 + i).build());
            zones.add(zone);
        }
        server.close();

        server = startOn(dataDirectory);

        // queries first, from the last zone back: most of them reach a zone before the background loader does
        for (int i = zones.size() - 1; i >= 0; i--) {
            Message soa = query(zones.get(i).value(), Type.SOA);
            assertThat(soa.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(((org.xbill.DNS.SOARecord) soa.getSection(Section.ANSWER).getFirst()).getSerial())
                    .isEqualTo(100 + i);
        }
        assertThat(Outcomes.ok(server.nameServerControl().serverStatus()).zoneCount())
                .hasValue(zones.size());
        assertThat(server.zoneStore().count()).isEqualTo(zones.size());
    }

    @Test
    void everyZoneIsFoundPagedAndListedAsBeforeRightAfterAStartWhetherOrNotItsStatementWasReadYet() throws IOException {
        List<ZoneName> zones = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ZoneName zone = ZoneName.of("z" + i + ".listed.test");
            EmbeddedServers.serve(server, TestZones.spec(zone.value()).build());
            zones.add(zone);
        }
        ZoneName secondary = ZoneName.of("secondary.listed.test");
        EmbeddedServers.serve(
                server,
                TestZones.spec(secondary.value())
                        .secondary(new dev.bindsmith.core.zone.Endpoint(
                                java.net.InetAddress.getLoopbackAddress(), java.util.OptionalInt.of(9)))
                        .build());
        ZoneName notServed = ZoneName.of("created.listed.test");
        Outcomes.ok(server.zoneStore().create(TestZones.spec(notServed.value()).build()));
        List<StoredZone> before = server.zoneStore().list();
        server.close();

        // no background loader: every statement is read by the first look-up that needs it
        server = startWithoutBackgroundLoading();

        List<StoredZone> paged = new java.util.ArrayList<>();
        java.util.Optional<ZoneName> after = java.util.Optional.empty();
        for (List<StoredZone> page = server.zoneStore().list(after, 7);
                !page.isEmpty();
                page = server.zoneStore().list(after, 7)) {
            paged.addAll(page);
            after = java.util.Optional.of(page.getLast().name());
        }
        assertThat(paged).isEqualTo(before);
        server.close();
        server = startWithoutBackgroundLoading();
        for (int i = before.size() - 1; i >= 0; i--) {
            assertThat(server.zoneStore().find(before.get(i).name())).contains(before.get(i));
        }
        server.close();
        server = startWithoutBackgroundLoading();
        assertThat(server.zoneStore().list()).isEqualTo(before);
        assertThat(server.zoneStore().count()).isEqualTo(before.size());
        assertThat(server.zoneStore().unfinished()).singleElement().satisfies(u -> {
            assertThat(u.zone().name()).isEqualTo(notServed);
            assertThat(u.kind()).isEqualTo(dev.bindsmith.core.port.UnfinishedChange.Kind.CREATE);
        });
        Outcomes.failure(
                server.nameServerControl().zoneStatus(notServed), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
        assertThat(query(zones.getLast().value(), Type.SOA).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void aZoneWhoseStatementIsDamagedAtStartIsReportedNotServedAndTheLogSaysWhy() throws IOException {
        serveDynamicZone();
        ZoneName damaged = ZoneName.of("damaged.test");
        EmbeddedServers.serve(server, TestZones.spec(damaged.value()).build());
        server.close();
        Files.writeString(dataDirectory.resolve(damaged.value() + ".zone"), "this is not a zone statement\n");
        try (ZoneCommandsLog log = new ZoneCommandsLog()) {
            List<String> warnings = log.messages;
            server = startWithoutBackgroundLoading();

            assertThat(server.zoneStore().find(damaged))
                    .map(StoredZone::type)
                    .contains(dev.bindsmith.core.zone.ZoneType.PRIMARY);
            assertThat(server.zoneStore().unfinished()).singleElement().satisfies(u -> {
                assertThat(u.zone().name()).isEqualTo(damaged);
                assertThat(u.kind()).isEqualTo(dev.bindsmith.core.port.UnfinishedChange.Kind.CREATE);
            });
            Outcomes.failure(
                    server.nameServerControl().zoneStatus(damaged), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
            assertThat(query(damaged.value(), Type.SOA).getRcode()).isEqualTo(Rcode.REFUSED);
            assertThat(warnings)
                    .as("reported once, by the first look-up")
                    .containsOnlyOnce("zone damaged.test not loaded: its statement is unreadable");
            assertThat(query(ZONE.value(), Type.SOA).getRcode()).isEqualTo(Rcode.NOERROR);
        }
    }

    @Test
    void reloadServerServesZonesAnotherProcessAddedToTheDataDirectory() throws IOException {
        try (EmbeddedNameServer other = EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory)
                .listen(false)
                .start()) {
            EmbeddedServers.serve(other, TestZones.spec(ZONE.value()).serial(12).build());
        }
        Outcomes.failure(server.nameServerControl().zoneStatus(ZONE), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);

        assertThat(Outcomes.ok(server.nameServerControl().reloadServer()).text())
                .isEqualTo("server reload successful");

        assertThat(Outcomes.ok(server.nameServerControl().zoneStatus(ZONE)).serial())
                .hasValue(12);
        assertThat(query(ZONE.value(), Type.SOA).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void theSerialWrapsFromTheLargestValueToOne() {
        EmbeddedServers.serve(
                server,
                TestZones.spec(ZONE.value()).serial(4294967295L).dynamic().build());

        Outcomes.ok(add(Records.a("api." + ZONE.value(), 60, "192.0.2.10")));

        assertThat(Outcomes.ok(server.nameServerControl().zoneStatus(ZONE)).serial())
                .hasValue(1);
    }

    // ---- control: named's texts ----

    @Test
    void zoneStatusHasNamedsLinesInNamedsOrder() {
        StoredZone stored = serveDynamicZone();

        ZoneStatus status = Outcomes.ok(server.nameServerControl().zoneStatus(ZONE));

        assertThat(status.raw())
                .isEqualTo(String.join(
                        "\n",
                        "name: behaviour.test",
                        "type: primary",
                        "files: " + stored.file(),
                        "serial: 7",
                        "nodes: 3",
                        "last loaded: Sat, 21 Nov 2026 22:42:39 GMT",
                        "secure: no",
                        "dynamic: yes",
                        "reconfigurable via modzone: yes"));
        assertThat(status.files()).containsExactly(stored.file());
    }

    @Test
    void retransferOfAPrimaryFailsWithNamedsText() {
        serveDynamicZone();

        Outcome.Failure<?> failure = Outcomes.failure(
                server.nameServerControl().retransfer(ZONE), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);

        assertThat(failure.details()).isEqualTo("failure: retransfer: inappropriate zone type: primary");
    }

    @Test
    void aFrozenZoneRefusesUpdatesUntilItIsThawed() {
        serveDynamicZone();
        Outcomes.ok(server.nameServerControl().freeze(ZONE));
        Record api = Records.a("api." + ZONE.value(), 60, "192.0.2.10");

        Outcomes.failure(add(api), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);
        assertThat(Outcomes.ok(server.nameServerControl().zoneStatus(ZONE)).properties())
                .containsEntry("frozen", "yes");

        assertThat(Outcomes.ok(server.nameServerControl().thaw(ZONE)).text())
                .isEqualTo("The zone reload and thaw was successful.");
        Outcomes.ok(add(api));
        assertThat(Outcomes.ok(server.recordReader().read(ZONE))).contains(api);
    }

    @Test
    void thawLoadsAFileEditedWhileTheZoneWasFrozen() throws IOException {
        StoredZone stored = serveDynamicZone();
        Outcomes.ok(server.nameServerControl().freeze(ZONE));
        Path file = Path.of(stored.file());
        Files.writeString(
                file,
                Files.readString(file).replace("192.0.2.1", "198.51.100.1").replace(" 7 ", " 9 "));

        Outcomes.ok(server.nameServerControl().thaw(ZONE));

        assertThat(Outcomes.ok(server.recordReader().read(ZONE)))
                .contains(Records.a("www." + ZONE.value(), 300, "198.51.100.1"));
    }

    @Test
    void reloadReadsTheFileAgainAndSaysWhetherItChanged() throws IOException {
        StoredZone stored = EmbeddedServers.serve(
                server,
                TestZones.spec(ZONE.value())
                        .serial(7)
                        .record(Records.a("www." + ZONE.value(), 300, "192.0.2.1"))
                        .build());

        assertThat(Outcomes.ok(server.nameServerControl().reload(ZONE)).text()).isEqualTo("zone reload up-to-date");

        Path file = Path.of(stored.file());
        Files.writeString(file, Files.readString(file).replace("192.0.2.1", "198.51.100.1"));
        assertThat(Outcomes.ok(server.nameServerControl().reload(ZONE)).text()).isEqualTo("zone reload queued");
        assertThat(((ARecord) query("www." + ZONE.value(), Type.A)
                                .getSection(Section.ANSWER)
                                .getFirst())
                        .getAddress()
                        .getHostAddress())
                .isEqualTo("198.51.100.1");
    }

    @Test
    void reloadOfABrokenFileKeepsServingTheOldDataAndSaysWhy() throws IOException {
        StoredZone stored = serveDynamicZone();
        Files.writeString(Path.of(stored.file()), "$TTL 3600\nwww IN A not-an-address\n");

        Outcome.Failure<?> failure = Outcomes.failure(
                server.nameServerControl().reload(ZONE), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);

        assertThat(failure.details())
                .startsWith("failure: dns_zone_loadnew failed:")
                .doesNotContain(dataDirectory.toString());
        assertThat(query("www." + ZONE.value(), Type.A).getSection(Section.ANSWER))
                .hasSize(1);
    }

    @Test
    void serverStatusNamesTheEmbeddedServerAndCountsItsZones() {
        serveDynamicZone();

        ServerStatus status = Outcomes.ok(server.nameServerControl().serverStatus());

        assertThat(status.version()).startsWith("bindsmith embedded ");
        assertThat(status.zoneCount()).hasValue(1);
        assertThat(status.running()).isTrue();
        assertThat(status.properties()).containsEntry("number of zones", "1 (0 automatic)");
        assertThat(status.raw()).endsWith("server is up and running");
    }

    @Test
    void afterCloseTheServerSaysItIsNotRunning() {
        server.close();

        ServerStatus status = Outcomes.ok(server.nameServerControl().serverStatus());

        assertThat(status.running()).isFalse();
        assertThat(status.raw()).doesNotContain("up and running");
    }

    @Test
    void afterCloseChangesAreRefusedAsShuttingDownAndTheDataStaysReadable() {
        serveDynamicZone();
        server.close();

        Outcomes.failure(
                add(Records.a("late." + ZONE.value(), 60, "192.0.2.10")),
                Outcome.Unavailable.class,
                ErrorCode.SHUTTING_DOWN);
        Outcomes.failure(server.nameServerControl().freeze(ZONE), Outcome.Unavailable.class, ErrorCode.SHUTTING_DOWN);
        Outcomes.failure(
                server.zoneStore().create(TestZones.spec("late.test").build()),
                Outcome.Unavailable.class,
                ErrorCode.SHUTTING_DOWN);
        assertThat(Outcomes.ok(server.recordReader().read(ZONE)))
                .contains(Records.a("www." + ZONE.value(), 300, "192.0.2.1"));
        assertThat(server.zoneStore().find(ZONE)).isPresent();
    }

    @Test
    void aPortInUseIsAStartupErrorThatNamesTheAddress() throws IOException {
        InetSocketAddress taken = server.localAddress().orElseThrow();

        var builder = EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory.resolve("second"))
                .port(taken.getPort());

        org.assertj.core.api.Assertions.assertThatThrownBy(builder::start)
                .isInstanceOf(java.net.BindException.class)
                .hasMessageContaining("127.0.0.1 port " + taken.getPort());
    }

    @Test
    void closeReleasesThePortForUdpAndTcp() throws IOException {
        InetSocketAddress address = server.localAddress().orElseThrow();

        server.close();

        try (java.net.DatagramSocket udp = new java.net.DatagramSocket(address);
                java.net.ServerSocket tcp = new java.net.ServerSocket(address.getPort(), 1, address.getAddress())) {
            assertThat(udp.getLocalPort()).isEqualTo(tcp.getLocalPort()).isEqualTo(address.getPort());
        }
    }

    @Test
    void aTcpClientOverTheLimitIsClosedAtOnceWhileTheFirstIsServed() throws IOException {
        serveDynamicZone();
        try (EmbeddedNameServer small = EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory.resolve("small"))
                .port(0)
                .maxTcpClients(1)
                .start()) {
            InetSocketAddress address = small.localAddress().orElseThrow();
            try (java.net.Socket first = new java.net.Socket(address.getAddress(), address.getPort());
                    java.net.Socket second = new java.net.Socket(address.getAddress(), address.getPort())) {
                second.setSoTimeout(5000);
                assertThat(second.getInputStream().read())
                        .as("the server closed the second connection")
                        .isEqualTo(-1);

                first.setSoTimeout(5000);
                byte[] wire = Message.newQuery(
                                org.xbill.DNS.Record.newRecord(Name.fromString("x.test."), Type.A, DClass.IN))
                        .toWire();
                var out = new java.io.DataOutputStream(first.getOutputStream());
                out.writeShort(wire.length);
                out.write(wire);
                out.flush();
                var in = new java.io.DataInputStream(first.getInputStream());
                assertThat(new Message(in.readNBytes(in.readUnsignedShort())).getRcode())
                        .isEqualTo(Rcode.REFUSED);
            }
        }
    }

    @Test
    void anUpdateWithAnOwnerOutsideTheZoneIsInvalidAndChangesNothing() {
        serveDynamicZone();
        List<Record> before = Outcomes.ok(server.recordReader().read(ZONE));

        Outcomes.failure(
                add(Records.a("www.elsewhere.test", 60, "192.0.2.10")),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);

        assertThat(Outcomes.ok(server.recordReader().read(ZONE))).containsExactlyElementsOf(before);
    }

    // ---- helpers ----

    private Message query(String host, int type) throws IOException {
        InetSocketAddress address = server.localAddress().orElseThrow();
        SimpleResolver resolver = new SimpleResolver(address);
        resolver.setTimeout(Duration.ofSeconds(5));
        Message response = resolver.send(
                Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(host + "."), type, DClass.IN)));
        assertThat(response.getHeader().getFlag(Flags.QR)).isTrue();
        return response;
    }

    /** What {@link ZoneCommands} logs while it is open. */
    private static final class ZoneCommandsLog extends java.util.logging.Handler implements AutoCloseable {
        final List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.logging.Logger logger =
                java.util.logging.Logger.getLogger(ZoneCommands.class.getName());

        ZoneCommandsLog() {
            logger.addHandler(this);
        }

        @Override
        public void publish(java.util.logging.LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
