package dev.bindsmith.rndc.update;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeReport;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.Prerequisite;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.record.DnsRecords;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Update;

/**
 * {@link RecordUpdater} for BIND: a change set becomes one TSIG-signed RFC 2136 UPDATE sent over TCP,
 * so named applies all of it or none. A {@code RecordExists} prerequisite first reads that RRset (a
 * signed query on the same connection) and pins it, because RFC 2136 can only require a whole RRset.
 * named's answer is believed only once its TSIG has verified; its response code becomes the outcome
 * the port documents. Never splits a change set: one that does not fit in a message is refused.
 * Safe for use by several threads: each change set has a connection to itself, taken from a small
 * pool of idle ones (a connection named closed while idle is replaced once, as nothing was read
 * from it) or opened for it.
 */
public final class Rfc2136RecordUpdater implements RecordUpdater, AutoCloseable {

    /** The TTL of an added record that names none. */
    public static final long DEFAULT_TTL = 3600;

    static final String COMMAND = "update";
    /** Connections kept open between change sets; named closes idle ones after its tcp-idle-timeout. */
    static final int MAX_IDLE = 4;

    private final UpdateSettings settings;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentLinkedQueue<DnsTcpConnection> idle =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    public Rfc2136RecordUpdater(UpdateSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** {@code clock} gives the time of each signature (and of checking named's). */
    public Rfc2136RecordUpdater(UpdateSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        // fails now, not at the first update, when the key cannot be used
        settings.key().signer(clock);
    }

    @Override
    public Outcome<ChangeReport> apply(ZoneName zone, ChangeSet changes) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(changes, "changes");
        SignedExchange exchange =
                new SignedExchange(settings, settings.key().signer(clock), COMMAND, "DNS update failed");
        DnsTcpConnection pooled = idle.poll();
        if (pooled != null) {
            try {
                return exchange(zone, changes, exchange, pooled);
            } catch (Stale stale) {
                // named closed the idle connection before reading anything from it: nothing was applied,
                // so the change set goes once more, on a new connection
            }
        }
        try {
            return exchange(zone, changes, exchange, DnsTcpConnection.open(settings));
        } catch (IOException e) {
            return exchange.unreachable(zone.value(), e).failure();
        } catch (Stale stale) {
            return exchange.unreachable(zone.value(), stale.cause).failure();
        }
    }

    /** A reused connection that named had closed: the first read found the end of the stream. */
    private static final class Stale extends Exception {
        final transient IOException cause;

        Stale(IOException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    /**
     * Runs the change set on {@code connection}, which it gives back to the pool when the exchange
     * ended cleanly and closes otherwise.
     */
    private Outcome<ChangeReport> exchange(
            ZoneName zone, ChangeSet changes, SignedExchange exchange, DnsTcpConnection connection) throws Stale {
        boolean reusable = false;
        connection.startExchange();
        Sent sent = new Sent();
        try {
            Outcome<ChangeReport> outcome = send(zone, changes, exchange, connection, sent);
            reusable = true;
            return outcome;
        } catch (IOException e) {
            if (connection.receivedNothing()
                    && (e instanceof java.io.EOFException || e instanceof java.net.SocketException)) {
                throw new Stale(e);
            }
            // the UPDATE went out and its answer did not come back: named may have applied it
            return sent.update
                    ? exchange.outcomeUnknown(zone.value(), e).failure()
                    : exchange.unreachable(zone.value(), e).failure();
        } catch (SignedExchange.Failed f) {
            return sent.update && f.failure().code() == ErrorCode.BACKEND_REJECTED && !f.answered()
                    ? exchange.outcomeUnknown(zone.value(), f).failure()
                    : f.failure();
        } finally {
            if (reusable && idle.size() < MAX_IDLE) {
                idle.offer(connection);
            } else {
                connection.close();
            }
        }
    }

    /** Whether the UPDATE itself was sent on the connection (not only the queries before it). */
    private static final class Sent {
        boolean update;
    }

    private Outcome<ChangeReport> send(
            ZoneName zone, ChangeSet changes, SignedExchange exchange, DnsTcpConnection connection, Sent sent)
            throws IOException, SignedExchange.Failed {
        Map<UpdateMessages.RRsetKey, List<org.xbill.DNS.Record>> pinned = new LinkedHashMap<>();
        for (Prerequisite p : changes.prerequisites()) {
            if (p instanceof Prerequisite.RecordExists(Record record)) {
                UpdateMessages.RRsetKey key = UpdateMessages.key(record);
                if (!pinned.containsKey(key)) {
                    pinned.put(key, rrset(exchange, connection, zone, key));
                }
                org.xbill.DNS.Record wanted = DnsRecords.toDns(record, 0);
                if (pinned.get(key).stream().noneMatch(wanted::equals)) {
                    return Outcome.recordNotFound(
                            zone.value(),
                            "No " + record.type() + " record "
                                    + record.owner().absolute() + " "
                                    + record.data().presentation() + " in zone "
                                    + zone.value());
                }
            }
        }
        Update update = UpdateMessages.build(zone, changes, pinned, DEFAULT_TTL);
        byte[] wire = exchange.sign(update);
        if (wire.length > SignedExchange.MAX_MESSAGE) {
            return SignedExchange.tooLarge(zone.value(), wire.length);
        }
        sent.update = true;
        connection.send(wire);
        Message reply = exchange.receive(connection, update, zone.value());
        return outcome(zone, changes, reply.getRcode(), exchange);
    }

    /** Closes the idle connections; the updater stays usable (it opens new ones). */
    @Override
    public void close() {
        for (DnsTcpConnection c = idle.poll(); c != null; c = idle.poll()) {
            c.close();
        }
    }

    /** The records of one RRset as named has them now; empty when there are none. */
    private static List<org.xbill.DNS.Record> rrset(
            SignedExchange exchange, DnsTcpConnection connection, ZoneName zone, UpdateMessages.RRsetKey key)
            throws IOException, SignedExchange.Failed {
        Message query = Message.newQuery(org.xbill.DNS.Record.newRecord(key.name(), key.type(), DClass.IN));
        connection.send(exchange.sign(query));
        Message reply = exchange.receive(connection, query, zone.value());
        int rcode = reply.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return List.of();
        }
        if (rcode != Rcode.NOERROR) {
            throw exchange.rejected(
                    zone.value(),
                    "reading the current " + org.xbill.DNS.Type.string(key.type()) + " records of " + key.name()
                            + " failed: named answered " + Rcode.string(rcode));
        }
        // at a delegation point named answers NS with a referral: the RRset is in the authority section
        return java.util.stream.Stream.concat(
                        reply.getSection(Section.ANSWER).stream(), reply.getSection(Section.AUTHORITY).stream())
                .filter(rr -> rr.getName().equals(key.name()) && rr.getType() == key.type())
                .distinct()
                .toList();
    }

    /** named's response code as the port's outcome. */
    static Outcome<ChangeReport> outcome(ZoneName zone, ChangeSet changes, int rcode, SignedExchange exchange) {
        String z = zone.value();
        if (rcode == Rcode.NOERROR) {
            return new Outcome.Ok<>(new ChangeReport(changes.changes()));
        }
        if (rcode == Rcode.REFUSED) {
            return new Outcome.Invalid<>(
                    ErrorCode.ZONE_NOT_DYNAMIC,
                    "Zone does not support dynamic updates",
                    List.of(Violation.malformed(
                            "zone",
                            "named refused the update (REFUSED): zone " + z
                                    + " does not allow updates signed with key '" + exchange.keyName()
                                    + "', or the data"
                                    + " failed one of named's checks (an MX or SRV target inside the zone without an"
                                    + " address record)")),
                    Outcome.orderedPairs("zone", z));
        }
        if (rcode == Rcode.NXRRSET || rcode == Rcode.NXDOMAIN) {
            return Outcome.recordNotFound(
                    z,
                    "A prerequisite failed (" + Rcode.string(rcode) + "): a record or RRset"
                            + " the change set needs is not in zone " + z + "; nothing was changed");
        }
        if (rcode == Rcode.YXRRSET || rcode == Rcode.YXDOMAIN) {
            return Outcome.invalidRecord(
                    List.of(Violation.semantic(
                            "changes",
                            "A prerequisite failed ("
                                    + Rcode.string(rcode)
                                    + "): a record or name the change set needs absent exists in zone " + z
                                    + "; nothing was changed")),
                    Outcome.orderedPairs("zone", z));
        }
        if (rcode == Rcode.NOTZONE) {
            return new Outcome.Invalid<>(
                    ErrorCode.VALIDATION_FAILED,
                    "Invalid record",
                    List.of(Violation.malformed(
                            "changes", "A name in the change set is outside zone " + z + " (NOTZONE)")),
                    Outcome.orderedPairs("zone", z));
        }
        if (rcode == Rcode.NOTAUTH) {
            return new Outcome.NotFound<>(
                    ErrorCode.ZONE_NOT_FOUND,
                    "Zone not found",
                    "named is not authoritative for zone " + z + " (NOTAUTH)",
                    Outcome.orderedPairs("zone", z));
        }
        if (rcode == Rcode.SERVFAIL) {
            return exchange.rejected(z, "named failed the update (SERVFAIL); its log says why")
                    .failure();
        }
        return exchange.rejected(z, "named answered the update with " + Rcode.string(rcode))
                .failure();
    }

    @Override
    public String toString() {
        return "Rfc2136RecordUpdater[" + settings + "]";
    }
}
