package dev.bindsmith.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The record use cases over the in-memory name server: the order of judgement, and what reaches the zone. */
class RecordServiceTest {
    private static final ZoneName ZONE = ZoneName.of("example.com");

    InMemoryNameServerControl server;
    InMemoryRecordStore records;
    RecordService service;

    @BeforeEach
    void serveZones() {
        server = new InMemoryNameServerControl(new InMemoryZoneStore(), TestClocks.fixed());
        server.configure(TestZones.spec("example.com")
                .dynamic()
                .record(Records.a("www.example.com", 300, "192.0.2.1"))
                .build());
        server.configure(TestZones.spec("static.test").build());
        records = new InMemoryRecordStore(server);
        service = service(server, records);
    }

    /** The service under test; a subclass runs every case on another configuration of it. */
    RecordService service(InMemoryNameServerControl server, InMemoryRecordStore records) {
        return new RecordService(server, records, records);
    }

    List<Record> zone() {
        return Outcomes.ok(records.read(ZONE));
    }

    List<Record> at(String owner, RecordType type) {
        return zone().stream()
                .filter(r -> r.owner().value().equals(owner) && r.type() == type)
                .toList();
    }

    private static RecordUpdateRequest update(String name, String type, String current, String next) {
        return new RecordUpdateRequest(
                Optional.of(name),
                Optional.of(type),
                Optional.of(current),
                Optional.of(next),
                OptionalLong.empty(),
                OptionalLong.empty());
    }

    private static RecordRemoveRequest remove(String name, String type, String value) {
        return new RecordRemoveRequest(Optional.of(name), Optional.of(type), Optional.ofNullable(value));
    }

    // ---- concurrent changes to one zone (issue 11) and lost answers (issue 16.1) ----

    /** Starts {@code add} on a thread of its own; its outcome lands in the returned future. */
    private static java.util.concurrent.CompletableFuture<Outcome<RecordChanged>> started(
            List<Thread> threads, java.util.function.Supplier<Outcome<RecordChanged>> add) {
        var outcome = new java.util.concurrent.CompletableFuture<Outcome<RecordChanged>>();
        Thread t = new Thread(() -> outcome.complete(add.get()));
        threads.add(t);
        t.start();
        return outcome;
    }

    @Test
    void concurrentAddsToOneZoneTravelInOneUpdateAndEachGetsItsOwn201() throws Exception {
        dev.bindsmith.testing.memory.Gate update = server.hold("update");
        try {
            List<Thread> threads = new ArrayList<>();
            List<java.util.concurrent.CompletableFuture<Outcome<RecordChanged>>> adds = new ArrayList<>();
            adds.add(started(threads, () -> service.add("example.com", TestZones.record("first", "A", "192.0.2.10"))));
            dev.bindsmith.testing.Threads.awaitArrival(update, adds.getFirst());
            for (int i = 0; i < 5; i++) {
                String owner = "n" + i;
                adds.add(started(
                        threads,
                        () -> service.add("example.com", TestZones.record(owner, "A", "192.0.2.2" + owner.charAt(1)))));
            }
            // the five wait for the zone's lock, which the first holds while its update is held
            for (Thread t : threads.subList(1, threads.size())) {
                dev.bindsmith.testing.Threads.awaitBlocked(t);
            }
            update.open();

            for (var add : adds) {
                Outcome.Created<RecordChanged> created = Outcomes.created(add.get());
                assertThat(created.value().added()).hasSize(1);
            }
            assertThat(server.calls()).filteredOn(c -> c.startsWith("update")).hasSize(2);
            for (int i = 0; i < 5; i++) {
                assertThat(at("n" + i + ".example.com", RecordType.A)).hasSize(1);
            }
        } finally {
            update.open();
        }
    }

    @Test
    void changesToTheSameOwnerAreNeverCombinedSoTheyMeanWhatTheyMeanOneAfterTheOther() throws Exception {
        dev.bindsmith.testing.memory.Gate update = server.hold("update");
        try {
            List<Thread> threads = new ArrayList<>();
            var first = started(threads, () -> service.add("example.com", TestZones.record("held", "A", "192.0.2.10")));
            dev.bindsmith.testing.Threads.awaitArrival(update, first);
            var a = started(threads, () -> service.add("example.com", TestZones.record("same", "A", "192.0.2.11")));
            dev.bindsmith.testing.Threads.awaitBlocked(threads.get(1));
            var cname = started(
                    threads, () -> service.add("example.com", TestZones.record("same", "CNAME", "example.net.")));
            dev.bindsmith.testing.Threads.awaitBlocked(threads.get(2));
            update.open();

            Outcomes.created(first.get());
            Outcomes.created(a.get());
            Outcomes.failure(cname.get(), Outcome.Unprocessable.class, ErrorCode.RECORD_CONFLICT);
            assertThat(at("same.example.com", RecordType.A)).hasSize(1);
        } finally {
            update.open();
        }
    }

    @Test
    void anAddWhoseAnswerWasLostButWhichTookIs201() {
        server.loseReply("update");

        Outcomes.created(service.add("example.com", TestZones.record("lost", "A", "192.0.2.30")));

        assertThat(at("lost.example.com", RecordType.A)).hasSize(1);
    }

    @Test
    void anAddWhoseAnswerWasLostAndWhichDidNotTakeIs500OutcomeUnknown() {
        server.dropConnection("update");

        Outcome.Failure<?> f = Outcomes.failure(
                service.add("example.com", TestZones.record("gone", "A", "192.0.2.31")),
                Outcome.BackendFailed.class,
                ErrorCode.BACKEND_OUTCOME_UNKNOWN);

        assertThat(f.details()).contains("do not show the change");
        assertThat(at("gone.example.com", RecordType.A)).isEmpty();
    }

    @Test
    void aZoneFrozenRightAfterAChangeIsReportedAsFrozenNotAsAKeyProblem() {
        Outcomes.created(service.add("example.com", TestZones.record("before", "A", "192.0.2.40")));
        Outcomes.ok(server.freeze(ZONE));

        Outcomes.failure(
                service.add("example.com", TestZones.record("after", "A", "192.0.2.41")),
                Outcome.Invalid.class,
                ErrorCode.ZONE_FROZEN);
    }

    // ---- add ----

    @Test
    void anAddedRecordIsCreatedAtTheZonesRecordsAndServed() {
        Outcome.Created<RecordChanged> created =
                Outcomes.created(service.add("example.com", TestZones.record("api", "A", "192.0.2.10", 600)));

        assertThat(created.location()).isEqualTo("zones/example.com/records");
        assertThat(created.value().operation()).isEqualTo(RecordChanged.Operation.ADDED);
        assertThat(at("api.example.com", RecordType.A))
                .containsExactly(Records.a("api.example.com", 600, "192.0.2.10"));
    }

    @Test
    void ownerNamesMayBeTheApexRelativeOrAbsoluteInsideTheZone() {
        Outcomes.created(service.add("example.com", TestZones.record("@", "TXT", "apex", 300)));
        Outcomes.created(service.add("example.com", TestZones.record("rel", "TXT", "relative", 300)));
        Outcomes.created(service.add("example.com", TestZones.record("abs.example.com.", "TXT", "absolute", 300)));

        assertThat(at("example.com", RecordType.TXT)).hasSize(1);
        assertThat(at("rel.example.com", RecordType.TXT)).hasSize(1);
        assertThat(at("abs.example.com", RecordType.TXT)).hasSize(1);
    }

    @Test
    void anAbsoluteNameOutsideTheZoneIs400AndChangesNothing() {
        List<Record> before = zone();

        Outcomes.failure(
                service.add("example.com", TestZones.record("www.example.org.", "A", "192.0.2.1")),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);

        assertThat(zone()).containsExactlyElementsOf(before);
    }

    @Test
    void anAddWithoutTtlTakesTheReferenceDefault() {
        Outcomes.created(service.add("example.com", TestZones.record("nottl", "A", "192.0.2.20")));

        assertThat(at("nottl.example.com", RecordType.A))
                .containsExactly(Records.a("nottl.example.com", RecordService.DEFAULT_TTL, "192.0.2.20"));
    }

    @Test
    void anInvalidZoneNameIs400BeforeAnyCommand() {
        Outcomes.failure(
                service.add("../etc", TestZones.record("www", "A", "192.0.2.1")),
                Outcome.Invalid.class,
                ErrorCode.INVALID_ZONE_NAME);

        assertThat(server.calls()).isEmpty();
    }

    @Test
    void dataThatDoesNotParseForItsTypeIs400BeforeTheZoneIsAsked() {
        Outcomes.failure(
                service.add("example.com", TestZones.record("www", "A", "not-an-address")),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);

        assertThat(server.calls()).isEmpty();
    }

    @Test
    void anUnknownZoneIs404ZoneNotFound() {
        Outcome.NotFound<?> f = Outcomes.failure(
                service.add("nowhere.test", TestZones.record("www", "A", "192.0.2.1")),
                Outcome.NotFound.class,
                ErrorCode.ZONE_NOT_FOUND);

        assertThat(f.error()).isEqualTo("Zone not found");
    }

    @Test
    void aZoneWithoutAllowUpdateIs400ZoneNotDynamic() {
        Outcome.Invalid<?> f = Outcomes.failure(
                service.add("static.test", TestZones.record("www", "A", "192.0.2.1")),
                Outcome.Invalid.class,
                ErrorCode.ZONE_NOT_DYNAMIC);

        assertThat(f.error()).isEqualTo("Zone does not support dynamic updates");
    }

    @Test
    void aFrozenZoneIs400ZoneFrozenSayingHowToResumeAndChangesNothing() {
        Outcomes.ok(server.freeze(ZONE));
        List<Record> before = zone();

        Outcome.Invalid<?> f = Outcomes.failure(
                service.add("example.com", TestZones.record("api", "A", "192.0.2.10")),
                Outcome.Invalid.class,
                ErrorCode.ZONE_FROZEN);

        assertThat(f.details()).contains("frozen").contains("thaw");
        assertThat(zone()).containsExactlyElementsOf(before);
        Outcomes.ok(server.thaw(ZONE));
        Outcomes.created(service.add("example.com", TestZones.record("api", "A", "192.0.2.10")));
    }

    @Test
    void aCnameBesideOtherDataIs422AndChangesNothing() {
        List<Record> before = zone();

        Outcomes.failure(
                service.add("example.com", TestZones.record("www", "CNAME", "elsewhere.example.net.")),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);

        assertThat(zone()).containsExactlyElementsOf(before);
    }

    @Test
    void otherDataBesideACnameIs422() {
        Outcomes.created(service.add("example.com", TestZones.record("alias", "CNAME", "www.example.com.")));

        Outcomes.failure(
                service.add("example.com", TestZones.record("alias", "TXT", "no")),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);
    }

    @Test
    void aSecondCnameIs422() {
        Outcomes.created(service.add("example.com", TestZones.record("alias", "CNAME", "www.example.com.")));

        Outcomes.failure(
                service.add("example.com", TestZones.record("alias", "CNAME", "other.example.com.")),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);
    }

    @Test
    void aCnameAtTheApexIs422() {
        Outcomes.failure(
                service.add("example.com", TestZones.record("@", "CNAME", "www.example.com.")),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);
    }

    @Test
    void anOutOfRangeTtlIs422() {
        Outcomes.failure(
                service.add("example.com", TestZones.record("big", "A", "192.0.2.1", 4_000_000_000L)),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);
    }

    // ---- update ----

    @Test
    void anUpdateReplacesTheCurrentValueAndKeepsItsTtl() {
        RecordChanged changed =
                Outcomes.ok(service.update("example.com", update("www", "A", "192.0.2.1", "192.0.2.2")));

        assertThat(changed.operation()).isEqualTo(RecordChanged.Operation.UPDATED);
        assertThat(at("www.example.com", RecordType.A)).containsExactly(Records.a("www.example.com", 300, "192.0.2.2"));
    }

    @Test
    void anUpdateOfAValueThatIsNotThereIs404RecordNotFoundAndChangesNothing() {
        List<Record> before = zone();

        Outcome.NotFound<?> f = Outcomes.failure(
                service.update("example.com", update("www", "A", "192.0.2.99", "192.0.2.2")),
                Outcome.NotFound.class,
                ErrorCode.RECORD_NOT_FOUND);

        assertThat(f.error()).isEqualTo("Record not found");
        assertThat(zone()).containsExactlyElementsOf(before);
    }

    @Test
    void anUpdateWithoutItsValuesIs400NamingBothFields() {
        Outcome.Invalid<?> f = Outcomes.failure(
                service.update(
                        "example.com",
                        new RecordUpdateRequest(
                                Optional.of("www"),
                                Optional.of("A"),
                                Optional.empty(),
                                Optional.empty(),
                                OptionalLong.empty(),
                                OptionalLong.empty())),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);

        assertThat(f.violations()).extracting(v -> v.field()).contains("currentValue", "newValue");
    }

    // ---- remove ----

    @Test
    void removingAValueRemovesThatRecordOnly() {
        Outcomes.created(service.add("example.com", TestZones.record("www", "A", "192.0.2.2", 300)));

        Outcomes.ok(service.remove("example.com", remove("www", "A", "192.0.2.1")));

        assertThat(at("www.example.com", RecordType.A)).containsExactly(Records.a("www.example.com", 300, "192.0.2.2"));
    }

    @Test
    void removingWithoutAValueRemovesTheRRsetAndReportsWhatWasThere() {
        Outcomes.created(service.add("example.com", TestZones.record("www", "A", "192.0.2.2", 300)));

        RecordChanged changed = Outcomes.ok(service.remove("example.com", remove("www", "A", null)));

        assertThat(changed.removed()).hasSize(2);
        assertThat(at("www.example.com", RecordType.A)).isEmpty();
    }

    @Test
    void removingARecordThatIsNotThereIs404() {
        Outcomes.failure(
                service.remove("example.com", remove("www", "A", "192.0.2.99")),
                Outcome.NotFound.class,
                ErrorCode.RECORD_NOT_FOUND);
        Outcomes.failure(
                service.remove("example.com", remove("nothing", "TXT", null)),
                Outcome.NotFound.class,
                ErrorCode.RECORD_NOT_FOUND);
    }

    @Test
    void theApexNsRRsetAndTheSoaCannotBeRemoved() {
        Outcomes.failure(
                service.remove("example.com", remove("@", "NS", null)),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);
        Outcomes.failure(
                service.remove("example.com", remove("@", "SOA", null)),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);
    }

    // ---- change sets ----

    @Test
    void aChangeSetAppliesEveryOperationAndReportsEachInOrder() {
        ChangeSetResult result = Outcomes.ok(service.apply(
                "example.com",
                List.of(
                        new ChangeRequest.Add(TestZones.record("a1", "A", "192.0.2.31", 300)),
                        new ChangeRequest.Update(update("www", "A", "192.0.2.1", "192.0.2.32")),
                        new ChangeRequest.Add(TestZones.record("a2", "TXT", "x", 300)),
                        new ChangeRequest.Remove(remove("a2", "TXT", null))),
                false));

        assertThat(result.applied()).isTrue();
        assertThat(result.changes())
                .extracting(RecordChanged::operation)
                .containsExactly(
                        RecordChanged.Operation.ADDED,
                        RecordChanged.Operation.UPDATED,
                        RecordChanged.Operation.ADDED,
                        RecordChanged.Operation.REMOVED);
        assertThat(at("a1.example.com", RecordType.A)).hasSize(1);
        assertThat(at("www.example.com", RecordType.A))
                .containsExactly(Records.a("www.example.com", 300, "192.0.2.32"));
        assertThat(at("a2.example.com", RecordType.TXT)).isEmpty();
    }

    @Test
    void oneFailingOperationAppliesNothingAndNamesTheOperation() {
        List<Record> before = zone();

        Outcome.NotFound<?> f = Outcomes.failure(
                service.apply(
                        "example.com",
                        List.of(
                                new ChangeRequest.Add(TestZones.record("a1", "A", "192.0.2.31", 300)),
                                new ChangeRequest.Remove(remove("www", "A", "192.0.2.99"))),
                        false),
                Outcome.NotFound.class,
                ErrorCode.RECORD_NOT_FOUND);

        assertThat(f.context()).containsEntry("field", "changes[1]");
        assertThat(zone()).containsExactlyElementsOf(before);
    }

    @Test
    void invalidOperationsAreAllReportedWithTheirIndex() {
        Outcome.Invalid<?> f = Outcomes.failure(
                service.apply(
                        "example.com",
                        List.of(
                                new ChangeRequest.Add(TestZones.record("a1", "A", "bad")),
                                new ChangeRequest.Add(TestZones.record("a2", "AAAA", "also bad"))),
                        false),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);

        assertThat(f.violations())
                .extracting(v -> v.field())
                .anyMatch(field -> field.startsWith("changes[0]"))
                .anyMatch(field -> field.startsWith("changes[1]"));
    }

    @Test
    void aDryRunReportsWhatWouldChangeAndChangesNothing() {
        List<Record> before = zone();

        ChangeSetResult result = Outcomes.ok(service.apply(
                "example.com",
                List.of(
                        new ChangeRequest.Add(TestZones.record("a1", "A", "192.0.2.31", 300)),
                        new ChangeRequest.Remove(remove("www", "A", null))),
                true));

        assertThat(result.applied()).isFalse();
        assertThat(result.changes()).hasSize(2);
        assertThat(result.changes().get(1).removed()).containsExactly(Records.a("www.example.com", 300, "192.0.2.1"));
        assertThat(zone()).containsExactlyElementsOf(before);
    }

    @Test
    void aDryRunFindsTheSameConflictsAsTheRealThing() {
        Outcomes.failure(
                service.apply(
                        "example.com",
                        List.of(new ChangeRequest.Add(TestZones.record("www", "CNAME", "x.example.net."))),
                        true),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);
    }

    @Test
    void anEmptyChangeSetIs400() {
        Outcomes.failure(
                service.apply("example.com", List.of(), false), Outcome.Invalid.class, ErrorCode.VALIDATION_FAILED);
    }

    // ---- list ----

    @Test
    void listingPagesThroughEveryRecordExactlyOnce() {
        for (int i = 0; i < 7; i++) {
            Outcomes.created(service.add("example.com", TestZones.record("h" + i, "A", "192.0.2." + (50 + i), 300)));
        }
        List<Record> all = zone();
        List<Record> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            RecordPage page = Outcomes.ok(service.list(
                    "example.com", new RecordQuery(Optional.empty(), Optional.empty(), cursor, OptionalInt.of(3))));
            assertThat(page.records()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(page.records());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());

        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
        assertThat(pages).isEqualTo((all.size() + 2) / 3);
    }

    @Test
    void listingFiltersByNameAndType() {
        Outcomes.created(service.add("example.com", TestZones.record("www", "TXT", "hello", 300)));

        RecordPage page = Outcomes.ok(service.list(
                "example.com",
                new RecordQuery(Optional.of("www"), Optional.of("txt"), Optional.empty(), OptionalInt.empty())));

        assertThat(page.records()).containsExactly(Records.txt("www.example.com", 300, "hello"));
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void aBadCursorLimitOrTypeIs400() {
        Outcome.Invalid<?> f = Outcomes.failure(
                service.list(
                        "example.com",
                        new RecordQuery(Optional.empty(), Optional.of("BOGUS"), Optional.of("!!!"), OptionalInt.of(0))),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);

        assertThat(f.violations()).extracting(v -> v.field()).containsExactlyInAnyOrder("type", "cursor", "limit");
    }

    @Test
    void listingAnUnknownZoneIs404() {
        Outcomes.failure(
                service.list("nowhere.test", RecordQuery.all()), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
    }

    @Test
    void aStaticZoneCanBeListed() {
        assertThat(Outcomes.ok(service.list("static.test", RecordQuery.all())).records())
                .isNotEmpty();
    }

    /** A request built directly, as an HTTP adapter builds it from a body without those keys. */
    @Test
    void aRequestWithoutNameOrTypeIs400() {
        Outcomes.failure(
                service.add(
                        "example.com",
                        new RecordRequest(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("192.0.2.1"),
                                OptionalLong.empty(),
                                OptionalLong.empty())),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);
    }
}
