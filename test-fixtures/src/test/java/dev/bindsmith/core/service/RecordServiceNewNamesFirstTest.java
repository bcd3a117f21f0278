package dev.bindsmith.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.Prerequisite;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every record use case again, with adds first sent as to new names, unread ({@link UseCases.Builder#newNamesFirst}):
 * each inherited case must come out as it does without it. The cases here show what it changes: the
 * name server is not read for an add to a new name, and is read — with the same outcome as without —
 * when a name owns records.
 */
class RecordServiceNewNamesFirstTest extends RecordServiceTest {
    private final List<ChangeSet> sent = new ArrayList<>();

    @Override
    RecordService service(InMemoryNameServerControl server, InMemoryRecordStore records) {
        return new RecordService(
                server,
                (zone, changes) -> {
                    synchronized (sent) {
                        sent.add(changes);
                    }
                    return records.apply(zone, changes);
                },
                records,
                new ZoneLocks(),
                Clock.systemUTC(),
                true);
    }

    private long reads() {
        return server.calls().stream().filter(c -> c.startsWith("axfr")).count();
    }

    @Test
    void anAddToANewNameIsSentRequiringTheNameNotInUseWithoutReadingIt() {
        Outcome.Created<RecordChanged> created =
                Outcomes.created(service.add("example.com", TestZones.record("api", "A", "192.0.2.10")));

        assertThat(reads()).isZero();
        assertThat(sent).hasSize(1);
        // "not in use" says what the add's own prerequisite (no CNAME there) said: only it is sent
        assertThat(sent.getFirst().prerequisites())
                .containsExactly(new Prerequisite.NameAbsent(DomainName.of("api.example.com")));
        assertThat(created.value().added())
                .containsExactly(Records.a("api.example.com", RecordService.DEFAULT_TTL, "192.0.2.10"));
        assertThat(at("api.example.com", RecordType.A)).hasSize(1);
    }

    @Test
    void anAddToANameThatOwnsRecordsIsReadAndTakesItsRRsetsTtlAsWithoutGuessing() {
        // www owns an A with TTL 300: the unread set (TTL 3600, as to a new name) is refused whole,
        // then the name is read and the add planned against it
        Outcome.Created<RecordChanged> created =
                Outcomes.created(service.add("example.com", TestZones.record("www", "A", "192.0.2.2")));

        assertThat(reads()).isEqualTo(1);
        assertThat(sent).hasSize(2);
        assertThat(created.value().added()).containsExactly(Records.a("www.example.com", 300, "192.0.2.2"));
        assertThat(at("www.example.com", RecordType.A))
                .containsExactlyInAnyOrder(
                        Records.a("www.example.com", 300, "192.0.2.1"), Records.a("www.example.com", 300, "192.0.2.2"));
    }

    @Test
    void aCnameAtANameThatOwnsRecordsIsRefusedWithWhatTheNameHolds() {
        Outcome.Failure<?> refused = Outcomes.failure(
                service.add("example.com", TestZones.record("www", "CNAME", "example.net.")),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);

        assertThat(refused.toString())
                .contains("A CNAME cannot coexist with other records: www.example.com. has A records");
        assertThat(at("www.example.com", RecordType.CNAME)).isEmpty();
    }

    @Test
    void anAddAtTheApexIsReadFirstForTheApexAlwaysOwnsRecords() {
        Outcomes.created(service.add("example.com", TestZones.record("@", "TXT", "apex", 300)));

        assertThat(reads()).isEqualTo(1);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().prerequisites()).noneMatch(Prerequisite.NameAbsent.class::isInstance);
    }

    @Test
    void aChangeSetOfAddsToNewNamesIsOneUpdateAndNoRead() {
        ChangeSetResult applied = Outcomes.ok(service.apply(
                "example.com",
                List.of(
                        new ChangeRequest.Add(TestZones.record("n1", "A", "192.0.2.31", 300)),
                        new ChangeRequest.Add(TestZones.record("n1", "A", "192.0.2.32", 300)),
                        new ChangeRequest.Add(TestZones.record("n2", "TXT", "x", 300))),
                false));

        assertThat(reads()).isZero();
        assertThat(sent).hasSize(1);
        assertThat(applied.changes()).hasSize(3);
        assertThat(at("n1.example.com", RecordType.A)).hasSize(2);
    }

    @Test
    void aChangeSetThatAlsoUpdatesOrRemovesIsReadAsWithoutGuessing() {
        Outcomes.ok(service.apply(
                "example.com",
                List.of(
                        new ChangeRequest.Add(TestZones.record("n1", "A", "192.0.2.31", 300)),
                        new ChangeRequest.Remove(new RecordRemoveRequest(
                                java.util.Optional.of("www"),
                                java.util.Optional.of("A"),
                                java.util.Optional.of("192.0.2.1")))),
                false));

        assertThat(reads()).isEqualTo(2); // a read per name: the in-memory reader reads them one by one
        assertThat(sent).hasSize(1);
    }

    @Test
    void aDryRunOfAddsReadsTheNamesForItSendsNothingThatCouldCheckTheGuess() {
        Outcomes.ok(service.apply(
                "example.com", List.of(new ChangeRequest.Add(TestZones.record("n1", "A", "192.0.2.31", 300))), true));

        assertThat(reads()).isEqualTo(1);
        assertThat(sent).isEmpty();
    }
}
