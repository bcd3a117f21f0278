package dev.bindsmith.rndc.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback between a client and a server, which counts the connections the client
 * opens and notices when the server, not the client, ends one: what an idle-close test must observe
 * instead of sleeping and hoping.
 */
final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Semaphore closedByServer = new Semaphore(0);

    private TcpRelay(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    static TcpRelay to(InetAddress host, int port) throws IOException {
        return new TcpRelay(new InetSocketAddress(host, port));
    }

    InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    /** How many connections the client has opened through the relay. */
    int connections() {
        return accepted.get();
    }

    /** Waits until the server has ended one more connection; false when it did not within {@code patience}. */
    boolean awaitClosedByServer(Duration patience) throws InterruptedException {
        return closedByServer.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                accepted.incrementAndGet();
                threads.submit(() -> pump(client, server, false));
                threads.submit(() -> pump(server, client, true));
            } catch (IOException e) {
                return null; // closed
            }
        }
        return null;
    }

    /** Copies {@code from} to {@code to} until {@code from} ends, then ends {@code to} as well. */
    private Void pump(Socket from, Socket to, boolean fromServer) {
        byte[] buf = new byte[8192];
        boolean endedByPeer = false;
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
                out.flush();
            }
            endedByPeer = true;
        } catch (IOException e) {
            // a reset, or the other pump closed this socket: not an orderly end by this side
        } finally {
            closeQuietly(to);
            closeQuietly(from);
        }
        if (fromServer && endedByPeer) {
            closedByServer.release();
        }
        return null;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // the relay is tearing the pair down either way
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}
