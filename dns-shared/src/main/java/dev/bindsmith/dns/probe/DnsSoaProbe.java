package dev.bindsmith.dns.probe;

import dev.bindsmith.core.port.SoaAnswer;
import dev.bindsmith.core.port.SoaProbe;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.record.DnsRecords;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * {@link SoaProbe} over DNS: one non-recursive SOA query over UDP, sent again once if no answer came
 * within half the timeout (a datagram may be lost), and a reply believed only when it answers this
 * query (same id and question). A server with no port in its endpoint is asked on port 53.
 */
public final class DnsSoaProbe implements SoaProbe {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final int DNS_PORT = 53;
    private static final int MAX_UDP = 1232;

    private final Duration timeout;

    public DnsSoaProbe() {
        this(DEFAULT_TIMEOUT);
    }

    public DnsSoaProbe(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
    }

    @Override
    public SoaAnswer query(Endpoint server, ZoneName zone) {
        Name name = DnsRecords.name(zone);
        Message query = Message.newQuery(Record.newRecord(name, Type.SOA, DClass.IN));
        query.getHeader().unsetFlag(Flags.RD);
        byte[] wire = query.toWire();
        InetSocketAddress to =
                new InetSocketAddress(server.address(), server.port().orElse(DNS_PORT));
        long deadline = System.nanoTime() + timeout.toNanos();
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.connect(to);
            var socket = channel.socket();
            for (int attempt = 0; attempt < 2; attempt++) {
                channel.write(ByteBuffer.wrap(wire));
                long waitUntil = attempt == 0 ? System.nanoTime() + timeout.toNanos() / 2 : deadline;
                while (true) {
                    long left = (waitUntil - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        break;
                    }
                    socket.setSoTimeout((int) Math.max(1, left));
                    byte[] buffer = new byte[MAX_UDP];
                    java.net.DatagramPacket packet = new java.net.DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(packet);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    Message reply;
                    try {
                        reply = new Message(java.util.Arrays.copyOf(buffer, packet.getLength()));
                    } catch (IOException malformed) {
                        continue;
                    }
                    if (reply.getHeader().getID() != query.getHeader().getID()
                            || reply.getQuestion() == null
                            || !reply.getQuestion().getName().equals(name)) {
                        continue; // not the answer to this query
                    }
                    return answered(server, name, reply);
                }
            }
            return new SoaAnswer.NoAnswer(server, "timed out after " + timeout.toMillis() + " ms");
        } catch (PortUnreachableException e) {
            return new SoaAnswer.NoAnswer(server, "port unreachable");
        } catch (IOException e) {
            return new SoaAnswer.NoAnswer(
                    server, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static SoaAnswer answered(Endpoint server, Name zone, Message reply) {
        boolean aa = reply.getHeader().getFlag(Flags.AA);
        OptionalLong serial = OptionalLong.empty();
        for (Record r : reply.getSection(Section.ANSWER)) {
            if (r instanceof SOARecord soa && soa.getName().equals(zone)) {
                serial = OptionalLong.of(soa.getSerial());
            }
        }
        return new SoaAnswer.Answered(server, Rcode.string(reply.getRcode()), aa, serial);
    }

    @Override
    public String toString() {
        return "DnsSoaProbe[timeout=" + timeout.toMillis() + " ms]";
    }
}
