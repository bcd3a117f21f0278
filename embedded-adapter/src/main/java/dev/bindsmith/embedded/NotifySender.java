package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Outgoing NOTIFY (RFC 1996): when a zone's data changes, or on rndc notify, its {@code also-notify}
 * addresses — and, for a primary, the server's own notify list (a fleet's secondaries) — are told
 * the new SOA over UDP. Each target is retried until it answers or the attempts run out (§3.6), on a
 * background thread; the caller, who may hold the zone's lock, only queues. Per zone and target at
 * most one NOTIFY is under way: changes that come meanwhile are sent as one, with the newest SOA, so
 * a burst of changes costs one NOTIFY exchange, not one per change. At most {@link #MAX_SENDING}
 * exchanges run at once.
 */
final class NotifySender {
    private static final Logger LOG = Logger.getLogger(NotifySender.class.getName());
    private static final int DNS_PORT = 53;
    static final int MAX_SENDING = 32;

    private final ZoneEngine engine;
    private final List<InetSocketAddress> serverTargets;
    private final Duration retryInterval;
    private final int attempts;
    private final Semaphore sending = new Semaphore(MAX_SENDING);
    /** The newest SOA waiting to go to each (zone, target), and whether a sender is on it. */
    private final Map<Key, Pending> pending = new HashMap<>();

    private record Key(ZoneName zone, InetSocketAddress target) {}

    private static final class Pending {
        SOARecord newest;
        boolean running;
    }

    NotifySender(ZoneEngine engine, List<InetSocketAddress> serverTargets, Duration retryInterval, int attempts) {
        this.engine = engine;
        this.serverTargets = List.copyOf(serverTargets);
        this.retryInterval = retryInterval;
        this.attempts = attempts;
    }

    /** Queues a NOTIFY of {@code state}'s SOA to its targets; nothing for a zone without data. */
    void send(ZoneState state) {
        if (state.content().isEmpty()) {
            return;
        }
        Set<InetSocketAddress> targets = new LinkedHashSet<>();
        for (Endpoint e : state.config().options().alsoNotify()) {
            targets.add(new InetSocketAddress(e.address(), e.port().orElse(DNS_PORT)));
        }
        if (state.type() == ZoneType.PRIMARY) {
            targets.addAll(serverTargets);
        }
        SOARecord soa = state.content().get().soa();
        for (InetSocketAddress target : targets) {
            Key key = new Key(state.name(), target);
            boolean start;
            synchronized (pending) {
                Pending p = pending.computeIfAbsent(key, k -> new Pending());
                p.newest = soa;
                start = !p.running;
                p.running = true;
            }
            if (start) {
                engine.submit(() -> {
                    run(key);
                    return null;
                });
            }
        }
    }

    private void run(Key key) {
        try {
            sending.acquire();
            try {
                long lastSent = -1;
                while (true) {
                    SOARecord soa;
                    synchronized (pending) {
                        Pending p = pending.get(key);
                        if (p.newest.getSerial() == lastSent) {
                            pending.remove(key);
                            pending.notifyAll();
                            return;
                        }
                        soa = p.newest;
                    }
                    exchange(key, soa);
                    lastSent = soa.getSerial();
                }
            } finally {
                sending.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (pending) {
                pending.remove(key);
                pending.notifyAll();
            }
        }
    }

    /** One NOTIFY, repeated until the target answers or the attempts are spent; each attempt carries the newest SOA. */
    private void exchange(Key key, SOARecord first) throws InterruptedException {
        SOARecord soa = first;
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(key.target());
            socket.setSoTimeout((int) Math.max(1, retryInterval.toMillis()));
            for (int attempt = 1; attempt <= attempts; attempt++) {
                if (engine.isClosed()) {
                    return;
                }
                Message notify = message(soa);
                byte[] wire = notify.toWire(512);
                socket.send(new DatagramPacket(wire, wire.length));
                byte[] buf = new byte[512];
                long until = System.nanoTime() + retryInterval.toNanos();
                while (System.nanoTime() < until) {
                    DatagramPacket reply = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(reply);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    Message answer;
                    try {
                        answer = new Message(Arrays.copyOf(buf, reply.getLength()));
                    } catch (IOException e) {
                        continue;
                    }
                    if (answer.getHeader().getID() == notify.getHeader().getID()
                            && answer.getHeader().getFlag(Flags.QR)
                            && answer.getHeader().getOpcode() == Opcode.NOTIFY) {
                        int rcode = answer.getRcode();
                        if (rcode != Rcode.NOERROR) {
                            // a secondary that does not have the zone yet (a catalog member on its way) says NOTAUTH
                            LOG.fine(() -> "NOTIFY for " + key.zone() + " to " + key.target() + " answered "
                                    + Rcode.string(rcode));
                        }
                        return;
                    }
                }
                synchronized (pending) {
                    soa = pending.get(key).newest;
                }
            }
            SOARecord gaveUp = soa;
            LOG.warning(() -> "NOTIFY for " + key.zone() + " (serial " + gaveUp.getSerial() + ") to " + key.target()
                    + " not answered after " + attempts + " attempts");
        } catch (IOException e) {
            LOG.log(Level.FINE, "NOTIFY for " + key.zone() + " to " + key.target() + " not sent", e);
        }
    }

    private static Message message(SOARecord soa) {
        Message notify = new Message();
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.getHeader().setFlag(Flags.AA);
        notify.addRecord(Record.newRecord(soa.getName(), Type.SOA, DClass.IN), Section.QUESTION);
        notify.addRecord(soa, Section.ANSWER);
        return notify;
    }

    /** For tests: waits until no NOTIFY is queued or under way; false when {@code bound} passed first. */
    boolean awaitIdle(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (pending) {
            while (!pending.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(pending, left);
            }
        }
        return true;
    }
}
