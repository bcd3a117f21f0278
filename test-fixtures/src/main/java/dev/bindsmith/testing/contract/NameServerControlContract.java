package dev.bindsmith.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.builders.ZoneSpecBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of {@link NameServerControl}, with BIND 9.18's behaviour as the reference
 * (docs/rndc-wire.md, result texts). Extend it with:
 * <ul>
 * <li>{@link #newControl()}: a control of a running server that allows new zones (a shared server
 *     is fine: every test uses zone names of its own and deletes the zones it added);</li>
 * <li>{@link #storeFor(NameServerControl)}: a store whose master files that server can load;</li>
 * <li>optionally {@link #unreachableControl()} (a control whose server cannot be reached) and
 *     {@link #updateKeyName()} (a TSIG key the server knows, for {@code allow-update}).</li>
 * </ul>
 * Failure details are compared with {@code contains} on named's {@code err} text
 * ({@code not dynamic}, {@code already frozen}), so an adapter may add named's {@code text} to them.
 */
public abstract class NameServerControlContract {

    /** The control under test. Called before each test. */
    protected abstract NameServerControl newControl();

    /** Where master files that {@code control}'s server can load are written. Called before each test. */
    protected abstract ZoneStore storeFor(NameServerControl control);

    /** A control whose server cannot be reached (a closed port); empty skips the unreachable tests. */
    protected Optional<NameServerControl> unreachableControl() {
        return Optional.empty();
    }

    /** A TSIG key name the server knows, for {@code allow-update { key …; }}; empty skips the tests that need one. */
    protected Optional<String> updateKeyName() {
        return Optional.empty();
    }

    /**
     * Applies record changes to {@code control}'s server from 127.0.0.1 (where {@code dynamic()} zones
     * take updates from); empty skips the tests that need dynamic changes.
     */
    protected Optional<RecordUpdater> updaterFor(NameServerControl control) {
        return Optional.empty();
    }

    protected NameServerControl control;
    protected ZoneStore store;
    private final List<ZoneName> added = new ArrayList<>();

    @BeforeEach
    void createControl() {
        control = newControl();
        store = storeFor(control);
    }

    @AfterEach
    void removeAddedZones() {
        for (ZoneName zone : added) {
            control.deleteZone(zone);
            store.delete(zone);
        }
        added.clear();
    }

    // ---- add ----

    @Test
    void addZoneServesAPrimaryAtTheSerialOfItsFile() {
        ZoneName name = ContractZones.unique("ctl-add");

        Outcome<ControlReply> reply = add(TestZones.spec(name.value()).serial(4242));

        Outcomes.ok(reply);
        ZoneStatus status = Outcomes.ok(control.zoneStatus(name));
        assertThat(status.name()).isEqualTo(name);
        assertThat(status.type()).isEqualTo("primary");
        assertThat(status.serial()).hasValue(4242);
        assertThat(status.raw()).contains("serial: 4242");
    }

    @Test
    void addZoneOfAZoneTheServerHasIsAConflictThatKeepsTheZoneAsItWas() {
        ZoneName name = ContractZones.unique("ctl-dup");
        Outcomes.ok(add(TestZones.spec(name.value()).serial(1)));

        Outcome<ControlReply> again =
                control.addZone(name, ZoneConfig.of(ZoneType.PRIMARY, store.fileOf(name), ZoneOptions.NONE));

        Outcomes.failure(again, Outcome.Conflict.class, ErrorCode.ZONE_EXISTS);
        assertThat(Outcomes.ok(control.zoneStatus(name)).serial()).hasValue(1);
    }

    @Test
    void addZoneOfAPrimaryWhoseFileIsMissingIsRejectedAndAddsNothing() {
        ZoneName name = ContractZones.unique("ctl-nofile");

        Outcome<ControlReply> reply =
                control.addZone(name, ZoneConfig.of(ZoneType.PRIMARY, store.fileOf(name), ZoneOptions.NONE));
        added.add(name);

        Outcomes.failure(reply, Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);
        Outcomes.failure(control.zoneStatus(name), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
    }

    @Test
    void addZoneOfASecondaryRegistersItAndASecondAddIsAConflict() {
        ZoneName name = ContractZones.unique("ctl-sec");
        ZoneSpec spec = TestZones.spec(name.value())
                .secondary(Records.endpoint("127.0.0.1", 1))
                .build();

        Outcomes.ok(add(spec));

        ZoneStatus status = Outcomes.ok(control.zoneStatus(name));
        assertThat(status.loaded())
                .as("a secondary that never loaded exists, not loaded")
                .isFalse();
        assertThat(status.type()).isEqualTo("secondary");
        assertThat(status.serial()).isEmpty();
        Outcomes.failure(
                control.addZone(name, ZoneConfig.of(ZoneType.SECONDARY, store.fileOf(name), spec.options())),
                Outcome.Conflict.class,
                ErrorCode.ZONE_EXISTS);
        Outcomes.ok(control.retransfer(name));
        Outcomes.ok(control.refresh(name));
    }

    @Test
    void concurrentAddsOfOneZoneGiveOneOkAndOneConflict() throws Exception {
        ZoneName name = ContractZones.unique("ctl-race");
        StoredZone stored =
                Outcomes.ok(store.create(TestZones.spec(name.value()).build()));
        added.add(name);
        ZoneConfig config = ZoneConfig.of(ZoneType.PRIMARY, stored.file(), ZoneOptions.NONE);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome<ControlReply>>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return control.addZone(name, config);
                }));
            }
            start.countDown();
            List<Outcome<ControlReply>> results = new ArrayList<>();
            for (var f : futures) {
                results.add(f.get());
            }

            assertThat(results).filteredOn(o -> o instanceof Outcome.Ok).hasSize(1);
            assertThat(results).filteredOn(o -> o instanceof Outcome.Conflict).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- delete ----

    @Test
    void deleteZoneStopsServingIt() {
        ZoneName name = ContractZones.unique("ctl-del");
        Outcomes.ok(add(TestZones.spec(name.value())));

        Outcomes.ok(control.deleteZone(name));

        Outcomes.failure(control.zoneStatus(name), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
        Outcomes.failure(control.deleteZone(name), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
    }

    @Test
    void aDeletedZoneCanBeAddedAgain() {
        ZoneName name = ContractZones.unique("ctl-readd");
        Outcomes.ok(add(TestZones.spec(name.value()).serial(3)));
        Outcomes.ok(control.deleteZone(name));

        Outcome<ControlReply> again =
                control.addZone(name, ZoneConfig.of(ZoneType.PRIMARY, store.fileOf(name), ZoneOptions.NONE));

        Outcomes.ok(again);
        assertThat(Outcomes.ok(control.zoneStatus(name)).serial()).hasValue(3);
    }

    // ---- unknown zones ----

    @TestFactory
    Stream<DynamicTest> everyZoneCommandOnAnUnknownZoneIsNotFound() {
        ZoneName name = ContractZones.unique("ctl-unknown");
        ZonePatch patch =
                new ZonePatch(Optional.of(List.of(Records.endpoint("192.0.2.9"))), Optional.empty(), Optional.empty());
        Map<String, Function<ZoneName, Outcome<?>>> commands = new LinkedHashMap<>();
        commands.put("delzone", z -> control.deleteZone(z));
        commands.put("modzone", z -> control.modifyZone(z, patch));
        commands.put("showzone", z -> control.showZone(z));
        commands.put("zonestatus", z -> control.zoneStatus(z));
        commands.put("reload", z -> control.reload(z));
        commands.put("refresh", z -> control.refresh(z));
        commands.put("retransfer", z -> control.retransfer(z));
        commands.put("freeze", z -> control.freeze(z));
        commands.put("thaw", z -> control.thaw(z));
        commands.put("sync", z -> control.sync(z));
        commands.put("notify", z -> control.notify(z));
        return commands.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(
                        e.getKey() + " of an unknown zone is NotFound",
                        () -> Outcomes.failure(
                                e.getValue().apply(name), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND)));
    }

    // ---- show and modify ----

    @Test
    void showZoneReturnsTheTypeFileAndOptions() {
        ZoneName name = ContractZones.unique("ctl-show");
        Outcomes.ok(add(TestZones.spec(name.value())
                .allowTransfer(Records.match("192.0.2.7"))
                .alsoNotify(Records.endpoint("192.0.2.8", 5353))));

        ZoneConfig config = Outcomes.ok(control.showZone(name));

        assertThat(config.type()).isEqualTo(ZoneType.PRIMARY);
        assertThat(config.file()).isPresent();
        assertThat(hosts(config.options().allowTransfer())).containsExactly(Records.match("192.0.2.7"));
        assertThat(config.options().alsoNotify()).containsExactly(Records.endpoint("192.0.2.8", 5353));
        assertThat(config.raw()).contains(name.value());
    }

    @Test
    void modifyZoneChangesTheNamedOptionsAndKeepsTheOthers() {
        ZoneName name = ContractZones.unique("ctl-mod");
        Outcomes.ok(add(TestZones.spec(name.value()).allowTransfer(Records.match("192.0.2.7"))));
        Endpoint notify = Records.endpoint("192.0.2.9", 5353);

        Outcome<ControlReply> reply = control.modifyZone(
                name, new ZonePatch(Optional.of(List.of(notify)), Optional.empty(), Optional.empty()));

        Outcomes.ok(reply);
        ZoneConfig config = Outcomes.ok(control.showZone(name));
        assertThat(config.options().alsoNotify()).containsExactly(notify);
        assertThat(hosts(config.options().allowTransfer())).containsExactly(Records.match("192.0.2.7"));
        assertThat(Outcomes.ok(control.zoneStatus(name)).name()).isEqualTo(name);
    }

    @Test
    void modifyZoneWithAnEmptyListRemovesTheDirective() {
        ZoneName name = ContractZones.unique("ctl-clear");
        Outcomes.ok(add(TestZones.spec(name.value()).allowTransfer(Records.match("192.0.2.7"))));

        Outcomes.ok(
                control.modifyZone(name, new ZonePatch(Optional.empty(), Optional.of(List.of()), Optional.empty())));

        assertThat(Outcomes.ok(control.showZone(name)).options().allowTransfer())
                .isEmpty();
    }

    @Test
    void modifyZoneOfAllowUpdateReplacesAddressesAndKeepsKeys() {
        Optional<String> key = updateKeyName();
        Assumptions.assumeTrue(key.isPresent(), "this server has no TSIG key for allow-update");
        ZoneName name = ContractZones.unique("ctl-upd");
        Outcomes.ok(add(TestZones.spec(name.value()).allowUpdate(Records.key(key.get()), Records.match("192.0.2.1"))));

        Outcomes.ok(control.modifyZone(
                name,
                new ZonePatch(Optional.empty(), Optional.empty(), Optional.of(List.of(Records.match("192.0.2.2"))))));

        assertThat(hosts(Outcomes.ok(control.showZone(name)).options().allowUpdate()))
                .containsExactlyInAnyOrder(Records.key(key.get()), Records.match("192.0.2.2"));
    }

    // ---- reload, notify, sync, refresh, retransfer ----

    @Test
    void reloadNotifyAndSyncOfAPrimarySucceed() {
        ZoneName name = ContractZones.unique("ctl-cmds");
        Outcomes.ok(add(TestZones.spec(name.value())));

        assertThat(Outcomes.ok(control.reload(name)).command()).isEqualTo("reload");
        assertThat(Outcomes.ok(control.notify(name)).command()).isEqualTo("notify");
        assertThat(Outcomes.ok(control.sync(name)).command()).isEqualTo("sync");
    }

    @Test
    void refreshAndRetransferOfAPrimaryAreRejected() {
        ZoneName name = ContractZones.unique("ctl-xfr");
        Outcomes.ok(add(TestZones.spec(name.value())));

        Outcomes.failure(control.refresh(name), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);
        Outcome.Failure<?> retransfer =
                Outcomes.failure(control.retransfer(name), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);
        assertThat(retransfer.details()).contains("primary");
    }

    // ---- freeze and thaw ----

    @Test
    void freezeOfAZoneThatTakesNoUpdatesIsRejectedAsNotDynamic() {
        ZoneName name = ContractZones.unique("ctl-static");
        Outcomes.ok(add(TestZones.spec(name.value())));

        Outcome.Failure<?> failure =
                Outcomes.failure(control.freeze(name), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);

        assertThat(failure.details()).contains("not dynamic");
        assertThat(Outcomes.ok(control.zoneStatus(name)).dynamic()).contains(false);
    }

    @Test
    void freezeThenFreezeAgainIsAlreadyFrozenAndThawWorksTwice() {
        ZoneName name = ContractZones.unique("ctl-freeze");
        Outcomes.ok(add(TestZones.spec(name.value()).dynamic()));
        assertThat(Outcomes.ok(control.zoneStatus(name)).dynamic()).contains(true);

        Outcomes.ok(control.freeze(name));
        Outcome.Failure<?> again =
                Outcomes.failure(control.freeze(name), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);
        assertThat(again.details()).contains("already frozen");

        Outcomes.ok(control.thaw(name));
        Outcomes.ok(control.thaw(name));
    }

    /**
     * issue 16.15: named refuses {@code reload} of a zone that takes updates (its journal would be
     * lost); the port reloads it all the same, keeping every update, and leaves it taking updates.
     */
    @Test
    void reloadOfADynamicZoneSucceedsKeepsItsUpdatesAndLeavesItTakingUpdates() throws Exception {
        ZoneName name = ContractZones.unique("ctl-dynreload");
        Optional<RecordUpdater> updater = updaterFor(control);
        Assumptions.assumeTrue(updater.isPresent(), "this adapter offers no record updater");
        Outcomes.ok(add(TestZones.spec(name.value()).dynamic()));
        Outcomes.ok(updater.get()
                .apply(name, ChangeSet.of(new RecordChange.Add(Records.a("kept." + name.value(), "192.0.2.99")))));
        long updated = Outcomes.ok(control.zoneStatus(name)).serial().orElseThrow();

        ControlReply reply = Outcomes.ok(control.reload(name));

        assertThat(reply.command()).isEqualTo("reload");
        ZoneStatus after = Outcomes.ok(control.zoneStatus(name));
        assertThat(after.serial()).hasValue(updated);
        assertThat(after.frozen()).isFalse();
        // named writes the file after freeze has answered (its dump is asynchronous): wait for it, bounded
        java.util.regex.Pattern kept = java.util.regex.Pattern.compile(
                "(?m)^kept(\\." + java.util.regex.Pattern.quote(name.value()) + "\\.)?\\s.*192\\.0\\.2\\.99");
        java.nio.file.Path file = java.nio.file.Path.of(store.fileOf(name));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!kept.matcher(java.nio.file.Files.readString(file)).find() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(java.nio.file.Files.readString(file))
                .as("the update is in the zone file (named writes owners relative to $ORIGIN)")
                .containsPattern(kept);
        Outcomes.ok(updater.get()
                .apply(name, ChangeSet.of(new RecordChange.Add(Records.a("later." + name.value(), "192.0.2.98")))));
    }

    @Test
    void thawOfAZoneThatWasNeverFrozenSucceeds() {
        ZoneName name = ContractZones.unique("ctl-thaw");
        Outcomes.ok(add(TestZones.spec(name.value())));

        Outcomes.ok(control.thaw(name));
    }

    // ---- server ----

    @Test
    void serverStatusSaysTheServerIsRunning() {
        ServerStatus status = Outcomes.ok(control.serverStatus());

        assertThat(status.running()).isTrue();
        assertThat(status.version()).isNotBlank();
        assertThat(status.zoneCount()).isPresent();
        assertThat(status.raw()).contains("server is up and running");
    }

    @Test
    void serverStatusCountsAnAddedZone() {
        int before = Outcomes.ok(control.serverStatus()).zoneCount().orElseThrow();
        Outcomes.ok(add(TestZones.spec(ContractZones.unique("ctl-count").value())));

        assertThat(Outcomes.ok(control.serverStatus()).zoneCount()).hasValue(before + 1);
    }

    @Test
    void reloadServerSucceedsAndKeepsAddedZones() {
        ZoneName name = ContractZones.unique("ctl-reloadall");
        Outcomes.ok(add(TestZones.spec(name.value()).serial(11)));

        Outcomes.ok(control.reloadServer());

        assertThat(Outcomes.ok(control.zoneStatus(name)).serial()).hasValue(11);
    }

    // ---- unreachable ----

    @TestFactory
    Stream<DynamicTest> everyCommandOfAnUnreachableServerIsBackendUnreachable() {
        Optional<NameServerControl> down = unreachableControl();
        Assumptions.assumeTrue(down.isPresent(), "this adapter offers no unreachable server");
        NameServerControl c = down.get();
        ZoneName name = ContractZones.unique("ctl-down");
        ZoneConfig config = ZoneConfig.of(ZoneType.PRIMARY, store.fileOf(name), ZoneOptions.NONE);
        ZonePatch patch = new ZonePatch(Optional.empty(), Optional.of(List.of()), Optional.empty());
        Map<String, Supplier<Outcome<?>>> commands = new LinkedHashMap<>();
        commands.put("addzone", () -> c.addZone(name, config));
        commands.put("delzone", () -> c.deleteZone(name));
        commands.put("modzone", () -> c.modifyZone(name, patch));
        commands.put("showzone", () -> c.showZone(name));
        commands.put("zonestatus", () -> c.zoneStatus(name));
        commands.put("reload", () -> c.reload(name));
        commands.put("refresh", () -> c.refresh(name));
        commands.put("retransfer", () -> c.retransfer(name));
        commands.put("freeze", () -> c.freeze(name));
        commands.put("thaw", () -> c.thaw(name));
        commands.put("sync", () -> c.sync(name));
        commands.put("notify", () -> c.notify(name));
        commands.put("status", c::serverStatus);
        commands.put("reload server", c::reloadServer);
        return commands.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(
                        e.getKey() + " is BACKEND_UNREACHABLE",
                        () -> Outcomes.failure(
                                e.getValue().get(), Outcome.BackendFailed.class, ErrorCode.BACKEND_UNREACHABLE)));
    }

    // ---- helpers ----

    /**
     * The elements with a full-length prefix written as a bare address: named's showzone prints
     * {@code 192.0.2.7} as {@code 192.0.2.7/32}, which means the same.
     */
    protected static List<AddressMatch> hosts(List<AddressMatch> elements) {
        return elements.stream()
                .map(m -> m instanceof AddressMatch.Cidr c
                                && c.prefix().isPresent()
                                && c.prefix().getAsInt() == c.address().getAddress().length * 8
                        ? new AddressMatch.Cidr(c.address(), OptionalInt.empty())
                        : m)
                .toList();
    }

    /** Writes the zone's master file with the store and adds the zone; the zone is removed after the test. */
    protected Outcome<ControlReply> add(ZoneSpecBuilder spec) {
        return add(spec.build());
    }

    protected Outcome<ControlReply> add(ZoneSpec spec) {
        StoredZone stored = Outcomes.ok(store.create(spec));
        added.add(spec.name());
        return control.addZone(spec.name(), ZoneConfig.of(spec.type(), stored.file(), spec.options()));
    }
}
