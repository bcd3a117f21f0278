package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/** IXFR (RFC 1995) from the journal, and who may transfer, as a client such as a secondary sees it. */
class EmbeddedIxfrTest {
    private static final TsigKey UPDATE =
            new TsigKey("ddns-key", TsigKey.Algorithm.HMAC_SHA256, "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=");
    private static final TsigKey XFER = new TsigKey(
            "xfer-key",
            TsigKey.Algorithm.HMAC_SHA384,
            "c2VjcmV0LWtleS1mb3ItdHJhbnNmZXJzLW9mLWV2ZXJ5LXpvbmUtNDhieXRlISE=");
    private static final TsigKey STRANGER =
            new TsigKey("stranger", TsigKey.Algorithm.HMAC_SHA256, "YS1zdHJhbmdlci1rZXktdGhhdC1uby16b25lLW5hbWVzLTMy");
    private static final ZoneName ZONE = ZoneName.of("ixfr.test");

    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;
    private InetSocketAddress address;

    private void start(int journalChanges) throws IOException {
        restart(journalChanges);
        EmbeddedServers.serve(
                server,
                TestZones.spec(ZONE.value())
                        .serial(100)
                        .allowUpdate(Records.key("ddns-key"))
                        .record(Records.a("www.ixfr.test", 300, "192.0.2.1"))
                        .build());
    }

    /** A server on the data directory, with the zones it holds there. */
    private void restart(int journalChanges) throws IOException {
        server = EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory)
                .port(0)
                .tsigKeys(List.of(UPDATE, XFER, STRANGER))
                .transferKey("xfer-key")
                .ixfrJournal(journalChanges, 100_000)
                .start();
        address = server.localAddress().orElseThrow();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anIxfrFromASerialTheJournalReachesGetsEachChangeSince() throws Exception {
        start(100);
        change(new RecordChange.Add(Records.a("a.ixfr.test", 60, "192.0.2.10"))); // 101
        change(new RecordChange.Remove(Records.a("www.ixfr.test", "192.0.2.1"))); // 102
        change(new RecordChange.Add(Records.txt("b.ixfr.test", 60, "hello"))); // 103

        ZoneTransferIn xfr = ixfr(101, Optional.of(XFER));

        assertThat(xfr.isIXFR()).isTrue();
        List<ZoneTransferIn.Delta> deltas = xfr.getIXFR();
        assertThat(deltas)
                .extracting(d -> d.start, d -> d.end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(101L, 102L),
                        org.assertj.core.groups.Tuple.tuple(102L, 103L));
        assertThat(deltas.get(0).deletes).hasSize(2).last().isEqualTo(a("www.ixfr.test.", "192.0.2.1", 300));
        assertThat(deltas.get(0).adds).hasSize(1);
        assertThat(deltas.get(1).deletes).hasSize(1);
        assertThat(deltas.get(1).adds).hasSize(2).last().matches(r -> r.getType() == Type.TXT);
    }

    @Test
    void aTtlChangeIsADeleteAndAnAdd() throws Exception {
        start(100);
        change(new RecordChange.Add(Records.a("www.ixfr.test", 60, "192.0.2.1")));

        ZoneTransferIn.Delta delta = ixfr(100, Optional.of(XFER)).getIXFR().getFirst();

        assertThat(delta.deletes).contains(a("www.ixfr.test.", "192.0.2.1", 300));
        assertThat(delta.adds).anyMatch(r -> r.getType() == Type.A && r.getTTL() == 60);
    }

    @Test
    void anIxfrFromTheCurrentSerialGetsTheSoaAlone() throws Exception {
        start(100);
        change(new RecordChange.Add(Records.a("a.ixfr.test", 60, "192.0.2.10")));

        assertThat(ixfr(101, Optional.of(XFER)).isCurrent()).isTrue();
        assertThat(ixfr(150, Optional.of(XFER)).isCurrent())
                .as("a client ahead is told so")
                .isTrue();
    }

    @Test
    void anIxfrFromASerialTheJournalNoLongerReachesGetsTheWholeZone() throws Exception {
        start(2);
        change(new RecordChange.Add(Records.a("a.ixfr.test", 60, "192.0.2.10")));
        change(new RecordChange.Add(Records.a("b.ixfr.test", 60, "192.0.2.11")));
        change(new RecordChange.Add(Records.a("c.ixfr.test", 60, "192.0.2.12")));

        ZoneTransferIn old = ixfr(100, Optional.of(XFER));
        ZoneTransferIn recent = ixfr(101, Optional.of(XFER));

        assertThat(old.isAXFR()).isTrue();
        assertThat(old.getAXFR()).contains(a("c.ixfr.test.", "192.0.2.12", 60));
        assertThat(recent.isIXFR()).isTrue();
        assertThat(recent.getIXFR()).hasSize(2);
    }

    @Test
    void theHistorySurvivesARestartSoAnIxfrStillGetsOnlyTheChanges() throws Exception {
        start(100);
        change(new RecordChange.Add(Records.a("a.ixfr.test", 60, "192.0.2.10")));
        change(new RecordChange.Add(Records.a("b.ixfr.test", 60, "192.0.2.11")));
        server.close();

        restart(100);
        ZoneTransferIn xfr = ixfr(100, Optional.of(XFER));

        assertThat(xfr.isIXFR()).isTrue();
        assertThat(xfr.getIXFR()).extracting(d -> d.end).containsExactly(101L, 102L);
    }

    @Test
    void aZoneFileEditedWhileFrozenStartsTheJournalAgain() throws Exception {
        start(100);
        change(new RecordChange.Add(Records.a("a.ixfr.test", 60, "192.0.2.10")));
        Outcomes.ok(server.nameServerControl().freeze(ZONE));
        Path file = dataDirectory.resolve("ixfr.test.db");
        Files.writeString(
                file, Files.readString(file).replace(" 101 ", " 200 ") + "edited.ixfr.test. 60 IN A 192.0.2.99\n");
        Outcomes.ok(server.nameServerControl().thaw(ZONE));

        ZoneTransferIn xfr = ixfr(100, Optional.of(XFER));

        assertThat(xfr.isAXFR()).isTrue();
        assertThat(xfr.getAXFR()).contains(a("edited.ixfr.test.", "192.0.2.99", 60));
        assertThat(ixfr(200, Optional.of(XFER)).isCurrent()).isTrue();
    }

    @Test
    void anIxfrOverUdpGetsTheCurrentSoaAlone() throws Exception {
        start(100);
        change(new RecordChange.Add(Records.a("a.ixfr.test", 60, "192.0.2.10")));

        DnsExchange.Reply reply = DnsExchange.udp(address, ixfrQuery(100), Optional.of(XFER.signer(Clock.systemUTC())));

        assertThat(reply.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.tsig()).contains(Rcode.NOERROR);
        assertThat(reply.message().getSection(Section.ANSWER))
                .singleElement()
                .matches(r -> r instanceof SOARecord soa && soa.getSerial() == 101);
    }

    @Test
    void anIxfrWithoutTheClientsSoaIsFormerr() throws Exception {
        start(100);
        Message query = Message.newQuery(Record.newRecord(Name.fromString("ixfr.test."), Type.IXFR, DClass.IN));

        assertThat(DnsExchange.tcp(address, query, Optional.of(XFER.signer(Clock.systemUTC())))
                        .rcode())
                .isEqualTo(Rcode.FORMERR);
    }

    // ---- who may transfer ----

    @Test
    void theTransferKeyAndTheZonesUpdateKeyMayTransferOthersMayNot() throws Exception {
        start(100);

        assertThat(ixfr(99, Optional.of(XFER)).isAXFR()).isTrue();
        assertThat(ixfr(99, Optional.of(UPDATE)).isAXFR()).isTrue();
        assertThatThrownBy(() -> ixfr(99, Optional.of(STRANGER)))
                .isInstanceOf(ZoneTransferException.class)
                .hasMessageContaining("REFUSED");
        assertThatThrownBy(() -> ixfr(99, Optional.empty()))
                .isInstanceOf(ZoneTransferException.class)
                .hasMessageContaining("REFUSED");
    }

    @Test
    void everyMessageOfALargeSignedTransferIsSignedAndVerifies() throws Exception {
        start(100);
        List<RecordChange> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(new RecordChange.Add(
                    Records.a("host" + i + ".ixfr.test", 60, "10.0." + (i / 250) + "." + (i % 250))));
        }
        Outcomes.ok(server.recordUpdater().apply(ZONE, new ChangeSet(List.of(), many)));
        Message query = Message.newQuery(Record.newRecord(Name.fromString("ixfr.test."), Type.AXFR, DClass.IN));
        // with EDNS, as dig and kdig send it: the answer's OPT record must stay before its TSIG
        query.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 0), Section.ADDITIONAL);

        List<DnsExchange.Reply> replies = DnsExchange.axfr(address, query, Optional.of(XFER.signer(Clock.systemUTC())));

        assertThat(replies).hasSizeGreaterThan(2);
        assertThat(replies).allSatisfy(r -> {
            assertThat(r.message().getTSIG()).as("each message carries a TSIG").isNotNull();
            assertThat(r.message().getOPT()).as("and its OPT").isNotNull();
            assertThat(r.tsig()).contains(Rcode.NOERROR);
        });
    }

    // ---- helpers ----

    private void change(RecordChange change) {
        Outcomes.ok(server.recordUpdater().apply(ZONE, ChangeSet.of(change)));
    }

    private ZoneTransferIn ixfr(long serial, Optional<TsigKey> key) throws Exception {
        ZoneTransferIn xfr = ZoneTransferIn.newIXFR(
                Name.fromString("ixfr.test."),
                serial,
                true,
                address,
                key.map(k -> k.signer(Clock.systemUTC())).orElse(null));
        xfr.setTimeout(Duration.ofSeconds(10));
        xfr.run();
        return xfr;
    }

    private static Message ixfrQuery(long serial) throws Exception {
        Name zone = Name.fromString("ixfr.test.");
        Message query = Message.newQuery(Record.newRecord(zone, Type.IXFR, DClass.IN));
        query.addRecord(new SOARecord(zone, DClass.IN, 0, Name.root, Name.root, serial, 0, 0, 0, 0), Section.AUTHORITY);
        return query;
    }

    private static Record a(String owner, String address, long ttl) throws Exception {
        return new ARecord(Name.fromString(owner), DClass.IN, ttl, java.net.InetAddress.getByName(address));
    }
}
