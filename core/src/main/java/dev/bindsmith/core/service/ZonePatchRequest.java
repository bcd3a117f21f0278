package dev.bindsmith.core.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference API's {@code ModifyZoneRequest}: each list absent (unchanged) or present (replaces;
 * empty removes the directive). Entries are {@code ip}, {@code ip:port}, {@code [v6]:port} or CIDR.
 */
public record ZonePatchRequest(
        Optional<List<String>> alsoNotify, Optional<List<String>> allowTransfer, Optional<List<String>> allowUpdate) {
    public ZonePatchRequest {
        Objects.requireNonNull(alsoNotify, "alsoNotify");
        Objects.requireNonNull(allowTransfer, "allowTransfer");
        Objects.requireNonNull(allowUpdate, "allowUpdate");
        alsoNotify = alsoNotify.map(List::copyOf);
        allowTransfer = allowTransfer.map(List::copyOf);
        allowUpdate = allowUpdate.map(List::copyOf);
    }
}
