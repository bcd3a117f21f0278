package dev.bindsmith.rndc.bind;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between an rndc client and named that passes whole control-channel frames (a u32
 * length and its bytes) and can lose named's reply to one command: it reads each request, and when
 * the request's text holds the armed command word (the commands travel in clear inside the signed
 * message), it either closes the client's connection instead of passing the reply on
 * ({@link Fault#DROP}) or keeps the connection open and never passes it ({@link Fault#HOLD}). named
 * itself runs the command. The fault fires once; {@link #refuseConnections} then makes named
 * unreachable through the proxy, as when it is killed right after.
 */
final class RndcFaultProxy implements AutoCloseable {

    enum Fault {
        DROP,
        HOLD
    }

    private final ServerSocket listener;
    private final InetSocketAddress named;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private final AtomicBoolean refusing = new AtomicBoolean();
    private final AtomicBoolean refuseAfterFault = new AtomicBoolean();
    private volatile String command = "";
    private volatile Fault fault = Fault.DROP;
    private final AtomicInteger fired = new AtomicInteger();

    RndcFaultProxy(int namedControlPort) throws IOException {
        this.named = new InetSocketAddress(InetAddress.getLoopbackAddress(), namedControlPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("rndc-fault-proxy").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Loses named's reply to the next request whose text contains {@code word} ({@code addzone}, {@code delzone}). */
    RndcFaultProxy lose(String word, Fault how) {
        this.command = word;
        this.fault = how;
        faultsLeft.set(1);
        return this;
    }

    /** After the armed fault fires, every connection (new and open) is refused, until {@link #heal}. */
    RndcFaultProxy thenRefuseConnections() {
        refuseAfterFault.set(true);
        return this;
    }

    /** named is unreachable through the proxy from now on, until {@link #heal}. */
    RndcFaultProxy refuseConnections() {
        refusing.set(true);
        sockets.forEach(RndcFaultProxy::closeQuietly);
        return this;
    }

    /** Passes everything again, and closes the connections that were held. */
    RndcFaultProxy heal() {
        faultsLeft.set(0);
        refuseAfterFault.set(false);
        refusing.set(false);
        sockets.forEach(RndcFaultProxy::closeQuietly);
        return this;
    }

    /** How many replies were lost so far. */
    int faultsFired() {
        return fired.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (refusing.get()) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket();
                server.connect(named, 5000);
                sockets.add(client);
                sockets.add(server);
                Thread.ofVirtual().start(() -> relay(client, server));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Requests client → named, each followed by named's reply → client (rndc is one request at a time). */
    private void relay(Socket client, Socket server) {
        try (client;
                server) {
            DataInputStream fromClient = new DataInputStream(client.getInputStream());
            DataInputStream fromNamed = new DataInputStream(server.getInputStream());
            OutputStream toNamed = server.getOutputStream();
            OutputStream toClient = client.getOutputStream();
            while (true) {
                byte[] request = readFrame(fromClient);
                toNamed.write(request);
                toNamed.flush();
                byte[] reply = readFrame(fromNamed);
                boolean armed = !command.isEmpty()
                        && new String(request, StandardCharsets.ISO_8859_1).contains(command)
                        && faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                if (armed) {
                    fired.incrementAndGet();
                    if (refuseAfterFault.get()) {
                        refusing.set(true);
                    }
                    if (fault == Fault.DROP) {
                        return; // closes both: the client sees the connection end without a reply
                    }
                    // HOLD: never pass the reply on; wait until the client gives up or the test heals
                    client.getInputStream().read();
                    return;
                }
                toClient.write(reply);
                toClient.flush();
            }
        } catch (IOException e) {
            // one side closed: so does the other
        } finally {
            sockets.remove(client);
            sockets.remove(server);
        }
    }

    private static byte[] readFrame(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length <= 0 || length > (1 << 20)) {
            throw new EOFException("not a control-channel frame");
        }
        byte[] frame = new byte[4 + length];
        frame[0] = (byte) (length >>> 24);
        frame[1] = (byte) (length >>> 16);
        frame[2] = (byte) (length >>> 8);
        frame[3] = (byte) length;
        in.readFully(frame, 4, length);
        return frame;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(RndcFaultProxy::closeQuietly);
    }
}
