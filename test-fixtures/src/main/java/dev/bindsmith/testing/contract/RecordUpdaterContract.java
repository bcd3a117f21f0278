package dev.bindsmith.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeReport;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.Prerequisite;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.builders.ZoneSpecBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RecordUpdater} and {@link RecordReader} (RFC 2136 semantics). Extend it with:
 * <ul>
 * <li>{@link #updater()} and {@link #reader()} over one server;</li>
 * <li>{@link #serve(ZoneSpec)}: make that server serve a zone (write its master file, add it);</li>
 * <li>optionally {@link #dynamic(ZoneSpecBuilder)} (how a zone allows this updater's updates; by default
 *     {@code allow-update { 127.0.0.1; ::1; }}), {@link #prepare()} (before each test) and
 *     {@link #unreachableUpdater()}.</li>
 * </ul>
 * Records are compared with the TTL the test gave them, as the reader returns every record with its TTL.
 */
public abstract class RecordUpdaterContract {

    protected abstract RecordUpdater updater();

    protected abstract RecordReader reader();

    /** Makes the server behind {@link #updater()} and {@link #reader()} serve {@code spec}. */
    protected abstract void serve(ZoneSpec spec);

    /** Called before each test; a fresh server, or nothing for a shared one. */
    protected void prepare() {}

    /** Makes {@code spec} accept this updater's updates. */
    protected ZoneSpecBuilder dynamic(ZoneSpecBuilder spec) {
        return spec.dynamic();
    }

    /** An updater whose server cannot be reached; empty skips that test. */
    protected Optional<RecordUpdater> unreachableUpdater() {
        return Optional.empty();
    }

    protected ZoneName zone;
    protected String apex;

    @BeforeEach
    void serveADynamicZone() {
        prepare();
        zone = ContractZones.unique("rec");
        apex = zone.value();
        serve(dynamic(TestZones.spec(apex).serial(100).record(Records.a("www." + apex, 300, "192.0.2.1")))
                .build());
    }

    // ---- read ----

    @Test
    void readReturnsTheSoaFirstThenTheZonesRecords() {
        List<Record> records = Outcomes.ok(reader().read(zone));

        assertThat(records).isNotEmpty();
        assertThat(records.getFirst().type()).isEqualTo(RecordType.SOA);
        assertThat(serialOf(records)).isEqualTo(100);
        assertThat(records).contains(Records.a("www." + apex, 300, "192.0.2.1"));
        assertThat(records).anyMatch(r -> r.type() == RecordType.NS && r.owner().equals(zone.apex()));
        assertThat(records).allMatch(r -> r.ttl().isPresent());
    }

    @Test
    void readOfAnUnknownZoneIsNotFound() {
        Outcomes.failure(
                reader().read(ContractZones.unique("rec-unknown")), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
    }

    @Test
    void readingSeveralOwnersAtOnceGivesEachItsRecordsAndNothingToANameWithout() {
        List<RecordChange> adds = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            adds.add(new RecordChange.Add(Records.a("m" + i + "." + apex, 300, "192.0.2." + (i % 250 + 1))));
        }
        Outcomes.ok(updater().apply(zone, new ChangeSet(List.of(), adds)));
        List<DomainName> owners = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            owners.add(DomainName.of("m" + i + "." + apex));
        }
        owners.add(DomainName.of("nothing-here." + apex));
        owners.add(DomainName.of("www." + apex));

        java.util.Map<DomainName, List<Record>> read = Outcomes.ok(reader().read(zone, owners));
        java.util.Map<DomainName, List<Record>> again = Outcomes.ok(reader().read(zone, owners));

        assertThat(read).containsOnlyKeys(owners);
        assertThat(read.get(DomainName.of("m42." + apex))).containsExactly(Records.a("m42." + apex, 300, "192.0.2.43"));
        assertThat(read.get(DomainName.of("nothing-here." + apex))).isEmpty();
        assertThat(read.get(DomainName.of("www." + apex))).containsExactly(Records.a("www." + apex, 300, "192.0.2.1"));
        assertThat(again).isEqualTo(read);
    }

    @Test
    void readingSeveralOwnersOfAnUnknownZoneIsNotFound() {
        ZoneName unknown = ContractZones.unique("rec-unknown");

        Outcomes.failure(
                reader().read(
                                unknown,
                                List.of(DomainName.of("a." + unknown.value()), DomainName.of("b." + unknown.value()))),
                Outcome.NotFound.class,
                ErrorCode.ZONE_NOT_FOUND);
    }

    // ---- add ----

    @Test
    void anAddedRecordIsServedAndTheSerialGoesUpByOne() {
        Record api = Records.a("api." + apex, 600, "192.0.2.10");

        ChangeReport report = Outcomes.ok(updater().apply(zone, ChangeSet.of(new RecordChange.Add(api))));

        assertThat(report.applied()).containsExactly(new RecordChange.Add(api));
        List<Record> records = read();
        assertThat(records).contains(api);
        assertThat(serialOf(records)).isEqualTo(101);
    }

    @Test
    void recordsOfEveryCommonTypeReadBackEqual() {
        // The MX and SRV targets get addresses first: named's check-integrity refuses an in-zone target without one.
        List<Record> added = List.of(
                Records.a("mail." + apex, 300, "192.0.2.25"),
                Records.a("sip." + apex, 300, "192.0.2.26"),
                Records.aaaa("v6." + apex, 300, "2001:db8::1"),
                Records.withTtl(Records.mx(apex, 10, "mail." + apex), 300),
                Records.withTtl(Records.cname("alias." + apex, "www." + apex), 300),
                Records.txt("txt." + apex, 300, "v=spf1 mx -all", "say \"hi\"; (not a comment) \\ $ORIGIN"),
                Records.withTtl(Records.srv("_sip._tcp." + apex, 10, 20, 5060, "sip." + apex), 300));

        Outcomes.ok(updater()
                .apply(
                        zone,
                        new ChangeSet(
                                List.of(),
                                added.stream()
                                        .<RecordChange>map(RecordChange.Add::new)
                                        .toList())));

        assertThat(read()).containsAll(added);
    }

    @Test
    void addingARecordThatExistsChangesNothing() {
        Record www = Records.a("www." + apex, 300, "192.0.2.1");

        Outcomes.ok(updater().apply(zone, ChangeSet.of(new RecordChange.Add(www))));

        List<Record> records = read();
        assertThat(records)
                .filteredOn(r -> r.owner().equals(www.owner()) && r.type() == RecordType.A)
                .containsExactly(www);
    }

    @Test
    void aCnameIsNotAddedBesideOtherData() {
        Record cname = Records.withTtl(Records.cname("www." + apex, "elsewhere.example.net"), 300);

        Outcomes.ok(updater().apply(zone, ChangeSet.of(new RecordChange.Add(cname))));

        assertThat(read()).doesNotContain(cname).contains(Records.a("www." + apex, 300, "192.0.2.1"));
    }

    // ---- remove ----

    @Test
    void removeRemovesOnlyThatRecordWhateverItsTtl() {
        Record second = Records.a("www." + apex, 300, "192.0.2.2");
        Outcomes.ok(updater().apply(zone, ChangeSet.of(new RecordChange.Add(second))));

        Outcomes.ok(updater()
                .apply(zone, ChangeSet.of(new RecordChange.Remove(Records.a("www." + apex, "192.0.2.1")))));

        assertThat(read())
                .filteredOn(r -> r.owner().equals(second.owner()) && r.type() == RecordType.A)
                .containsExactly(second);
    }

    @Test
    void removeRRsetRemovesEveryRecordOfThatTypeAndKeepsOtherTypes() {
        Record txt = Records.txt("www." + apex, 300, "kept");
        Outcomes.ok(updater()
                .apply(
                        zone,
                        ChangeSet.of(
                                new RecordChange.Add(Records.a("www." + apex, 300, "192.0.2.2")),
                                new RecordChange.Add(txt))));

        Outcomes.ok(updater()
                .apply(zone, ChangeSet.of(new RecordChange.RemoveRRset(DomainName.of("www." + apex), RecordType.A))));

        List<Record> records = read();
        assertThat(records).noneMatch(r -> r.owner().equals(txt.owner()) && r.type() == RecordType.A);
        assertThat(records).contains(txt);
    }

    @Test
    void removeRRsetThenAddReplacesTheRRsetInOneStep() {
        DomainName www = DomainName.of("www." + apex);
        Record replacement = Records.a("www." + apex, 60, "198.51.100.7");

        Outcomes.ok(updater()
                .apply(
                        zone,
                        ChangeSet.of(
                                new RecordChange.RemoveRRset(www, RecordType.A), new RecordChange.Add(replacement))));

        List<Record> records = read();
        assertThat(records)
                .filteredOn(r -> r.owner().equals(www) && r.type() == RecordType.A)
                .containsExactly(replacement);
        assertThat(serialOf(records)).isEqualTo(101);
    }

    @Test
    void changesApplyInOrder() {
        Record temp = Records.a("temp." + apex, 300, "192.0.2.99");

        Outcomes.ok(updater().apply(zone, ChangeSet.of(new RecordChange.Add(temp), new RecordChange.Remove(temp))));

        assertThat(read()).doesNotContain(temp);
    }

    // ---- prerequisites ----

    @Test
    void prerequisitesThatHoldLetTheChangesApply() {
        Record api = Records.a("api." + apex, 300, "192.0.2.20");
        ChangeSet set = new ChangeSet(
                List.of(
                        new Prerequisite.RecordExists(Records.a("www." + apex, "192.0.2.1")),
                        new Prerequisite.RRsetExists(DomainName.of("www." + apex), RecordType.A),
                        new Prerequisite.RRsetAbsent(DomainName.of("api." + apex), RecordType.A),
                        new Prerequisite.NameAbsent(DomainName.of("api." + apex))),
                List.of(new RecordChange.Add(api)));

        Outcomes.ok(updater().apply(zone, set));

        assertThat(read()).contains(api);
    }

    @Test
    void aMissingRRsetPrerequisiteIsRecordNotFoundAndAppliesNothing() {
        assertNothingApplied(
                new Prerequisite.RRsetExists(DomainName.of("nothing." + apex), RecordType.A),
                Outcome.NotFound.class,
                ErrorCode.RECORD_NOT_FOUND);
    }

    @Test
    void aMissingRecordPrerequisiteIsRecordNotFoundAndAppliesNothing() {
        assertNothingApplied(
                new Prerequisite.RecordExists(Records.a("www." + apex, "192.0.2.250")),
                Outcome.NotFound.class,
                ErrorCode.RECORD_NOT_FOUND);
    }

    @Test
    void anRRsetThatShouldBeAbsentIsARecordConflictAndAppliesNothing() {
        assertNothingApplied(
                new Prerequisite.RRsetAbsent(DomainName.of("www." + apex), RecordType.A),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);
    }

    @Test
    void aNameThatShouldBeAbsentIsARecordConflictAndAppliesNothing() {
        assertNothingApplied(
                new Prerequisite.NameAbsent(DomainName.of("www." + apex)),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);
    }

    @Test
    void oneFailingPrerequisiteAmongHoldingOnesAppliesNothing() {
        List<Record> before = read();
        ChangeSet set = new ChangeSet(
                List.of(
                        new Prerequisite.RRsetExists(DomainName.of("www." + apex), RecordType.A),
                        new Prerequisite.RRsetExists(DomainName.of("www." + apex), RecordType.MX)),
                List.of(
                        new RecordChange.Add(Records.a("new." + apex, 300, "192.0.2.30")),
                        new RecordChange.RemoveRRset(DomainName.of("www." + apex), RecordType.A)));

        Outcomes.failure(updater().apply(zone, set), Outcome.NotFound.class, ErrorCode.RECORD_NOT_FOUND);

        assertThat(read()).containsExactlyElementsOf(before);
    }

    // ---- zones that take no updates ----

    @Test
    void aZoneWithoutAllowUpdateIsNotDynamic() {
        ZoneName fixed = ContractZones.unique("rec-static");
        serve(TestZones.spec(fixed.value()).build());
        List<Record> before = Outcomes.ok(reader().read(fixed));

        Outcome<ChangeReport> outcome = updater()
                .apply(fixed, ChangeSet.of(new RecordChange.Add(Records.a("www." + fixed.value(), 300, "192.0.2.1"))));

        Outcomes.failure(outcome, Outcome.Invalid.class, ErrorCode.ZONE_NOT_DYNAMIC);
        assertThat(Outcomes.ok(reader().read(fixed))).containsExactlyElementsOf(before);
    }

    @Test
    void anUpdateOfAnUnknownZoneIsZoneNotFound() {
        ZoneName unknown = ContractZones.unique("rec-unknown");

        Outcome<ChangeReport> outcome = updater()
                .apply(
                        unknown,
                        ChangeSet.of(new RecordChange.Add(Records.a("www." + unknown.value(), 300, "192.0.2.1"))));

        Outcomes.failure(outcome, Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
    }

    @Test
    void anUnreachableServerIsBackendUnreachable() {
        Optional<RecordUpdater> down = unreachableUpdater();
        Assumptions.assumeTrue(down.isPresent(), "this adapter offers no unreachable server");

        Outcome<ChangeReport> outcome =
                down.get().apply(zone, ChangeSet.of(new RecordChange.Add(Records.a("x." + apex, 300, "192.0.2.1"))));

        Outcomes.failure(outcome, Outcome.BackendFailed.class, ErrorCode.BACKEND_UNREACHABLE);
    }

    // ---- helpers ----

    protected List<Record> read() {
        return Outcomes.ok(reader().read(zone));
    }

    protected static long serialOf(List<Record> records) {
        return records.stream()
                .map(Record::data)
                .filter(d -> d instanceof RData.StartOfAuthority)
                .map(d -> ((RData.StartOfAuthority) d).soa().serial())
                .findFirst()
                .orElseThrow();
    }

    private <F extends Outcome.Failure<?>> void assertNothingApplied(
            Prerequisite prerequisite, Class<F> kind, ErrorCode code) {
        List<Record> before = read();
        ChangeSet set = new ChangeSet(
                List.of(prerequisite), List.of(new RecordChange.Add(Records.a("new." + apex, 300, "192.0.2.30"))));

        Outcomes.failure(updater().apply(zone, set), kind, code);

        assertThat(read()).containsExactlyElementsOf(before);
    }
}
