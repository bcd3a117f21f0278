package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * An IXFR exchange pinned byte for byte: a signed request with a fixed ID and signing time, and every
 * message of the incremental answer (each with its length prefix, as on TCP), from a zone that two
 * changes took from serial 100 to 102. The answer is also read back: SOA 102, then each change as
 * old SOA, removed, new SOA, added, then SOA 102, every message's TSIG verifying in sequence.
 */
class IxfrWireGoldenTest {
    private static final Clock CLOCK = Clock.fixed(TestClocks.INSTANT, ZoneOffset.UTC);

    @TempDir
    Path dataDirectory;

    @Test
    void anIncrementalAnswerIsPinnedAndSaysBothChangesInOrder() throws Exception {
        try (EmbeddedNameServer server = EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory)
                .port(0)
                .clock(CLOCK)
                .tsigKeys(List.of(UpdateWireGoldenTest.KEY))
                .start()) {
            ZoneName zone = ZoneName.of("example.test");
            EmbeddedServers.serve(
                    server,
                    TestZones.spec("example.test")
                            .serial(100)
                            .allowUpdate(Records.key("ddns-key"))
                            .record(Records.a("www.example.test", 300, "192.0.2.1"))
                            .build());
            Outcomes.ok(server.recordUpdater()
                    .apply(zone, ChangeSet.of(new RecordChange.Add(Records.a("api.example.test", 60, "192.0.2.10")))));
            Outcomes.ok(server.recordUpdater()
                    .apply(zone, ChangeSet.of(new RecordChange.Remove(Records.a("www.example.test", "192.0.2.1")))));

            Message query = new Message(0x1e55);
            Name origin = Name.fromString("example.test.");
            query.addRecord(Record.newRecord(origin, Type.IXFR, DClass.IN), Section.QUESTION);
            query.addRecord(
                    new SOARecord(origin, DClass.IN, 0, Name.root, Name.root, 100, 0, 0, 0, 0), Section.AUTHORITY);
            List<DnsExchange.Reply> replies = DnsExchange.axfr(
                    server.localAddress().orElseThrow(), query, Optional.of(UpdateWireGoldenTest.KEY.signer(CLOCK)));

            Goldens.assertMatches("ixfr-incremental.request.bin", query.toWire());
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(stream);
            for (DnsExchange.Reply r : replies) {
                out.writeShort(r.wire().length);
                out.write(r.wire());
            }
            Goldens.assertMatches("ixfr-incremental.response.bin", stream.toByteArray());

            assertThat(replies).allSatisfy(r -> assertThat(r.tsig()).contains(Rcode.NOERROR));
            List<String> answer = replies.stream()
                    .flatMap(r -> r.message().getSection(Section.ANSWER).stream())
                    .map(r -> r instanceof SOARecord soa
                            ? "SOA " + soa.getSerial()
                            : r.getName() + " " + Type.string(r.getType()))
                    .toList();
            assertThat(answer)
                    .containsExactly(
                            "SOA 102",
                            "SOA 100",
                            "SOA 101",
                            "api.example.test. A",
                            "SOA 101",
                            "www.example.test. A",
                            "SOA 102",
                            "SOA 102");
        }
    }
}
