package dev.bindsmith.core.service;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A catalog listing as a client asked for it: the {@code cursor} of a previous page and a page size
 * ({@code limit}, default 100, at most 1000), as for a zone's records.
 */
public record CatalogQuery(Optional<String> cursor, OptionalInt limit) {
    public CatalogQuery {
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(limit, "limit");
    }

    public static CatalogQuery firstPage() {
        return new CatalogQuery(Optional.empty(), OptionalInt.empty());
    }
}
