package dev.bindsmith.core.service;

import java.util.Objects;
import java.util.Optional;

/**
 * A removal as a client sent it (the reference's DELETE body): owner {@code name}, {@code type}, and
 * the {@code value} of the one record to remove; without a value, every record of that type at that
 * name (the RRset) goes.
 */
public record RecordRemoveRequest(Optional<String> name, Optional<String> type, Optional<String> value) {
    public RecordRemoveRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
