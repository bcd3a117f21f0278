package dev.bindsmith.core.port;

import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import java.util.Objects;

/** A zone as a {@link ZoneStore} holds it: its name, type, and the absolute path of its master file. */
public record StoredZone(ZoneName name, ZoneType type, String file) {
    public StoredZone {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
    }
}
