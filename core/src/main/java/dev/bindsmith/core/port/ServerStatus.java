package dev.bindsmith.core.port;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The server's state ({@code rndc status}): version, zone count, whether it says it is up and
 * running, every {@code key: value} line, and the raw text.
 */
public record ServerStatus(
        String version, OptionalInt zoneCount, boolean running, Map<String, String> properties, String raw) {
    public ServerStatus {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(zoneCount, "zoneCount");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        Objects.requireNonNull(raw, "raw");
    }
}
