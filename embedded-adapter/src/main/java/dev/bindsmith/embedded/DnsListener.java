package dev.bindsmith.embedded;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's sockets: UDP and TCP on one address and port. Each UDP datagram and each TCP
 * connection is handled on a virtual thread; both are bounded (datagrams over the limit are dropped,
 * connections over the limit closed). A TCP slot cannot be held forever: one address may hold at most
 * {@code maxTcpClientsPerAddress} of them; a connection is closed when it is idle for the idle
 * timeout, when a message it started does not arrive whole within that time (a client sending a
 * byte at a time), when a write of an answer makes no progress for that time (a client that does not
 * read), and once it has lived its lifetime (no further message is read after it).
 */
final class DnsListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DnsListener.class.getName());
    private static final int BIND_ATTEMPTS = 20;

    private final QueryResolver resolver;
    private final int maxTcpClients;
    private final int maxTcpClientsPerAddress;
    private final Duration tcpIdleTimeout;
    private final Duration tcpLifetime;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore udpSlots;
    private final Semaphore tcpSlots;
    private final Set<Connection> clients = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

    /**
     * One TCP client and what it is doing, for the watchdog: when the message it is reading started
     * to arrive, when the write under way started (nanoTime; 0 when none), and when its lifetime ends.
     */
    private static final class Connection {
        final Socket socket;
        final InetAddress peer;
        final long endOfLife;
        volatile long readingSince;
        volatile long writingSince;
        /** Between a message read and its answer written: its lifetime does not cut it off. */
        volatile boolean busy;

        Connection(Socket socket, long endOfLife) {
            this.socket = socket;
            this.peer = socket.getInetAddress();
            this.endOfLife = endOfLife;
        }
    }

    private volatile boolean closed;
    private DatagramSocket udp;
    private ServerSocket tcp;
    private InetSocketAddress bound;

    DnsListener(
            QueryResolver resolver,
            int maxUdpInFlight,
            int maxTcpClients,
            int maxTcpClientsPerAddress,
            Duration tcpIdleTimeout,
            Duration tcpLifetime) {
        this.resolver = resolver;
        this.maxTcpClients = maxTcpClients;
        this.maxTcpClientsPerAddress = maxTcpClientsPerAddress;
        this.tcpIdleTimeout = tcpIdleTimeout;
        this.tcpLifetime = tcpLifetime;
        this.udpSlots = new Semaphore(maxUdpInFlight);
        this.tcpSlots = new Semaphore(maxTcpClients);
    }

    /** Binds UDP and TCP on the same port; with port 0, an ephemeral port free for both. */
    void start(InetAddress address, int port) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < (port == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            DatagramSocket u = new DatagramSocket(null);
            try {
                u.bind(new InetSocketAddress(address, port));
                ServerSocket t = new ServerSocket();
                try {
                    t.setReuseAddress(true);
                    t.bind(new InetSocketAddress(address, u.getLocalPort()), 128);
                } catch (IOException e) {
                    t.close();
                    throw e;
                }
                udp = u;
                tcp = t;
                bound = (InetSocketAddress) u.getLocalSocketAddress();
                break;
            } catch (BindException e) {
                u.close();
                last = e;
            } catch (IOException | RuntimeException e) {
                u.close();
                throw e;
            }
        }
        if (udp == null) {
            BindException failure = new BindException("cannot answer DNS on " + address.getHostAddress() + " port "
                    + port + " (UDP and TCP): " + (last != null ? last.getMessage() : "no free port"));
            if (last != null) {
                failure.initCause(last);
            }
            throw failure;
        }
        workers.execute(this::udpLoop);
        workers.execute(this::tcpLoop);
        workers.execute(this::watchdog);
    }

    InetSocketAddress localAddress() {
        return bound;
    }

    int tcpClients() {
        return maxTcpClients - tcpSlots.availablePermits();
    }

    int maxTcpClients() {
        return maxTcpClients;
    }

    private void udpLoop() {
        byte[] buf = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                if (closed || udp.isClosed()) {
                    return;
                }
                LOG.log(Level.WARNING, "UDP receive failed", e);
                continue;
            }
            if (!udpSlots.tryAcquire()) {
                continue;
            }
            byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            try {
                workers.execute(() -> {
                    try {
                        for (byte[] reply : resolver.answer(data, from.getAddress(), false)) {
                            udp.send(new DatagramPacket(reply, reply.length, from));
                        }
                    } catch (IOException e) {
                        LOG.log(Level.FINE, "UDP reply failed", e);
                    } finally {
                        udpSlots.release();
                    }
                });
            } catch (RuntimeException e) {
                udpSlots.release();
            }
        }
    }

    private void tcpLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = tcp.accept();
            } catch (IOException e) {
                if (closed || tcp.isClosed()) {
                    return;
                }
                LOG.log(Level.WARNING, "TCP accept failed", e);
                continue;
            }
            InetAddress peer = socket.getInetAddress();
            if (!takeAddressSlot(peer)) {
                closeQuietly(socket);
                continue;
            }
            if (!tcpSlots.tryAcquire()) {
                releaseAddressSlot(peer);
                closeQuietly(socket);
                continue;
            }
            Connection c = new Connection(socket, System.nanoTime() + tcpLifetime.toNanos());
            clients.add(c);
            try {
                workers.execute(() -> serve(c));
            } catch (RuntimeException e) {
                release(c);
                closeQuietly(socket);
            }
        }
    }

    private boolean takeAddressSlot(InetAddress peer) {
        boolean[] taken = {false};
        perAddress.compute(peer, (a, n) -> {
            int held = n == null ? 0 : n;
            if (held >= maxTcpClientsPerAddress) {
                return n;
            }
            taken[0] = true;
            return held + 1;
        });
        return taken[0];
    }

    private void releaseAddressSlot(InetAddress peer) {
        perAddress.computeIfPresent(peer, (a, n) -> n <= 1 ? null : n - 1);
    }

    private void release(Connection c) {
        if (clients.remove(c)) {
            tcpSlots.release();
            releaseAddressSlot(c.peer);
        }
    }

    /** One TCP connection: length-prefixed messages, answered in order, until EOF, a timeout, its lifetime or shutdown. */
    private void serve(Connection c) {
        Socket socket = c.socket;
        try (socket) {
            socket.setSoTimeout((int) tcpIdleTimeout.toMillis());
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            InetAddress peer = socket.getInetAddress();
            while (!closed && System.nanoTime() < c.endOfLife) {
                int first = in.read();
                if (first < 0) {
                    return;
                }
                // from its first byte, the whole message must arrive within the idle timeout
                c.readingSince = System.nanoTime();
                c.busy = true;
                int second = in.read();
                if (second < 0) {
                    return;
                }
                int length = (first << 8) | second;
                byte[] message = in.readNBytes(length);
                c.readingSince = 0;
                if (message.length < length) {
                    return;
                }
                List<byte[]> replies = resolver.answer(message, peer, true);
                for (byte[] reply : replies) {
                    c.writingSince = System.nanoTime();
                    out.writeShort(reply.length);
                    out.write(reply);
                }
                c.writingSince = System.nanoTime();
                out.flush();
                c.writingSince = 0;
                c.busy = false;
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "TCP connection ended", e);
        } finally {
            release(c);
        }
    }

    /**
     * Closes the connections that hold a slot without making progress: a message arriving for longer
     * than the idle timeout, a write stalled for longer, an idle connection past its lifetime. Closing
     * the socket ends the blocked read or write, and the connection's thread frees the slot.
     */
    private void watchdog() {
        long tick = Math.max(10, Math.min(250, tcpIdleTimeout.toMillis() / 4));
        long limit = tcpIdleTimeout.toNanos();
        while (!closed) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Connection c : clients) {
                long reading = c.readingSince;
                long writing = c.writingSince;
                boolean stalledRead = reading != 0 && now - reading > limit;
                boolean stalledWrite = writing != 0 && now - writing > limit;
                boolean expired = !c.busy && now - c.endOfLife > 0;
                if (stalledRead || stalledWrite || expired) {
                    LOG.fine(() -> "TCP connection from " + c.peer.getHostAddress() + " closed: "
                            + (stalledRead ? "message too slow" : stalledWrite ? "answer not read" : "lifetime over"));
                    closeQuietly(c.socket);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            closeQuietly(tcp);
        }
        for (Connection c : clients) {
            closeQuietly(c.socket);
        }
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("DNS workers did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.log(Level.FINEST, "close failed", e);
        }
    }
}
