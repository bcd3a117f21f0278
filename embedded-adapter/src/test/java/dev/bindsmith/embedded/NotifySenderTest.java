package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/** NOTIFY out: to the server's own list (a fleet's secondaries) and each zone's also-notify, retried, coalesced. */
class NotifySenderTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final ZoneName ZONE = ZoneName.of("notify.test");

    @TempDir
    Path dataDirectory;

    private Secondary secondary;
    private EmbeddedNameServer server;

    /** A secondary that records the serial of every NOTIFY it gets and answers after ignoring the first {@code ignore}. */
    private static final class Secondary implements AutoCloseable {
        final DatagramSocket socket;
        final List<Long> serials = new CopyOnWriteArrayList<>();
        final AtomicInteger ignore = new AtomicInteger();
        /** While set, answers are kept back until {@link #answerHeld()}. */
        volatile boolean hold;

        final List<DatagramPacket> held = new CopyOnWriteArrayList<>();
        final Thread thread;

        Secondary() throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
            thread = Thread.ofVirtual().start(this::loop);
        }

        InetSocketAddress address() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        private void loop() {
            byte[] buf = new byte[512];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    Message m = new Message(Arrays.copyOf(buf, p.getLength()));
                    if (m.getHeader().getOpcode() != Opcode.NOTIFY) {
                        continue;
                    }
                    serials.add(((SOARecord) m.getSection(Section.ANSWER).getFirst()).getSerial());
                    if (ignore.getAndDecrement() > 0) {
                        continue;
                    }
                    Message r = new Message(m.getHeader().getID());
                    r.getHeader().setOpcode(Opcode.NOTIFY);
                    r.getHeader().setFlag(Flags.QR);
                    r.getHeader().setFlag(Flags.AA);
                    r.addRecord(m.getQuestion(), Section.QUESTION);
                    byte[] out = r.toWire();
                    DatagramPacket answer = new DatagramPacket(out, out.length, p.getSocketAddress());
                    if (hold) {
                        held.add(answer);
                    } else {
                        socket.send(answer);
                    }
                } catch (IOException e) {
                    // closed
                }
            }
        }

        void answerHeld() throws IOException {
            hold = false;
            for (DatagramPacket p : held) {
                socket.send(p);
            }
        }

        void awaitNotifies(int n) throws InterruptedException {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (serials.size() < n) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no NOTIFY came");
                }
                Thread.sleep(5);
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        secondary = new Secondary();
        server = EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory)
                .port(0)
                .notifyTargets(List.of(secondary.address()))
                .notifyRetry(Duration.ofMillis(100), 3)
                .start();
        EmbeddedServers.serve(
                server, TestZones.spec(ZONE.value()).serial(10).dynamic().build());
        await();
        secondary.serials.clear();
    }

    @AfterEach
    void stop() {
        server.close();
        secondary.close();
    }

    @Test
    void aChangeIsNotifiedToTheServersSecondariesWithTheNewSerial() throws Exception {
        change("a");

        await();
        assertThat(secondary.serials).containsExactly(11L);
    }

    @Test
    void aNotifyThatIsNotAnsweredIsSentAgainUntilItIs() throws Exception {
        secondary.ignore.set(2);

        change("a");

        await();
        assertThat(secondary.serials).containsExactly(11L, 11L, 11L);
    }

    @Test
    void aNotifyNeverAnsweredStopsAfterItsAttempts() throws Exception {
        secondary.ignore.set(Integer.MAX_VALUE);

        change("a");

        await();
        assertThat(secondary.serials).containsExactly(11L, 11L, 11L);
    }

    @Test
    void changesWhileANotifyIsUnderWayAreSentAsOneWithTheNewestSerial() throws Exception {
        server.close();
        server = EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory)
                .port(0)
                .notifyTargets(List.of(secondary.address()))
                .notifyRetry(BOUND, 2)
                .start();
        secondary.hold = true;
        change("first");
        secondary.awaitNotifies(1);

        for (int i = 0; i < 19; i++) {
            change("h" + i);
        }
        secondary.answerHeld();

        await();
        assertThat(secondary.serials).containsExactly(11L, 30L);
    }

    @Test
    void aZoneAddedIsNotifiedToo() throws Exception {
        EmbeddedServers.serve(server, TestZones.spec("new.test").serial(7).build());

        await();
        assertThat(secondary.serials).containsExactly(7L);
    }

    private void change(String label) {
        Outcomes.ok(server.recordUpdater()
                .apply(ZONE, ChangeSet.of(new RecordChange.Add(Records.a(label + ".notify.test", 60, "192.0.2.1")))));
    }

    private void await() throws InterruptedException {
        assertThat(server.notifier().awaitIdle(BOUND)).as("every NOTIFY ends").isTrue();
    }
}
