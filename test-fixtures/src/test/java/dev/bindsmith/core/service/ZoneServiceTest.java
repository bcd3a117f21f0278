package dev.bindsmith.core.service;

import static dev.bindsmith.testing.Threads.awaitArrival;
import static dev.bindsmith.testing.Threads.awaitBlocked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.UnfinishedChange;
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
            // one round trip: addzone itself says when the zone exists (the zonestatus is this test's)
            assertThat(control.calls()).containsExactly("addzone example.com", "zonestatus example.com");
            assertThat(store.unfinished())
                    .as("the create is finished in the store")
                    .isEmpty();
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
        void aZoneFromNamedConfIsAConflictAndNoFileIsLeft() {
            control.configure(TestZones.spec("example.com").build());

            Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.Conflict.class,
                    ErrorCode.ZONE_EXISTS);

            assertThat(store.files()).isEmpty();
            assertThat(store.list()).isEmpty();
            assertThat(control.serves(EXAMPLE)).isTrue();
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
        void anUnfinishedCreateNamedNeverSawIsUndoneAndTheNewCreateIs201() {
            // a crash between the file write and the addzone left the files of a create of ours
            Outcomes.ok(store.create(TestZones.spec("example.com").serial(5).build()));

            Outcomes.created(
                    service.create(TestZones.request("example.com").serial(6).build()));

            assertThat(Outcomes.ok(control.zoneStatus(EXAMPLE)).serial()).hasValue(6);
            assertThat(store.unfinished()).isEmpty();
        }

        /** issue 16.4: an orphan file made create answer 409 while status answered 404, in a loop. */
        @Test
        void anOrphanFileIsSetAsideKeptAndTheCreateIs201SoCreateAndStatusAgree() {
            store.leaveFile(TestZones.spec("example.com").serial(5).build());
            String orphan = store.masterFile(EXAMPLE).orElseThrow();
            Outcomes.failure(service.status("example.com"), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);

            Outcomes.created(
                    service.create(TestZones.request("example.com").serial(6).build()));

            assertThat(Outcomes.ok(service.status("example.com")).serial()).hasValue(6);
            assertThat(store.setAsideFiles()).containsValue(orphan);
        }

        @Test
        void aManagedZoneNamedLostIsSetAsideAndCreatedAgain() {
            Outcomes.created(
                    service.create(TestZones.request("example.com").serial(5).build()));
            String before = store.masterFile(EXAMPLE).orElseThrow();
            control.deleteZone(EXAMPLE); // named lost it (its new-zone database was reset)

            Outcomes.created(
                    service.create(TestZones.request("example.com").serial(6).build()));

            assertThat(Outcomes.ok(control.zoneStatus(EXAMPLE)).serial()).hasValue(6);
            assertThat(store.setAsideFiles()).containsValue(before);
        }

        @Test
        void aZoneTheStoreHoldsAndNamedServesIs409AndTouchesNothing() {
            Outcomes.created(service.create(TestZones.request("example.com").build()));
            Map<String, String> before = store.files();

            Outcomes.failure(
                    service.create(TestZones.request("example.com").serial(9).build()),
                    Outcome.Conflict.class,
                    ErrorCode.ZONE_EXISTS);

            assertThat(store.files()).isEqualTo(before);
            assertThat(control.calls()).filteredOn(c -> c.startsWith("addzone")).hasSize(1);
        }

        @Test
        void anUnreachableServerIs500AndLeavesNothingBehind() {
            control.unreachable(true);

            Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.BackendFailed.class,
                    ErrorCode.BACKEND_UNREACHABLE);

            assertThat(store.files()).isEmpty();
            assertThat(store.list()).isEmpty();
        }

        @Test
        void aRefusedExistenceCheckOfAHeldZoneIs500AndTouchesNothing() {
            Outcomes.created(service.create(TestZones.request("example.com").build()));
            Map<String, String> before = store.files();
            control.refuse("zonestatus", "permission denied");

            Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.BackendFailed.class,
                    ErrorCode.BACKEND_REJECTED);

            assertThat(store.files()).isEqualTo(before);
            assertThat(store.find(EXAMPLE)).isPresent();
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

        /** issue 16.1: a lost addzone reply deleted the file of a zone named was serving. */
        @Test
        void anAddWhoseReplyIsLostButThatNamedCarriedOutIs201AndKeepsItsFile() {
            control.loseReply("addzone");

            Outcomes.created(service.create(TestZones.request("example.com").build()));

            assertThat(control.serves(EXAMPLE)).isTrue();
            assertThat(store.masterFile(EXAMPLE)).isPresent();
            assertThat(store.unfinished()).isEmpty();
            control.clearFaults();
            Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.Conflict.class,
                    ErrorCode.ZONE_EXISTS);
        }

        @Test
        void anAddWhoseConnectionDropsBeforeNamedRanItIs500AndRemovesTheFileItWrote() {
            control.dropConnection("addzone");

            Outcome.Failure<?> failure = Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.BackendFailed.class,
                    ErrorCode.BACKEND_UNREACHABLE);

            assertThat(failure.details()).contains("it was not added");
            assertThat(store.files()).isEmpty();
            assertThat(store.list()).isEmpty();
            assertThat(control.calls()).containsExactly("addzone example.com", "zonestatus example.com");
        }

        @Test
        void anAddWhoseOutcomeCannotBeLearnedIs500KeepsItsFileAndTheNextCreateSettlesIt() {
            control.crashAfter("addzone");

            Outcome.Failure<?> failure = Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.BackendFailed.class,
                    ErrorCode.BACKEND_OUTCOME_UNKNOWN);

            assertThat(failure.details()).contains("file is kept");
            assertThat(store.masterFile(EXAMPLE))
                    .as("named may serve it: its file stays")
                    .isPresent();
            assertThat(store.unfinished(EXAMPLE)).isPresent();
            control.clearFaults();
            control.unreachable(false);

            Outcomes.failure(
                    service.create(TestZones.request("example.com").build()),
                    Outcome.Conflict.class,
                    ErrorCode.ZONE_EXISTS);
            assertThat(store.masterFile(EXAMPLE)).isPresent();
            assertThat(store.unfinished()).as("the retry settled it").isEmpty();
        }

        @Test
        void alreadyExistsForAnAddOfOursThatWasRetriedIs201() {
            // the rndc client retries an addzone whose reused connection closed without a reply: when
            // the first one ran after all, named answers the retry "already exists"
            var retrying = new RetriedAddControl(control);
            service = new ZoneService(store, retrying, TestClocks.fixed());

            Outcomes.created(service.create(TestZones.request("example.com").build()));

            assertThat(store.masterFile(EXAMPLE)).isPresent();
            assertThat(store.unfinished()).isEmpty();
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
            Gate addzone = control.hold("addzone");
            CompletableFuture<Outcome<ZoneCreated>> first = CompletableFuture.supplyAsync(
                    () -> service.create(TestZones.request("example.com").build()));
            awaitArrival(addzone, first);

            List<Outcome<ZoneCreated>> second = new ArrayList<>();
            Thread thread = new Thread(() -> second.add(
                    service.create(TestZones.request("example.com").serial(7).build())));
            thread.start();
            awaitBlocked(thread);

            assertThat(addzone.arrivals())
                    .as("the second create is held before it writes or asks anything")
                    .isEqualTo(1);
            addzone.open();
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
        void pagesFollowTheCursorInNameOrderAndTheLastHasNoCursor() {
            for (String z : List.of("d.example", "a.example", "c.example", "b.example", "e.example")) {
                Outcomes.created(service.create(TestZones.request(z).build()));
            }

            ZonePage first =
                    Outcomes.ok(service.list(new ZoneQuery(java.util.Optional.empty(), java.util.OptionalInt.of(2))));
            ZonePage second = Outcomes.ok(service.list(new ZoneQuery(first.nextCursor(), java.util.OptionalInt.of(2))));
            ZonePage last = Outcomes.ok(service.list(new ZoneQuery(second.nextCursor(), java.util.OptionalInt.of(2))));

            assertThat(first.zones()).extracting(z -> z.name().value()).containsExactly("a.example", "b.example");
            assertThat(second.zones()).extracting(z -> z.name().value()).containsExactly("c.example", "d.example");
            assertThat(last.zones()).extracting(z -> z.name().value()).containsExactly("e.example");
            assertThat(last.nextCursor()).isEmpty();
        }

        @Test
        void aCursorStaysValidWhenZonesAreCreatedAndDeletedBetweenPages() {
            for (String z : List.of("a.example", "b.example", "c.example", "d.example")) {
                Outcomes.created(service.create(TestZones.request(z).build()));
            }
            ZonePage first =
                    Outcomes.ok(service.list(new ZoneQuery(java.util.Optional.empty(), java.util.OptionalInt.of(2))));
            assertThat(service.delete("b.example")).isInstanceOf(Outcome.Deleted.class);
            Outcomes.created(service.create(TestZones.request("bb.example").build()));

            ZonePage rest = Outcomes.ok(service.list(new ZoneQuery(first.nextCursor(), java.util.OptionalInt.empty())));

            assertThat(rest.zones())
                    .extracting(z -> z.name().value())
                    .containsExactly("bb.example", "c.example", "d.example");
        }

        @Test
        void aLimitOutOfRangeAndACursorThisServerDidNotIssueAre400() {
            Outcome.Invalid<?> invalid = Outcomes.failure(
                    service.list(new ZoneQuery(java.util.Optional.of("not-a-cursor!"), java.util.OptionalInt.of(0))),
                    Outcome.Invalid.class,
                    ErrorCode.VALIDATION_FAILED);

            assertThat(invalid.violations()).extracting(Violation::field).containsExactly("limit", "cursor");
            Outcomes.failure(
                    service.list(new ZoneQuery(
                            java.util.Optional.empty(), java.util.OptionalInt.of(ZoneService.MAX_LIMIT + 1))),
                    Outcome.Invalid.class,
                    ErrorCode.VALIDATION_FAILED);
        }

        @Test
        void withoutLimitOrCursorEveryZoneComesInOneAnswer() {
            for (int i = 0; i < 150; i++) {
                Outcomes.created(
                        service.create(TestZones.request("z" + i + ".example").build()));
            }

            ZonePage all = Outcomes.ok(service.list(ZoneQuery.all()));

            assertThat(all.count()).isEqualTo(150);
            assertThat(all.nextCursor()).isEmpty();
            assertThat(service.count()).isEqualTo(150);
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
        void aDeleteWhoseReplyIsLostButThatNamedCarriedOutIs204AndRemovesTheFiles() {
            createExample();
            control.loseReply("delzone");

            assertThat(service.delete("example.com")).isInstanceOf(Outcome.Deleted.class);

            assertThat(control.serves(EXAMPLE)).isFalse();
            assertThat(store.files()).isEmpty();
            assertThat(store.unfinished()).isEmpty();
        }

        @Test
        void aDeleteWhoseOutcomeCannotBeLearnedIs500KeepsTheFilesAndTheReconcileFinishesIt() {
            createExample();
            Map<String, String> before = store.files();
            control.crashAfter("delzone");

            Outcomes.failure(
                    service.delete("example.com"), Outcome.BackendFailed.class, ErrorCode.BACKEND_OUTCOME_UNKNOWN);

            assertThat(store.files()).isEqualTo(before);
            assertThat(store.unfinished(EXAMPLE)).map(UnfinishedChange::kind).contains(UnfinishedChange.Kind.DELETE);
            control.clearFaults();
            control.unreachable(false);

            ReconcileReport report = Outcomes.ok(service.reconcile(false, false));

            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.problem()).isEqualTo(ReconcileReport.Problem.UNFINISHED_DELETE);
                assertThat(f.action()).isEqualTo(ReconcileReport.Action.COMPLETED);
            });
            assertThat(store.files()).isEmpty();
        }

        @Test
        void aDeleteNamedRefusesKeepsTheZoneAndItsFilesAsTheyWere() {
            createExample();
            Map<String, String> before = store.files();
            control.refuse("delzone", "permission denied");

            Outcomes.failure(service.delete("example.com"), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);

            assertThat(store.files()).isEqualTo(before);
            assertThat(store.unfinished()).as("the delete was taken back").isEmpty();
        }

        /** issue 16.14: an unusable zone directory is 503, and named is not told anything. */
        @Test
        void aDeleteWithAnUnusableZoneDirectoryIs503AndNamedKeepsServingTheZone() {
            createExample();
            store.unusable(true);

            Outcomes.failure(service.delete("example.com"), Outcome.Unavailable.class, ErrorCode.UNAVAILABLE);

            assertThat(control.serves(EXAMPLE)).isTrue();
            assertThat(control.calls()).noneMatch(c -> c.startsWith("delzone"));
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

    /** issue 16.4: one truth per zone, settled with named at start and on demand. */
    @Nested
    class Reconcile {

        private ReconcileReport.Finding only(ReconcileReport report) {
            assertThat(report.findings()).hasSize(1);
            return report.findings().getFirst();
        }

        @Test
        void anUnfinishedCreateNamedCarriedOutIsCompleted() {
            StoredZone stored =
                    Outcomes.ok(store.create(TestZones.spec("example.com").build()));
            control.addZone(
                    EXAMPLE,
                    dev.bindsmith.core.port.ZoneConfig.of(
                            ZoneType.PRIMARY,
                            stored.file(),
                            TestZones.spec("example.com").build().options()));

            ReconcileReport.Finding f = only(Outcomes.ok(service.reconcile(false, false)));

            assertThat(f.problem()).isEqualTo(ReconcileReport.Problem.UNFINISHED_CREATE);
            assertThat(f.action()).isEqualTo(ReconcileReport.Action.COMPLETED);
            assertThat(store.unfinished()).isEmpty();
            assertThat(store.masterFile(EXAMPLE)).isPresent();
        }

        @Test
        void anUnfinishedCreateNamedNeverSawIsRolledBackLeavingNoOrphan() {
            Outcomes.ok(store.create(TestZones.spec("example.com").build()));

            ReconcileReport.Finding f = only(Outcomes.ok(service.reconcile(false, false)));

            assertThat(f.action()).isEqualTo(ReconcileReport.Action.ROLLED_BACK);
            assertThat(store.files()).isEmpty();
            assertThat(store.list()).isEmpty();
        }

        @Test
        void anUnfinishedDeleteNamedNeverSawIsTakenBack() {
            createExample();
            Outcomes.ok(store.deleting(EXAMPLE));

            ReconcileReport.Finding f = only(Outcomes.ok(service.reconcile(false, false)));

            assertThat(f.problem()).isEqualTo(ReconcileReport.Problem.UNFINISHED_DELETE);
            assertThat(f.action()).isEqualTo(ReconcileReport.Action.ROLLED_BACK);
            assertThat(store.unfinished()).isEmpty();
            assertThat(store.find(EXAMPLE)).isPresent();
        }

        @Test
        void aFoundFileOfAZoneNamedServesIsAdopted() {
            store.leaveFile(TestZones.spec("example.com").build());
            control.addZone(
                    EXAMPLE,
                    dev.bindsmith.core.port.ZoneConfig.of(
                            ZoneType.PRIMARY,
                            store.fileOf(EXAMPLE),
                            TestZones.spec("example.com").build().options()));

            ReconcileReport.Finding f = only(Outcomes.ok(service.reconcile(false, false)));

            assertThat(f.problem()).isEqualTo(ReconcileReport.Problem.FOUND_FILE);
            assertThat(f.action()).isEqualTo(ReconcileReport.Action.ADOPTED);
            assertThat(store.unfinished()).isEmpty();
        }

        @Test
        void aFoundFileNamedDoesNotServeIsReportedAndKeptUnlessSetAsideIsAsked() {
            store.leaveFile(TestZones.spec("example.com").build());
            Map<String, String> before = store.files();

            ReconcileReport.Finding reported = only(Outcomes.ok(service.reconcile(false, false)));

            assertThat(reported.action()).isEqualTo(ReconcileReport.Action.REPORTED);
            assertThat(store.files()).isEqualTo(before);

            ReconcileReport.Finding setAside = only(Outcomes.ok(service.reconcile(false, true)));

            assertThat(setAside.action()).isEqualTo(ReconcileReport.Action.SET_ASIDE);
            assertThat(store.files()).isEmpty();
            assertThat(store.setAsideFiles()).isEqualTo(before);
        }

        @Test
        void onlyAFullReconcileAsksAboutLiveZonesAndReportsOnesNamedNoLongerServes() {
            createExample();
            Outcomes.created(service.create(TestZones.request("kept.example").build()));
            control.deleteZone(EXAMPLE);

            assertThat(Outcomes.ok(service.reconcile(false, false)).findings()).isEmpty();
            ReconcileReport full = Outcomes.ok(service.reconcile(true, false));

            assertThat(full.checked()).isEqualTo(2);
            ReconcileReport.Finding f = only(full);
            assertThat(f.zone()).isEqualTo(EXAMPLE);
            assertThat(f.problem()).isEqualTo(ReconcileReport.Problem.NOT_SERVED);
            assertThat(f.action()).isEqualTo(ReconcileReport.Action.REPORTED);
            assertThat(service.lastReconcile()).contains(full);
        }

        @Test
        void aReconcileWithNamedUnreachableIs500AndChangesNothing() {
            Outcomes.ok(store.create(TestZones.spec("example.com").build()));
            Map<String, String> before = store.files();
            control.unreachable(true);

            Outcomes.failure(service.reconcile(true, true), Outcome.BackendFailed.class, ErrorCode.BACKEND_UNREACHABLE);

            assertThat(store.files()).isEqualTo(before);
            assertThat(store.unfinished()).hasSize(1);
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
