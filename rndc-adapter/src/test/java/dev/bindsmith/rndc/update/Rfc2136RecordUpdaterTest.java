package dev.bindsmith.rndc.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeReport;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.tsig.TsigKey;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;

/** The updater against a fake DNS server on loopback: what it sends, and every way a reply can fail. */
class Rfc2136RecordUpdaterTest {
    private static final ZoneName ZONE = ZoneName.of("example.com");
    private static final String SECRET =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_SECRET = Base64.getEncoder().encodeToString(new byte[32]);
    private static final TsigKey KEY = new TsigKey("update-key", TsigKey.Algorithm.HMAC_SHA256, SECRET);

    private static ChangeSet addOne() throws IOException {
        return ChangeSet.of(
                new RecordChange.Add(Record.of(DomainName.of("www.example.com"), 300, new RData.A((Inet4Address)
                        InetAddress.getByName("192.0.2.1")))));
    }

    /** The server's side of TSIG: the same key, signing its reply to the request. */
    private static TSIG serverKey(String secret) throws Exception {
        return new TSIG(TSIG.HMAC_SHA256, Name.fromString("update-key."), secret);
    }

    private static BiFunction<Message, byte[], byte[]> answering(int rcode, String secret) {
        return (request, wire) -> {
            try {
                TSIG server = serverKey(secret);
                Message reply = replyTo(request, rcode);
                server.apply(reply, request.getTSIG());
                return reply.toWire();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Message replyTo(Message request, int rcode) {
        Message reply = new Message(request.getHeader().getID());
        reply.getHeader().setOpcode(request.getHeader().getOpcode());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setRcode(rcode);
        if (request.getQuestion() != null) {
            reply.addRecord(request.getQuestion(), Section.QUESTION);
        }
        return reply;
    }

    private static Outcome<ChangeReport> applyAgainst(FakeDnsServer server) throws IOException {
        UpdateSettings settings =
                new UpdateSettings("127.0.0.1", server.port(), KEY, Duration.ofSeconds(2), Duration.ofMillis(500));
        try (Rfc2136RecordUpdater updater = new Rfc2136RecordUpdater(settings)) {
            return updater.apply(ZONE, addOne());
        }
    }

    @Test
    void everyUpdateIsSignedWithHmacSha256AndVerifiesWithTheKey() throws Exception {
        byte[][] received = new byte[1][];
        try (FakeDnsServer server = new FakeDnsServer((request, wire) -> {
            received[0] = wire;
            return answering(Rcode.NOERROR, SECRET).apply(request, wire);
        })) {
            assertThat(applyAgainst(server)).isInstanceOf(Outcome.Ok.class);

            Message request = server.requests.getFirst();
            assertThat(request.getHeader().getOpcode()).isEqualTo(Opcode.UPDATE);
            assertThat(request.getTSIG()).isNotNull();
            assertThat(request.getTSIG().getAlgorithm()).isEqualTo(TSIG.HMAC_SHA256);
            assertThat(request.getTSIG().getName()).isEqualTo(Name.fromString("update-key."));
            Message parsed = new Message(received[0]);
            assertThat(serverKey(SECRET).verify(parsed, received[0], null)).isEqualTo(Rcode.NOERROR);
        }
    }

    @Test
    void anUnsignedReplyIsNotBelievedEvenWhenItSaysNoErrorSoTheOutcomeIsUnknown() throws Exception {
        try (FakeDnsServer server = new FakeDnsServer(
                (request, wire) -> replyTo(request, Rcode.NOERROR).toWire())) {
            assertThat(applyAgainst(server)).isInstanceOfSatisfying(Outcome.BackendFailed.class, f -> {
                assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_OUTCOME_UNKNOWN);
                assertThat(f.details()).contains("not signed").contains("may have applied");
            });
        }
    }

    @Test
    void aReplySignedWithAnotherSecretIsAFailure() throws Exception {
        try (FakeDnsServer server = new FakeDnsServer(answering(Rcode.NOERROR, OTHER_SECRET))) {
            assertThat(applyAgainst(server))
                    .isInstanceOfSatisfying(
                            Outcome.BackendFailed.class,
                            f -> assertThat(f.details())
                                    .contains("did not verify")
                                    .doesNotContain(SECRET));
        }
    }

    @Test
    void aReplyToAnotherMessageIsAFailure() throws Exception {
        try (FakeDnsServer server = new FakeDnsServer((request, wire) -> {
            Message other = replyTo(request, Rcode.NOERROR);
            other.getHeader().setID((request.getHeader().getID() + 1) & 0xFFFF);
            return other.toWire();
        })) {
            assertThat(applyAgainst(server))
                    .isInstanceOfSatisfying(
                            Outcome.BackendFailed.class,
                            f -> assertThat(f.details()).contains("another message"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BADKEY, BADKEY, update-key", "BADSIG, BADSIG, secret differs", "BADTIME, BADTIME, clocks"})
    void aTsigErrorFromNamedSaysWhatToCheck(String error, String mentioned, String hint) throws Exception {
        int tsigError = Rcode.value(error);
        try (FakeDnsServer server = new FakeDnsServer((request, wire) -> {
            try {
                Message reply = replyTo(request, Rcode.NOTAUTH);
                serverKey(SECRET).apply(reply, tsigError, request.getTSIG());
                return reply.toWire();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })) {
            assertThat(applyAgainst(server)).isInstanceOfSatisfying(Outcome.BackendFailed.class, f -> {
                assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_REJECTED);
                assertThat(f.details()).contains(mentioned).contains(hint).doesNotContain(SECRET);
            });
        }
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
        "REFUSED, Invalid, ZONE_NOT_DYNAMIC",
        "NXRRSET, NotFound, RECORD_NOT_FOUND",
        "NXDOMAIN, NotFound, RECORD_NOT_FOUND",
        "YXRRSET, Unprocessable, RECORD_CONFLICT",
        "YXDOMAIN, Unprocessable, RECORD_CONFLICT",
        "NOTZONE, Invalid, VALIDATION_FAILED",
        "NOTAUTH, NotFound, ZONE_NOT_FOUND",
        "SERVFAIL, BackendFailed, BACKEND_REJECTED",
        "FORMERR, BackendFailed, BACKEND_REJECTED",
        "NOTIMP, BackendFailed, BACKEND_REJECTED"
    })
    void eachResponseCodeBecomesItsOutcome(String rcode, String kind, ErrorCode code) throws Exception {
        try (FakeDnsServer server = new FakeDnsServer(answering(Rcode.value(rcode), SECRET))) {
            Outcome<ChangeReport> outcome = applyAgainst(server);

            assertThat(outcome.getClass().getSimpleName()).isEqualTo(kind);
            assertThat(((Outcome.Failure<ChangeReport>) outcome).code()).isEqualTo(code);
        }
    }

    @Test
    void aRefusedUpdateSaysTheZoneDoesNotSupportDynamicUpdates() throws Exception {
        try (FakeDnsServer server = new FakeDnsServer(answering(Rcode.REFUSED, SECRET))) {
            assertThat(applyAgainst(server))
                    .isInstanceOfSatisfying(
                            Outcome.Invalid.class,
                            f -> assertThat(f.error()).isEqualTo("Zone does not support dynamic updates"));
        }
    }

    @Test
    void anUpdateTheServerNeverAnswersHasAnUnknownOutcomeAfterTheReadTimeout() throws Exception {
        try (FakeDnsServer server = new FakeDnsServer((request, wire) -> null)) {
            assertThat(applyAgainst(server)).isInstanceOfSatisfying(Outcome.BackendFailed.class, f -> {
                assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_OUTCOME_UNKNOWN);
                assertThat(f.details()).contains("timed out").contains("may have applied");
            });
        }
    }

    @Test
    void consecutiveChangeSetsShareOneConnection() throws Exception {
        try (FakeDnsServer server = new FakeDnsServer(answering(Rcode.NOERROR, SECRET))) {
            UpdateSettings settings = UpdateSettings.of("127.0.0.1", server.port(), KEY);
            try (Rfc2136RecordUpdater updater = new Rfc2136RecordUpdater(settings)) {
                for (int i = 0; i < 3; i++) {
                    assertThat(updater.apply(ZONE, addOne())).isInstanceOf(Outcome.Ok.class);
                }
            }
            assertThat(server.requests).hasSize(3);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionNamedClosedWhileIdleIsReplacedAndTheChangeSetSentOnce() throws Exception {
        try (FakeDnsServer server = new FakeDnsServer(answering(Rcode.NOERROR, SECRET), true)) {
            UpdateSettings settings = UpdateSettings.of("127.0.0.1", server.port(), KEY);
            try (Rfc2136RecordUpdater updater = new Rfc2136RecordUpdater(settings)) {
                assertThat(updater.apply(ZONE, addOne())).isInstanceOf(Outcome.Ok.class);
                assertThat(updater.apply(ZONE, addOne())).isInstanceOf(Outcome.Ok.class);
            }
            assertThat(server.requests).hasSize(2);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Outcome<ChangeReport> outcome =
                new Rfc2136RecordUpdater(UpdateSettings.of("127.0.0.1", port, KEY)).apply(ZONE, addOne());

        assertThat(outcome).isInstanceOfSatisfying(Outcome.BackendFailed.class, f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_UNREACHABLE);
            assertThat(f.details())
                    .isEqualTo("the name server refused the connection at 127.0.0.1#" + port
                            + " (set by NSUPDATE_SERVER and NSUPDATE_PORT)");
        });
    }

    @Test
    void aRecordExistsPrerequisiteForARecordThatIsNotThereSendsNoUpdate() throws Exception {
        try (FakeDnsServer server = new FakeDnsServer(answering(Rcode.NXDOMAIN, SECRET))) {
            UpdateSettings settings = UpdateSettings.of("127.0.0.1", server.port(), KEY);
            Record wanted = Record.of(DomainName.of("www.example.com"), 300, new RData.A((Inet4Address)
                    InetAddress.getByName("192.0.2.1")));

            Outcome<ChangeReport> outcome;
            try (Rfc2136RecordUpdater updater = new Rfc2136RecordUpdater(settings)) {
                outcome = updater.apply(
                        ZONE,
                        new ChangeSet(
                                java.util.List.of(new dev.bindsmith.core.port.Prerequisite.RecordExists(wanted)),
                                java.util.List.of(new RecordChange.Remove(wanted))));
            }

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            Outcome.NotFound.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.RECORD_NOT_FOUND));
            assertThat(server.requests).hasSize(1);
            assertThat(server.requests.getFirst().getHeader().getOpcode()).isEqualTo(Opcode.QUERY);
        }
    }
}
