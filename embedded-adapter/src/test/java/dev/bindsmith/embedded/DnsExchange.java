package dev.bindsmith.embedded;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;

/**
 * A test's DNS client: sends one message (signed with {@code tsig} when given) over UDP or TCP and
 * reads the reply, or every message of a transfer, with what their signatures said.
 */
final class DnsExchange {
    /** A reply and its TSIG check: NOERROR when it verified, the error otherwise, empty when not checked. */
    record Reply(Message message, byte[] wire, Optional<Integer> tsig) {
        int rcode() {
            return message.getRcode();
        }
    }

    private DnsExchange() {}

    static Reply udp(InetSocketAddress server, Message query, Optional<TSIG> tsig) {
        tsig.ifPresent(t -> t.apply(query, null));
        byte[] out = query.toWire();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(10_000);
            socket.send(new DatagramPacket(out, out.length, server));
            byte[] buf = new byte[65535];
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            socket.receive(packet);
            byte[] wire = java.util.Arrays.copyOf(buf, packet.getLength());
            return reply(query, wire, tsig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply tcp(InetSocketAddress server, Message query, Optional<TSIG> tsig) {
        return stream(server, query, tsig, 1).getFirst();
    }

    /** Sends {@code query} over TCP and reads {@code count} reply messages (a transfer's). */
    static List<Reply> stream(InetSocketAddress server, Message query, Optional<TSIG> tsig, int count) {
        tsig.ifPresent(t -> t.apply(query, null));
        byte[] out = query.toWire();
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            socket.setSoTimeout(10_000);
            DataOutputStream dout = new DataOutputStream(socket.getOutputStream());
            dout.writeShort(out.length);
            dout.write(out);
            dout.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            List<Reply> replies = new ArrayList<>();
            TSIG.StreamVerifier verifier =
                    tsig.map(t -> new TSIG.StreamVerifier(t, query.getTSIG())).orElse(null);
            for (int i = 0; i < count; i++) {
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                Message m = new Message(wire);
                Optional<Integer> check = Optional.empty();
                if (verifier != null && m.getTSIG() != null) {
                    check = Optional.of(verifier.verify(m, wire, i == count - 1));
                }
                replies.add(new Reply(m, wire, check));
            }
            return replies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a whole AXFR answer over TCP, every message verified as part of one stream: messages until
     * the second SOA, or a single message with an error or with one SOA alone (an IXFR's "up to date").
     */
    static List<Reply> axfr(InetSocketAddress server, Message query, Optional<TSIG> tsig) {
        tsig.ifPresent(t -> t.apply(query, null));
        byte[] out = query.toWire();
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            socket.setSoTimeout(10_000);
            DataOutputStream dout = new DataOutputStream(socket.getOutputStream());
            dout.writeShort(out.length);
            dout.write(out);
            dout.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            TSIG.StreamVerifier verifier =
                    tsig.map(t -> new TSIG.StreamVerifier(t, query.getTSIG())).orElse(null);
            List<Reply> replies = new ArrayList<>();
            int soas = 0;
            while (true) {
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                Message m = new Message(wire);
                List<org.xbill.DNS.Record> answers = m.getSection(org.xbill.DNS.Section.ANSWER);
                soas += (int) answers.stream()
                        .filter(r -> r instanceof org.xbill.DNS.SOARecord)
                        .count();
                boolean last = m.getRcode() != Rcode.NOERROR
                        || soas >= 2
                        || (replies.isEmpty() && answers.size() == 1 && soas == 1);
                Optional<Integer> check = Optional.empty();
                if (verifier != null && m.getTSIG() != null) {
                    check = Optional.of(verifier.verify(m, wire, last));
                }
                replies.add(new Reply(m, wire, check));
                if (last) {
                    return replies;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply reply(Message query, byte[] wire, Optional<TSIG> tsig) throws IOException {
        Message m = new Message(wire);
        Optional<Integer> check = Optional.empty();
        if (tsig.isPresent() && m.getTSIG() != null) {
            check = Optional.of(tsig.get().verify(m, wire, query.getTSIG()));
        }
        return new Reply(m, wire, check);
    }
}
