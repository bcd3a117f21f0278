package dev.bindsmith.http.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.UseCases;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.http.audit.AuditEntry;
import dev.bindsmith.http.audit.AuditQuery;
import dev.bindsmith.http.audit.FileAuditLog;
import dev.bindsmith.http.json.Answer;
import dev.bindsmith.http.json.Json;
import dev.bindsmith.http.json.JsonApi;
import dev.bindsmith.http.json.RecordListQuery;
import dev.bindsmith.testing.MutableClock;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API both faces call, over in-memory adapters and a real audit file: every decision, and what it records. */
class GuardedApiTest {
    private static final String DEV = "a.dev.example.com";
    private static final String PROD = "prod.example.com";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestClocks.INSTANT);
    private InMemoryZoneStore store;
    private InMemoryNameServerControl control;
    private FileAuditLog audit;
    private GuardedApi api;

    private final Caller admin = Caller.token("root", Grant.admin(), "192.0.2.1", "req-admin");
    private final Caller reader = caller("ro", PolicyTest.grant(Access.READ, List.of("*.dev.example.com"), Set.of()));
    private final Caller writer = caller("ci", PolicyTest.grant(Access.WRITE, List.of("*.dev.example.com"), Set.of()));
    private final Caller typed = caller(
            "txt", PolicyTest.grant(Access.WRITE, List.of("*.dev.example.com"), Set.of(RecordType.A, RecordType.TXT)));

    private static Caller caller(String name, Grant grant) {
        return Caller.token(name, grant, "198.51.100.7", "req-" + name);
    }

    @BeforeEach
    void zones() throws Exception {
        store = new InMemoryZoneStore();
        control = new InMemoryNameServerControl(store, clock);
        InMemoryRecordStore records = new InMemoryRecordStore(control);
        UseCases useCases = UseCases.of(store, control, records, records, clock);
        for (String z : List.of(DEV, PROD)) {
            useCases.zones().create(TestZones.request(z).updateKeyName("k").build());
        }
        audit = FileAuditLog.open(dir.resolve("audit.log"), 1 << 20, 3);
        api = new GuardedApi(new JsonApi(useCases, clock), useCases, audit, clock);
    }

    @AfterEach
    void close() {
        audit.close();
    }

    private static JsonNode json(String text) {
        return ((Outcome.Ok<JsonNode>) Json.parse(text.getBytes(StandardCharsets.UTF_8))).value();
    }

    private static Answer answered(Guarded g) {
        assertThat(g).isInstanceOf(Guarded.Answered.class);
        return ((Guarded.Answered) g).answer();
    }

    private List<AuditEntry> entries() {
        var page = audit.read(new AuditQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1000, e -> true));
        return ((Outcome.Ok<AuditQuery.Page>) page).value().entries();
    }

    private String records(String zone) {
        return Json.tree(answered(api.listRecords(admin, zone, RecordListQuery.all()))
                        .body()
                        .orElseThrow())
                .toString();
    }

    @Test
    void aZoneOutsideTheScopeIsAnsweredExactlyLikeAZoneThatDoesNotExist() {
        Answer hidden = answered(api.getZone(writer, PROD));
        Answer missing = answered(api.getZone(writer, "nowhere.dev.example.com"));

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(Json.tree(hidden.body().orElseThrow()).toString())
                .isEqualTo(Json.tree(missing.body().orElseThrow()).toString().replace("nowhere.dev.example.com", PROD));
        assertThat(answered(api.listRecords(writer, PROD, RecordListQuery.all()))
                        .status())
                .isEqualTo(404);
        assertThat(answered(api.deleteZone(writer, PROD)).status()).isEqualTo(404);
        assertThat(store.find(ZoneName.of(PROD))).isPresent();
    }

    @Test
    void theZoneListShowsOnlyTheZonesOfTheScope() {
        JsonNode body = Json.tree(answered(api.listZones(reader)).body().orElseThrow());

        assertThat(body.path("zones").toString()).isEqualTo("[\"" + DEV + "\"]");
        assertThat(body.path("count").asInt()).isEqualTo(1);
        assertThat(body.path("items")).hasSize(1);
    }

    @Test
    void aVerbTheTokenLacksOnAZoneInScopeIsRefusedAndAuditedAsSuch() {
        Guarded g = api.zoneCommand(reader, DEV, dev.bindsmith.http.json.ZoneCommand.RELOAD);

        assertThat(g).isInstanceOfSatisfying(Guarded.Refused.class, r -> {
            assertThat(r.why().required()).isEqualTo(Map.of("access", "write", "zone", DEV));
            assertThat(r.why().granted()).containsEntry("access", "read");
        });
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("zone.reload");
            assertThat(e.token()).hasValue("ro");
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.code()).isEqualTo("INSUFFICIENT_SCOPE");
        });
    }

    @Test
    void aChangeSetWithOneTypeOutsideTheScopeIsRefusedWholeAndNothingIsApplied() {
        String before = records(DEV);
        long serialBefore = control.zoneStatus(ZoneName.of(DEV)) instanceof Outcome.Ok<?> ok
                ? ((dev.bindsmith.core.port.ZoneStatus) ok.value()).serial().orElseThrow()
                : -1;

        Guarded g = api.applyRecords(typed, DEV, json("""
                {"changes": [
                  {"op": "add", "name": "www", "type": "A", "value": "192.0.2.10"},
                  {"op": "add", "name": "@", "type": "MX", "value": "mail.example.net.", "priority": 10},
                  {"op": "add", "name": "txt", "type": "TXT", "value": "hello"}]}
                """), Optional.empty());

        assertThat(g)
                .isInstanceOfSatisfying(
                        Guarded.Refused.class,
                        r -> assertThat(r.why().required()).containsEntry("recordTypes", List.of("A", "MX", "TXT")));
        assertThat(records(DEV)).isEqualTo(before);
        assertThat(((dev.bindsmith.core.port.ZoneStatus) ((Outcome.Ok<?>) control.zoneStatus(ZoneName.of(DEV))).value())
                        .serial())
                .hasValue(serialBefore);
    }

    @Test
    void aCreateARecordChangeAndADeleteLeaveEntriesWithTheirSerials() {
        String zone = "new.dev.example.com";
        assertThat(answered(api.createZone(writer, json("""
                        {"zoneName": "%s", "zoneType": "primary", "updateKeyName": "k", "zoneConfig": {"ttl": 3600,
                         "soa": {"primaryNs": "ns1.%s.", "adminEmail": "hostmaster.%s.", "serial": 2026120101},
                         "nameServers": ["ns1.%s."], "nameServerIps": {"ns1.%s.": "192.0.2.53"}}}
                        """.formatted(zone, zone, zone, zone, zone))))
                        .status())
                .isEqualTo(201);
        assertThat(answered(api.addRecord(
                                writer,
                                zone,
                                json("{\"name\":\"www\",\"type\":\"A\",\"value\":\"192.0.2.80\",\"ttl\":300}")))
                        .status())
                .isEqualTo(201);
        assertThat(answered(api.deleteZone(writer, zone)).status()).isEqualTo(204);

        List<AuditEntry> entries = entries();
        assertThat(entries)
                .extracting(AuditEntry::operation)
                .containsExactly("zone.create", "record.add", "zone.delete");
        AuditEntry create = entries.get(0);
        assertThat(create.serialBefore()).isEmpty();
        assertThat(create.serialAfter()).hasValue(2026120101);
        assertThat(create.status()).isEqualTo(201);
        assertThat(create.code()).isEqualTo("CREATED");
        AuditEntry add = entries.get(1);
        assertThat(add.serialBefore()).hasValue(2026120101);
        assertThat(add.serialAfter()).hasValue(2026120102);
        assertThat(add.removed()).isEmpty();
        assertThat(add.added())
                .singleElement()
                .isEqualTo(Map.of("name", "www." + zone + ".", "type", "A", "ttl", 300L, "value", "192.0.2.80"));
        AuditEntry delete = entries.get(2);
        assertThat(delete.serialBefore()).hasValue(2026120102);
        assertThat(delete.serialAfter()).isEmpty();
        assertThat(delete.code()).isEqualTo("DELETED");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.token()).hasValue("ci");
            assertThat(e.client()).isEqualTo("198.51.100.7");
            assertThat(e.requestId()).isEqualTo("req-ci");
            assertThat(e.zone()).hasValue(zone);
        });
    }

    @Test
    void theAuditAsksNoSerialBeforeACreateNorAfterADelete() {
        String zone = "once.dev.example.com";
        String body = """
                {"zoneName": "%s", "zoneType": "primary", "zoneConfig": {"ttl": 3600,
                 "soa": {"primaryNs": "ns1.%s.", "adminEmail": "hostmaster.%s.", "serial": 2026120101},
                 "nameServers": ["ns1.%s."], "nameServerIps": {"ns1.%s.": "192.0.2.53"}}}
                """.formatted(zone, zone, zone, zone, zone);
        int before = control.calls().size();

        assertThat(answered(api.createZone(writer, json(body))).status()).isEqualTo(201);
        List<String> createCalls =
                control.calls().subList(before, control.calls().size());
        assertThat(answered(api.createZone(writer, json(body))).status()).isEqualTo(409);
        int afterRefused = control.calls().size();
        assertThat(answered(api.deleteZone(writer, zone)).status()).isEqualTo(204);
        List<String> deleteCalls =
                control.calls().subList(afterRefused, control.calls().size());

        // no question before the zone exists, none after it is gone
        assertThat(createCalls.subList(0, createCalls.indexOf("addzone " + zone)))
                .doesNotContain("zonestatus " + zone);
        assertThat(createCalls).containsOnlyOnce("zonestatus " + zone);
        assertThat(deleteCalls.subList(deleteCalls.indexOf("delzone " + zone) + 1, deleteCalls.size()))
                .doesNotContain("zonestatus " + zone);
        List<AuditEntry> entries = entries();
        assertThat(entries).extracting(AuditEntry::status).containsExactly(201, 409, 204);
        assertThat(entries.get(0).serialBefore()).isEmpty();
        assertThat(entries.get(0).serialAfter()).hasValue(2026120101);
        // refused, nothing changed: the zone's serial is the same before and after
        assertThat(entries.get(1).serialBefore()).hasValue(2026120101);
        assertThat(entries.get(1).serialAfter()).hasValue(2026120101);
        assertThat(entries.get(2).serialBefore()).hasValue(2026120101);
        assertThat(entries.get(2).serialAfter()).isEmpty();
    }

    @Test
    void readsAndDryRunsChangeNothingAndAreNotAudited() {
        api.getZone(writer, DEV);
        api.listZones(writer);
        api.applyRecords(
                writer,
                DEV,
                json("{\"changes\":[{\"op\":\"add\",\"name\":\"x\",\"type\":\"A\",\"value\":\"192.0.2.1\"}]}"),
                Optional.of("true"));

        assertThat(entries()).isEmpty();
    }

    @Test
    void whenTheAuditLogCannotBeWrittenAChangeIsRefusedWith503AndNotMade() throws Exception {
        Files.move(audit.file(), dir.resolve("aside"));
        Files.createDirectory(audit.file());

        Answer refused =
                answered(api.addRecord(writer, DEV, json("{\"name\":\"www\",\"type\":\"A\",\"value\":\"192.0.2.9\"}")));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(Json.tree(refused.body().orElseThrow()).path("details").asText())
                .startsWith("The audit log cannot be written")
                .endsWith("nothing was changed");
        assertThat(records(DEV)).doesNotContain("192.0.2.9");
    }

    @Test
    void theAuditLogShowsAnAdminEverythingAndAScopedTokenOnlyItsZones() {
        api.zoneCommand(admin, PROD, dev.bindsmith.http.json.ZoneCommand.NOTIFY);
        api.zoneCommand(admin, DEV, dev.bindsmith.http.json.ZoneCommand.NOTIFY);
        api.reloadServer(admin);

        JsonNode all = Json.tree(answered(api.readAudit(
                        admin,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .body()
                .orElseThrow());
        JsonNode scoped = Json.tree(answered(api.readAudit(
                        reader,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .body()
                .orElseThrow());

        assertThat(all.path("count").asInt()).isEqualTo(3);
        assertThat(scoped.path("count").asInt()).isEqualTo(1);
        assertThat(scoped.path("entries").get(0).path("zone").asText()).isEqualTo(DEV);
        assertThat(answered(api.readAudit(
                                reader,
                                Optional.of(PROD),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()))
                        .status())
                .isEqualTo(404);
        assertThat(answered(api.readAudit(
                                reader,
                                Optional.empty(),
                                Optional.of("yesterday"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("0")))
                        .status())
                .isEqualTo(400);
    }
}
