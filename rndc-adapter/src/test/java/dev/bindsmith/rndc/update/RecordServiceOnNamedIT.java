package dev.bindsmith.rndc.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.ChangeRequest;
import dev.bindsmith.core.service.ChangeSetResult;
import dev.bindsmith.core.service.RecordChanged;
import dev.bindsmith.core.service.RecordQuery;
import dev.bindsmith.core.service.RecordRemoveRequest;
import dev.bindsmith.core.service.RecordService;
import dev.bindsmith.core.service.RecordUpdateRequest;
import dev.bindsmith.core.service.ZoneService;
import dev.bindsmith.core.zone.ZoneFileWriter;
import dev.bindsmith.rndc.NamedClients;
import dev.bindsmith.rndc.bind.FileZoneStore;
import dev.bindsmith.rndc.bind.RndcNameServerControl;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The whole path on a real named: a zone created through {@link ZoneService} (FileZoneStore +
 * RndcNameServerControl) with {@code updateKeyName} accepts the record use cases, and named serves
 * what they did.
 */
class RecordServiceOnNamedIT {
    private static final AtomicInteger ZONES = new AtomicInteger();

    private static RunningNamed named;
    private static RndcClient rndc;
    private static ZoneService zones;
    private static RecordService records;

    @BeforeAll
    static void startNamed() {
        NamedAvailability.assumeOrRequire();
        named = NamedLauncher.create().start();
        rndc = NamedClients.rndc(named);
        RndcNameServerControl control = new RndcNameServerControl(rndc);
        zones = new ZoneService(
                new FileZoneStore(named.zoneDirectory(), ZoneFileWriter::render), control, Clock.systemUTC());
        UpdateSettings settings = NamedClients.updates(named);
        records = new RecordService(control, new Rfc2136RecordUpdater(settings), new AxfrRecordReader(settings));
    }

    @AfterAll
    static void stopNamed() {
        if (rndc != null) {
            rndc.close();
        }
        if (named != null) {
            named.close();
        }
    }

    private static String zone(boolean dynamic) {
        String zone = "svc" + ZONES.incrementAndGet() + ".test";
        var request = TestZones.request(zone)
                .nameServer("ns1." + zone + ".", "192.0.2.53")
                .withRecord("www", "A", "192.0.2.1");
        if (dynamic) {
            request.updateKeyName(NamedLauncher.UPDATE_KEY_NAME);
        }
        Outcomes.created(zones.create(request.build()));
        return zone;
    }

    private static Message ask(String name, int type) throws Exception {
        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(named.dnsPort());
        resolver.setTCP(true);
        return resolver.send(Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    private static List<String> served(String name, int type) throws Exception {
        return ask(name, type).getSection(Section.ANSWER).stream()
                .filter(r -> r.getType() == type)
                .map(org.xbill.DNS.Record::rdataToString)
                .sorted()
                .toList();
    }

    private static long serial(String zone) throws Exception {
        return ask(zone + ".", Type.SOA).getSection(Section.ANSWER).stream()
                .filter(r -> r instanceof SOARecord)
                .map(r -> ((SOARecord) r).getSerial())
                .findFirst()
                .orElseThrow();
    }

    /** issue 11: concurrent single-record adds to one zone travel together, and named serves every one. */
    @Test
    void concurrentAddsToOneZoneAreAllServedInFewerUpdatesThanRequests() throws Exception {
        String zone = zone(true);
        UpdateSettings settings = NamedClients.updates(named);
        java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
        Rfc2136RecordUpdater updater = new Rfc2136RecordUpdater(settings);
        dev.bindsmith.core.port.RecordUpdater counting = (z, changes) -> {
            updates.incrementAndGet();
            return updater.apply(z, changes);
        };
        RecordService concurrent =
                new RecordService(new RndcNameServerControl(rndc), counting, new AxfrRecordReader(settings));
        int clients = 8;
        int each = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        Outcomes.created(concurrent.add(
                                zone,
                                TestZones.record("c" + client + "-" + i, "A", "192.0.2." + (client * each + i) % 250)));
                    }
                    return null;
                }));
            }
            for (var w : work) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(updates.get()).isLessThan(clients * each);
        for (int c = 0; c < clients; c++) {
            assertThat(served("c" + c + "-" + (each - 1) + "." + zone + ".", Type.A))
                    .hasSize(1);
        }
    }

    /**
     * issue 11: with new names first (as the BIND backend is wired), an add to a new name is one UPDATE
     * and no read; named refuses the unread set at a name that owns records (YXDOMAIN), which is then
     * read: the add takes the RRset's TTL, and a CNAME there is refused with what the name holds.
     */
    @Test
    void addsToNewNamesGoUnreadAndNamedsRefusalAtANameInUseFallsBackToReadingIt() throws Exception {
        String zone = zone(true);
        UpdateSettings settings = NamedClients.updates(named);
        AxfrRecordReader reader = new AxfrRecordReader(settings);
        AtomicInteger reads = new AtomicInteger();
        dev.bindsmith.core.port.RecordReader counting = new dev.bindsmith.core.port.RecordReader() {
            @Override
            public Outcome<List<dev.bindsmith.core.zone.Record>> read(dev.bindsmith.core.zone.ZoneName z) {
                reads.incrementAndGet();
                return reader.read(z);
            }

            @Override
            public Outcome<java.util.Map<dev.bindsmith.core.zone.DomainName, List<dev.bindsmith.core.zone.Record>>>
                    read(
                            dev.bindsmith.core.zone.ZoneName z,
                            java.util.Collection<dev.bindsmith.core.zone.DomainName> owners) {
                reads.incrementAndGet();
                return reader.read(z, owners);
            }
        };
        RecordService unread = dev.bindsmith.core.service.UseCases.builder(
                        new FileZoneStore(named.zoneDirectory(), ZoneFileWriter::render),
                        new RndcNameServerControl(rndc),
                        new Rfc2136RecordUpdater(settings),
                        counting,
                        Clock.systemUTC())
                .newNamesFirst()
                .build()
                .records();

        Outcomes.created(unread.add(zone, TestZones.record("fresh", "A", "192.0.2.20", 600)));
        assertThat(reads.get()).isZero();
        assertThat(served("fresh." + zone + ".", Type.A)).containsExactly("192.0.2.20");

        RecordChanged second = Outcomes.created(unread.add(zone, TestZones.record("fresh", "A", "192.0.2.21")))
                .value();
        assertThat(reads.get()).isEqualTo(1);
        assertThat(second.added().getFirst().ttl()).isEqualTo(OptionalLong.of(600));
        assertThat(served("fresh." + zone + ".", Type.A)).containsExactly("192.0.2.20", "192.0.2.21");

        Outcome.Failure<?> cname = Outcomes.failure(
                unread.add(zone, TestZones.record("fresh", "CNAME", "example.net.")),
                Outcome.Unprocessable.class,
                ErrorCode.RECORD_CONFLICT);
        assertThat(cname.toString()).contains("A CNAME cannot coexist with other records");
        assertThat(served("fresh." + zone + ".", Type.CNAME)).isEmpty();
    }

    @Test
    void aZoneCreatedWithUpdateKeyNameTakesAddsUpdatesAndRemovesThatNamedServes() throws Exception {
        String zone = zone(true);
        long s0 = serial(zone);

        Outcomes.created(records.add(zone, TestZones.record("api", "A", "192.0.2.10", 600)));
        Outcomes.created(records.add(zone, TestZones.record("mail", "MX", "www." + zone + ".", 600, 10)));
        Outcomes.created(records.add(zone, TestZones.record("@", "TXT", "v=spf1 mx -all", 600)));
        Outcomes.created(records.add(zone, TestZones.record("alias", "CNAME", "www", 600)));
        assertThat(served("api." + zone + ".", Type.A)).containsExactly("192.0.2.10");
        assertThat(served("mail." + zone + ".", Type.MX)).containsExactly("10 www." + zone + ".");
        assertThat(served(zone + ".", Type.TXT)).containsExactly("\"v=spf1 mx -all\"");
        assertThat(served("alias." + zone + ".", Type.CNAME)).containsExactly("www." + zone + ".");
        long s1 = serial(zone);
        assertThat(s1).isGreaterThan(s0);

        Outcomes.ok(records.update(
                zone,
                new RecordUpdateRequest(
                        Optional.of("api"),
                        Optional.of("A"),
                        Optional.of("192.0.2.10"),
                        Optional.of("192.0.2.11"),
                        OptionalLong.empty(),
                        OptionalLong.empty())));
        assertThat(served("api." + zone + ".", Type.A)).containsExactly("192.0.2.11");

        RecordChanged removed = Outcomes.ok(records.remove(
                zone, new RecordRemoveRequest(Optional.of("alias"), Optional.of("CNAME"), Optional.empty())));
        assertThat(removed.removed()).hasSize(1);
        assertThat(served("alias." + zone + ".", Type.CNAME)).isEmpty();
        assertThat(serial(zone)).isGreaterThan(s1);
    }

    @Test
    void aMultiRecordChangeSetIsOneAtomicUpdate() throws Exception {
        String zone = zone(true);
        long before = serial(zone);

        ChangeSetResult result = Outcomes.ok(records.apply(
                zone,
                List.of(
                        new ChangeRequest.Add(TestZones.record("a", "A", "192.0.2.21", 300)),
                        new ChangeRequest.Add(TestZones.record("a", "A", "192.0.2.22", 300)),
                        new ChangeRequest.Add(TestZones.record("b", "AAAA", "2001:db8::22", 300)),
                        new ChangeRequest.Update(new RecordUpdateRequest(
                                Optional.of("www"),
                                Optional.of("A"),
                                Optional.of("192.0.2.1"),
                                Optional.of("192.0.2.2"),
                                OptionalLong.of(120),
                                OptionalLong.empty()))),
                false));

        assertThat(result.applied()).isTrue();
        assertThat(served("a." + zone + ".", Type.A)).containsExactly("192.0.2.21", "192.0.2.22");
        // dnsjava prints AAAA data uncompressed
        assertThat(served("b." + zone + ".", Type.AAAA)).containsExactly("2001:db8:0:0:0:0:0:22");
        assertThat(served("www." + zone + ".", Type.A)).containsExactly("192.0.2.2");
        assertThat(serial(zone)).isEqualTo(before + 1);
        assertThat(Outcomes.ok(records.list(zone, RecordQuery.all())).records())
                .anyMatch(r -> r.owner().value().equals("b." + zone));
    }

    @Test
    void aFailedPrerequisiteLeavesTheZoneUnchanged() throws Exception {
        String zone = zone(true);
        long before = serial(zone);

        Outcomes.failure(
                records.apply(
                        zone,
                        List.of(
                                new ChangeRequest.Add(TestZones.record("new", "A", "192.0.2.40", 300)),
                                new ChangeRequest.Remove(new RecordRemoveRequest(
                                        Optional.of("www"), Optional.of("A"), Optional.of("192.0.2.99")))),
                        false),
                Outcome.NotFound.class,
                ErrorCode.RECORD_NOT_FOUND);

        assertThat(served("new." + zone + ".", Type.A)).isEmpty();
        assertThat(served("www." + zone + ".", Type.A)).containsExactly("192.0.2.1");
        assertThat(serial(zone)).isEqualTo(before);
    }

    @Test
    void aZoneWithoutAllowUpdateGivesTheZoneNotDynamic400() throws Exception {
        String zone = zone(false);

        Outcome.Invalid<?> f = Outcomes.failure(
                records.add(zone, TestZones.record("api", "A", "192.0.2.10")),
                Outcome.Invalid.class,
                ErrorCode.ZONE_NOT_DYNAMIC);

        assertThat(f.error()).isEqualTo("Zone does not support dynamic updates");
        assertThat(served("api." + zone + ".", Type.A)).isEmpty();
    }
}
