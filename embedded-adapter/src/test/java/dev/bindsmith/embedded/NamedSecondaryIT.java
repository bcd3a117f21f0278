package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real named as secondary of the embedded server (a hidden primary): it transfers the zone with a
 * TSIG key the server lets transfer every zone, is told of each change by the server's NOTIFY list,
 * and follows the changes by IXFR, as its log says.
 */
class NamedSecondaryIT {
    private static final ZoneName ZONE = ZoneName.of("fleet.test");
    private static final TsigKey XFER = new TsigKey(
            "fleet-xfr",
            TsigKey.Algorithm.HMAC_SHA256,
            "c2VjcmV0LWtleS1mb3ItdHJhbnNmZXJzLW9mLWV2ZXJ5LXpvbmUtNDhieXRlISE=");
    /** A safety net for a broken test: named refreshes within milliseconds of a NOTIFY. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private EmbeddedNameServer primary;
    private RunningNamed named;

    @AfterEach
    void stop() {
        if (named != null) {
            named.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void aNamedSecondaryFollowsTheEmbeddedPrimaryByIxfr() throws Exception {
        NamedAvailability.assumeOrRequire();
        Path keys = Files.writeString(dir.resolve("keys.conf"), XFER.statement());
        primary = start(keys, 0, List.of());
        int primaryPort = primary.localAddress().orElseThrow().getPort();
        EmbeddedServers.serve(
                primary,
                TestZones.spec(ZONE.value())
                        .serial(100)
                        .dynamic()
                        .record(Records.a("www.fleet.test", 300, "192.0.2.1"))
                        .build());

        named = NamedLauncher.create()
                .extraConfig(XFER.statement()
                        + "zone \"fleet.test\" {\n\ttype secondary;\n\tfile \"fleet.test.bk\";\n"
                        + "\tprimaries port " + primaryPort + " { 127.0.0.1 key \"fleet-xfr\"; };\n};\n")
                .start();
        assertThat(awaitSerial(100)).as("named loads the zone by AXFR at start").isTrue();

        // the same server again, now telling named of every change (its data directory keeps the zone)
        primary.close();
        primary = start(keys, primaryPort, List.of(new InetSocketAddress("127.0.0.1", named.dnsPort())));

        Outcomes.ok(primary.recordUpdater()
                .apply(ZONE, ChangeSet.of(new RecordChange.Add(Records.a("api.fleet.test", 60, "192.0.2.10")))));
        assertThat(awaitSerial(101)).as("NOTIFY, then a transfer").isTrue();
        Outcomes.ok(primary.recordUpdater()
                .apply(ZONE, ChangeSet.of(new RecordChange.Remove(Records.a("www.fleet.test", "192.0.2.1")))));
        assertThat(awaitSerial(102)).isTrue();

        assertThat(query("api.fleet.test.", Type.A)).isEqualTo(Rcode.NOERROR);
        assertThat(query("www.fleet.test.", Type.A)).isEqualTo(Rcode.NXDOMAIN);
        String log = named.log();
        assertThat(log).contains("zone fleet.test/IN: transferred serial 101: TSIG 'fleet-xfr'");
        assertThat(log).contains("zone fleet.test/IN: transferred serial 102: TSIG 'fleet-xfr'");
        assertThat(primary.transfersServed(TransferResponder.Kind.IXFR_INCREMENTAL))
                .as("both changes went by IXFR, none as the whole zone")
                .isEqualTo(2);
        assertThat(primary.transfersServed(TransferResponder.Kind.AXFR)
                        + primary.transfersServed(TransferResponder.Kind.IXFR_WHOLE_ZONE))
                .isZero();
    }

    private EmbeddedNameServer start(Path keys, int port, List<InetSocketAddress> notify) throws IOException {
        return EmbeddedNameServer.builder()
                .dataDirectory(dir.resolve("zones"))
                .port(port)
                .tsigKeyFile(keys)
                .transferKey(XFER.name())
                .notifyTargets(notify)
                .notifyRetry(Duration.ofMillis(500), 10)
                .start();
    }

    private boolean awaitSerial(long serial) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            Message answer = send(Name.fromString(ZONE.absolute()), Type.SOA);
            Optional<Long> have = answer.getSection(Section.ANSWER).stream()
                    .filter(r -> r instanceof SOARecord)
                    .map(r -> ((SOARecord) r).getSerial())
                    .findFirst();
            if (have.isPresent() && have.get() == serial) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private int query(String name, int type) throws Exception {
        return send(Name.fromString(name), type).getRcode();
    }

    private Message send(Name name, int type) throws Exception {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", named.dnsPort()));
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
    }
}
