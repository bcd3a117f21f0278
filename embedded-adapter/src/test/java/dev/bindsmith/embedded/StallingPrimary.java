package dev.bindsmith.embedded;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A primary for tests that counts what secondaries ask and holds every zone transfer until
 * {@link #release()}: SOA queries over UDP are answered at once with {@code serial}; an AXFR over TCP
 * is read, counted, and answered (SOA, NS, glue, SOA) only when released.
 */
final class StallingPrimary implements AutoCloseable {
    private final Name origin;
    private final long serial;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger soaQueries = new AtomicInteger();
    private final AtomicInteger transfers = new AtomicInteger();

    StallingPrimary(String zone, long serial) throws IOException {
        this.origin = Name.fromString(zone + ".");
        this.serial = serial;
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        DatagramSocket u = null;
        ServerSocket t = null;
        for (int attempt = 0; attempt < 20 && t == null; attempt++) {
            u = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                t = new ServerSocket(u.getLocalPort(), 50, loopback);
            } catch (IOException e) {
                u.close();
            }
        }
        if (t == null) {
            throw new IOException("no port free for both UDP and TCP");
        }
        this.udp = u;
        this.tcp = t;
        threads.execute(this::answerUdp);
        threads.execute(this::acceptTcp);
    }

    int port() {
        return tcp.getLocalPort();
    }

    int soaQueries() {
        return soaQueries.get();
    }

    int transfers() {
        return transfers.get();
    }

    /** Lets every held transfer, and every later one, be answered. */
    void release() {
        released.countDown();
    }

    private SOARecord soa() {
        return new SOARecord(
                origin,
                DClass.IN,
                300,
                Name.fromConstantString("ns1." + origin),
                Name.fromConstantString("hostmaster." + origin),
                serial,
                3600,
                600,
                604800,
                300);
    }

    private void answerUdp() {
        byte[] buf = new byte[512];
        while (!udp.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                Message q = new Message(Arrays.copyOf(buf, p.getLength()));
                soaQueries.incrementAndGet();
                Message r = reply(q);
                r.addRecord(soa(), Section.ANSWER);
                byte[] out = r.toWire(512);
                udp.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a datagram that is not a message
            }
        }
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket s = tcp.accept();
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] wire = new byte[in.readUnsignedShort()];
            in.readFully(wire);
            Message q = new Message(wire);
            if (q.getQuestion().getType() == Type.AXFR) {
                transfers.incrementAndGet();
                released.await(5, TimeUnit.MINUTES);
            } else {
                soaQueries.incrementAndGet();
            }
            Message r = reply(q);
            r.addRecord(soa(), Section.ANSWER);
            if (q.getQuestion().getType() == Type.AXFR) {
                Name ns1 = Name.fromConstantString("ns1." + origin);
                r.addRecord(new NSRecord(origin, DClass.IN, 300, ns1), Section.ANSWER);
                r.addRecord(new ARecord(ns1, DClass.IN, 300, InetAddress.getByName("192.0.2.53")), Section.ANSWER);
                r.addRecord(soa(), Section.ANSWER);
            }
            byte[] out = r.toWire();
            DataOutputStream dout = new DataOutputStream(s.getOutputStream());
            dout.writeShort(out.length);
            dout.write(out);
            dout.flush();
        } catch (IOException | InterruptedException e) {
            // the client went away, or the test ended
        }
    }

    private static Message reply(Message q) {
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.AA);
        r.addRecord(q.getQuestion(), Section.QUESTION);
        return r;
    }

    @Override
    public void close() {
        release();
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing
        }
        threads.shutdownNow();
    }
}
