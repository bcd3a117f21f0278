package dev.bindsmith.core.service;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A record replacement as a client sent it (the reference's PUT body): owner {@code name}, {@code type},
 * the {@code currentValue} that must be there, the {@code newValue} that replaces it, the new TTL and
 * the reference's {@code priority} for MX and SRV.
 */
public record RecordUpdateRequest(
        Optional<String> name,
        Optional<String> type,
        Optional<String> currentValue,
        Optional<String> newValue,
        OptionalLong ttl,
        OptionalLong priority) {
    public RecordUpdateRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currentValue, "currentValue");
        Objects.requireNonNull(newValue, "newValue");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(priority, "priority");
    }
}
