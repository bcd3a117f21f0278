package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.Endpoint;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Outgoing NOTIFY (RFC 1996): when a primary's data changes, or on rndc notify, one NOTIFY with the
 * new SOA goes over UDP to each {@code also-notify} address, on a background thread, without waiting
 * for an answer or retrying.
 */
final class NotifySender {
    private static final Logger LOG = Logger.getLogger(NotifySender.class.getName());
    private static final int DNS_PORT = 53;

    private final ZoneEngine engine;

    NotifySender(ZoneEngine engine) {
        this.engine = engine;
    }

    /** Queues a NOTIFY of {@code state}'s SOA to its {@code also-notify} list; nothing for a zone without data. */
    void send(ZoneState state) {
        List<Endpoint> targets = state.config().options().alsoNotify();
        if (targets.isEmpty() || state.content().isEmpty()) {
            return;
        }
        ZoneContent content = state.content().get();
        Message notify = new Message();
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.getHeader().setFlag(Flags.AA);
        notify.addRecord(Record.newRecord(content.origin(), Type.SOA, DClass.IN), Section.QUESTION);
        notify.addRecord(content.soa(), Section.ANSWER);
        byte[] wire = notify.toWire(512);
        engine.submit(() -> {
            try (DatagramSocket socket = new DatagramSocket()) {
                for (Endpoint target : targets) {
                    socket.send(new DatagramPacket(
                            wire,
                            wire.length,
                            new InetSocketAddress(
                                    target.address(), target.port().orElse(DNS_PORT))));
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "NOTIFY for " + state.name() + " not sent", e);
            }
            return null;
        });
    }
}
