package dev.bindsmith.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.DynamicUpdate.Condition;
import dev.bindsmith.core.service.DynamicUpdate.Operation;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RFC 2136 use case over the in-memory name server: the API's rules, BIND's way of applying them. */
class DynamicUpdatesTest {
    private static final ZoneName ZONE = ZoneName.of("example.com");
    private static final Record WWW = Records.a("www.example.com", 300, "192.0.2.1");

    private InMemoryRecordStore records;
    private DynamicUpdates updates;
    private RecordService api;

    @BeforeEach
    void serveAZone() {
        InMemoryNameServerControl server = new InMemoryNameServerControl(new InMemoryZoneStore(), TestClocks.fixed());
        server.configure(TestZones.spec("example.com").dynamic().record(WWW).build());
        records = new InMemoryRecordStore(server);
        updates = new DynamicUpdates(records, records);
        api = new RecordService(server, records, records);
    }

    // ---- updates ----

    @Test
    void everyUpdateOfAMessageAppliesAsOneChangeAndTheSerialMovesOnce() {
        long serial = serial();
        Record api1 = Records.a("api.example.com", 60, "192.0.2.10");
        Record api2 = Records.a("api.example.com", 60, "192.0.2.11");

        ChangeSetResult result = Outcomes.ok(
                apply(List.of(), new Operation.Add(api1), new Operation.Add(api2), new Operation.Delete(WWW)));

        assertThat(result.changes())
                .extracting(RecordChanged::operation)
                .containsExactly(
                        RecordChanged.Operation.ADDED, RecordChanged.Operation.ADDED, RecordChanged.Operation.REMOVED);
        assertThat(zone()).contains(api1, api2).doesNotContain(WWW);
        assertThat(serial()).isEqualTo(serial + 1);
    }

    @Test
    void aRecordOfEveryWritableTypeTheApiAcceptsIsAcceptedOverDnsUnchanged() {
        List<String[]> typed = List.of(
                new String[] {"v6", "AAAA", "2001:db8::1"},
                new String[] {"mail", "MX", "10 www.example.com."},
                new String[] {"_sip._tcp", "SRV", "10 20 5060 www.example.com."},
                new String[] {"txt", "TXT", "\"v=spf1 -all\" \"say \\\"hi\\\"; \\\\ $ORIGIN\""},
                new String[] {"caa", "CAA", "0 issue \"letsencrypt.org\""},
                new String[] {"sub", "NS", "ns1.elsewhere.net."},
                new String[] {"sub", "DS", "12345 13 2 " + "ab".repeat(32)},
                new String[] {"_443._tcp", "TLSA", "3 1 1 " + "cd".repeat(32)},
                new String[] {"host", "SSHFP", "4 2 " + "ef".repeat(32)},
                new String[] {"svc", "SVCB", "1 www.example.com. alpn=h2 port=8443"},
                new String[] {"web", "HTTPS", "1 . alpn=h3,h2"},
                new String[] {"old", "DNAME", "new.example.net."},
                new String[] {"ptr", "PTR", "www.example.com."});
        for (String[] t : typed) {
            Record record = Outcomes.ok(ZoneRequests.validate(TestZones.record(t[0], t[1], t[2], 120), ZONE, ""));

            Outcomes.ok(apply(List.of(), new Operation.Add(record)));

            assertThat(zone()).as("%s %s", t[1], t[2]).contains(record);
        }
    }

    @Test
    void aRecordTheApiRefusesIsRefusedWithTheApisViolation() {
        Record underscoreA = Records.a("_bad.example.com", 300, "192.0.2.7");

        Outcome<ChangeSetResult> overDns = apply(List.of(), new Operation.Add(underscoreA));
        Outcome<RecordChanged> overApi = api.add("example.com", TestZones.record("_bad", "A", "192.0.2.7", 300));

        Outcome.Unprocessable<?> refused =
                Outcomes.failure(overDns, Outcome.Unprocessable.class, ErrorCode.RECORD_CONFLICT);
        Outcome.Unprocessable<?> apiRefused =
                Outcomes.failure(overApi, Outcome.Unprocessable.class, ErrorCode.RECORD_CONFLICT);
        assertThat(refused.violations())
                .extracting(Violation::message)
                .containsExactlyElementsOf(
                        apiRefused.violations().stream().map(Violation::message).toList());
        assertThat(refused.violations()).extracting(Violation::field).containsExactly("updates[0].name");
        assertThat(zone()).doesNotContain(underscoreA);
    }

    @Test
    void aCnameAtTheApexIsRefusedAsTheApiRefusesIt() {
        Outcome.Unprocessable<?> refused = Outcomes.failure(
                apply(List.of(), new Operation.Add(Records.withTtl(Records.cname("example.com", "elsewhere.net"), 60))),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);

        assertThat(refused.details()).contains("A CNAME cannot be at the zone apex");
    }

    @Test
    void oneRefusedRecordAppliesNothingOfTheMessage() {
        List<Record> before = zone();

        apply(
                List.of(),
                new Operation.Add(Records.a("fine.example.com", 60, "192.0.2.8")),
                new Operation.Add(Records.a("no_pe.example.com", 60, "192.0.2.9")));

        assertThat(zone()).containsExactlyElementsOf(before);
    }

    @Test
    void aCnameBesideOtherDataIsIgnoredAsBindDoesAndTheSerialStays() {
        long serial = serial();

        ChangeSetResult result = Outcomes.ok(
                apply(List.of(), new Operation.Add(Records.withTtl(Records.cname("www.example.com", "x.net"), 60))));

        assertThat(result.changes()).isEmpty();
        assertThat(serial()).isEqualTo(serial);
        assertThat(zone()).contains(WWW);
    }

    @Test
    void otherDataBesideACnameIsIgnored() {
        Record alias = Records.withTtl(Records.cname("alias.example.com", "www.example.com"), 60);
        Outcomes.ok(apply(List.of(), new Operation.Add(alias)));

        Outcomes.ok(apply(List.of(), new Operation.Add(Records.txt("alias.example.com", 60, "no"))));

        assertThat(at("alias.example.com")).containsExactly(alias);
    }

    @Test
    void aCnameAddedWhereOneIsReplacesIt() {
        Outcomes.ok(apply(
                List.of(),
                new Operation.Add(Records.withTtl(Records.cname("alias.example.com", "a.example.net"), 60))));
        Record second = Records.withTtl(Records.cname("alias.example.com", "b.example.net"), 60);

        ChangeSetResult result = Outcomes.ok(apply(List.of(), new Operation.Add(second)));

        assertThat(at("alias.example.com")).containsExactly(second);
        assertThat(result.changes().getFirst().operation()).isEqualTo(RecordChanged.Operation.UPDATED);
    }

    @Test
    void removingWhatIsNotThereChangesNothing() {
        long serial = serial();

        ChangeSetResult result = Outcomes.ok(apply(
                List.of(),
                new Operation.Delete(Records.a("www.example.com", 300, "192.0.2.99")),
                new Operation.DeleteRRset(DomainName.of("nothing.example.com"), RecordType.TXT),
                new Operation.DeleteName(DomainName.of("nothing.example.com"))));

        assertThat(result.changes()).isEmpty();
        assertThat(serial()).isEqualTo(serial);
    }

    @Test
    void theApexKeepsItsSoaAndNsWhenEverythingAtItIsDeleted() {
        Record mx = Records.withTtl(Records.mx("example.com", 10, "www.example.com"), 300);
        Outcomes.ok(apply(List.of(), new Operation.Add(mx)));

        Outcomes.ok(apply(
                List.of(),
                new Operation.DeleteName(ZONE.apex()),
                new Operation.DeleteRRset(ZONE.apex(), RecordType.NS),
                new Operation.DeleteRRset(ZONE.apex(), RecordType.SOA)));

        assertThat(at("example.com")).extracting(Record::type).contains(RecordType.SOA, RecordType.NS);
        assertThat(at("example.com")).doesNotContain(mx);
    }

    @Test
    void theLastApexNsIsNotRemoved() {
        Record ns = at("example.com").stream()
                .filter(r -> r.type() == RecordType.NS)
                .findFirst()
                .orElseThrow();

        ChangeSetResult result = Outcomes.ok(apply(List.of(), new Operation.Delete(ns)));

        assertThat(result.changes()).isEmpty();
        assertThat(at("example.com")).contains(ns);
    }

    @Test
    void addingARecordThatIsThereWithItsTtlChangesNothing() {
        assertThat(Outcomes.ok(apply(List.of(), new Operation.Add(WWW))).changes())
                .isEmpty();
    }

    @Test
    void anSoaOutsideTheApexIsRefused() {
        Record soa = at("example.com").stream()
                .filter(r -> r.type() == RecordType.SOA)
                .findFirst()
                .orElseThrow();
        Record moved = new Record(DomainName.of("sub.example.com"), soa.ttl(), soa.data());

        Outcomes.failure(
                apply(List.of(), new Operation.Add(moved)), Outcome.Unprocessable.class, ErrorCode.RECORD_CONFLICT);
    }

    // ---- prerequisites ----

    @Test
    void prerequisitesThatHoldLetTheUpdatesApply() {
        Record api1 = Records.a("api.example.com", 60, "192.0.2.10");

        Outcomes.ok(apply(
                List.of(
                        new Condition.NameInUse(DomainName.of("www.example.com")),
                        new Condition.NameNotInUse(DomainName.of("api.example.com")),
                        new Condition.RRsetExists(DomainName.of("www.example.com"), RecordType.A),
                        new Condition.RRsetExistsWithData(
                                DomainName.of("www.example.com"),
                                RecordType.A,
                                List.of(Records.a("www.example.com", 0, "192.0.2.1"))),
                        new Condition.RRsetDoesNotExist(DomainName.of("www.example.com"), RecordType.TXT)),
                new Operation.Add(api1)));

        assertThat(zone()).contains(api1);
    }

    @Test
    void eachUnmetPrerequisiteSaysWhichOneAndChangesNothing() {
        List<Record> before = zone();
        DomainName www = DomainName.of("www.example.com");
        DomainName none = DomainName.of("none.example.com");

        assertMissing(new Condition.NameInUse(none));
        assertPresent(new Condition.NameNotInUse(www));
        assertMissing(new Condition.RRsetExists(www, RecordType.TXT));
        assertPresent(new Condition.RRsetDoesNotExist(www, RecordType.A));
        assertMissing(new Condition.RRsetExistsWithData(
                www,
                RecordType.A,
                List.of(Records.a("www.example.com", "192.0.2.1"), Records.a("www.example.com", "192.0.2.2"))));

        assertThat(zone()).containsExactlyElementsOf(before);
    }

    @Test
    void anUpdateOfAnUnknownZoneIsZoneNotFound() {
        Outcomes.failure(
                updates.apply(
                        ZoneName.of("unknown.test"),
                        new DynamicUpdate(
                                List.of(), List.of(new Operation.Add(Records.a("www.unknown.test", 60, "192.0.2.1"))))),
                Outcome.NotFound.class,
                ErrorCode.ZONE_NOT_FOUND);
    }

    // ---- helpers ----

    private void assertMissing(Condition condition) {
        Outcome.NotFound<?> failure = Outcomes.failure(
                apply(List.of(new Condition.NameInUse(DomainName.of("www.example.com")), condition), add()),
                Outcome.NotFound.class,
                ErrorCode.RECORD_NOT_FOUND);
        assertThat(failure.context()).containsEntry("field", "prerequisites[1]");
    }

    private void assertPresent(Condition condition) {
        Outcome.Unprocessable<?> failure = Outcomes.failure(
                apply(List.of(new Condition.NameInUse(DomainName.of("www.example.com")), condition), add()),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);
        assertThat(failure.violations()).extracting(Violation::field).containsExactly("prerequisites[1]");
    }

    private static Operation add() {
        return new Operation.Add(Records.a("new.example.com", 60, "192.0.2.30"));
    }

    private Outcome<ChangeSetResult> apply(List<Condition> prerequisites, Operation... operations) {
        return updates.apply(ZONE, new DynamicUpdate(prerequisites, List.of(operations)));
    }

    private List<Record> zone() {
        return Outcomes.ok(records.read(ZONE));
    }

    private List<Record> at(String owner) {
        return zone().stream().filter(r -> r.owner().value().equals(owner)).toList();
    }

    private long serial() {
        return zone().stream()
                .map(Record::data)
                .filter(d -> d instanceof RData.StartOfAuthority)
                .map(d -> ((RData.StartOfAuthority) d).soa().serial())
                .findFirst()
                .orElseThrow();
    }
}
