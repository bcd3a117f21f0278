package dev.bindsmith.core.service;

import dev.bindsmith.core.port.StoredZone;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Zones bindsmith manages, sorted by name: all of them, or one page. {@code nextCursor} is an opaque
 * token for the page after this one, absent on the last page (and on an unpaged list).
 */
public record ZonePage(List<StoredZone> zones, Optional<String> nextCursor) {
    public ZonePage {
        zones = List.copyOf(zones);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    public int count() {
        return zones.size();
    }
}
