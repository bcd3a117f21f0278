package dev.bindsmith.rndc.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.service.ZoneService;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.rndc.NamedClients;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.rndc.client.RndcReply;
import dev.bindsmith.rndc.update.Rfc2136RecordUpdater;
import dev.bindsmith.rndc.wire.HmacAlgorithm;
import dev.bindsmith.rndc.wire.RndcKey;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.contract.ContractZones;
import dev.bindsmith.testing.contract.NameServerControlContract;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedKey;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * {@link RndcNameServerControl} with the native client and {@link FileZoneStore} against a real
 * named 9.18 started by {@link NamedLauncher}: the {@code NameServerControl} contract, then every
 * command and failure row of docs/rndc-wire.md's result texts that the contract does not already cover.
 */
class RndcNameServerControlIT extends NameServerControlContract {

    private static RunningNamed named;
    private static RndcClient client;

    @BeforeAll
    static void startNamed() {
        NamedAvailability.assumeOrRequire();
        named = NamedLauncher.create().start();
        client = clientFor(named.rndcKey(), named.controlPort());
    }

    @AfterAll
    static void stopNamed() {
        if (client != null) {
            client.close();
        }
        if (named != null) {
            named.close();
        }
    }

    static RndcClient clientFor(NamedKey key, int port) {
        return NamedClients.rndc(key, port);
    }

    @Override
    protected NameServerControl newControl() {
        return new RndcNameServerControl(client);
    }

    @Override
    protected ZoneStore storeFor(NameServerControl control) {
        return new FileZoneStore(named.zoneDirectory());
    }

    @Override
    protected Optional<NameServerControl> unreachableControl() {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RndcClient down = RndcClient.builder(RndcKey.ofBase64(
                        "k", HmacAlgorithm.HMAC_SHA256, named.rndcKey().secret()))
                .server("127.0.0.1", closedPort)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        return Optional.of(new RndcNameServerControl(down));
    }

    @Override
    protected Optional<String> updateKeyName() {
        return Optional.of(named.updateKey().name());
    }

    @Override
    protected Optional<RecordUpdater> updaterFor(NameServerControl control) {
        return Optional.of(new Rfc2136RecordUpdater(NamedClients.updates(named)));
    }

    private String diagnostics() {
        return "named's log ends with:\n" + named.logTail(30);
    }

    private static Message query(String name, int type) throws IOException {
        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(named.dnsPort());
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(
                Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(name + "."), type, DClass.IN)));
    }

    // ---- DNS: named serves what addzone added ----

    @Test
    void afterAddzoneNamedAnswersQueriesForTheZoneAuthoritatively() throws IOException {
        ZoneName name = ContractZones.unique("it-serve");
        Outcomes.ok(
                add(TestZones.spec(name.value()).serial(77).record(Records.a("www." + name.value(), "192.0.2.44"))));

        Message answer = query("www." + name.value(), Type.A);

        assertThat(answer.getRcode()).as(diagnostics()).isEqualTo(Rcode.NOERROR);
        assertThat(answer.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(answer.getSection(Section.ANSWER))
                .singleElement()
                .satisfies(r ->
                        assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("192.0.2.44"));
        Message soa = query(name.value(), Type.SOA);
        assertThat(((org.xbill.DNS.SOARecord) soa.getSection(Section.ANSWER).get(0)).getSerial())
                .isEqualTo(77);
    }

    @Test
    void aDeletedZoneIsRefused() throws IOException {
        ZoneName name = ContractZones.unique("it-refused");
        Outcomes.ok(add(TestZones.spec(name.value())));
        Outcomes.ok(control.deleteZone(name));

        assertThat(query(name.value(), Type.SOA).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    // ---- addzone rows ----

    @Test
    void addzoneOfAnExistingZoneGivesRndcsExactDetails() {
        ZoneName name = ContractZones.unique("it-exists");
        Outcomes.ok(add(TestZones.spec(name.value())));

        Outcome.Failure<?> f = Outcomes.failure(
                control.addZone(name, ZoneConfig.of(ZoneType.PRIMARY, store.fileOf(name), ZoneOptions.NONE)),
                Outcome.Conflict.class,
                ErrorCode.ZONE_EXISTS);

        assertThat(f.details()).isEqualTo("rndc: 'addzone' failed: already exists");
    }

    @Test
    void addzoneOfAMissingFileIsFileNotFoundWithNamedsText() {
        ZoneName name = ContractZones.unique("it-missing");

        Outcome.Failure<?> f = Outcomes.failure(
                control.addZone(name, ZoneConfig.of(ZoneType.PRIMARY, store.fileOf(name), ZoneOptions.NONE)),
                Outcome.BackendFailed.class,
                ErrorCode.BACKEND_REJECTED);

        assertThat(f.details())
                .isEqualTo("rndc: 'addzone' failed: file not found: dns_zone_loadnew failed: file not found");
    }

    @Test
    void addzoneOfAMalformedFileIsRejectedWithTheParserError() throws IOException {
        ZoneName name = ContractZones.unique("it-malformed");
        Path file = Path.of(store.fileOf(name));
        Files.writeString(
                file,
                "$TTL 300\n@ IN SOA ns1 hostmaster 1 3600 600 86400 300\n@ IN NS ns1\n" + "ns1 IN A not-an-address\n");
        try {
            Outcome.Failure<?> f = Outcomes.failure(
                    control.addZone(name, ZoneConfig.of(ZoneType.PRIMARY, file.toString(), ZoneOptions.NONE)),
                    Outcome.BackendFailed.class,
                    ErrorCode.BACKEND_REJECTED);

            assertThat(f.details())
                    .isEqualTo("rndc: 'addzone' failed: bad dotted quad: dns_zone_loadnew failed: bad dotted quad");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void addzoneWithNewZonesNotAllowedSaysAllowNewZonesIsOff() {
        try (RunningNamed closed = NamedLauncher.create().allowNewZones(false).start();
                RndcClient c = clientFor(closed.rndcKey(), closed.controlPort())) {
            ZoneName name = ContractZones.unique("it-noperm");
            StoredZone stored = Outcomes.ok(new FileZoneStore(closed.zoneDirectory())
                    .create(TestZones.spec(name.value()).build()));

            Outcome.Failure<?> f = Outcomes.failure(
                    new RndcNameServerControl(c)
                            .addZone(name, ZoneConfig.of(ZoneType.PRIMARY, stored.file(), ZoneOptions.NONE)),
                    Outcome.BackendFailed.class,
                    ErrorCode.BACKEND_REJECTED);

            assertThat(f.details())
                    .startsWith(
                            "rndc: 'addzone' failed: permission denied: Not allowing new zones in" + " view '_default'")
                    .contains("allow-new-zones is off");
        }
    }

    @Test
    void addzoneOfAPrimaryWithoutAFileIsNamedsConfigureFailure() {
        ZoneName name = ContractZones.unique("it-nofile");

        Outcome.Failure<?> f = Outcomes.failure(
                control.addZone(name, new ZoneConfig(ZoneType.PRIMARY, Optional.empty(), ZoneOptions.NONE, "")),
                Outcome.BackendFailed.class,
                ErrorCode.BACKEND_REJECTED);

        assertThat(f.details()).isEqualTo("rndc: 'addzone' failed: failure: configure_zone failed: failure");
    }

    @Test
    void aZoneFromNamedConfCanBeShownModifiedAndDeletedWithNamedsWarnings(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        ZoneName name = ZoneName.of("static.test");
        Path file = dir.resolve("static.test.db");
        Files.writeString(
                file,
                ZoneFileWriter.render(TestZones.spec(name.value()).serial(12).build()));
        java.util.Set<java.nio.file.attribute.PosixFilePermission> open =
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x");
        Files.setPosixFilePermissions(dir, open);
        try (RunningNamed withStatic = NamedLauncher.create()
                        .extraConfig("zone \"static.test\" { type primary; file \"" + file + "\"; };")
                        .start();
                RndcClient c = clientFor(withStatic.rndcKey(), withStatic.controlPort())) {
            RndcNameServerControl ctl = new RndcNameServerControl(c);

            assertThat(Outcomes.ok(ctl.zoneStatus(name)).serial()).hasValue(12);
            assertThat(Outcomes.ok(ctl.showZone(name)).file()).contains(file.toString());
            ControlReply modified = Outcomes.ok(ctl.modifyZone(
                    name,
                    new ZonePatch(
                            Optional.of(List.of(Records.endpoint("192.0.2.9"))), Optional.empty(), Optional.empty())));
            assertThat(modified.text())
                    .isEqualTo("zone 'static.test' must also be reconfigured in\n"
                            + "named.conf to make changes permanent.");
            assertThat(Outcomes.ok(ctl.showZone(name)).options().alsoNotify())
                    .containsExactly(Records.endpoint("192.0.2.9"));
            ControlReply deleted = Outcomes.ok(ctl.deleteZone(name));
            assertThat(deleted.text()).startsWith("zone 'static.test' is no longer active and will be deleted.");
        }
    }

    @Test
    void deletingAZoneFromNamedConfThroughTheServiceUnloadsItAndKeepsTheOperatorsFile(
            @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        ZoneName name = ZoneName.of("static2.test");
        Path file = dir.resolve("static2.test.zone"); // in the zone directory, named as bindsmith would
        Files.writeString(
                file,
                ZoneFileWriter.render(TestZones.spec(name.value()).serial(3).build()));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        String before = Files.readString(file);
        try (RunningNamed withStatic = NamedLauncher.create()
                        .extraConfig("zone \"static2.test\" { type primary; file \"" + file + "\"; };")
                        .start();
                RndcClient c = clientFor(withStatic.rndcKey(), withStatic.controlPort())) {
            ZoneService service =
                    new ZoneService(new FileZoneStore(dir), new RndcNameServerControl(c), java.time.Clock.systemUTC());

            assertThat(service.delete(name.value())).isInstanceOf(Outcome.Deleted.class);

            assertThat(new RndcNameServerControl(c).zoneStatus(name)).isInstanceOf(Outcome.NotFound.class);
            assertThat(file).exists();
            assertThat(Files.readString(file)).isEqualTo(before);
        }
    }

    // ---- zonestatus of a secondary that never loaded ----

    @Test
    void zonestatusOfASecondaryThatNeverLoadedIsOkWithItsTypeAndNoSerial() {
        ZoneName name = ContractZones.unique("it-unloaded");
        Outcomes.ok(add(TestZones.spec(name.value()).secondary(Records.endpoint("127.0.0.1", 1))));

        ZoneStatus status = Outcomes.ok(control.zoneStatus(name));

        assertThat(status.type()).isEqualTo("secondary");
        assertThat(status.serial()).isEmpty();
        assertThat(status.files()).containsExactly(store.fileOf(name));
        assertThat(status.raw()).isEqualTo("zone not loaded");
    }

    // ---- reload ----

    @Test
    void reloadOfAnUnchangedFileIsUpToDate() {
        ZoneName name = ContractZones.unique("it-uptodate");
        Outcomes.ok(add(TestZones.spec(name.value())));

        assertThat(Outcomes.ok(control.reload(name)).text()).isEqualTo("zone reload up-to-date");
    }

    @Test
    void reloadOfANewSerialIsConfirmedAndServed() throws IOException {
        ZoneName name = ContractZones.unique("it-newserial");
        Outcomes.ok(add(TestZones.spec(name.value()).serial(5)));
        Files.writeString(
                Path.of(store.fileOf(name)),
                ZoneFileWriter.render(TestZones.spec(name.value())
                        .serial(6)
                        .record(Records.a("new." + name.value(), "192.0.2.66"))
                        .build()));

        assertThat(Outcomes.ok(control.reload(name)).text()).as(diagnostics()).isEqualTo("zone reload queued");

        assertThat(Outcomes.ok(control.zoneStatus(name)).serial()).hasValue(6);
        assertThat(query("new." + name.value(), Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void reloadOfAChangedFileWithTheSameSerialIsConfirmed() throws IOException {
        ZoneName name = ContractZones.unique("it-sameserial");
        Outcomes.ok(add(TestZones.spec(name.value()).serial(8)));
        Files.writeString(
                Path.of(store.fileOf(name)),
                ZoneFileWriter.render(TestZones.spec(name.value())
                        .serial(8)
                        .record(Records.a("same." + name.value(), "192.0.2.67"))
                        .build()));

        Outcomes.ok(control.reload(name));

        assertThat(Outcomes.ok(control.zoneStatus(name)).serial()).hasValue(8);
    }

    /** issue 16.15: the reload was a 500 with named's "dynamic zone"; now a freeze and thaw, answered Ok. */
    @Test
    void reloadOfADynamicZoneFreezesAndThawsItAndNamedAnswersItsUpdateAfterwards()
            throws IOException, InterruptedException {
        ZoneName name = ContractZones.unique("it-dynreload");
        Outcomes.ok(add(TestZones.spec(name.value()).dynamic()));
        Outcomes.ok(new Rfc2136RecordUpdater(NamedClients.updates(named))
                .apply(name, ChangeSet.of(new RecordChange.Add(Records.a("dyn." + name.value(), "192.0.2.77")))));

        ControlReply reply = Outcomes.ok(control.reload(name));

        // named's two success texts: the load done at once, or queued (then watched until the zone is thawed)
        assertThat(reply.text())
                .isIn(
                        "The zone reload and thaw was successful.",
                        "A zone reload and thaw was started.\nCheck the logs to see the result.");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (query("dyn." + name.value(), Type.A).getSection(Section.ANSWER).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(query("dyn." + name.value(), Type.A).getSection(Section.ANSWER))
                .as(diagnostics())
                .extracting(r -> r.rdataToString())
                .containsExactly("192.0.2.77");
        assertThat(named.logTail(200)).doesNotContain(name.value() + "/IN: journal rollforward failed");
    }

    @Test
    void reloadOfABrokenFileIsDetectedAndTheOldSerialKeepsServing() throws Exception {
        ZoneName name = ContractZones.unique("it-broken");
        Outcomes.ok(add(TestZones.spec(name.value()).serial(5)));
        Files.writeString(
                Path.of(store.fileOf(name)),
                "$TTL 300\n@ IN SOA ns1 hostmaster 6 3600 600 86400 300\n" + "@ IN NS ns1\nns1 IN A not-an-address\n");

        Outcome.Failure<?> f =
                Outcomes.failure(control.reload(name), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);

        assertThat(f.details()).contains("did not load").contains("serial 5");
        assertThat(Outcomes.ok(control.zoneStatus(name)).serial()).hasValue(5);
        assertThat(named.awaitLog("bad dotted quad", Duration.ofSeconds(5))).isTrue();
    }

    // ---- modzone keeps what bindsmith does not model ----

    @Test
    void modifyZoneKeepsNegationsCidrsPortsAndUnknownStatementsNamedPrinted() throws Exception {
        ZoneName name = ContractZones.unique("it-keep");
        StoredZone stored =
                Outcomes.ok(store.create(TestZones.spec(name.value()).build()));
        String key = named.updateKey().name();
        RndcReply added = client.send("addzone " + name.value() + " { type primary; file \"" + stored.file() + "\";"
                + " allow-transfer { 10.0.0.0/8; key \"" + key + "\"; !192.0.2.9; any; };"
                + " allow-query { any; }; also-notify { 192.0.2.2 port 5353; }; notify explicit; };");
        try {
            assertThat(added.ok()).as(added + "\n" + diagnostics()).isTrue();

            Outcomes.ok(control.modifyZone(
                    name,
                    new ZonePatch(
                            Optional.empty(), Optional.empty(), Optional.of(List.of(Records.match("10.1.0.0/16"))))));

            ZoneConfig after = Outcomes.ok(control.showZone(name));
            assertThat(after.raw())
                    .contains(
                            "!192.0.2.9/32",
                            "10.0.0.0/8",
                            "key \"" + key + "\"",
                            "192.0.2.2 port 5353",
                            "allow-query",
                            "notify explicit",
                            "allow-update { 10.1.0.0/16; }");
            assertThat(after.options().allowTransfer())
                    .containsExactly(Records.match("10.0.0.0/8"), Records.key(key), Records.match("any"));
            assertThat(after.raw().split("allow-transfer", -1)).hasSize(2);
        } finally {
            control.deleteZone(name);
            store.delete(name);
        }
    }

    // ---- sessions ----

    @Test
    void aWrongKeyIsReportedAsARejectedSession() {
        byte[] wrong = new byte[32];
        NamedKey bad = new NamedKey(
                named.rndcKey().name(), "hmac-sha256", Base64.getEncoder().encodeToString(wrong));
        try (RndcClient c = clientFor(bad, named.controlPort())) {
            Outcome.Failure<?> f = Outcomes.failure(
                    new RndcNameServerControl(c).serverStatus(),
                    Outcome.BackendFailed.class,
                    ErrorCode.BACKEND_UNREACHABLE);

            assertThat(f.details()).contains("rejected: check key, algorithm and clock");
        }
    }

    @Test
    void deleteOfASecondaryReturnsNamedsText() {
        ZoneName name = ContractZones.unique("it-delsec");
        Outcomes.ok(add(TestZones.spec(name.value()).secondary(Records.endpoint("127.0.0.1", 1))));

        ControlReply reply = Outcomes.ok(control.deleteZone(name));

        assertThat(reply.text()).isEqualTo("zone '" + name.value() + "' will be deleted.");
    }
}
