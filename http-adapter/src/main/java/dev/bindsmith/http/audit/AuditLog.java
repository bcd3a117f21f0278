package dev.bindsmith.http.audit;

import dev.bindsmith.core.outcome.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * Where changes are recorded. {@link #append} returns once the entry is durable, or says why it could not
 * be written — and then keeps it to write first when it can: an entry is never silently dropped.
 */
public interface AuditLog extends AutoCloseable {

    /** Ok once {@code entry} is written and synced; Unavailable (with a reason free of paths) when it could not be. */
    Outcome<AuditEntry> append(AuditEntry entry);

    /**
     * Whether an entry could be written now: entries kept from an earlier failure are written first, so
     * a change that could not be recorded is refused before it is made.
     */
    Outcome<String> ready();

    /** A page of entries; Invalid when the cursor is not one this log issued. */
    Outcome<AuditQuery.Page> read(AuditQuery query);

    /** Where it is, for start-up output; empty when nothing is kept. */
    Optional<String> describe();

    @Override
    void close();

    /** A log that keeps nothing, for an embedding service that records changes its own way. */
    static AuditLog none() {
        return new AuditLog() {
            @Override
            public Outcome<AuditEntry> append(AuditEntry entry) {
                return new Outcome.Ok<>(entry);
            }

            @Override
            public Outcome<String> ready() {
                return new Outcome.Ok<>("not kept");
            }

            @Override
            public Outcome<AuditQuery.Page> read(AuditQuery query) {
                return new Outcome.Ok<>(new AuditQuery.Page(List.of(), Optional.empty()));
            }

            @Override
            public Optional<String> describe() {
                return Optional.empty();
            }

            @Override
            public void close() {}
        };
    }
}
