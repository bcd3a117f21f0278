package dev.bindsmith.core.service;

import java.util.Objects;
import java.util.Optional;

/**
 * A create-zone request as a client sent it, before validation: the reference API's
 * {@code CreateZoneRequest} ({@code zoneName}, {@code zoneType}, {@code zoneConfig},
 * {@code updateKeyName}), and the group of its catalog member ({@code catalogGroup}, RFC 9432's
 * {@code group} property). Absent fields are empty, so that validation can name every missing one.
 */
public record ZoneRequest(
        Optional<String> zoneName,
        Optional<String> zoneType,
        Optional<ZoneConfigRequest> zoneConfig,
        Optional<String> updateKeyName,
        Optional<String> catalogGroup) {
    public ZoneRequest {
        Objects.requireNonNull(zoneName, "zoneName");
        Objects.requireNonNull(zoneType, "zoneType");
        Objects.requireNonNull(zoneConfig, "zoneConfig");
        Objects.requireNonNull(updateKeyName, "updateKeyName");
        Objects.requireNonNull(catalogGroup, "catalogGroup");
    }

    /** A request without a catalog group: the reference API's fields. */
    public ZoneRequest(
            Optional<String> zoneName,
            Optional<String> zoneType,
            Optional<ZoneConfigRequest> zoneConfig,
            Optional<String> updateKeyName) {
        this(zoneName, zoneType, zoneConfig, updateKeyName, Optional.empty());
    }
}
