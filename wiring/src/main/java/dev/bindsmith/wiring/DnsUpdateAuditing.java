package dev.bindsmith.wiring;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.RecordChanged;
import dev.bindsmith.embedded.UpdateAnswered;
import dev.bindsmith.embedded.UpdateAudit;
import dev.bindsmith.http.audit.AuditEntry;
import dev.bindsmith.http.audit.AuditLog;
import dev.bindsmith.http.json.Bodies;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The embedded server's RFC 2136 updates in the same audit log as the API's changes: operation
 * {@code dns.update}, via {@code dns}, the TSIG key's name where a token's would be, the DNS message id
 * as the request id, the response code as the code, and the HTTP status the same outcome has on the API.
 */
final class DnsUpdateAuditing implements UpdateAudit {
    private static final System.Logger LOG = System.getLogger("dev.bindsmith.wiring");

    private final AuditLog log;
    private final Clock clock;

    DnsUpdateAuditing(AuditLog log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> unavailable() {
        return log.ready() instanceof Outcome.Failure<String> failure
                ? Optional.of(failure.details())
                : Optional.empty();
    }

    @Override
    public void record(UpdateAnswered update) {
        AuditEntry entry = new AuditEntry(
                AuditEntry.newId(),
                clock.instant(),
                "dns",
                update.key(),
                Optional.empty(),
                update.client(),
                "dns-" + update.messageId(),
                "dns.update",
                Optional.of(update.zone().value()),
                update.serialBefore(),
                update.serialAfter(),
                records(update.changes(), RecordChanged::removed),
                records(update.changes(), RecordChanged::added),
                status(update.rcode()),
                update.rcode(),
                Map.of());
        if (log.append(entry) instanceof Outcome.Failure<AuditEntry> failure) {
            // the change is made and the answer already decided: the log keeps the entry to write it first
            LOG.log(System.Logger.Level.WARNING, "audit entry of a DNS update kept for later: " + failure.details());
        }
    }

    private static List<Map<String, Object>> records(
            List<RecordChanged> changes, Function<RecordChanged, List<dev.bindsmith.core.zone.Record>> side) {
        return changes.stream()
                .flatMap(c -> side.apply(c).stream())
                .map(Bodies::record)
                .toList();
    }

    /** The status the API answers for the same outcome. */
    static int status(String rcode) {
        return switch (rcode) {
            case "NOERROR" -> 200;
            case "FORMERR" -> 400;
            case "NOTAUTH", "REFUSED" -> 403;
            case "YXDOMAIN", "YXRRSET", "NXDOMAIN", "NXRRSET" -> 412;
            default -> 500;
        };
    }
}
