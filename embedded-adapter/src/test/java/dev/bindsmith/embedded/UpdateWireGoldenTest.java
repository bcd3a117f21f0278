package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/**
 * UPDATE exchanges pinned byte for byte: the requests are what nsupdate 9.18 sent (captured), the
 * responses what this server answers with its clock set to the request's signing time. Each response
 * is also checked for what it must say — its code, and a TSIG that verifies with the key against the
 * request's — so that a golden file cannot pin a wrong answer.
 */
class UpdateWireGoldenTest {
    static final TsigKey KEY =
            new TsigKey("ddns-key", TsigKey.Algorithm.HMAC_SHA256, "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=");

    @TempDir
    Path dataDirectory;

    @Test
    void nsupdatesAddIsAnsweredNoerrorSignedAndApplied() throws Exception {
        List<Record> after = exchange("nsupdate-add", Rcode.NOERROR);

        assertThat(after).contains(Records.a("api.example.test", 300, "192.0.2.10"));
    }

    @Test
    void nsupdatesPrerequisiteThatANameIsFreeIsAnsweredYxdomainAndChangesNothing() throws Exception {
        List<Record> after = exchange("nsupdate-prereq-nxdomain", Rcode.YXDOMAIN);

        assertThat(after)
                .contains(Records.a("www.example.test", 300, "192.0.2.1"))
                .doesNotContain(Records.a("www.example.test", 300, "192.0.2.11"));
    }

    @Test
    void nsupdatesDeleteOfAnRRsetIsAnsweredNoerrorAndApplied() throws Exception {
        List<Record> after = exchange("nsupdate-delete-rrset", Rcode.NOERROR);

        assertThat(after).noneMatch(r -> r.owner().value().equals("www.example.test"));
    }

    private List<Record> exchange(String name, int rcode) throws Exception {
        byte[] request = Goldens.read(name + ".request.bin");
        Message parsed = new Message(request);
        Instant signed = parsed.getTSIG().getTimeSigned();
        try (EmbeddedNameServer server = EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory)
                .port(0)
                .clock(Clock.fixed(signed, ZoneOffset.UTC))
                .tsigKeys(List.of(KEY))
                .start()) {
            EmbeddedServers.serve(
                    server,
                    TestZones.spec("example.test")
                            .serial(2026120301)
                            .allowUpdate(Records.key("ddns-key"))
                            .record(Records.a("www.example.test", 300, "192.0.2.1"))
                            .build());
            byte[] response = udp(server.localAddress().orElseThrow(), request);

            Goldens.assertMatches(name + ".response.bin", response);
            Message answer = new Message(response);
            assertThat(answer.getRcode()).isEqualTo(rcode);
            assertThat(answer.getHeader().getID()).isEqualTo(parsed.getHeader().getID());
            assertThat(KEY.signer(Clock.fixed(signed, ZoneOffset.UTC)).verify(answer, response, parsed.getTSIG()))
                    .isEqualTo(Rcode.NOERROR);
            return Outcomes.ok(server.recordReader().read(ZoneName.of("example.test")));
        }
    }

    private static byte[] udp(InetSocketAddress server, byte[] request) throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(10_000);
            socket.send(new DatagramPacket(request, request.length, server));
            byte[] buf = new byte[65535];
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            socket.receive(packet);
            return Arrays.copyOf(buf, packet.getLength());
        }
    }
}
