package dev.bindsmith.rndc.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.tsig.TsigKey;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/**
 * The zone transfer against a fake server that streams a signed AXFR of three messages: every message
 * must carry a TSIG that verifies in the chain, the last one verified as the last (RFC 8945 §5.3.1), or
 * nothing of the transfer is believed.
 */
class AxfrRecordReaderTest {
    private static final ZoneName ZONE = ZoneName.of("example.com");
    private static final String SECRET =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_SECRET = Base64.getEncoder().encodeToString(new byte[32]);
    private static final TsigKey KEY = new TsigKey("update-key", TsigKey.Algorithm.HMAC_SHA256, SECRET);
    /** In the last message only, so that a test can find its bytes and change them. */
    private static final byte[] LAST_ADDRESS = {(byte) 192, 0, 2, 77};

    /** How the fake server signs message {@code i} of the stream (or leaves it unsigned, or spoils it). */
    enum Signing {
        ALL_SIGNED,
        LAST_UNSIGNED,
        MIDDLE_UNSIGNED,
        LAST_SIGNED_WITH_ANOTHER_KEY,
        LAST_TAMPERED_AFTER_SIGNING
    }

    @Test
    void aTransferWhoseEveryMessageVerifiesIsRead() throws Exception {
        var records = read(Signing.ALL_SIGNED);

        assertThat(records).isInstanceOf(Outcome.Ok.class);
        List<String> values = ((Outcome.Ok<List<Record>>) records)
                .value().stream()
                        .map(r -> r.owner().absolute() + " " + r.type() + " "
                                + r.data().presentation())
                        .toList();
        assertThat(values)
                .contains(
                        "www.example.com. A 192.0.2.1",
                        "ftp.example.com. A 192.0.2.2",
                        "last.example.com. A 192.0.2.77");
    }

    @Test
    void aTransferWhoseLastMessageIsUnsignedIsRefused() throws Exception {
        assertRefused(read(Signing.LAST_UNSIGNED));
    }

    @Test
    void aTransferWithAnUnsignedMessageInTheMiddleIsRefused() throws Exception {
        assertRefused(read(Signing.MIDDLE_UNSIGNED));
    }

    @Test
    void aTransferWhoseLastMessageIsSignedWithAnotherKeyIsRefused() throws Exception {
        assertRefused(read(Signing.LAST_SIGNED_WITH_ANOTHER_KEY));
    }

    @Test
    void aTransferWhoseLastMessageWasChangedAfterSigningIsRefused() throws Exception {
        assertRefused(read(Signing.LAST_TAMPERED_AFTER_SIGNING));
    }

    private static void assertRefused(Outcome<List<Record>> outcome) {
        assertThat(outcome).as("%s", outcome).isInstanceOf(Outcome.BackendFailed.class);
        var failed = (Outcome.BackendFailed<List<Record>>) outcome;
        assertThat(failed.code()).isEqualTo(ErrorCode.BACKEND_REJECTED);
        assertThat(failed.command()).isEqualTo("axfr");
        assertThat(failed.details()).contains("transfer");
    }

    private static Outcome<List<Record>> read(Signing signing) throws Exception {
        try (FakeDnsServer server = FakeDnsServer.streaming((request, wire) -> stream(request, signing))) {
            UpdateSettings settings =
                    new UpdateSettings("127.0.0.1", server.port(), KEY, Duration.ofSeconds(2), Duration.ofSeconds(2));
            return new AxfrRecordReader(settings).read(ZONE);
        }
    }

    /** SOA + www, then ftp, then last + the closing SOA: three messages, signed as {@code signing} says. */
    private static List<byte[]> stream(Message request, Signing signing) {
        try {
            Name zone = Name.fromString("example.com.");
            SOARecord soa = new SOARecord(
                    zone,
                    DClass.IN,
                    3600,
                    Name.fromString("ns1.example.com."),
                    Name.fromString("hostmaster.example.com."),
                    2026112201,
                    3600,
                    600,
                    604800,
                    86400);
            List<Message> messages = List.of(
                    message(request, soa, a("www", new byte[] {(byte) 192, 0, 2, 1})),
                    message(request, a("ftp", new byte[] {(byte) 192, 0, 2, 2})),
                    message(request, a("last", LAST_ADDRESS), soa));
            TSIG key = new TSIG(TSIG.HMAC_SHA256, Name.fromString("update-key."), SECRET);
            TSIG other = new TSIG(TSIG.HMAC_SHA256, Name.fromString("update-key."), OTHER_SECRET);
            List<byte[]> wires = new ArrayList<>();
            TSIGRecord previous = request.getTSIG();
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                boolean last = i == messages.size() - 1;
                boolean unsigned =
                        (last && signing == Signing.LAST_UNSIGNED) || (i == 1 && signing == Signing.MIDDLE_UNSIGNED);
                if (!unsigned) {
                    TSIG signer = last && signing == Signing.LAST_SIGNED_WITH_ANOTHER_KEY ? other : key;
                    signer.apply(m, previous, i == 0);
                    previous = m.getTSIG();
                }
                byte[] wire = m.toWire();
                if (last && signing == Signing.LAST_TAMPERED_AFTER_SIGNING) {
                    wire = replaced(wire, LAST_ADDRESS, b -> {
                        b[3] = 78;
                        return b;
                    });
                }
                wires.add(wire);
            }
            return wires;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Message message(Message request, org.xbill.DNS.Record... answers) {
        Message m = new Message(request.getHeader().getID());
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setFlag(Flags.AA);
        m.addRecord(request.getQuestion(), Section.QUESTION);
        for (org.xbill.DNS.Record r : answers) {
            m.addRecord(r, Section.ANSWER);
        }
        return m;
    }

    private static ARecord a(String label, byte[] address) throws Exception {
        return new ARecord(Name.fromString(label + ".example.com."), DClass.IN, 300, InetAddress.getByAddress(address));
    }

    private static byte[] replaced(byte[] wire, byte[] find, UnaryOperator<byte[]> change) {
        for (int i = 0; i + find.length <= wire.length; i++) {
            boolean match = true;
            for (int j = 0; j < find.length && match; j++) {
                match = wire[i + j] == find[j];
            }
            if (match) {
                byte[] copy = wire.clone();
                byte[] replacement = change.apply(find.clone());
                System.arraycopy(replacement, 0, copy, i, replacement.length);
                return copy;
            }
        }
        throw new IllegalStateException("the bytes to change are not in the message");
    }
}
