package dev.bindsmith.rndc.update;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.record.DnsRecords;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * One RRset at a zone's apex as named serves it (the signed version of an inline-signed zone), by a
 * TSIG-signed query over TCP with the update key: the DNSKEY and CDS records the DS for the parent is
 * computed from. dnsjava's records are returned as they are, since core does not model key types.
 */
public final class ApexRecordQuery {
    static final String COMMAND = "query";

    private final UpdateSettings settings;
    private final Clock clock;

    public ApexRecordQuery(UpdateSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public ApexRecordQuery(UpdateSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        settings.key().signer(clock);
    }

    /** The records of {@code type} at the apex of {@code zone}; empty when there are none. */
    public Outcome<List<Record>> read(ZoneName zone, int type) {
        SignedExchange exchange =
                new SignedExchange(settings, settings.key().signer(clock), COMMAND, "Record lookup failed");
        try (DnsTcpConnection connection = DnsTcpConnection.open(settings)) {
            Name apex = DnsRecords.name(zone);
            Message query = Message.newQuery(Record.newRecord(apex, type, DClass.IN));
            connection.send(exchange.sign(query));
            Message reply = exchange.receive(connection, query, zone.value());
            int rcode = reply.getRcode();
            if (rcode == Rcode.NOTAUTH || rcode == Rcode.REFUSED) {
                return Outcome.zoneNotFound(zone.value());
            }
            if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                throw exchange.rejected(
                        zone.value(), "named answered the query for " + apex + " with " + Rcode.string(rcode));
            }
            return new Outcome.Ok<>(reply.getSection(Section.ANSWER).stream()
                    .filter(r -> r.getName().equals(apex) && r.getType() == type)
                    .toList());
        } catch (IOException e) {
            return exchange.unreachable(zone.value(), e).failure();
        } catch (SignedExchange.Failed f) {
            return f.failure();
        }
    }
}
