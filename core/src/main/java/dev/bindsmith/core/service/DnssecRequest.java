package dev.bindsmith.core.service;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A DNSSEC key request as a client sent it: {@code keyTag} (the key to roll, or the key whose DS the
 * operator speaks of) and, for checkds, the DS {@code state} ({@code published} or {@code withdrawn}).
 */
public record DnssecRequest(OptionalLong keyTag, Optional<String> state) {
    public DnssecRequest {
        Objects.requireNonNull(keyTag, "keyTag");
        Objects.requireNonNull(state, "state");
    }
}
