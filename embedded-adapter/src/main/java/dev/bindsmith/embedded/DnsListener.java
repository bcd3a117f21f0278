package dev.bindsmith.embedded;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
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
 * connections over the limit closed), and an idle TCP connection is closed after a timeout.
 */
final class DnsListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DnsListener.class.getName());
    private static final int BIND_ATTEMPTS = 20;

    private final QueryResolver resolver;
    private final int maxTcpClients;
    private final Duration tcpIdleTimeout;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore udpSlots;
    private final Semaphore tcpSlots;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private DatagramSocket udp;
    private ServerSocket tcp;
    private InetSocketAddress bound;

    DnsListener(QueryResolver resolver, int maxUdpInFlight, int maxTcpClients, Duration tcpIdleTimeout) {
        this.resolver = resolver;
        this.maxTcpClients = maxTcpClients;
        this.tcpIdleTimeout = tcpIdleTimeout;
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
            if (!tcpSlots.tryAcquire()) {
                closeQuietly(socket);
                continue;
            }
            clients.add(socket);
            try {
                workers.execute(() -> serve(socket));
            } catch (RuntimeException e) {
                clients.remove(socket);
                tcpSlots.release();
                closeQuietly(socket);
            }
        }
    }

    /** One TCP connection: length-prefixed messages, answered in order, until EOF, idle timeout or shutdown. */
    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout((int) tcpIdleTimeout.toMillis());
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            InetAddress peer = socket.getInetAddress();
            while (!closed) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException e) {
                    return;
                }
                byte[] message = in.readNBytes(length);
                if (message.length < length) {
                    return;
                }
                List<byte[]> replies = resolver.answer(message, peer, true);
                for (byte[] reply : replies) {
                    out.writeShort(reply.length);
                    out.write(reply);
                }
                out.flush();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "TCP connection ended", e);
        } finally {
            clients.remove(socket);
            tcpSlots.release();
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
        for (Socket s : clients) {
            closeQuietly(s);
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
