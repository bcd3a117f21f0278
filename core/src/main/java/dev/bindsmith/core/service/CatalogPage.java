package dev.bindsmith.core.service;

import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.zone.ZoneName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a catalog's members, sorted by zone name: the catalog's name and serial, how many
 * members it has in all, and an opaque {@code nextCursor}, absent on the last page.
 */
public record CatalogPage(
        ZoneName catalog, long serial, int total, List<CatalogMember> members, Optional<String> nextCursor) {
    public CatalogPage {
        Objects.requireNonNull(catalog, "catalog");
        members = List.copyOf(members);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
