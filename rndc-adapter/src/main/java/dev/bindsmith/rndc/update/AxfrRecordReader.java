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
import java.util.List;
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
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(owner, "owner");
        SignedExchange exchange =
                new SignedExchange(settings, settings.key().signer(clock), "query", "Record lookup failed");
        try (DnsTcpConnection connection = DnsTcpConnection.open(settings)) {
            Name name = DnsRecords.name(owner);
            Message query = Message.newQuery(org.xbill.DNS.Record.newRecord(name, Type.ANY, DClass.IN));
            connection.send(exchange.sign(query));
            Message reply = exchange.receive(connection, query, zone.value());
            int rcode = reply.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                return new Outcome.Ok<>(List.of());
            }
            if (rcode == Rcode.NOTAUTH) {
                return Outcome.zoneNotFound(zone.value());
            }
            if (rcode != Rcode.NOERROR) {
                throw exchange.rejected(
                        zone.value(),
                        "named answered the query for " + owner.absolute() + " with " + Rcode.string(rcode));
            }
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
        } catch (IOException e) {
            return exchange.unreachable(zone.value(), e).failure();
        } catch (SignedExchange.Failed f) {
            return f.failure();
        }
    }

    @Override
    public String toString() {
        return "AxfrRecordReader[" + settings + "]";
    }
}
