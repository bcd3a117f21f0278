package dev.bindsmith.core.service;

import dev.bindsmith.core.zone.ZoneName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reconciliation of the catalog with the managed zones did: whether it created the catalog
 * zone, the serial before and after, the zones it added as members (managed, not listed), removed
 * (listed, not managed), and moved here from {@code movedFrom} (a {@code coo} set there, RFC 9432
 * §5.6). All empty: the catalog and the zones agreed.
 */
public record CatalogReconciliation(
        ZoneName catalog,
        boolean created,
        long serialBefore,
        long serialAfter,
        List<ZoneName> added,
        List<ZoneName> removed,
        List<ZoneName> moved,
        Optional<ZoneName> movedFrom) {
    public CatalogReconciliation {
        Objects.requireNonNull(catalog, "catalog");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        moved = List.copyOf(moved);
        Objects.requireNonNull(movedFrom, "movedFrom");
    }

    public boolean changed() {
        return created || !added.isEmpty() || !removed.isEmpty() || !moved.isEmpty();
    }
}
