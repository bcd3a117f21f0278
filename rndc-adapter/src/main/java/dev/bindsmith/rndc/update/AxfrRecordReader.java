package dev.bindsmith.rndc.update;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.record.DnsRecords;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * {@link RecordReader} for BIND: a whole zone by a TSIG-signed AXFR over TCP (every message of the
 * stream signed and verified in the chain, the one with the closing SOA as the last, so that nothing can
 * be appended to or cut from a transfer), one name's records by a signed query of type ANY over TCP (where named answers
 * with every RRset of the name). The key is the update key; named must allow transfers to it.
 */
public final class AxfrRecordReader implements RecordReader {
    static final String COMMAND = "axfr";

    private final UpdateSettings settings;
    private final Clock clock;

    public AxfrRecordReader(UpdateSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public AxfrRecordReader(UpdateSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        // fails now, not at the first update, when the key cannot be used
        settings.key().signer(clock);
    }

    @Override
    public Outcome<List<Record>> read(ZoneName zone) {
        Objects.requireNonNull(zone, "zone");
        SignedExchange exchange =
                new SignedExchange(settings, settings.key().signer(clock), COMMAND, "Zone transfer failed");
        try (DnsTcpConnection connection = DnsTcpConnection.open(settings)) {
            Message query =
                    Message.newQuery(org.xbill.DNS.Record.newRecord(DnsRecords.name(zone), Type.AXFR, DClass.IN));
            connection.send(exchange.sign(query));
            TSIG.StreamVerifier verifier = new TSIG.StreamVerifier(exchange.signer(), query.getTSIG());
            List<Record> records = new ArrayList<>();
            int soas = 0;
            boolean first = true;
            while (soas < 2) {
                byte[] wire = connection.receive();
                Message reply = exchange.parse(wire, zone.value());
                if (reply.getHeader().getID() != query.getHeader().getID()) {
                    throw exchange.rejected(zone.value(), "a message of the transfer answers another query");
                }
                TSIGRecord tsig = reply.getTSIG();
                if (tsig == null) {
                    // RFC 8945 lets a server leave up to 99 messages unsigned; named signs every one, and an
                    // unsigned message is one anybody on the path could have added or replaced.
                    throw exchange.rejected(
                            zone.value(),
                            (first ? "the transfer's first message" : "a message of the transfer")
                                    + " was not signed; an unsigned reply cannot be trusted");
                }
                if (tsig.getError() != Rcode.NOERROR) {
                    throw exchange.rejected(zone.value(), exchange.keyRejected(tsig.getError()));
                }
                boolean last = soas + soaCount(reply) >= 2;
                int verified = verifier.verify(reply, wire, last);
                if (verified != Rcode.NOERROR || !reply.isVerified()) {
                    throw exchange.rejected(
                            zone.value(),
                            "a message of the transfer did not verify (" + Rcode.TSIGstring(verified) + ") with key '"
                                    + exchange.keyName() + "'");
                }
                int rcode = reply.getRcode();
                if (rcode == Rcode.NOTAUTH) {
                    return Outcome.zoneNotFound(zone.value());
                }
                if (rcode == Rcode.REFUSED) {
                    throw exchange.rejected(
                            zone.value(),
                            "named refused the transfer (REFUSED): the zone's" + " allow-transfer must admit key '"
                                    + exchange.keyName() + "' or this host");
                }
                if (rcode != Rcode.NOERROR) {
                    throw exchange.rejected(zone.value(), "named answered the transfer with " + Rcode.string(rcode));
                }
                List<org.xbill.DNS.Record> answers = reply.getSection(Section.ANSWER);
                if (first && (answers.isEmpty() || answers.getFirst().getType() != Type.SOA)) {
                    throw exchange.rejected(zone.value(), "the transfer did not start with the zone's SOA");
                }
                for (org.xbill.DNS.Record rr : answers) {
                    if (rr.getType() == Type.SOA && ++soas == 2) {
                        break;
                    }
                    DnsRecords.toCore(rr).ifPresent(records::add);
                }
                first = false;
            }
            return new Outcome.Ok<>(records);
        } catch (IOException e) {
            return exchange.unreachable(zone.value(), e).failure();
        } catch (SignedExchange.Failed f) {
            return f.failure();
        }
    }

    /** The SOA records of a message's answer: the transfer's second one closes it. */
    private static int soaCount(Message reply) {
        return (int) reply.getSection(Section.ANSWER).stream()
                .filter(rr -> rr.getType() == Type.SOA)
                .count();
    }

    /** One name's records: a signed ANY query over TCP, which named answers in full. */
    @Override
    public Outcome<List<Record>> read(ZoneName zone, DomainName owner) {
        Objects.requireNonNull(owner, "owner");
        return read(zone, List.of(owner)).map(found -> found.get(owner));
    }

    /**
     * Several names' records: one signed ANY query per name, all sent at once over UDP
     * ({@link UdpQueries}), each answer verified with its own query's signature; a name whose answer is
     * too large for UDP, and a single name, are asked over TCP on a pooled connection, one query at a
     * time. Queries are reads: a pooled connection that fails is replaced and the question asked again.
     */
    @Override
    public Outcome<Map<DomainName, List<Record>>> read(ZoneName zone, Collection<DomainName> owners) {
        Objects.requireNonNull(zone, "zone");
        List<DomainName> names = owners.stream().distinct().toList();
        Map<DomainName, List<Record>> found = new LinkedHashMap<>();
        if (names.size() <= 1) {
            for (DomainName owner : names) {
                Outcome<Map<DomainName, List<Record>>> one = readTcp(zone, owner);
                if (!(one
                        instanceof Outcome.Ok<Map<DomainName, List<Record>>>(Map<DomainName, List<Record>> records))) {
                    return one;
                }
                found.putAll(records);
            }
            return new Outcome.Ok<>(found);
        }
        SignedExchange exchange =
                new SignedExchange(settings, settings.key().signer(clock), "query", "Record lookup failed");
        UdpQueries.Answers answers;
        try {
            answers = UdpQueries.ask(settings, exchange, names, zone.value());
        } catch (IOException e) {
            return exchange.unreachable(zone.value(), e).failure();
        } catch (SignedExchange.Failed f) {
            return f.failure();
        }
        for (DomainName owner : names) {
            Message answer = answers.answers().get(owner);
            if (answer == null) {
                Outcome<Map<DomainName, List<Record>>> large = readTcp(zone, owner); // truncated over UDP
                if (!(large
                        instanceof Outcome.Ok<Map<DomainName, List<Record>>>(Map<DomainName, List<Record>> records))) {
                    return large;
                }
                found.putAll(records);
                continue;
            }
            try {
                Outcome<List<Record>> records = records(zone, owner, answer, exchange);
                if (!(records instanceof Outcome.Ok<List<Record>>(List<Record> list))) {
                    return ((Outcome.Failure<List<Record>>) records).as();
                }
                found.put(owner, list);
            } catch (SignedExchange.Failed f) {
                return f.failure();
            }
        }
        return new Outcome.Ok<>(found);
    }

    /** Query connections kept open between reads. */
    static final int MAX_IDLE = 4;

    private final java.util.concurrent.ConcurrentLinkedQueue<DnsTcpConnection> idle =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** One name over TCP, on a pooled connection (asked again on a new one when the pooled one fails). */
    private Outcome<Map<DomainName, List<Record>>> readTcp(ZoneName zone, DomainName owner) {
        List<DomainName> owners = List.of(owner);
        SignedExchange exchange =
                new SignedExchange(settings, settings.key().signer(clock), "query", "Record lookup failed");
        DnsTcpConnection pooled = idle.poll();
        if (pooled != null) {
            try {
                return query(zone, owners, exchange, pooled);
            } catch (IOException e) {
                // an idle connection named closed, most likely: the question is asked again on a new one
            }
        }
        try {
            return query(zone, owners, exchange, DnsTcpConnection.open(settings));
        } catch (IOException e) {
            return exchange.unreachable(zone.value(), e).failure();
        }
    }

    private Outcome<Map<DomainName, List<Record>>> query(
            ZoneName zone, List<DomainName> owners, SignedExchange exchange, DnsTcpConnection connection)
            throws IOException {
        boolean reusable = false;
        try {
            Map<Integer, Message> queries = new java.util.HashMap<>();
            Map<Integer, DomainName> asked = new java.util.HashMap<>();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (DomainName owner : owners) {
                Message query =
                        Message.newQuery(org.xbill.DNS.Record.newRecord(DnsRecords.name(owner), Type.ANY, DClass.IN));
                while (queries.containsKey(query.getHeader().getID())) {
                    query.getHeader().setID(query.getHeader().getID() + 1 & 0xFFFF);
                }
                byte[] wire = exchange.sign(query);
                out.write(wire.length >>> 8);
                out.write(wire.length & 0xFF);
                out.write(wire);
                queries.put(query.getHeader().getID(), query);
                asked.put(query.getHeader().getID(), owner);
            }
            connection.sendFramed(out.toByteArray());
            Map<DomainName, List<Record>> found = new LinkedHashMap<>();
            owners.forEach(o -> found.put(o, List.of()));
            for (int i = 0; i < owners.size(); i++) {
                byte[] wire = connection.receive();
                Message reply = exchange.parse(wire, zone.value());
                Message query = queries.remove(reply.getHeader().getID());
                if (query == null) {
                    throw exchange.rejected(zone.value(), "an answer matches none of the queries sent");
                }
                Message verified = exchange.verify(reply, wire, query, zone.value());
                DomainName owner = asked.get(reply.getHeader().getID());
                Outcome<List<Record>> records = records(zone, owner, verified, exchange);
                if (!(records instanceof Outcome.Ok<List<Record>>(List<Record> list))) {
                    reusable = true; // a whole answer was read: the connection is in step
                    drain(connection, owners.size() - i - 1);
                    return ((Outcome.Failure<List<Record>>) records).as();
                }
                found.put(owner, list);
            }
            reusable = true;
            return new Outcome.Ok<>(found);
        } catch (SignedExchange.Failed f) {
            return f.failure();
        } finally {
            if (reusable && idle.size() < MAX_IDLE) {
                idle.offer(connection);
            } else {
                connection.close();
            }
        }
    }

    /** Reads and drops the answers still owed, so that the connection can carry the next queries. */
    private static void drain(DnsTcpConnection connection, int answers) throws IOException {
        for (int i = 0; i < answers; i++) {
            connection.receive();
        }
    }

    /** One verified answer as the owner's records (at a delegation point, the NS of the referral). */
    private static Outcome<List<Record>> records(
            ZoneName zone, DomainName owner, Message reply, SignedExchange exchange) throws SignedExchange.Failed {
        int rcode = reply.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new Outcome.Ok<>(List.of());
        }
        if (rcode == Rcode.NOTAUTH || rcode == Rcode.REFUSED) {
            // an authoritative-only named refuses a question about a zone it does not serve
            return Outcome.zoneNotFound(zone.value());
        }
        if (rcode != Rcode.NOERROR) {
            throw exchange.rejected(
                    zone.value(), "named answered the query for " + owner.absolute() + " with " + Rcode.string(rcode));
        }
        Name name = DnsRecords.name(owner);
        List<Record> records = new ArrayList<>();
        for (org.xbill.DNS.Record rr : reply.getSection(Section.ANSWER)) {
            if (rr.getName().equals(name)) {
                DnsRecords.toCore(rr).ifPresent(records::add);
            }
        }
        // at a delegation point named answers with a referral: the name's NS are in the authority section
        for (org.xbill.DNS.Record rr : reply.getSection(Section.AUTHORITY)) {
            if (rr.getName().equals(name) && rr.getType() == Type.NS) {
                DnsRecords.toCore(rr).filter(r -> !records.contains(r)).ifPresent(records::add);
            }
        }
        return new Outcome.Ok<>(records);
    }

    @Override
    public String toString() {
        return "AxfrRecordReader[" + settings + "]";
    }
}
