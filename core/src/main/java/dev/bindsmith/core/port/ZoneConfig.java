package dev.bindsmith.core.port;

import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import java.util.Objects;
import java.util.Optional;

/**
 * A zone statement: type, master file, the options bindsmith models. {@code raw} is the server's own
 * text of the statement when it was read from the server ({@code showzone}), {@code ""} otherwise.
 */
public record ZoneConfig(ZoneType type, Optional<String> file, ZoneOptions options, String raw) {
    public ZoneConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(raw, "raw");
    }

    public static ZoneConfig of(ZoneType type, String file, ZoneOptions options) {
        return new ZoneConfig(type, Optional.of(file), options, "");
    }
}
