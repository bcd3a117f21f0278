package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.record.DnsRecords;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Answers one DNS message from the zones in the registry, as an authoritative-only server: no
 * recursion, no DNSSEC. A signed message is verified first ({@link TsigGuard}) and its answer signed;
 * UPDATE goes to the {@link UpdateResponder}. Returns the wire messages to send back (several for a
 * zone transfer, none when the message must be dropped).
 */
final class QueryResolver {
    static final int EDNS_PAYLOAD = 1232;
    private static final int PLAIN_UDP = 512;
    static final int TCP_MAX = 65535;
    private static final int MAX_CNAME_HOPS = 16;

    private final ZoneRegistry registry;
    private final BiConsumer<ZoneName, InetAddress> onNotify;
    private final TsigGuard guard;
    private final UpdateResponder updates;
    private final TransferResponder transfers;

    QueryResolver(
            ZoneRegistry registry,
            BiConsumer<ZoneName, InetAddress> onNotify,
            TsigGuard guard,
            UpdateResponder updates,
            TransferResponder transfers) {
        this.registry = registry;
        this.onNotify = onNotify;
        this.guard = guard;
        this.updates = updates;
        this.transfers = transfers;
    }

    List<byte[]> answer(byte[] wire, InetAddress peer, boolean tcp) {
        if (wire.length < Header.LENGTH) {
            return List.of();
        }
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException | RuntimeException e) {
            return formErrFromHeader(wire);
        }
        Header qh = query.getHeader();
        if (qh.getFlag(Flags.QR)) {
            return List.of();
        }
        OPTRecord opt = query.getOPT();
        int udpLimit = opt == null ? PLAIN_UDP : Math.max(PLAIN_UDP, Math.min(opt.getPayloadSize(), EDNS_PAYLOAD));
        int limit = tcp ? TCP_MAX : udpLimit;
        Message response = responseTo(query);
        if (opt != null) {
            if (opt.getVersion() != 0) {
                // BADVERS (16): the upper bits of the extended rcode travel in the OPT record.
                response.addRecord(new OPTRecord(EDNS_PAYLOAD, Rcode.BADVERS >> 4, 0), Section.ADDITIONAL);
                return List.of(response.toWire(limit));
            }
            response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        }
        // RFC 8945 §5.2: a signature is judged before anything else, and a failed one is all the answer says
        TsigGuard.Signature signature = guard.check(query, wire);
        if (signature instanceof TsigGuard.Failed failed) {
            return List.of(guard.refusal(response, failed, limit));
        }
        int opcode = qh.getOpcode();
        if (opcode != Opcode.QUERY && opcode != Opcode.NOTIFY && opcode != Opcode.UPDATE) {
            return reply(response, Rcode.NOTIMP, signature, limit);
        }
        if (qh.getCount(Section.QUESTION) != 1) {
            return reply(response, Rcode.FORMERR, signature, limit);
        }
        if (opcode == Opcode.UPDATE) {
            return reply(response, updates.answer(query, peer, signature.keyName()), signature, limit);
        }
        Record question = query.getQuestion();
        if (opcode == Opcode.NOTIFY) {
            return notify(question, peer, response, signature, limit);
        }
        int qtype = question.getType();
        if (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY) {
            return reply(response, Rcode.REFUSED, signature, limit);
        }
        if (qtype == Type.AXFR || qtype == Type.IXFR) {
            return transfers.answer(query, peer, tcp, response, signature, limit);
        }
        if (qtype == Type.OPT
                || qtype == Type.TSIG
                || qtype == Type.TKEY
                || qtype == Type.MAILA
                || qtype == Type.MAILB) {
            return reply(response, Rcode.NOTIMP, signature, limit);
        }
        Optional<ZoneState> zone = zoneFor(question.getName(), qtype);
        if (zone.isEmpty()) {
            return reply(response, Rcode.REFUSED, signature, limit);
        }
        Optional<ZoneContent> content = zone.get().content();
        if (content.isEmpty()) {
            return reply(response, Rcode.SERVFAIL, signature, limit);
        }
        lookup(content.get(), question.getName(), qtype, response);
        return List.of(guard.reply(response, signature, limit));
    }

    private Optional<ZoneState> zoneFor(Name qname, int qtype) {
        Optional<ZoneState> zone = registry.closest(qname);
        // DS lives on the parent side of a cut: answer it from the parent zone when the server has one.
        if (qtype == Type.DS
                && zone.isPresent()
                && DnsRecords.name(zone.get().name()).equals(qname)) {
            Optional<ZoneState> parent = registry.parentOf(qname);
            if (parent.isPresent()) {
                return parent;
            }
        }
        return zone;
    }

    // ---- lookup (RFC 1034 §4.3.2, authoritative part) ----

    private static void lookup(ZoneContent zone, Name qname, int qtype, Message response) {
        Header h = response.getHeader();
        Name origin = zone.origin();
        Name current = qname;
        Set<Name> visited = new HashSet<>();
        for (int hop = 0; hop < MAX_CNAME_HOPS; hop++) {
            visited.add(current);
            Optional<Name> cut = zone.delegationAbove(current, qtype == Type.DS);
            Optional<org.xbill.DNS.DNAMERecord> dname = zone.dnameAbove(current);
            if (dname.isPresent()
                    && (cut.isEmpty()
                            || dname.get().getName().labels() < cut.get().labels())) {
                // RFC 6672: the DNAME, and a CNAME synthesized from it, then on to the new name.
                h.setFlag(Flags.AA);
                Name target;
                try {
                    target = current.fromDNAME(dname.get());
                } catch (org.xbill.DNS.NameTooLongException e) {
                    addAll(response, List.of(dname.get()), Section.ANSWER);
                    h.setRcode(Rcode.YXDOMAIN);
                    return;
                }
                addAll(response, zone.rrset(dname.get().getName(), Type.DNAME), Section.ANSWER);
                response.addRecord(
                        new CNAMERecord(current, DClass.IN, dname.get().getTTL(), target), Section.ANSWER);
                if (!target.subdomain(origin) || visited.contains(target)) {
                    return;
                }
                current = target;
                continue;
            }
            if (cut.isPresent()) {
                if (hop == 0) {
                    referral(zone, cut.get(), response);
                } else {
                    h.setFlag(Flags.AA);
                }
                return;
            }
            h.setFlag(Flags.AA);
            Map<Integer, List<Record>> sets;
            if (zone.exists(current)) {
                sets = zone.rrsets(current);
            } else {
                sets = wildcard(zone, current);
                if (sets.isEmpty()) {
                    h.setRcode(Rcode.NXDOMAIN);
                    response.addRecord(zone.negativeSoa(), Section.AUTHORITY);
                    return;
                }
            }
            if (qtype == Type.ANY && !sets.isEmpty()) {
                for (List<Record> rrs : sets.values()) {
                    addAll(response, rrs, Section.ANSWER);
                }
                return;
            }
            List<Record> answer = sets.getOrDefault(qtype, List.of());
            if (!answer.isEmpty()) {
                addAll(response, answer, Section.ANSWER);
                additional(zone, answer, response);
                return;
            }
            List<Record> cname = sets.getOrDefault(Type.CNAME, List.of());
            if (cname.isEmpty() || qtype == Type.CNAME) {
                response.addRecord(zone.negativeSoa(), Section.AUTHORITY);
                return;
            }
            addAll(response, cname, Section.ANSWER);
            Name target = ((CNAMERecord) cname.getFirst()).getTarget();
            if (!target.subdomain(origin) || visited.contains(target)) {
                return;
            }
            current = target;
        }
    }

    /** The RRsets of the wildcard that covers {@code qname}, renamed to it; empty when none covers it. */
    private static Map<Integer, List<Record>> wildcard(ZoneContent zone, Name qname) {
        Name encloser = qname;
        while (!zone.exists(encloser) && encloser.labels() > zone.origin().labels()) {
            encloser = ZoneContent.parent(encloser);
        }
        Name wild = qname.wild(qname.labels() - encloser.labels());
        Map<Integer, List<Record>> sets = zone.rrsets(wild);
        if (sets.isEmpty()) {
            return Map.of();
        }
        Map<Integer, List<Record>> synthesized = new java.util.TreeMap<>();
        sets.forEach((type, rrs) ->
                synthesized.put(type, rrs.stream().map(r -> r.withName(qname)).toList()));
        return synthesized;
    }

    private static void referral(ZoneContent zone, Name cut, Message response) {
        List<Record> ns = zone.rrset(cut, Type.NS);
        addAll(response, ns, Section.AUTHORITY);
        for (Record r : ns) {
            Name host = ((NSRecord) r).getTarget();
            if (host.subdomain(zone.origin())) {
                addAll(response, zone.rrset(host, Type.A), Section.ADDITIONAL);
                addAll(response, zone.rrset(host, Type.AAAA), Section.ADDITIONAL);
            }
        }
    }

    /** Addresses of in-zone names that NS, MX and SRV answers point at, when the zone has them. */
    private static void additional(ZoneContent zone, List<Record> answer, Message response) {
        for (Record r : answer) {
            Name target = r.getAdditionalName();
            if (target != null && target.subdomain(zone.origin())) {
                addAll(response, zone.rrset(target, Type.A), Section.ADDITIONAL);
                addAll(response, zone.rrset(target, Type.AAAA), Section.ADDITIONAL);
            }
        }
    }

    private static void addAll(Message response, List<Record> records, int section) {
        if (records.isEmpty()
                || response.findRRset(
                        records.getFirst().getName(), records.getFirst().getType(), section)) {
            return;
        }
        for (Record r : records) {
            response.addRecord(r, section);
        }
    }

    // ---- NOTIFY (RFC 1996) ----

    private List<byte[]> notify(
            Record question, InetAddress peer, Message response, TsigGuard.Signature signature, int limit) {
        Optional<ZoneState> zone = registry.closest(question.getName())
                .filter(z -> DnsRecords.name(z.name()).equals(question.getName()))
                .filter(z -> z.type() == ZoneType.SECONDARY)
                .filter(z -> z.config().options().primaries().stream()
                        .anyMatch(p -> p.address().equals(peer)));
        if (zone.isEmpty()) {
            return reply(response, Rcode.REFUSED, signature, limit);
        }
        onNotify.accept(zone.get().name(), peer);
        response.getHeader().setFlag(Flags.AA);
        return List.of(guard.reply(response, signature, limit));
    }

    // ---- helpers ----

    private static Message responseTo(Message query) {
        Header qh = query.getHeader();
        Message response = new Message(qh.getID());
        Header h = response.getHeader();
        h.setFlag(Flags.QR);
        h.setOpcode(qh.getOpcode());
        if (qh.getFlag(Flags.RD)) {
            h.setFlag(Flags.RD);
        }
        if (qh.getCount(Section.QUESTION) == 1) {
            response.addRecord(query.getQuestion(), Section.QUESTION);
        }
        return response;
    }

    List<byte[]> reply(Message response, int rcode, TsigGuard.Signature signature, int limit) {
        response.getHeader().setRcode(rcode);
        return List.of(guard.reply(response, signature, limit));
    }

    /** FORMERR for a message that does not parse: its header is echoed when it has one and is a query. */
    private static List<byte[]> formErrFromHeader(byte[] wire) {
        try {
            Header qh = new Header(Arrays.copyOf(wire, Header.LENGTH));
            if (qh.getFlag(Flags.QR)) {
                return List.of();
            }
            Message response = new Message(qh.getID());
            Header h = response.getHeader();
            h.setFlag(Flags.QR);
            h.setOpcode(qh.getOpcode());
            if (qh.getFlag(Flags.RD)) {
                h.setFlag(Flags.RD);
            }
            h.setRcode(Rcode.FORMERR);
            return List.of(response.toWire(PLAIN_UDP));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
