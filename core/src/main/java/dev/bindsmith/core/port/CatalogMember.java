package dev.bindsmith.core.port;

import dev.bindsmith.core.zone.ZoneName;
import java.util.Objects;
import java.util.Optional;

/**
 * One member of a catalog zone (RFC 9432 §4.1): the member zone, its unique id (the label under
 * {@code zones.<catalog>}), its {@code group} property (which consumers map to templates), and its
 * {@code coo} property (the catalog it is moving to, §5.6), when it has them.
 */
public record CatalogMember(ZoneName zone, String id, Optional<String> group, Optional<ZoneName> changeOfOwnership) {
    public CatalogMember {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(changeOfOwnership, "changeOfOwnership");
        if (!validId(id)) {
            throw new IllegalArgumentException("a member id is one DNS label of letters, digits and hyphens");
        }
    }

    public static CatalogMember of(ZoneName zone, String id, Optional<String> group) {
        return new CatalogMember(zone, id, group, Optional.empty());
    }

    /** The same member with another group ({@code empty}: none). */
    public CatalogMember withGroup(Optional<String> newGroup) {
        return new CatalogMember(zone, id, newGroup, changeOfOwnership);
    }

    static boolean validId(String id) {
        return !id.isEmpty()
                && id.length() <= 63
                && id.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
