package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/** The server as a DNS client sees it: dnsjava's resolver over UDP and TCP, and raw messages where a resolver would not send them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedNameServerQueryTest {
    private static final String ZONE = "example.test";
    private static final String CLOSED = "closed.test";
    private static final int BIG_TXT_STRINGS = 12;

    enum Transport {
        UDP,
        TCP
    }

    @TempDir
    static Path dataDirectory;

    private EmbeddedNameServer server;
    private InetSocketAddress address;

    @BeforeAll
    void startServer() {
        server = EmbeddedServers.start(dataDirectory);
        address = server.localAddress().orElseThrow();
        var spec = TestZones.spec(ZONE)
                .allowTransfer(Records.match("127.0.0.1"))
                .record(Records.a("www." + ZONE, 300, "192.0.2.1"))
                .record(Records.cname("alias." + ZONE, "www." + ZONE))
                .record(Records.cname("chain." + ZONE, "alias." + ZONE))
                .record(Records.cname("dangling." + ZONE, "nowhere." + ZONE))
                .record(Records.cname("out." + ZONE, "www.example.net"))
                .record(Records.a("*.wild." + ZONE, "192.0.2.77"))
                .record(Records.ns("sub." + ZONE, "ns.sub." + ZONE))
                .record(Records.a("ns.sub." + ZONE, "192.0.2.99"))
                .record(Records.mx("mail." + ZONE, 10, "mx." + ZONE))
                .record(Records.a("mx." + ZONE, "192.0.2.25"))
                .record(Records.a("a.b.deep." + ZONE, "192.0.2.30"))
                .record(dev.bindsmith.core.zone.Record.of(
                        dev.bindsmith.core.zone.DomainName.of("old." + ZONE),
                        new dev.bindsmith.core.zone.RData.Dname(dev.bindsmith.core.zone.DomainName.of("new." + ZONE))))
                .record(Records.a("www.new." + ZONE, "192.0.2.40"));
        for (int i = 0; i < BIG_TXT_STRINGS; i++) {
            spec.record(Records.txt("big." + ZONE, ("string " + i + " ").repeat(7)));
        }
        EmbeddedServers.serve(server, spec.build());
        ZoneSpec closed = TestZones.spec(CLOSED)
                .record(Records.a("www." + CLOSED, "192.0.2.2"))
                .build();
        EmbeddedServers.serve(server, closed);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    // ---- answers ----

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anExistingRecordIsAnAuthoritativeAnswer(Transport transport) throws IOException {
        Message response = query(transport, "www." + ZONE, Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(response.getHeader().getFlag(Flags.RA)).isFalse();
        assertThat(response.getSection(Section.ANSWER)).singleElement().satisfies(r -> {
            assertThat(r).isInstanceOf(ARecord.class);
            assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("192.0.2.1");
            assertThat(r.getTTL()).isEqualTo(300);
        });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anUnknownNameIsNxdomainWithTheSoaAtTheNegativeTtl(Transport transport) throws IOException {
        Message response = query(transport, "nothing." + ZONE, Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
        assertNegativeSoa(response);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aNameWithoutTheTypeIsNodataWithTheSoa(Transport transport) throws IOException {
        Message response = query(transport, "www." + ZONE, Type.AAAA);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
        assertNegativeSoa(response);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anEmptyNonTerminalIsNodataNotNxdomain(Transport transport) throws IOException {
        Message response = query(transport, "b.deep." + ZONE, Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
        assertNegativeSoa(response);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCnameChainIsFollowedInsideTheZone(Transport transport) throws IOException {
        Message response = query(transport, "chain." + ZONE, Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        List<Record> answer = response.getSection(Section.ANSWER);
        assertThat(answer).hasSize(3);
        assertThat(answer.get(0)).isInstanceOf(CNAMERecord.class);
        assertThat(((CNAMERecord) answer.get(0)).getTarget()).isEqualTo(name("alias." + ZONE));
        assertThat(((CNAMERecord) answer.get(1)).getTarget()).isEqualTo(name("www." + ZONE));
        assertThat(answer.get(2)).isInstanceOf(ARecord.class);
        assertThat(answer.get(2).getName()).isEqualTo(name("www." + ZONE));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCnameToAMissingNameInTheZoneEndsInNxdomain(Transport transport) throws IOException {
        Message response = query(transport, "dangling." + ZONE, Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(response.getSection(Section.ANSWER)).singleElement().isInstanceOf(CNAMERecord.class);
        assertNegativeSoa(response);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCnameOutOfTheZoneIsAnsweredAloneAndNotFollowed(Transport transport) throws IOException {
        Message response = query(transport, "out." + ZONE, Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).singleElement().isInstanceOf(CNAMERecord.class);
        assertThat(response.getSection(Section.AUTHORITY)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aNameBelowADnameGetsTheDnameASynthesizedCnameAndTheTargetsAnswer(Transport transport) throws IOException {
        Message response = query(transport, "www.old." + ZONE, Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        List<Record> answer = response.getSection(Section.ANSWER);
        assertThat(answer).extracting(Record::getType).containsExactly(Type.DNAME, Type.CNAME, Type.A);
        assertThat(answer.get(1).getName()).isEqualTo(name("www.old." + ZONE));
        assertThat(((CNAMERecord) answer.get(1)).getTarget()).isEqualTo(name("www.new." + ZONE));
        assertThat(((ARecord) answer.get(2)).getAddress().getHostAddress()).isEqualTo("192.0.2.40");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aNameBelowADelegationIsAReferralWithGlueAndWithoutAa(Transport transport) throws IOException {
        Message response = query(transport, "host.sub." + ZONE, Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
        assertThat(response.getSection(Section.AUTHORITY)).singleElement().satisfies(r -> {
            assertThat(r).isInstanceOf(NSRecord.class);
            assertThat(r.getName()).isEqualTo(name("sub." + ZONE));
            assertThat(((NSRecord) r).getTarget()).isEqualTo(name("ns.sub." + ZONE));
        });
        assertThat(response.getSection(Section.ADDITIONAL))
                .filteredOn(r -> r.getType() == Type.A)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getName()).isEqualTo(name("ns.sub." + ZONE));
                    assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("192.0.2.99");
                });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aWildcardAnswersForNamesBelowIt(Transport transport) throws IOException {
        Message response = query(transport, "anything.wild." + ZONE, Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(response.getSection(Section.ANSWER)).singleElement().satisfies(r -> {
            assertThat(r.getName()).isEqualTo(name("anything.wild." + ZONE));
            assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("192.0.2.77");
        });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anMxAnswerCarriesTheExchangesAddress(Transport transport) throws IOException {
        Message response = query(transport, "mail." + ZONE, Type.MX);

        assertThat(response.getSection(Section.ANSWER)).hasSize(1);
        assertThat(response.getSection(Section.ADDITIONAL))
                .filteredOn(r -> r.getType() == Type.A)
                .singleElement()
                .satisfies(r -> assertThat(r.getName()).isEqualTo(name("mx." + ZONE)));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aZoneTheServerDoesNotHoldIsRefused(Transport transport) throws IOException {
        Message response = query(transport, "www.example.org", Type.A);

        assertThat(response.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(response.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
    }

    // ---- truncation ----

    @Test
    void aLargeAnswerOverUdpWithoutEdnsIsTruncatedAndComesWholeOverTcp() throws IOException {
        SimpleResolver udp = resolver(Transport.UDP);
        udp.setEDNS(-1);
        udp.setIgnoreTruncation(true);

        Message truncated = udp.send(Message.newQuery(Record.newRecord(name("big." + ZONE), Type.TXT, DClass.IN)));

        assertThat(truncated.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(truncated.numBytes()).isLessThanOrEqualTo(512);
        assertThat(truncated.getSection(Section.ANSWER)).hasSizeLessThan(BIG_TXT_STRINGS);

        Message whole = query(Transport.TCP, "big." + ZONE, Type.TXT);
        assertThat(whole.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(whole.getSection(Section.ANSWER)).hasSize(BIG_TXT_STRINGS);
    }

    @Test
    void aLargeAnswerFitsOverUdpWhenTheClientsEdnsBufferIsLargeEnough() throws IOException {
        SimpleResolver udp = resolver(Transport.UDP);
        udp.setEDNS(0, 1232, 0, List.of());
        udp.setIgnoreTruncation(true);

        Message response = udp.send(Message.newQuery(Record.newRecord(name("big." + ZONE), Type.TXT, DClass.IN)));

        assertThat(response.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(response.getSection(Section.ANSWER)).hasSize(BIG_TXT_STRINGS);
        assertThat(response.getOPT()).isNotNull();
    }

    @Test
    void theResolverFallsBackToTcpByItselfForATruncatedAnswer() throws IOException {
        SimpleResolver udp = resolver(Transport.UDP);
        udp.setEDNS(-1);

        Message response = udp.send(Message.newQuery(Record.newRecord(name("big." + ZONE), Type.TXT, DClass.IN)));

        assertThat(response.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(response.getSection(Section.ANSWER)).hasSize(BIG_TXT_STRINGS);
    }

    // ---- malformed and unsupported ----

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aMessageThatDoesNotParseIsFormerrWithItsId(Transport transport) throws IOException {
        // A header that announces one question, and no question after it.
        byte[] header = {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0};

        Message response = new Message(exchange(transport, header));

        assertThat(response.getHeader().getID()).isEqualTo(0x1234);
        assertThat(response.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(response.getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aQueryWithTwoQuestionsIsFormerr(Transport transport) throws IOException {
        Message query = Message.newQuery(Record.newRecord(name("www." + ZONE), Type.A, DClass.IN));
        query.addRecord(Record.newRecord(name("mx." + ZONE), Type.A, DClass.IN), Section.QUESTION);

        Message response = new Message(exchange(transport, query.toWire()));

        assertThat(response.getHeader().getID()).isEqualTo(query.getHeader().getID());
        assertThat(response.getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anOpcodeTheServerDoesNotDoIsNotimp(Transport transport) throws IOException {
        for (int opcode : List.of(Opcode.IQUERY, Opcode.STATUS, 6)) {
            Message query = Message.newQuery(Record.newRecord(name(ZONE), Type.SOA, DClass.IN));
            query.getHeader().setOpcode(opcode);

            Message response = new Message(exchange(transport, query.toWire()));

            assertThat(response.getRcode()).as(Opcode.string(opcode)).isEqualTo(Rcode.NOTIMP);
            assertThat(response.getHeader().getOpcode()).isEqualTo(opcode);
        }
    }

    @Test
    void anUnsupportedEdnsVersionIsBadvers() throws IOException {
        Message query = Message.newQuery(Record.newRecord(name("www." + ZONE), Type.A, DClass.IN));
        query.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 1), Section.ADDITIONAL);

        Message response = new Message(exchange(Transport.UDP, query.toWire()));

        assertThat(response.getRcode()).isEqualTo(Rcode.BADVERS);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void responsesToResponsesAreNeverSent() throws IOException {
        Message bogus = Message.newQuery(Record.newRecord(name("www." + ZONE), Type.A, DClass.IN));
        bogus.getHeader().setFlag(Flags.QR);

        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(300);
            byte[] wire = bogus.toWire();
            socket.send(new DatagramPacket(wire, wire.length, address));
            assertThatThrownBy(() -> socket.receive(new DatagramPacket(new byte[512], 512)))
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    // ---- zone transfer ----

    @Test
    void axfrOverTcpToAnAllowedClientSendsTheWholeZoneBetweenTwoSoas() throws Exception {
        ZoneTransferIn xfr = ZoneTransferIn.newAXFR(name(ZONE), address, null);
        xfr.setTimeout(Duration.ofSeconds(10));

        xfr.run();

        List<Record> records = xfr.getAXFR();
        assertThat(records.getFirst()).isInstanceOf(SOARecord.class);
        assertThat(records.getLast()).isInstanceOf(SOARecord.class);
        assertThat(records).anyMatch(r -> r.getType() == Type.A && r.getName().equals(name("www." + ZONE)));
        assertThat(records).anyMatch(r -> r.getType() == Type.NS && r.getName().equals(name("sub." + ZONE)));
        assertThat(records).filteredOn(r -> r.getType() == Type.TXT).hasSize(BIG_TXT_STRINGS);
        assertThat(records).filteredOn(r -> r.getType() == Type.SOA).hasSize(2);
    }

    @Test
    void axfrOfAZoneWithoutAllowTransferIsRefused() {
        ZoneTransferIn xfr = ZoneTransferIn.newAXFR(name(CLOSED), address, null);
        xfr.setTimeout(Duration.ofSeconds(10));

        assertThatThrownBy(xfr::run).isInstanceOf(ZoneTransferException.class).hasMessageContaining("REFUSED");
    }

    @Test
    void axfrOfAZoneTheServerDoesNotHoldIsNotauthAsNamedAnswersIt() {
        ZoneTransferIn xfr = ZoneTransferIn.newAXFR(name("example.org"), address, null);
        xfr.setTimeout(Duration.ofSeconds(10));

        assertThatThrownBy(xfr::run).isInstanceOf(ZoneTransferException.class).hasMessageContaining("NOTAUTH");
    }

    @Test
    void axfrOverUdpIsFormerr() throws IOException {
        Message query = Message.newQuery(Record.newRecord(name(ZONE), Type.AXFR, DClass.IN));

        Message response = new Message(exchange(Transport.UDP, query.toWire()));

        assertThat(response.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void severalQueriesShareOneTcpConnection() throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            List<Integer> rcodes = new ArrayList<>();
            for (String host : List.of("www." + ZONE, "nothing." + ZONE, "www.example.org")) {
                byte[] wire = Message.newQuery(Record.newRecord(name(host), Type.A, DClass.IN))
                        .toWire();
                out.writeShort(wire.length);
                out.write(wire);
                out.flush();
                byte[] reply = in.readNBytes(in.readUnsignedShort());
                rcodes.add(new Message(reply).getRcode());
            }
            assertThat(rcodes).containsExactly(Rcode.NOERROR, Rcode.NXDOMAIN, Rcode.REFUSED);
        }
    }

    // ---- helpers ----

    private void assertNegativeSoa(Message response) {
        assertThat(response.getSection(Section.AUTHORITY)).singleElement().satisfies(r -> {
            assertThat(r).isInstanceOf(SOARecord.class);
            SOARecord soa = (SOARecord) r;
            assertThat(soa.getName()).isEqualTo(name(ZONE));
            // The zone's TTL is 3600 and its SOA minimum 86400: the smaller one is the negative TTL.
            assertThat(soa.getMinimum()).isEqualTo(86400);
            assertThat(soa.getTTL()).isEqualTo(Math.min(3600, soa.getMinimum()));
        });
    }

    private Message query(Transport transport, String host, int type) throws IOException {
        return resolver(transport).send(Message.newQuery(Record.newRecord(name(host), type, DClass.IN)));
    }

    private SimpleResolver resolver(Transport transport) {
        SimpleResolver resolver = new SimpleResolver(address);
        resolver.setTCP(transport == Transport.TCP);
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver;
    }

    /** Sends raw bytes and returns the raw reply. */
    private byte[] exchange(Transport transport, byte[] wire) throws IOException {
        if (transport == Transport.UDP) {
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.setSoTimeout(5000);
                socket.send(new DatagramPacket(wire, wire.length, address));
                DatagramPacket reply = new DatagramPacket(new byte[65535], 65535);
                socket.receive(reply);
                return java.util.Arrays.copyOf(reply.getData(), reply.getLength());
            }
        }
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            return in.readNBytes(in.readUnsignedShort());
        }
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
