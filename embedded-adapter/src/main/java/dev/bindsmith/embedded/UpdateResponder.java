package dev.bindsmith.embedded;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.ChangeSetResult;
import dev.bindsmith.core.service.DynamicUpdate;
import dev.bindsmith.core.service.DynamicUpdate.Condition;
import dev.bindsmith.core.service.DynamicUpdate.Operation;
import dev.bindsmith.core.service.DynamicUpdates;
import dev.bindsmith.core.service.RecordChanged;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.record.DnsRecords;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 2136 UPDATE on the wire. The message is checked as §3 orders it — zone section (FORMERR,
 * NOTAUTH), who may update the zone (the zone's {@code allow-update}: its key for a signed request,
 * its addresses otherwise; REFUSED), each record's class, TTL and place (FORMERR, NOTZONE) — then
 * decoded into core's {@link DynamicUpdate} and given to the {@link DynamicUpdates} use case under
 * the zone's lock, so that the prerequisites, the API's validation and planning and the write are one
 * step. The use case's outcome becomes the response code. Every update that changed something is
 * logged with the client, the key and what it changed (names and types, never data).
 */
final class UpdateResponder {
    private static final Logger LOG = Logger.getLogger(UpdateResponder.class.getName());

    private final ZoneEngine engine;
    private final DynamicUpdates updates;
    private final UpdateAudit audit;

    UpdateResponder(ZoneEngine engine, DynamicUpdates updates, UpdateAudit audit) {
        this.engine = engine;
        this.updates = updates;
        this.audit = audit;
    }

    /** A message that cannot be taken further, with the response code that says why. */
    private static final class Refusal extends Exception {
        final int rcode;

        Refusal(int rcode, String why) {
            super(why, null, false, false);
            this.rcode = rcode;
        }
    }

    /** The response code for {@code query}, having applied it when it is acceptable. */
    int answer(Message query, InetAddress peer, Optional<String> key) {
        String client = peer.getHostAddress() + key.map(k -> " key " + k).orElse("");
        Name zoneName = query.getQuestion().getName();
        try {
            ZoneName zone = zoneOf(query);
            DynamicUpdate update = decode(query, zone);
            int id = query.getHeader().getID();
            Outcome<ChangeSetResult> outcome = engine.changing(zone, () -> {
                OptionalLong before = serial(zone);
                Optional<Outcome<ChangeSetResult>> refused = authorize(zone, peer, key);
                if (refused.isEmpty()) {
                    Optional<String> unrecordable = audit.unavailable();
                    if (unrecordable.isPresent()) {
                        // a change that cannot be recorded is not made, as the API answers 503
                        return new Outcome.Unavailable<>(
                                ErrorCode.UNAVAILABLE, unrecordable.get() + "; nothing was changed");
                    }
                }
                Outcome<ChangeSetResult> result = refused.orElseGet(() -> updates.apply(zone, update));
                // recorded under the zone's lock, before the answer: the log's order is the zone's
                audit.record(new UpdateAnswered(
                        zone,
                        id,
                        peer.getHostAddress(),
                        key,
                        Rcode.string(rcode(result, update)),
                        result instanceof Outcome.Ok<ChangeSetResult>(ChangeSetResult r) ? r.changes() : List.of(),
                        before,
                        serial(zone)));
                return result;
            });
            int rcode = rcode(outcome, update);
            log(zone.value(), client, rcode, outcome);
            return rcode;
        } catch (Refusal r) {
            LOG.fine(() -> "UPDATE " + zoneName + " from " + client + ": " + Rcode.string(r.rcode) + " ("
                    + r.getMessage() + ")");
            return r.rcode;
        }
    }

    private OptionalLong serial(ZoneName zone) {
        return engine.registry
                .get(zone)
                .flatMap(ZoneState::content)
                .map(c -> OptionalLong.of(c.serial()))
                .orElse(OptionalLong.empty());
    }

    /** §3.1: one zone, of type SOA and class IN, that the server is primary for. */
    private ZoneName zoneOf(Message query) throws Refusal {
        if (query.getHeader().getCount(Section.ZONE) != 1) {
            throw new Refusal(Rcode.FORMERR, "the zone section must hold one zone");
        }
        org.xbill.DNS.Record z = query.getQuestion();
        if (z.getType() != Type.SOA || z.getDClass() != DClass.IN) {
            throw new Refusal(Rcode.FORMERR, "the zone section must be of type SOA and class IN");
        }
        DomainName name;
        try {
            name = DnsRecords.domainName(z.getName());
        } catch (IllegalArgumentException e) {
            throw new Refusal(Rcode.NOTAUTH, "not a zone this server has");
        }
        Optional<ZoneName> zone = ZoneName.parse(name.value());
        if (zone.isEmpty() || engine.registry.get(zone.get()).isEmpty()) {
            throw new Refusal(Rcode.NOTAUTH, "not a zone this server has");
        }
        return zone.get();
    }

    /** Under the zone's lock: may this client change this zone now? Empty when it may. */
    private Optional<Outcome<ChangeSetResult>> authorize(ZoneName zone, InetAddress peer, Optional<String> key) {
        Optional<ZoneState> state = engine.registry.get(zone);
        if (state.isEmpty()) {
            return Optional.of(ZoneEngine.notFound(zone));
        }
        ZoneState s = state.get();
        if (s.type() != ZoneType.PRIMARY
                || !s.dynamic()
                || !AccessControl.allows(s.config().options().allowUpdate(), peer, key)) {
            return Optional.of(new Outcome.Invalid<>(
                    ErrorCode.ZONE_NOT_DYNAMIC,
                    "Update not allowed",
                    List.of(Violation.malformed("zone", "this client may not update the zone")),
                    Outcome.orderedPairs("zone", zone.value())));
        }
        if (s.frozen()) {
            return Optional.of(new Outcome.Invalid<>(
                    ErrorCode.ZONE_FROZEN,
                    "Zone is frozen",
                    List.of(Violation.malformed("zone", "the zone is frozen")),
                    Outcome.orderedPairs("zone", zone.value())));
        }
        if (s.content().isEmpty()) {
            return Optional.of(Outcome.backendRejected("update", "SERVFAIL: zone not loaded"));
        }
        return Optional.empty();
    }

    // ---- §3.2 and §3.4.1: the sections as core's prerequisites and updates ----

    private static DynamicUpdate decode(Message query, ZoneName zone) throws Refusal {
        Name origin = DnsRecords.name(zone);
        List<Condition> conditions = new ArrayList<>();
        Map<List<Object>, List<Record>> valueDependent = new LinkedHashMap<>();
        for (org.xbill.DNS.Record rr : query.getSection(Section.PREREQ)) {
            inZone(rr, origin);
            if (rr.getTTL() != 0) {
                throw new Refusal(Rcode.FORMERR, "a prerequisite's TTL must be 0");
            }
            int dclass = rr.getDClass();
            if (dclass == DClass.ANY || dclass == DClass.NONE) {
                if (!empty(rr)) {
                    throw new Refusal(Rcode.FORMERR, "a prerequisite of class ANY or NONE has no data");
                }
                DomainName owner = owner(rr);
                if (rr.getType() == Type.ANY) {
                    conditions.add(
                            dclass == DClass.ANY ? new Condition.NameInUse(owner) : new Condition.NameNotInUse(owner));
                } else {
                    RecordType type = type(rr.getType());
                    conditions.add(
                            dclass == DClass.ANY
                                    ? new Condition.RRsetExists(owner, type)
                                    : new Condition.RRsetDoesNotExist(owner, type));
                }
            } else if (dclass == DClass.IN) {
                Record record = record(rr);
                valueDependent
                        .computeIfAbsent(List.of(record.owner(), record.type()), k -> new ArrayList<>())
                        .add(record);
            } else {
                throw new Refusal(Rcode.FORMERR, "a prerequisite of an unknown class");
            }
        }
        valueDependent.forEach((key, records) -> conditions.add(new Condition.RRsetExistsWithData(
                records.getFirst().owner(), records.getFirst().type(), records)));
        List<Operation> operations = new ArrayList<>();
        for (org.xbill.DNS.Record rr : query.getSection(Section.UPDATE)) {
            inZone(rr, origin);
            int type = rr.getType();
            switch (rr.getDClass()) {
                case DClass.IN -> {
                    if (!Type.isRR(type)) {
                        throw new Refusal(Rcode.FORMERR, "a meta type cannot be added");
                    }
                    operations.add(new Operation.Add(record(rr)));
                }
                case DClass.ANY -> {
                    if (rr.getTTL() != 0 || !empty(rr)) {
                        throw new Refusal(Rcode.FORMERR, "a delete of class ANY has TTL 0 and no data");
                    }
                    if (type == Type.ANY) {
                        operations.add(new Operation.DeleteName(owner(rr)));
                    } else if (!Type.isRR(type)) {
                        throw new Refusal(Rcode.FORMERR, "a meta type cannot be deleted");
                    } else {
                        operations.add(new Operation.DeleteRRset(owner(rr), type(type)));
                    }
                }
                case DClass.NONE -> {
                    if (rr.getTTL() != 0 || empty(rr) || !Type.isRR(type)) {
                        throw new Refusal(Rcode.FORMERR, "a delete of class NONE has TTL 0 and the record's data");
                    }
                    operations.add(new Operation.Delete(record(rr)));
                }
                default -> throw new Refusal(Rcode.FORMERR, "an update of an unknown class");
            }
        }
        return new DynamicUpdate(conditions, operations);
    }

    /** A record with no data (RDLENGTH 0): how RFC 2136 names an RRset or a name rather than a record. */
    private static boolean empty(org.xbill.DNS.Record rr) {
        return rr.rdataToWireCanonical().length == 0;
    }

    private static void inZone(org.xbill.DNS.Record rr, Name origin) throws Refusal {
        if (!rr.getName().subdomain(origin)) {
            throw new Refusal(Rcode.NOTZONE, "a name outside the zone");
        }
    }

    private static DomainName owner(org.xbill.DNS.Record rr) throws Refusal {
        try {
            return DnsRecords.domainName(rr.getName());
        } catch (IllegalArgumentException e) {
            throw new Refusal(Rcode.REFUSED, "an owner name bindsmith cannot hold");
        }
    }

    /** The types bindsmith models; a record of another type is refused, as the API refuses it. */
    private static RecordType type(int code) throws Refusal {
        for (RecordType t : RecordType.values()) {
            if (t.code() == code) {
                return t;
            }
        }
        throw new Refusal(Rcode.REFUSED, "records of type " + Type.string(code) + " are not supported");
    }

    /** The record in class IN, with its TTL (0 for the class NONE of a delete). */
    private static Record record(org.xbill.DNS.Record rr) throws Refusal {
        type(rr.getType());
        try {
            org.xbill.DNS.Record in = org.xbill.DNS.Record.newRecord(
                    rr.getName(), rr.getType(), DClass.IN, rr.getTTL(), rr.rdataToWireCanonical());
            if (in == null) {
                // dnsjava answers null for data its type cannot read (found by DnsQueryFuzzTarget)
                throw new Refusal(Rcode.FORMERR, "a record whose data cannot be read as its type");
            }
            return DnsRecords.toCore(in)
                    .orElseThrow(() -> new Refusal(Rcode.REFUSED, "an owner name bindsmith cannot hold"));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Rcode.FORMERR, "a record that cannot be read: " + e.getMessage());
        }
    }

    // ---- the outcome as RFC 2136's response code (§3.2.5, §3.4) ----

    private static int rcode(Outcome<ChangeSetResult> outcome, DynamicUpdate update) {
        return switch (outcome) {
            case Outcome.Ok<ChangeSetResult> ok -> Rcode.NOERROR;
            case Outcome.Created<ChangeSetResult> created -> Rcode.NOERROR;
            case Outcome.Deleted<ChangeSetResult> deleted -> Rcode.NOERROR;
            case Outcome.Invalid<ChangeSetResult> invalid ->
                switch (invalid.code()) {
                    case ZONE_NOT_DYNAMIC, ZONE_FROZEN -> Rcode.REFUSED;
                    default -> Rcode.FORMERR;
                };
            case Outcome.Unprocessable<ChangeSetResult> unprocessable ->
                prerequisite(
                                unprocessable.violations().stream()
                                        .map(Violation::field)
                                        .findFirst(),
                                update)
                        .map(c -> c instanceof Condition.NameNotInUse ? Rcode.YXDOMAIN : Rcode.YXRRSET)
                        .orElse(Rcode.REFUSED);
            case Outcome.NotFound<ChangeSetResult> notFound ->
                notFound.code() == ErrorCode.ZONE_NOT_FOUND
                        ? Rcode.NOTAUTH
                        : prerequisite(Optional.ofNullable(notFound.context().get("field")), update)
                                .map(c -> c instanceof Condition.NameInUse ? Rcode.NXDOMAIN : Rcode.NXRRSET)
                                .orElse(Rcode.NXRRSET);
            case Outcome.Conflict<ChangeSetResult> conflict -> Rcode.REFUSED;
            case Outcome.BackendFailed<ChangeSetResult> failed -> Rcode.SERVFAIL;
            case Outcome.Unavailable<ChangeSetResult> unavailable -> Rcode.SERVFAIL;
        };
    }

    /** The prerequisite a failure's field ({@code prerequisites[2]}) names. */
    private static Optional<Condition> prerequisite(Optional<String> field, DynamicUpdate update) {
        return field.filter(f -> f.startsWith("prerequisites[") && f.endsWith("]"))
                .map(f -> f.substring("prerequisites[".length(), f.length() - 1))
                .flatMap(i -> {
                    try {
                        int index = Integer.parseInt(i);
                        return index < update.prerequisites().size()
                                ? Optional.of(update.prerequisites().get(index))
                                : Optional.empty();
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
    }

    private static void log(String zone, String client, int rcode, Outcome<ChangeSetResult> outcome) {
        if (outcome instanceof Outcome.Ok<ChangeSetResult>(ChangeSetResult result)) {
            if (result.changes().isEmpty()) {
                LOG.fine(() -> "UPDATE " + zone + " from " + client + ": NOERROR, nothing changed");
                return;
            }
            LOG.info(() -> "UPDATE " + zone + " from " + client + ": NOERROR, "
                    + result.changes().stream().map(UpdateResponder::describe).collect(Collectors.joining(", ")));
        } else if (outcome instanceof Outcome.Failure<ChangeSetResult> f) {
            Level level = rcode == Rcode.SERVFAIL ? Level.WARNING : Level.INFO;
            LOG.log(
                    level,
                    () -> "UPDATE " + zone + " from " + client + ": " + Rcode.string(rcode) + " (" + f.code() + ")");
        }
    }

    private static String describe(RecordChanged c) {
        String what = switch (c.operation()) {
            case ADDED -> "added ";
            case UPDATED -> "replaced ";
            case REMOVED -> "removed ";
        };
        return what + c.owner().absolute() + " " + c.type();
    }
}
