package dev.bindsmith.core.service;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A record as a client sent it: owner {@code name} ({@code @}, relative to the zone, or absolute with
 * a trailing dot), {@code type} (case-insensitive), {@code value} in presentation form, optional TTL,
 * and the reference API's {@code priority}, which for MX and SRV is the first field of the data.
 */
public record RecordRequest(
        Optional<String> name, Optional<String> type, Optional<String> value, OptionalLong ttl, OptionalLong priority) {
    public RecordRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(priority, "priority");
    }
}
