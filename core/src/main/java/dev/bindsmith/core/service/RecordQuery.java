package dev.bindsmith.core.service;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A listing request as a client sent it: optional owner {@code name} and {@code type} filters, the
 * {@code cursor} of a previous page, and a page size ({@code limit}, default 100, at most 1000).
 */
public record RecordQuery(Optional<String> name, Optional<String> type, Optional<String> cursor, OptionalInt limit) {
    public RecordQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(limit, "limit");
    }

    public static RecordQuery all() {
        return new RecordQuery(Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());
    }
}
