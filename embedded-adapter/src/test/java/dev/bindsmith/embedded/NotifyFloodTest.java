package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Issue 16 item 6: NOTIFY from a primary's address must not pile up work, and a transfer must not
 * hold the zone's lock while it waits on the network. The primary here holds every transfer until the
 * test releases it.
 */
class NotifyFloodTest {
    private static final ZoneName ZONE = ZoneName.of("flood.test");
    /** A safety net for a broken test, never a timing assertion: the operations below take milliseconds. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dataDirectory;

    private StallingPrimary primary;
    private EmbeddedNameServer secondary;

    @BeforeEach
    void start() throws Exception {
        primary = new StallingPrimary(ZONE.value(), 200);
        secondary = EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory)
                .port(0)
                // far longer than the test: a transfer that holds the lock would hold it throughout
                .transferTimeout(Duration.ofMinutes(5))
                .start();
        EmbeddedServers.serve(
                secondary,
                TestZones.spec(ZONE.value())
                        .secondary(Records.endpoint("127.0.0.1", primary.port()))
                        .build());
        awaitTransfersStarted(1);
    }

    @AfterEach
    void stop() {
        primary.close();
        secondary.close();
    }

    @Test
    void aZoneOperationDoesNotWaitForATransferThatWaitsOnThePrimary() throws Exception {
        CompletableFuture<Outcome<ControlReply>> modify = CompletableFuture.supplyAsync(() -> secondary
                .nameServerControl()
                .modifyZone(
                        ZONE,
                        new ZonePatch(
                                Optional.of(List.of(Records.endpoint("192.0.2.99"))),
                                Optional.empty(),
                                Optional.empty())));

        Outcomes.ok(modify.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        assertThat(primary.transfers()).as("the transfer is still held").isEqualTo(1);
        primary.release();
        assertThat(awaitSerial())
                .as("the transfer that ran during the change is kept")
                .hasValue(200);
    }

    @Test
    void aFloodOfNotifyIsCoalescedIntoOneMoreRefresh() throws Exception {
        InetSocketAddress server = secondary.localAddress().orElseThrow();
        for (int i = 0; i < 50; i++) {
            assertThat(notifyFromPrimary(server)).isEqualTo(Rcode.NOERROR);
        }

        primary.release();

        assertThat(awaitSerial()).as("the zone loads once the primary answers").hasValue(200);
        assertThat(secondary.secondaries().awaitIdle(BOUND))
                .as("the refresh work ends")
                .isTrue();
        // the held transfer, then at most one more refresh for all 50 NOTIFYs: an SOA query (and no transfer, the
        // serial being current)
        assertThat(primary.transfers() + primary.soaQueries()).isLessThanOrEqualTo(3);
    }

    // ---- helpers ----

    private static int notifyFromPrimary(InetSocketAddress server) throws Exception {
        Message notify = new Message();
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.getHeader().setFlag(Flags.AA);
        notify.addRecord(Record.newRecord(Name.fromString(ZONE.absolute()), Type.SOA, DClass.IN), Section.QUESTION);
        return DnsExchange.udp(server, notify, Optional.empty()).rcode();
    }

    private void awaitTransfersStarted(int n) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (primary.transfers() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the secondary never asked the primary for the zone");
            }
            Thread.sleep(5);
        }
    }

    private OptionalLong awaitSerial() throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalLong serial =
                    Outcomes.ok(secondary.nameServerControl().zoneStatus(ZONE)).serial();
            if (serial.isPresent()) {
                return serial;
            }
            Thread.sleep(5);
        }
        return OptionalLong.empty();
    }
}
