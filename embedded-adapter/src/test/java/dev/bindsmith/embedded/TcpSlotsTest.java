package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Issue 16 item 7: the embedded server's TCP slots cannot be held forever — not by one address
 * taking them all, nor by a client that sends a message a byte at a time, nor by one that never reads
 * its answers.
 */
class TcpSlotsTest {
    /** A safety net for a broken test, never a timing assertion. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;
    private final List<Socket> sockets = new ArrayList<>();

    private void start(int maxTcpClients, Duration idle) throws IOException {
        start(maxTcpClients, idle, Duration.ofMinutes(5));
    }

    private void start(int maxTcpClients, Duration idle, Duration lifetime) throws IOException {
        server = EmbeddedNameServer.builder()
                .dataDirectory(dataDirectory)
                .port(0)
                .maxTcpClients(maxTcpClients)
                .tcpIdleTimeout(idle)
                .tcpLifetime(lifetime)
                .start();
        EmbeddedServers.serve(
                server,
                TestZones.spec("slots.test")
                        .record(Records.txt("big.slots.test", 60, "x".repeat(250), "y".repeat(250), "z".repeat(250)))
                        .build());
    }

    @AfterEach
    void stop() {
        sockets.forEach(s -> {
            try {
                s.close();
            } catch (IOException e) {
                // closing
            }
        });
        if (server != null) {
            server.close();
        }
    }

    @Test
    void oneAddressCannotTakeEverySlot() throws Exception {
        start(8, Duration.ofMinutes(5));
        InetSocketAddress address = server.localAddress().orElseThrow();
        for (int i = 0; i < 8; i++) {
            sockets.add(connect(address, "127.0.0.1"));
        }

        Message reply = query(connect(address, "127.0.0.2"));

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getSection(org.xbill.DNS.Section.ANSWER)).isNotEmpty();
    }

    @Test
    void aMessageSentAByteAtATimeIsCutOff() throws Exception {
        start(8, Duration.ofMillis(500));
        Socket slow = connect(server.localAddress().orElseThrow(), "127.0.0.1");
        OutputStream out = slow.getOutputStream();
        byte[] message = queryBytes();
        out.write(0);
        out.write(message.length);

        long deadline = System.nanoTime() + BOUND.toNanos();
        boolean cut = false;
        try {
            // one byte every 100 ms: each read is well within the idle timeout, the whole message never is
            for (int i = 0;
                    i < message.length - 1 && System.nanoTime() < deadline;
                    i = (i + 1) % (message.length - 1)) {
                out.write(message[i]);
                out.flush();
                Thread.sleep(100);
                if (tcpClients() == 0) {
                    cut = true;
                    break;
                }
            }
        } catch (SocketException e) {
            cut = true;
        }

        assertThat(cut).as("the server closed the trickling connection").isTrue();
    }

    @Test
    void aClientThatNeverReadsItsAnswersIsCutOff() throws Exception {
        start(8, Duration.ofMillis(500));
        Socket sink = new Socket();
        sink.setReceiveBufferSize(1024);
        sink.connect(server.localAddress().orElseThrow());
        sockets.add(sink);
        byte[] message = queryBytes();
        // pipelined queries for a large answer, never reading: the server's writes fill the buffers and stall
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                DataOutputStream out = new DataOutputStream(sink.getOutputStream());
                for (int i = 0; i < 100_000; i++) {
                    out.writeShort(message.length);
                    out.write(message);
                }
                out.flush();
            } catch (IOException e) {
                // the server closed the connection: what this test waits for
            }
        });

        assertThat(awaitTcpClients(0))
                .as("the stalled connection's slot is freed")
                .isTrue();
        writer.cancel(true);
    }

    @Test
    void aBusyConnectionIsClosedOnceItHasLivedItsLifetime() throws Exception {
        start(8, Duration.ofMinutes(5), Duration.ofMillis(300));
        Socket busy = connect(server.localAddress().orElseThrow(), "127.0.0.1");

        long deadline = System.nanoTime() + BOUND.toNanos();
        int answered = 0;
        boolean closed = false;
        while (!closed && System.nanoTime() < deadline) {
            try {
                query(busy);
                answered++;
                Thread.sleep(50);
            } catch (IOException e) {
                closed = true;
            }
        }

        assertThat(closed).as("the server stopped reading after the lifetime").isTrue();
        assertThat(answered).as("queries were answered until then").isPositive();
    }

    // ---- helpers ----

    private Socket connect(InetSocketAddress server, String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(server);
        s.setSoTimeout((int) BOUND.toMillis());
        sockets.add(s);
        return s;
    }

    private static byte[] queryBytes() throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString("big.slots.test."), Type.TXT, DClass.IN))
                .toWire();
    }

    private static Message query(Socket s) throws IOException {
        byte[] q = queryBytes();
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeShort(q.length);
        out.write(q);
        out.flush();
        DataInputStream in = new DataInputStream(s.getInputStream());
        try {
            byte[] reply = new byte[in.readUnsignedShort()];
            in.readFully(reply);
            return new Message(reply);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer", e);
        }
    }

    private int tcpClients() {
        String raw = Outcomes.ok(server.nameServerControl().serverStatus())
                .properties()
                .get("tcp clients");
        return Integer.parseInt(raw.substring(0, raw.indexOf('/')));
    }

    private boolean awaitTcpClients(int n) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (tcpClients() == n) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
