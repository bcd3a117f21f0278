package dev.bindsmith.core.port;

import dev.bindsmith.core.zone.ZoneName;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A catalog zone as it is now: its name, its SOA serial and its members, sorted by zone name. */
public record CatalogContent(ZoneName catalog, long serial, List<CatalogMember> members) {
    public CatalogContent {
        Objects.requireNonNull(catalog, "catalog");
        members = members.stream()
                .sorted(Comparator.comparing(CatalogMember::zone).thenComparing(CatalogMember::id))
                .toList();
    }

    /** The member for {@code zone}, when the catalog has one (the first by id when it has several). */
    public Optional<CatalogMember> member(ZoneName zone) {
        return members.stream().filter(m -> m.zone().equals(zone)).findFirst();
    }
}
