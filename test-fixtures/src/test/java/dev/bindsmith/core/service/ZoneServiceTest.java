package dev.bindsmith.core.service;

import static dev.bindsmith.testing.Threads.awaitArrival;
import static dev.bindsmith.testing.Threads.awaitBlocked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.Gate;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The zone use cases over the in-memory adapters: every row of the outcome table (docs/architecture.md) a zone use
 * case can produce, the data rules (nothing written before the request is judged, 409 without
 * touching anything, a failed add removes only its own file), and per-zone serialisation.
 */
class ZoneServiceTest {

    private InMemoryZoneStore store;
    private InMemoryNameServerControl control;
    private ZoneService service;

    @BeforeEach
    void wire() {
        wire(TestClocks.fixed());
    }

    private void wire(Clock clock) {
        store = new InMemoryZoneStore();
        control = new InMemoryNameServerControl(store, clock);
        service = new ZoneService(store, control, clock);
    }

    private static final ZoneName EXAMPLE = ZoneName.of("example.com");

    private Outcome.Created<ZoneCreated> createExample() {
        return Outcomes.created(service.create(TestZones.request("example.com").build()));
    }

    private void assertNoPortWasCalled() {
        assertThat(control.calls()).as("name server commands").isEmpty();
        assertThat(store.operations()).as("zone store calls").isEmpty();
    }

    @Nested
    class Create {

        @Test
        void createOfAPrimaryWritesItsFileAddsItAndReturns201WithItsLocation() {
            Outcome.Created<ZoneCreated> created = Outcomes.created(service.create(TestZones.request("Example.COM")
                    .serial(2024010101L)
                    .withRecord("www", "A", "192.0.2.1")
                    .build()));

            assertThat(created.location()).isEqualTo("zones/example.com");
            assertThat(created.value().zone()).isEqualTo(EXAMPLE);
            assertThat(created.value().type()).isEqualTo(ZoneType.PRIMARY);
            assertThat(created.value().filePath()).isEqualTo("/memory/zones/example.com.zone");
            assertThat(store.masterFile(EXAMPLE)).isPresent();
            assertThat(Outcomes.ok(control.zoneStatus(EXAMPLE)).serial()).hasValue(2024010101L);
            assertThat(control.calls())
                    .containsExactly("zonestatus example.com", "addzone example.com", "zonestatus example.com");
        }

        @Test
        void aRequestWithoutSerialGetsTodaysSerialFromTheServicesClock() {
            wire(TestClocks.at("2027-03-04T23:59:59Z"));

            Outcomes.created(service.create(
                    TestZones.request("example.com").withoutSerial().build()));

            assertThat(Outcomes.ok(control.zoneStatus(EXAMPLE)).serial()).hasValue(2027030401L);
        }

        @Test
        void createOfASecondaryRegistersItWithoutAMasterFile() {
            Outcome.Created<ZoneCreated> created = Outcomes.created(service.create(
                    TestZones.request("example.org").secondary("192.0.2.1:5353").build()));

            assertThat(created.value().type()).isEqualTo(ZoneType.SECONDARY);
            assertThat(store.find(ZoneName.of("example.org"))).isPresent();
            assertThat(store.masterFile(ZoneName.of("example.org"))).isEmpty();
            assertThat(control.serves(ZoneName.of("example.org"))).isTrue();
        }

        @Test
        void aMissingFieldIs400AndTouchesNothing() {
            Outcome<ZoneCreated> outcome = service.create(
                    TestZones.request("example.com").withoutZoneName().build());

            Outcome.Invalid<?> invalid = Outcomes.failure(outcome, Outcome.Invalid.class, ErrorCode.VALIDATION_FAILED);
            assertThat(invalid.violations()).extracting(Violation::field).contains("zoneName");
            assertNoPortWasCalled();
        }

        @Test
        void aTraversalZoneNameIs400AndTouchesNothing() {
            Outcome<ZoneCreated> outcome = service.create(
                    TestZones.request("example.com").zoneName("../../etc/x").build());

            assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
            assertThat(((Outcome.Invalid<?>) outcome).violations())
                    .extracting(Violation::field)
                    .contains("zoneName");
            assertNoPortWasCalled();
        }

        @TestFactory
        Stream<DynamicTest> aWellFormedButWrongZoneIs422AndTouchesNothing() {
            Map<String, ZoneRequest> requests = new LinkedHashMap<>();
            requests.put(
                    "TTL above 2147483647",
                    TestZones.request("example.com").ttl(2147483648L).build());
            requests.put(
                    "SOA serial 0", TestZones.request("example.com").serial(0).build());
            requests.put(
                    "SOA refresh out of range",
                    TestZones.request("example.com").refresh(4294967296L).build());
            requests.put(
                    "CNAME beside other data",
                    TestZones.request("example.com")
                            .withRecord("www", "A", "192.0.2.1")
                            .withRecord("www", "CNAME", "example.net.")
                            .build());
            return requests.entrySet().stream()
                    .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                        wire();
                        Outcome<ZoneCreated> outcome = service.create(e.getValue());

                        assertThat(outcome).isInstanceOf(Outcome.Unprocessable.class);
                        assertNoPortWasCalled();
                    }));
        }

        @Test
        void createOfAnExistingZoneReturns409AndLeavesItsFileAndJournalByteIdentical() {
            createExample();
            StoredZone stored = store.find(EXAMPLE).orElseThrow();
            store.writeFile(stored.file() + ".jnl", "journal bytes \u0000\u0001");
            Map<String, String> before = store.files();
            long serialBefore =
                    Outcomes.ok(control.zoneStatus(EXAMPLE)).serial().orElseThrow();

            Outcome<ZoneCreated> again = service.create(TestZones.request("example.com")
                    .serial(1)
                    .ttl(60)
                    .withRecord("evil", "TXT", "overwrite")
                    .build());

            Outcomes.failure(again, Outcome.Conflict.class, ErrorCode.ZONE_EXISTS);
            assertThat(store.files()).isEqualTo(before);
            assertThat(Outcomes.ok(control.zoneStatus(EXAMPLE)).serial()).hasValue(serialBefore);
            assertThat(control.calls()).filteredOn(c -> c.startsWith("addzone")).hasSize(1);
        }

        @Test
        void aZoneFromNamedConfIsAConflictAndNoFileIsWritten() {
            control.configure(TestZones.spec("example.com").build());

            Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.Conflict.class,
                    ErrorCode.ZONE_EXISTS);

            assertThat(store.files()).isEmpty();
            assertThat(store.operations()).noneMatch(op -> op.startsWith("create"));
        }

        @Test
        void aZoneTheServerHasButCouldNotLoadIsAConflict() {
            control.addZone(
                    ZoneName.of("example.org"),
                    dev.bindsmith.core.port.ZoneConfig.of(
                            ZoneType.SECONDARY,
                            "/memory/zones/example.org.zone",
                            TestZones.spec("example.org")
                                    .secondary(Records.endpoint("192.0.2.1"))
                                    .options()));

            Outcomes.failure(
                    service.create(TestZones.request("example.org").build()),
                    Outcome.Conflict.class,
                    ErrorCode.ZONE_EXISTS);

            assertThat(store.files()).isEmpty();
        }

        @Test
        void aZoneOnlyTheStoreHoldsIsAConflict() {
            Outcomes.ok(store.create(TestZones.spec("example.com").serial(5).build()));
            Map<String, String> before = store.files();

            Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.Conflict.class,
                    ErrorCode.ZONE_EXISTS);

            assertThat(store.files()).isEqualTo(before);
            assertThat(control.calls()).isEmpty();
        }

        @Test
        void anUnreachableServerIs500AndNothingIsWritten() {
            control.unreachable(true);

            Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.BackendFailed.class,
                    ErrorCode.BACKEND_UNREACHABLE);

            assertThat(store.files()).isEmpty();
            assertThat(store.operations()).noneMatch(op -> op.startsWith("create"));
        }

        @Test
        void aRefusedExistenceCheckIs500AndNothingIsWritten() {
            control.refuse("zonestatus", "permission denied");

            Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.BackendFailed.class,
                    ErrorCode.BACKEND_REJECTED);

            assertThat(store.files()).isEmpty();
        }

        @Test
        void aFailedWriteIs500AndNothingIsAdded() {
            store.failWrites(true);

            Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.BackendFailed.class,
                    ErrorCode.ZONE_FILE_WRITE_FAILED);

            assertThat(control.calls()).noneMatch(c -> c.startsWith("addzone"));
            assertThat(control.zones()).isEmpty();
        }

        @Test
        void anUnusableZoneDirectoryIs503AndNothingIsAdded() {
            store.unusable(true);

            Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.Unavailable.class,
                    ErrorCode.UNAVAILABLE);

            assertThat(control.calls()).noneMatch(c -> c.startsWith("addzone"));
        }

        @Test
        void aRejectedAddRemovesTheFileThisRequestWroteAndOnlyThatFile() {
            Outcomes.created(service.create(TestZones.request("other.com").build()));
            StoredZone other = store.find(ZoneName.of("other.com")).orElseThrow();
            store.writeFile(other.file() + ".jnl", "other's journal");
            Map<String, String> othersFiles = store.files();
            control.refuse("addzone", "failure");

            Outcome<ZoneCreated> outcome =
                    service.create(TestZones.request("example.com").build());

            Outcome.Failure<?> failure =
                    Outcomes.failure(outcome, Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);
            assertThat(failure.details()).isEqualTo("failure");
            assertThat(store.find(EXAMPLE)).isEmpty();
            assertThat(store.files()).isEqualTo(othersFiles);
            assertThat(control.serves(ZoneName.of("other.com"))).isTrue();
        }

        @Test
        void anAddWhoseConnectionDropsIs500AndRemovesTheFileItWrote() {
            control.dropConnection("addzone");

            Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.BackendFailed.class,
                    ErrorCode.BACKEND_UNREACHABLE);

            assertThat(store.files()).isEmpty();
            assertThat(store.list()).isEmpty();
        }

        @Test
        void aZoneAddedBehindOurBackDuringTheCreateIs409AndOurFileIsRemoved() throws Exception {
            Gate addzone = control.hold("addzone");
            CompletableFuture<Outcome<ZoneCreated>> create = CompletableFuture.supplyAsync(
                    () -> service.create(TestZones.request("example.com").build()));
            awaitArrival(addzone, create);
            assertThat(store.masterFile(EXAMPLE)).as("written before the add").isPresent();

            control.configure(TestZones.spec("example.com").serial(1).build());
            addzone.open();

            Outcomes.failure(create.get(), Outcome.Conflict.class, ErrorCode.ZONE_EXISTS);
            assertThat(store.files()).isEmpty();
            assertThat(Outcomes.ok(control.zoneStatus(EXAMPLE)).serial()).hasValue(1);
        }

        @Test
        void aSecondCreateOfTheSameZoneWaitsForTheFirstAndGets409() throws Exception {
            Gate zonestatus = control.hold("zonestatus");
            CompletableFuture<Outcome<ZoneCreated>> first = CompletableFuture.supplyAsync(
                    () -> service.create(TestZones.request("example.com").build()));
            awaitArrival(zonestatus, first);

            List<Outcome<ZoneCreated>> second = new ArrayList<>();
            Thread thread = new Thread(() -> second.add(
                    service.create(TestZones.request("example.com").serial(7).build())));
            thread.start();
            awaitBlocked(thread);

            assertThat(zonestatus.arrivals())
                    .as("the second create is held before it asks the server")
                    .isEqualTo(1);
            zonestatus.open();
            thread.join(Duration.ofSeconds(30).toMillis());

            Outcomes.created(first.get());
            assertThat(second).singleElement().isInstanceOf(Outcome.Conflict.class);
            assertThat(store.list()).hasSize(1);
            assertThat(control.calls()).filteredOn(c -> c.startsWith("addzone")).hasSize(1);
        }

        @Test
        void concurrentCreatesOfOneZoneGiveExactlyOne201AndOneFile() throws Exception {
            int threads = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Outcome<ZoneCreated>>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    long serial = i + 1;
                    futures.add(pool.submit(() -> {
                        start.await();
                        return service.create(
                                TestZones.request("example.com").serial(serial).build());
                    }));
                }
                start.countDown();
                List<Outcome<ZoneCreated>> results = new ArrayList<>();
                for (Future<Outcome<ZoneCreated>> f : futures) {
                    results.add(f.get());
                }

                assertThat(results)
                        .filteredOn(o -> o instanceof Outcome.Created)
                        .hasSize(1);
                assertThat(results)
                        .filteredOn(o -> o instanceof Outcome.Conflict)
                        .hasSize(threads - 1);
                assertThat(store.files()).hasSize(1);
                assertThat(control.calls())
                        .filteredOn(c -> c.startsWith("addzone"))
                        .hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void createsOfDifferentZonesAllSucceed() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Outcome<ZoneCreated>>> futures = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String name = "zone" + i + ".example";
                    futures.add(pool.submit(
                            () -> service.create(TestZones.request(name).build())));
                }
                for (Future<Outcome<ZoneCreated>> f : futures) {
                    Outcomes.created(f.get());
                }
                assertThat(store.list()).hasSize(16);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Reads {

        @Test
        void listReturnsEveryManagedZoneSortedWithItsCount() {
            Outcomes.created(service.create(TestZones.request("b.example").build()));
            Outcomes.created(service.create(
                    TestZones.request("a.example").secondary("192.0.2.1").build()));

            ZoneList list = Outcomes.ok(service.list());

            assertThat(list.zones())
                    .extracting(StoredZone::name)
                    .containsExactly(ZoneName.of("a.example"), ZoneName.of("b.example"));
            assertThat(list.count()).isEqualTo(2);
        }

        @Test
        void listOfNoZonesIsEmpty() {
            assertThat(Outcomes.ok(service.list()).count()).isZero();
        }

        @Test
        void getReturnsTheServersStatusAndTheManagedFile() {
            createExample();

            ZoneDetails details = Outcomes.ok(service.get("example.com."));

            assertThat(details.zone()).isEqualTo(EXAMPLE);
            assertThat(details.status().serial()).hasValue(2026112101L);
            assertThat(details.filePath()).contains("/memory/zones/example.com.zone");
        }

        @Test
        void getOfAZoneFromNamedConfHasNoFileOfOurs() {
            control.configure(TestZones.spec("static.example").build());

            ZoneDetails details = Outcomes.ok(service.get("static.example"));

            assertThat(details.status().type()).isEqualTo("primary");
            assertThat(details.filePath()).isEmpty();
        }

        @Test
        void getOfAnUnknownZoneIs404() {
            Outcomes.failure(service.get("nosuch.example"), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
        }

        @Test
        void statusReturnsNamedsZonestatus() {
            createExample();

            ZoneStatus status = Outcomes.ok(service.status("example.com"));

            assertThat(status.raw()).contains("name: example.com", "serial: 2026112101");
        }

        @Test
        void statusOfAnUnreachableServerIs500() {
            control.unreachable(true);

            Outcomes.failure(service.status("example.com"), Outcome.BackendFailed.class, ErrorCode.BACKEND_UNREACHABLE);
        }

        @Test
        void serverStatusAndReloadServerAreOk() {
            createExample();

            assertThat(Outcomes.ok(service.serverStatus()).zoneCount()).hasValue(1);
            assertThat(Outcomes.ok(service.reloadServer()).text()).isEqualTo("server reload successful");
        }

        @Test
        void serverStatusOfAnUnreachableServerIs500() {
            control.unreachable(true);

            Outcomes.failure(service.serverStatus(), Outcome.BackendFailed.class, ErrorCode.BACKEND_UNREACHABLE);
            Outcomes.failure(service.reloadServer(), Outcome.BackendFailed.class, ErrorCode.BACKEND_UNREACHABLE);
        }
    }

    @Nested
    class Modify {

        @Test
        void modifyChangesTheNamedOptionsAndReturns200() {
            createExample();

            ControlReply reply = Outcomes.ok(service.modify(
                    "example.com",
                    TestZones.patch()
                            .alsoNotify("192.0.2.9:5353")
                            .allowTransfer("192.0.2.9")
                            .build()));

            assertThat(reply.text()).isEqualTo("zone 'example.com' reconfigured.");
            var options = Outcomes.ok(control.showZone(EXAMPLE)).options();
            assertThat(options.alsoNotify()).containsExactly(Records.endpoint("192.0.2.9", 5353));
            assertThat(options.allowTransfer()).containsExactly(Records.match("192.0.2.9"));
        }

        @Test
        void modifyOfAnUnknownZoneIs404() {
            Outcomes.failure(
                    service.modify(
                            "nosuch.example",
                            TestZones.patch().alsoNotify("192.0.2.9").build()),
                    Outcome.NotFound.class,
                    ErrorCode.ZONE_NOT_FOUND);
        }

        @Test
        void aPatchThatNamesNoFieldIs400AndSendsNothing() {
            createExample();
            int calls = control.calls().size();

            assertThat(service.modify("example.com", TestZones.patch().build())).isInstanceOf(Outcome.Invalid.class);

            assertThat(control.calls()).hasSize(calls);
        }

        @Test
        void aBadNameAndABadPatchAreReportedTogether() {
            Outcome<ControlReply> outcome = service.modify(
                    "../x", TestZones.patch().alsoNotify("not an address").build());

            Outcome.Invalid<?> invalid = Outcomes.failure(outcome, Outcome.Invalid.class, ErrorCode.VALIDATION_FAILED);
            assertThat(invalid.violations()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(invalid.violations()).extracting(Violation::field).contains("name");
            assertNoPortWasCalled();
        }
    }

    @Nested
    class Delete {

        @Test
        void deleteStopsServingTheZoneRemovesItsFileAndJournalAndReturns204() {
            createExample();
            store.writeFile(store.fileOf(EXAMPLE) + ".jnl", "journal");

            assertThat(service.delete("example.com")).isInstanceOf(Outcome.Deleted.class);

            assertThat(control.serves(EXAMPLE)).isFalse();
            assertThat(store.files()).isEmpty();
            assertThat(store.find(EXAMPLE)).isEmpty();
        }

        @Test
        void deleteOfAnUnknownZoneIs404() {
            Outcomes.failure(service.delete("nosuch.example"), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
        }

        @Test
        void deleteOfAZoneOnlyTheStoreHoldsRemovesTheOrphanAndReturns204() {
            Outcomes.ok(store.create(TestZones.spec("example.com").build()));

            assertThat(service.delete("example.com")).isInstanceOf(Outcome.Deleted.class);

            assertThat(store.files()).isEmpty();
            assertThat(store.list()).isEmpty();
        }

        @Test
        void deleteOfAZoneFromNamedConfReturns204() {
            control.configure(TestZones.spec("static.example").build());

            assertThat(service.delete("static.example")).isInstanceOf(Outcome.Deleted.class);

            assertThat(control.serves(ZoneName.of("static.example"))).isFalse();
        }

        @Test
        void deleteOfAZoneFromNamedConfWhoseFileIsInTheZoneDirectoryKeepsThatFile() {
            // the operator's own file: named.conf declares the zone, bindsmith never wrote it
            Outcomes.ok(store.create(TestZones.spec("static.example").build()));
            control.configure(TestZones.spec("static.example").build());
            Map<String, String> before = store.files();

            assertThat(service.delete("static.example")).isInstanceOf(Outcome.Deleted.class);

            assertThat(control.serves(ZoneName.of("static.example"))).isFalse();
            assertThat(store.files()).isEqualTo(before);
        }

        @Test
        void deleteWithAnUnreachableServerIs500AndKeepsTheFile() {
            createExample();
            Map<String, String> before = store.files();
            control.unreachable(true);

            Outcomes.failure(service.delete("example.com"), Outcome.BackendFailed.class, ErrorCode.BACKEND_UNREACHABLE);

            assertThat(store.files()).isEqualTo(before);
        }

        @Test
        void aFileThatCannotBeRemovedIs500() {
            createExample();
            store.failDeletes(true);

            Outcomes.failure(
                    service.delete("example.com"), Outcome.BackendFailed.class, ErrorCode.ZONE_FILE_WRITE_FAILED);
        }

        @Test
        void aDeletedZoneCanBeCreatedAgain() {
            createExample();
            assertThat(service.delete("example.com")).isInstanceOf(Outcome.Deleted.class);

            Outcomes.created(
                    service.create(TestZones.request("example.com").serial(9).build()));

            assertThat(Outcomes.ok(control.zoneStatus(EXAMPLE)).serial()).hasValue(9);
        }
    }

    @Nested
    class Commands {

        private Map<String, Function<String, Outcome<ControlReply>>> commands() {
            Map<String, Function<String, Outcome<ControlReply>>> commands = new LinkedHashMap<>();
            commands.put("reload", name -> service.reload(name));
            commands.put("freeze", name -> service.freeze(name));
            commands.put("thaw", name -> service.thaw(name));
            commands.put("notify", name -> service.notify(name));
            commands.put("retransfer", name -> service.retransfer(name));
            return commands;
        }

        @Test
        void reloadThawAndNotifyOfAPrimaryReturn200WithNamedsText() {
            createExample();

            assertThat(Outcomes.ok(service.reload("example.com")).text()).isEqualTo("zone reload up-to-date");
            assertThat(Outcomes.ok(service.thaw("example.com")).text()).isEmpty();
            assertThat(Outcomes.ok(service.notify("example.com")).text()).isEqualTo("zone notify queued");
        }

        @Test
        void freezeAndThawOfADynamicZoneReturn200() {
            Outcomes.created(service.create(TestZones.request("dyn.example")
                    .updateKeyName("bindsmith-key")
                    .build()));

            Outcomes.ok(service.freeze("dyn.example"));
            assertThat(Outcomes.ok(service.thaw("dyn.example")).text())
                    .isEqualTo("The zone reload and thaw was successful.");
        }

        @Test
        void freezeOfAZoneThatTakesNoUpdatesIs500WithNamedsReason() {
            createExample();

            Outcome.Failure<?> failure = Outcomes.failure(
                    service.freeze("example.com"), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);

            assertThat(failure.details()).isEqualTo("not dynamic");
        }

        @Test
        void retransferOfASecondaryIs200AndOfAPrimaryIs500() {
            createExample();
            Outcomes.created(service.create(
                    TestZones.request("example.org").secondary("192.0.2.1").build()));

            Outcomes.ok(service.retransfer("example.org"));
            Outcomes.failure(
                    service.retransfer("example.com"), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);
        }

        @TestFactory
        Stream<DynamicTest> everyCommandOnAnUnknownZoneIs404() {
            return commands().entrySet().stream()
                    .map(e -> DynamicTest.dynamicTest(
                            e.getKey(),
                            () -> Outcomes.failure(
                                    e.getValue().apply("nosuch.example"),
                                    Outcome.NotFound.class,
                                    ErrorCode.ZONE_NOT_FOUND)));
        }

        @TestFactory
        Stream<DynamicTest> everyCommandWithAnUnreachableServerIs500() {
            return commands().entrySet().stream()
                    .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                        wire();
                        control.unreachable(true);
                        Outcomes.failure(
                                e.getValue().apply("example.com"),
                                Outcome.BackendFailed.class,
                                ErrorCode.BACKEND_UNREACHABLE);
                    }));
        }
    }

    /** bindcar B-1 and #68: every route that takes a name rejects a bad one with 400 before any port is called. */
    @Nested
    class Names {

        private static final List<String> BAD_NAMES = List.of(
                "../../etc/x",
                "a/b",
                "..",
                ".hidden",
                "-x",
                "a\u0000b",
                "a b",
                "a%2Fb",
                "",
                "example.com\nreload",
                "x\"; }; zone \"y",
                "*.example.com",
                "a".repeat(64) + ".com");

        private Map<String, Function<String, Outcome<?>>> routes() {
            Map<String, Function<String, Outcome<?>>> routes = new LinkedHashMap<>();
            routes.put("get", name -> service.get(name));
            routes.put("status", name -> service.status(name));
            routes.put(
                    "modify",
                    name -> service.modify(
                            name, TestZones.patch().alsoNotify("192.0.2.1").build()));
            routes.put("delete", name -> service.delete(name));
            routes.put("reload", name -> service.reload(name));
            routes.put("freeze", name -> service.freeze(name));
            routes.put("thaw", name -> service.thaw(name));
            routes.put("notify", name -> service.notify(name));
            routes.put("retransfer", name -> service.retransfer(name));
            return routes;
        }

        @TestFactory
        Stream<DynamicTest> everyNameRouteRejectsABadNameWith400BeforeAnyPortCall() {
            return routes().entrySet().stream()
                    .flatMap(route -> BAD_NAMES.stream()
                            .map(bad -> DynamicTest.dynamicTest(
                                    route.getKey() + " of "
                                            + bad.replace("\u0000", "\\0").replace("\n", "\\n"),
                                    () -> {
                                        wire();
                                        Outcome<?> outcome = route.getValue().apply(bad);

                                        Outcome.Invalid<?> invalid = Outcomes.failure(
                                                outcome, Outcome.Invalid.class, ErrorCode.INVALID_ZONE_NAME);
                                        assertThat(invalid.violations())
                                                .extracting(Violation::field)
                                                .containsExactly("name");
                                        assertThat(invalid.details()).doesNotContain("\u0000");
                                        assertNoPortWasCalled();
                                    })));
        }

        @Test
        void aNameIsNormalisedBeforeItReachesTheServer() {
            createExample();

            Outcomes.ok(service.reload("EXAMPLE.com."));

            assertThat(control.calls()).contains("reload example.com");
        }
    }
}
