package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.dns.conf.KeyStatements;
import dev.bindsmith.dns.record.DnsRecords;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Zone transfers out: AXFR (RFC 5936) and IXFR (RFC 1995). An IXFR whose serial the zone's
 * {@link ZoneJournal} reaches is answered with the changes since, each as the SOA before, the records
 * removed, the SOA after and the records added; one whose serial is current gets the SOA alone; any
 * other the whole zone (as AXFR, which RFC 1995 §4 allows). Over UDP an IXFR gets the current SOA
 * alone (§2), so the client comes back over TCP. Who may transfer: the zone's {@code allow-transfer}
 * (addresses, and keys for signed requests), the server's transfer key, and any key that may update
 * the zone. A signed request's answer is signed message by message.
 */
final class TransferResponder {
    /** Wire size a transfer message is kept under, well below the 64 KiB limit of one TCP message. */
    private static final int TRANSFER_CHUNK = 16_000;

    private static final Logger LOG = Logger.getLogger(TransferResponder.class.getName());

    /** How a transfer was answered. */
    enum Kind {
        AXFR,
        IXFR_INCREMENTAL,
        IXFR_WHOLE_ZONE,
        IXFR_UP_TO_DATE
    }

    private final ZoneRegistry registry;
    private final TsigGuard guard;
    private final Optional<String> transferKey;
    private final Map<Kind, AtomicLong> served = new EnumMap<>(Kind.class);

    TransferResponder(ZoneRegistry registry, TsigGuard guard, Optional<String> transferKey) {
        this.registry = registry;
        this.guard = guard;
        this.transferKey = transferKey;
        for (Kind k : Kind.values()) {
            served.put(k, new AtomicLong());
        }
    }

    /** How many transfers of each kind were answered over TCP since the start. */
    long served(Kind kind) {
        return served.get(kind).get();
    }

    List<byte[]> answer(
            Message query, InetAddress peer, boolean tcp, Message response, TsigGuard.Signature signature, int limit) {
        Record question = query.getQuestion();
        Optional<ZoneState> zone = registry.closest(question.getName())
                .filter(z -> DnsRecords.name(z.name()).equals(question.getName()));
        if (zone.isEmpty()) {
            return reply(response, Rcode.NOTAUTH, signature, limit);
        }
        Optional<ZoneContent> content = zone.get().content();
        if (content.isEmpty()) {
            return reply(response, Rcode.SERVFAIL, signature, limit);
        }
        if (!mayTransfer(zone.get(), peer, signature.keyName())) {
            return reply(response, Rcode.REFUSED, signature, limit);
        }
        ZoneContent current = content.get();
        Optional<Long> clientSerial = Optional.empty();
        if (question.getType() == Type.IXFR) {
            clientSerial = query.getSection(Section.AUTHORITY).stream()
                    .filter(r -> r instanceof SOARecord && r.getName().equals(question.getName()))
                    .map(r -> ((SOARecord) r).getSerial())
                    .findFirst();
            if (clientSerial.isEmpty()) {
                return reply(response, Rcode.FORMERR, signature, limit);
            }
        }
        if (!tcp) {
            if (question.getType() == Type.IXFR) {
                response.getHeader().setFlag(Flags.AA);
                response.addRecord(current.soa(), Section.ANSWER);
                return List.of(guard.reply(response, signature, limit));
            }
            return reply(response, Rcode.FORMERR, signature, limit);
        }
        List<Record> records = new ArrayList<>();
        Kind kind;
        Optional<List<ZoneJournal.Delta>> deltas =
                clientSerial.flatMap(serial -> zone.get().journal().since(serial));
        if (clientSerial.isPresent() && !SerialNumbers.greater(current.serial(), clientSerial.get())) {
            // the client is current (or ahead): the SOA alone says so
            records.add(current.soa());
            kind = Kind.IXFR_UP_TO_DATE;
        } else if (deltas.isPresent()) {
            records.add(current.soa());
            for (ZoneJournal.Delta delta : deltas.get()) {
                records.add(delta.from());
                records.addAll(delta.removed());
                records.add(delta.to());
                records.addAll(delta.added());
            }
            records.add(current.soa());
            kind = Kind.IXFR_INCREMENTAL;
        } else {
            records.addAll(current.records());
            records.add(current.soa());
            kind = clientSerial.isPresent() ? Kind.IXFR_WHOLE_ZONE : Kind.AXFR;
        }
        served.get(kind).incrementAndGet();
        String from = clientSerial.map(String::valueOf).orElse("");
        int count = records.size();
        LOG.info(() -> "transfer of " + zone.get().name() + " to " + peer.getHostAddress()
                + signature.keyName().map(k -> " key " + k).orElse("") + ": "
                + switch (kind) {
                    case AXFR -> "AXFR, serial " + current.serial();
                    case IXFR_INCREMENTAL -> "IXFR from serial " + from + " to " + current.serial();
                    case IXFR_WHOLE_ZONE ->
                        "IXFR from serial " + from + ", older than the journal: the whole zone, serial "
                                + current.serial();
                    case IXFR_UP_TO_DATE -> "IXFR from serial " + from + ": up to date";
                }
                + ", " + count + " records");
        return guard.stream(chunks(response, question, records), signature);
    }

    private List<byte[]> reply(Message response, int rcode, TsigGuard.Signature signature, int limit) {
        response.getHeader().setRcode(rcode);
        return List.of(guard.reply(response, signature, limit));
    }

    private boolean mayTransfer(ZoneState zone, InetAddress peer, Optional<String> key) {
        if (AccessControl.allows(zone.config().options().allowTransfer(), peer, key)) {
            return true;
        }
        if (key.isEmpty()) {
            return false;
        }
        if (transferKey.filter(k -> KeyStatements.sameName(k, key.get())).isPresent()) {
            return true;
        }
        // who may change a zone may read it
        return zone.config().options().allowUpdate().stream()
                .anyMatch(m -> m instanceof AddressMatch.Key k && KeyStatements.sameName(k.name(), key.get()));
    }

    /** The records in messages of at most {@link #TRANSFER_CHUNK} bytes, the first one {@code response}. */
    private static List<Message> chunks(Message response, Record question, List<Record> records) {
        List<Message> messages = new ArrayList<>();
        Message current = response;
        current.getHeader().setFlag(Flags.AA);
        int size = Header.LENGTH + 4 + question.getName().length();
        for (Record r : records) {
            int rsize = r.toWireCanonical().length;
            if (size + rsize > TRANSFER_CHUNK && current.getHeader().getCount(Section.ANSWER) > 0) {
                messages.add(current);
                current = new Message(response.getHeader().getID());
                current.getHeader().setFlag(Flags.QR);
                current.getHeader().setFlag(Flags.AA);
                if (response.getOPT() != null) {
                    // every message of the answer is a response to an EDNS query
                    current.addRecord(response.getOPT(), Section.ADDITIONAL);
                }
                size = Header.LENGTH;
            }
            current.addRecord(r, Section.ANSWER);
            size += rsize;
        }
        messages.add(current);
        return messages;
    }
}
