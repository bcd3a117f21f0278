package dev.bindsmith.http.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which entries to read: of one zone, in a time window ({@code since} inclusive, {@code until}
 * exclusive), after a cursor of an earlier page, at most {@code limit}, among those {@code visible}
 * admits (what the caller's grant covers).
 */
public record AuditQuery(
        Optional<String> zone,
        Optional<Instant> since,
        Optional<Instant> until,
        Optional<String> after,
        int limit,
        Predicate<AuditEntry> visible) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(visible, "visible");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is 1 to " + MAX_LIMIT);
        }
    }

    boolean matches(AuditEntry e) {
        return zone.map(z -> e.zone().equals(Optional.of(z))).orElse(true)
                && since.map(s -> !e.time().isBefore(s)).orElse(true)
                && until.map(u -> e.time().isBefore(u)).orElse(true)
                && visible.test(e);
    }

    /** One page: the entries in the order they were written, and the cursor of the next page when there is one. */
    public record Page(List<AuditEntry> entries, Optional<String> next) {
        public Page {
            entries = List.copyOf(entries);
            Objects.requireNonNull(next, "next");
        }
    }
}
