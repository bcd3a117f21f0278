package dev.bindsmith.core.service;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The reference API's {@code soa}, before validation. Absent timers take the reference's defaults
 * (3600 / 600 / 604800 / 86400); an absent serial becomes today's {@code YYYYMMDD01} (UTC, from the
 * service's clock).
 */
public record SoaRequest(
        Optional<String> primaryNs,
        Optional<String> adminEmail,
        OptionalLong serial,
        OptionalLong refresh,
        OptionalLong retry,
        OptionalLong expire,
        OptionalLong negativeTtl) {
    public SoaRequest {
        Objects.requireNonNull(primaryNs, "primaryNs");
        Objects.requireNonNull(adminEmail, "adminEmail");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(expire, "expire");
        Objects.requireNonNull(negativeTtl, "negativeTtl");
    }
}
