package dev.bindsmith.rndc.update;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.dns.record.DnsRecords;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Many names' signed {@code ANY} queries at once over UDP, as a resolver asks: every query is sent,
 * then the answers are read in any order, each matched to its query by ID and believed only once its
 * TSIG verifies with that query's signature. Queries still unanswered are sent again (twice, after a
 * growing pause) before the server is called unreachable. An answer too large for UDP (TC) is left for
 * the caller to ask over TCP.
 *
 * <p>Why not several queries on one TCP connection: named answers pipelined TCP queries with one small
 * message each, and the second one waits for the acknowledgement of the first (Nagle's algorithm on
 * named's side, a delayed ACK on ours): about 40 ms for every batch, measured on named 9.18.
 */
final class UdpQueries {
    /** The largest answer asked for (EDNS); a larger one comes truncated and is asked again over TCP. */
    static final int PAYLOAD = 4096;

    private static final int ATTEMPTS = 3;

    /** What came back: verified answers by name, and the names whose answers were truncated. */
    record Answers(Map<DomainName, Message> answers, List<DomainName> truncated) {}

    private UdpQueries() {}

    /**
     * Asks {@code owners} at once. The pause before asking again starts at a fifth of the settings'
     * read timeout and doubles; the whole takes at most about the read timeout.
     *
     * @throws SignedExchange.Failed when an answer does not verify, or answers another question
     * @throws IOException when the server does not answer (every attempt timed out) or cannot be reached
     */
    static Answers ask(UpdateSettings settings, SignedExchange exchange, List<DomainName> owners, String zone)
            throws IOException, SignedExchange.Failed {
        Map<Integer, Message> queries = new LinkedHashMap<>();
        Map<Integer, byte[]> wires = new HashMap<>();
        Map<Integer, DomainName> asked = new HashMap<>();
        for (DomainName owner : owners) {
            Message query =
                    Message.newQuery(org.xbill.DNS.Record.newRecord(DnsRecords.name(owner), Type.ANY, DClass.IN));
            query.getHeader().unsetFlag(Flags.RD);
            query.addRecord(new OPTRecord(PAYLOAD, 0, 0), Section.ADDITIONAL);
            while (queries.containsKey(query.getHeader().getID())) {
                query.getHeader().setID(query.getHeader().getID() + 1 & 0xFFFF);
            }
            int id = query.getHeader().getID();
            wires.put(id, exchange.sign(query));
            queries.put(id, query);
            asked.put(id, owner);
        }
        Map<DomainName, Message> answers = new LinkedHashMap<>();
        List<DomainName> truncated = new java.util.ArrayList<>();
        long pause = Math.max(50, settings.readTimeout().toMillis() / 5);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(settings.server(), settings.port()));
            byte[] buffer = new byte[PAYLOAD + 512];
            for (int attempt = 0; attempt < ATTEMPTS && !queries.isEmpty(); attempt++, pause *= 2) {
                for (Integer id : queries.keySet()) {
                    byte[] wire = wires.get(id);
                    socket.send(new DatagramPacket(wire, wire.length));
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, pause));
                while (!queries.isEmpty()) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(packet);
                    } catch (SocketTimeoutException e) {
                        break; // ask the rest again
                    }
                    byte[] wire = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                    Message reply = exchange.parse(wire, zone);
                    Message query = queries.get(reply.getHeader().getID());
                    if (query == null) {
                        continue; // a late answer to a question answered already (it was asked twice)
                    }
                    Message verified = exchange.verify(reply, wire, query, zone);
                    queries.remove(reply.getHeader().getID());
                    DomainName owner = asked.get(reply.getHeader().getID());
                    if (verified.getHeader().getFlag(Flags.TC)) {
                        truncated.add(owner);
                    } else {
                        answers.put(owner, verified);
                    }
                }
            }
        }
        if (!queries.isEmpty()) {
            throw new SocketTimeoutException(queries.size() + " queries unanswered after " + ATTEMPTS + " attempts");
        }
        return new Answers(answers, truncated);
    }
}
