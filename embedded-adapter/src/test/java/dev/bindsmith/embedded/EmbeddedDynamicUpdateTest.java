package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/** RFC 2136 UPDATE over the wire, TSIG-signed, as a client such as nsupdate sends it. */
class EmbeddedDynamicUpdateTest {
    private static final TsigKey DDNS =
            new TsigKey("ddns-key", TsigKey.Algorithm.HMAC_SHA256, "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=");
    private static final TsigKey OTHER = new TsigKey(
            "other-key",
            TsigKey.Algorithm.HMAC_SHA512,
            "9J01k5IKOGELG5667okTTFmlWqUEQ/ztZj7wMxHyblCS0hGYVetgAmxjwnsEhAFoQEjj/jeOg9NKBTa9WyAZUA==");

    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws IOException {
        server = EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory)
                .port(0)
                .tsigKeys(List.of(DDNS, OTHER))
                .start();
        address = server.localAddress().orElseThrow();
        EmbeddedServers.serve(
                server,
                TestZones.spec("upd.test")
                        .serial(100)
                        .allowUpdate(Records.key("ddns-key"))
                        .record(Records.a("www.upd.test", 300, "192.0.2.1"))
                        .build());
        EmbeddedServers.serve(server, TestZones.spec("addr.test").dynamic().build());
        EmbeddedServers.serve(server, TestZones.spec("static.test").build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- applied ----

    @Test
    void aSignedUpdateIsAppliedOnDiskBeforeTheAnswerAndTheAnswerIsSigned() throws Exception {
        Update update = new Update(Name.fromString("upd.test."));
        update.add(Name.fromString("api.upd.test."), Type.A, 600, "192.0.2.10");

        DnsExchange.Reply reply = DnsExchange.tcp(address, update, Optional.of(signer(DDNS)));

        assertThat(reply.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.tsig()).contains(Rcode.NOERROR);
        assertThat(Files.readString(dataDirectory.resolve("upd.test.db.jnl")))
                .containsPattern("\\+ api\\.upd\\.test\\.\\s+600\\s+IN\\s+A\\s+192\\.0\\.2\\.10");
        assertThat(records("upd.test")).contains(Records.a("api.upd.test", 600, "192.0.2.10"));
        assertThat(serial("upd.test")).isEqualTo(101);
    }

    @Test
    void anUpdateOverUdpIsAppliedToo() throws Exception {
        Update update = new Update(Name.fromString("upd.test."));
        update.add(Name.fromString("udp.upd.test."), Type.TXT, 60, "\"over udp\"");

        DnsExchange.Reply reply = DnsExchange.udp(address, update, Optional.of(signer(DDNS)));

        assertThat(reply.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.tsig()).contains(Rcode.NOERROR);
        assertThat(records("upd.test")).contains(Records.txt("udp.upd.test", 60, "over udp"));
    }

    @Test
    void aMessageOfAHundredChangesMovesTheSerialOnce() throws Exception {
        Update update = new Update(Name.fromString("upd.test."));
        for (int i = 0; i < 100; i++) {
            update.add(Name.fromString("h" + i + ".upd.test."), Type.A, 60, "192.0.2." + (i + 1));
        }

        assertThat(DnsExchange.tcp(address, update, Optional.of(signer(DDNS))).rcode())
                .isEqualTo(Rcode.NOERROR);

        assertThat(records("upd.test")).contains(Records.a("h99.upd.test", 60, "192.0.2.100"));
        assertThat(serial("upd.test")).isEqualTo(101);
    }

    @Test
    void replacingAnRRsetAndDeletingANameTakeEffectTogether() throws Exception {
        Update first = new Update(Name.fromString("upd.test."));
        first.add(Name.fromString("gone.upd.test."), Type.TXT, 60, "\"bye\"");
        first.add(Name.fromString("gone.upd.test."), Type.A, 60, "192.0.2.77");
        DnsExchange.tcp(address, first, Optional.of(signer(DDNS)));

        Update update = new Update(Name.fromString("upd.test."));
        update.delete(Name.fromString("www.upd.test."), Type.A);
        update.add(Name.fromString("www.upd.test."), Type.A, 120, "198.51.100.1");
        update.delete(Name.fromString("gone.upd.test."));

        assertThat(DnsExchange.tcp(address, update, Optional.of(signer(DDNS))).rcode())
                .isEqualTo(Rcode.NOERROR);
        List<Record> now = records("upd.test");
        assertThat(now)
                .filteredOn(r -> r.owner().value().equals("www.upd.test"))
                .containsExactly(Records.a("www.upd.test", 120, "198.51.100.1"));
        assertThat(now).noneMatch(r -> r.owner().value().equals("gone.upd.test"));
    }

    @Test
    void anUnsignedUpdateFromAnAddressTheZoneAllowsIsApplied() throws Exception {
        Update update = new Update(Name.fromString("addr.test."));
        update.add(Name.fromString("x.addr.test."), Type.A, 60, "192.0.2.5");

        assertThat(DnsExchange.tcp(address, update, Optional.empty()).rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(records("addr.test")).contains(Records.a("x.addr.test", 60, "192.0.2.5"));
    }

    @Test
    void anSoaWithAGreaterSerialReplacesItAndOneWithASmallerIsIgnoredAsBindDoes() throws Exception {
        Update bump = new Update(Name.fromString("upd.test."));
        bump.add(org.xbill.DNS.Record.fromString(
                name("upd.test."),
                Type.SOA,
                DClass.IN,
                3600,
                "ns1.upd.test. hostmaster.upd.test. 500 3600 600 604800 86400",
                Name.root));
        Update back = new Update(Name.fromString("upd.test."));
        back.add(org.xbill.DNS.Record.fromString(
                name("upd.test."),
                Type.SOA,
                DClass.IN,
                3600,
                "ns1.upd.test. hostmaster.upd.test. 400 3600 600 604800 86400",
                Name.root));

        assertThat(DnsExchange.tcp(address, bump, Optional.of(signer(DDNS))).rcode())
                .isEqualTo(Rcode.NOERROR);
        assertThat(serial("upd.test")).isEqualTo(500);
        assertThat(DnsExchange.tcp(address, back, Optional.of(signer(DDNS))).rcode())
                .isEqualTo(Rcode.NOERROR);
        assertThat(serial("upd.test")).isEqualTo(500);
    }

    @Test
    void aCnameBesideOtherDataIsIgnoredAsBindDoes() throws Exception {
        Update update = new Update(Name.fromString("upd.test."));
        update.add(Name.fromString("www.upd.test."), Type.CNAME, 60, "elsewhere.example.net.");

        assertThat(DnsExchange.tcp(address, update, Optional.of(signer(DDNS))).rcode())
                .isEqualTo(Rcode.NOERROR);
        assertThat(records("upd.test")).contains(Records.a("www.upd.test", 300, "192.0.2.1"));
        assertThat(serial("upd.test"))
                .as("nothing changed, so the serial stays")
                .isEqualTo(100);
    }

    // ---- who may update ----

    @Test
    void anUnsignedUpdateOfAZoneThatTakesOnlyAKeyIsRefusedAndChangesNothing() throws Exception {
        List<Record> before = records("upd.test");

        assertThat(DnsExchange.tcp(address, addApi(), Optional.empty()).rcode()).isEqualTo(Rcode.REFUSED);
        assertThat(records("upd.test")).containsExactlyElementsOf(before);
    }

    @Test
    void anUpdateSignedWithAnotherKnownKeyIsRefusedWithASignedAnswer() throws Exception {
        DnsExchange.Reply reply = DnsExchange.tcp(address, addApi(), Optional.of(signer(OTHER)));

        assertThat(reply.rcode()).isEqualTo(Rcode.REFUSED);
        assertThat(reply.tsig()).contains(Rcode.NOERROR);
    }

    @Test
    void aZoneWithoutAllowUpdateRefusesEvenAKnownKey() throws Exception {
        Update update = new Update(Name.fromString("static.test."));
        update.add(Name.fromString("x.static.test."), Type.A, 60, "192.0.2.5");

        assertThat(DnsExchange.tcp(address, update, Optional.of(signer(DDNS))).rcode())
                .isEqualTo(Rcode.REFUSED);
    }

    @Test
    void aFrozenZoneRefusesUpdates() throws Exception {
        Outcomes.ok(server.nameServerControl().freeze(ZoneName.of("upd.test")));

        assertThat(DnsExchange.tcp(address, addApi(), Optional.of(signer(DDNS))).rcode())
                .isEqualTo(Rcode.REFUSED);
    }

    // ---- TSIG errors (RFC 8945 §5.2) ----

    @Test
    void anUnknownKeyIsNotauthWithBadkeyAndNoMac() throws Exception {
        TsigKey unknown = new TsigKey("nobody", TsigKey.Algorithm.HMAC_SHA256, DDNS.secret());

        DnsExchange.Reply reply = DnsExchange.tcp(address, addApi(), Optional.of(signer(unknown)));

        assertThat(reply.rcode()).isEqualTo(Rcode.NOTAUTH);
        TSIGRecord tsig = reply.message().getTSIG();
        assertThat(tsig.getError()).isEqualTo(Rcode.BADKEY);
        assertThat(tsig.getSignature()).isEmpty();
        assertThat(records("upd.test")).noneMatch(r -> r.owner().value().equals("api.upd.test"));
    }

    @Test
    void aWrongSecretIsNotauthWithBadsigAndNoMac() throws Exception {
        TsigKey forged = new TsigKey(
                "ddns-key", TsigKey.Algorithm.HMAC_SHA256, OTHER.secret().substring(0, 44));

        DnsExchange.Reply reply = DnsExchange.tcp(address, addApi(), Optional.of(signer(forged)));

        assertThat(reply.rcode()).isEqualTo(Rcode.NOTAUTH);
        assertThat(reply.message().getTSIG().getError()).isEqualTo(Rcode.BADSIG);
        assertThat(reply.message().getTSIG().getSignature()).isEmpty();
        assertThat(records("upd.test")).noneMatch(r -> r.owner().value().equals("api.upd.test"));
    }

    @Test
    void aClockOutsideTheFudgeIsBadtimeSignedAndCarryingTheServersTime() throws Exception {
        Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        Instant before = Instant.now();

        DnsExchange.Reply reply = DnsExchange.tcp(address, addApi(), Optional.of(DDNS.signer(late)));

        assertThat(reply.rcode()).isEqualTo(Rcode.NOTAUTH);
        TSIGRecord tsig = reply.message().getTSIG();
        assertThat(tsig.getError()).isEqualTo(Rcode.BADTIME);
        assertThat(reply.tsig()).as("the BADTIME answer is signed").contains(Rcode.NOERROR);
        long serverTime = new java.math.BigInteger(1, tsig.getOther()).longValue();
        assertThat(serverTime)
                .isBetween(before.getEpochSecond() - 1, Instant.now().getEpochSecond() + 1);
        assertThat(records("upd.test")).noneMatch(r -> r.owner().value().equals("api.upd.test"));
    }

    @Test
    void aClockWithinTheFudgeIsAccepted() throws Exception {
        Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-4));

        assertThat(DnsExchange.tcp(address, addApi(), Optional.of(DDNS.signer(late)))
                        .rcode())
                .isEqualTo(Rcode.NOERROR);
    }

    @Test
    void theServersClockIsTheOneItWasGiven() throws Exception {
        server.close();
        server = EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory)
                .port(0)
                .clock(Clock.fixed(TestClocks.INSTANT, ZoneOffset.UTC))
                .tsigKeys(List.of(DDNS))
                .start();
        address = server.localAddress().orElseThrow();

        DnsExchange.Reply now = DnsExchange.tcp(address, addApi(), Optional.of(signer(DDNS)));
        DnsExchange.Reply then = DnsExchange.tcp(
                address, addApi(), Optional.of(DDNS.signer(Clock.fixed(TestClocks.INSTANT, ZoneOffset.UTC))));

        assertThat(now.message().getTSIG().getError()).isEqualTo(Rcode.BADTIME);
        assertThat(then.rcode()).isEqualTo(Rcode.NOERROR);
    }

    // ---- prerequisites (§2.4, §3.2.5) ----

    @Test
    void eachPrerequisiteThatFailsHasItsResponseCodeAndChangesNothing() throws Exception {
        List<Record> before = records("upd.test");

        assertThat(withPrerequisite(u -> u.present(name("none.upd.test.")))).isEqualTo(Rcode.NXDOMAIN);
        assertThat(withPrerequisite(u -> u.absent(name("www.upd.test.")))).isEqualTo(Rcode.YXDOMAIN);
        assertThat(withPrerequisite(u -> u.present(name("www.upd.test."), Type.TXT)))
                .isEqualTo(Rcode.NXRRSET);
        assertThat(withPrerequisite(u -> u.absent(name("www.upd.test."), Type.A)))
                .isEqualTo(Rcode.YXRRSET);
        assertThat(withPrerequisite(u -> u.present(org.xbill.DNS.Record.fromString(
                        name("www.upd.test."), Type.A, DClass.IN, 0, "192.0.2.99", Name.root))))
                .isEqualTo(Rcode.NXRRSET);

        assertThat(records("upd.test")).containsExactlyElementsOf(before);
    }

    @Test
    void prerequisitesThatHoldLetTheUpdateApply() throws Exception {
        int rcode = withPrerequisite(u -> {
            u.present(name("www.upd.test."));
            u.absent(name("api.upd.test."));
            u.present(name("www.upd.test."), Type.A);
            u.absent(name("www.upd.test."), Type.TXT);
            u.present(org.xbill.DNS.Record.fromString(
                    name("www.upd.test."), Type.A, DClass.IN, 0, "192.0.2.1", Name.root));
        });

        assertThat(rcode).isEqualTo(Rcode.NOERROR);
        assertThat(records("upd.test")).contains(Records.a("api.upd.test", 600, "192.0.2.10"));
    }

    // ---- malformed and out of place ----

    @Test
    void aNameOutsideTheZoneIsNotzone() throws Exception {
        Update update = new Update(Name.fromString("upd.test."));
        update.add(Name.fromString("www.elsewhere.test."), Type.A, 60, "192.0.2.5");

        assertThat(DnsExchange.tcp(address, update, Optional.of(signer(DDNS))).rcode())
                .isEqualTo(Rcode.NOTZONE);
    }

    @Test
    void aZoneTheServerDoesNotHaveIsNotauth() throws Exception {
        Update update = new Update(Name.fromString("unknown.test."));
        update.add(Name.fromString("www.unknown.test."), Type.A, 60, "192.0.2.5");

        DnsExchange.Reply reply = DnsExchange.tcp(address, update, Optional.of(signer(DDNS)));

        assertThat(reply.rcode()).isEqualTo(Rcode.NOTAUTH);
        assertThat(reply.tsig()).contains(Rcode.NOERROR);
    }

    @Test
    void aRecordTheApiRefusesIsRefusedAndNothingOfTheMessageApplies() throws Exception {
        Update update = new Update(Name.fromString("upd.test."));
        update.add(Name.fromString("fine.upd.test."), Type.A, 60, "192.0.2.5");
        update.add(Name.fromString("not_a_host.upd.test."), Type.A, 60, "192.0.2.6");

        assertThat(DnsExchange.tcp(address, update, Optional.of(signer(DDNS))).rcode())
                .isEqualTo(Rcode.REFUSED);
        assertThat(records("upd.test")).noneMatch(r -> r.owner().value().equals("fine.upd.test"));
    }

    @Test
    void aTypeBindsmithDoesNotModelIsRefused() throws Exception {
        Update update = new Update(Name.fromString("upd.test."));
        update.add(Name.fromString("h.upd.test."), Type.HINFO, 60, "\"PC\" \"Linux\"");

        assertThat(DnsExchange.tcp(address, update, Optional.of(signer(DDNS))).rcode())
                .isEqualTo(Rcode.REFUSED);
    }

    @Test
    void aPrerequisiteWithATtlIsFormerr() throws Exception {
        Update update = new Update(Name.fromString("upd.test."));
        update.addRecord(org.xbill.DNS.Record.newRecord(name("www.upd.test."), Type.A, DClass.ANY, 60), Section.PREREQ);
        update.add(Name.fromString("api.upd.test."), Type.A, 600, "192.0.2.10");

        assertThat(DnsExchange.tcp(address, update, Optional.of(signer(DDNS))).rcode())
                .isEqualTo(Rcode.FORMERR);
    }

    @Test
    void aZoneSectionThatIsNotAnSoaIsFormerr() throws Exception {
        Message update = new Message();
        update.getHeader().setOpcode(org.xbill.DNS.Opcode.UPDATE);
        update.addRecord(org.xbill.DNS.Record.newRecord(name("upd.test."), Type.A, DClass.IN), Section.ZONE);

        assertThat(DnsExchange.tcp(address, update, Optional.of(signer(DDNS))).rcode())
                .isEqualTo(Rcode.FORMERR);
    }

    // ---- signed queries ----

    @Test
    void aSignedQueryIsAnsweredWithASignedAnswer() throws Exception {
        Message query = Message.newQuery(org.xbill.DNS.Record.newRecord(name("www.upd.test."), Type.A, DClass.IN));

        DnsExchange.Reply reply = DnsExchange.udp(address, query, Optional.of(signer(DDNS)));

        assertThat(reply.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.tsig()).contains(Rcode.NOERROR);
        assertThat(reply.message().getSection(Section.ANSWER)).hasSize(1);
    }

    // ---- helpers ----

    private interface Prerequisites {
        void add(Update update) throws Exception;
    }

    private int withPrerequisite(Prerequisites prerequisites) throws Exception {
        Update update = new Update(Name.fromString("upd.test."));
        prerequisites.add(update);
        update.add(Name.fromString("api.upd.test."), Type.A, 600, "192.0.2.10");
        return DnsExchange.tcp(address, update, Optional.of(signer(DDNS))).rcode();
    }

    private static Update addApi() throws Exception {
        Update update = new Update(Name.fromString("upd.test."));
        update.add(Name.fromString("api.upd.test."), Type.A, 600, "192.0.2.10");
        return update;
    }

    private static Name name(String text) throws Exception {
        return Name.fromString(text);
    }

    private static TSIG signer(TsigKey key) {
        return key.signer(Clock.systemUTC());
    }

    private List<Record> records(String zone) {
        return Outcomes.ok(server.recordReader().read(ZoneName.of(zone)));
    }

    private long serial(String zone) {
        return records(zone).stream()
                .map(Record::data)
                .filter(d -> d instanceof RData.StartOfAuthority)
                .map(d -> ((RData.StartOfAuthority) d).soa().serial())
                .findFirst()
                .orElseThrow();
    }
}
