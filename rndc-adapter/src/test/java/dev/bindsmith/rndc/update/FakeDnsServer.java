package dev.bindsmith.rndc.update;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.xbill.DNS.Message;

/**
 * A DNS server on a loopback ephemeral port speaking TCP: each request (a dnsjava message and its wire
 * bytes) is answered with the bytes {@code answer} returns; null sends nothing (the client times out).
 * Every request it received is kept for the test to inspect.
 */
final class FakeDnsServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    final List<Message> requests = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();

    FakeDnsServer(BiFunction<Message, byte[], byte[]> answer) throws IOException {
        this(answer, false);
    }

    /** With {@code closeAfterReply}, each connection is closed once one request is answered, as named closes idle ones. */
    FakeDnsServer(BiFunction<Message, byte[], byte[]> answer, boolean closeAfterReply) throws IOException {
        this(closeAfterReply, (request, wire) -> {
            byte[] reply = answer.apply(request, wire);
            return reply == null ? null : List.of(reply);
        });
    }

    /**
     * Each request answered with several messages in a row (a zone transfer's stream); null sends nothing.
     * The connection stays open.
     */
    static FakeDnsServer streaming(BiFunction<Message, byte[], List<byte[]>> answer) throws IOException {
        return new FakeDnsServer(false, answer);
    }

    private FakeDnsServer(boolean closeAfterReply, BiFunction<Message, byte[], List<byte[]>> answer)
            throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    accepted.incrementAndGet();
                    DataInputStream in = new DataInputStream(client.getInputStream());
                    DataOutputStream out = new DataOutputStream(client.getOutputStream());
                    while (true) {
                        int length;
                        try {
                            length = in.readUnsignedShort();
                        } catch (IOException eof) {
                            break;
                        }
                        byte[] wire = new byte[length];
                        in.readFully(wire);
                        Message request = new Message(wire);
                        requests.add(request);
                        List<byte[]> replies = answer.apply(request, wire);
                        if (replies == null) {
                            // hold the connection open without answering until the client gives up
                            while (in.read() >= 0) {
                                Thread.onSpinWait();
                            }
                            break;
                        }
                        for (byte[] reply : replies) {
                            out.writeShort(reply.length);
                            out.write(reply);
                        }
                        out.flush();
                        if (closeAfterReply) {
                            break;
                        }
                    }
                } catch (IOException e) {
                    // the client went away, or the server is closing
                }
            }
        });
    }

    /** How many connections clients opened. */
    int connections() {
        return accepted.get();
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
