package dev.bindsmith.core.port;

import dev.bindsmith.core.zone.ZoneName;
import java.util.Objects;

/** One change of a catalog zone's members; a list of them is applied as one atomic step. */
public sealed interface CatalogEdit {

    CatalogMember member();

    /**
     * Adds the member, or replaces what the catalog has under its id (the PTR and the {@code group}
     * property): adding a member that is there already changes nothing but its group.
     */
    record Add(CatalogMember member) implements CatalogEdit {
        public Add {
            Objects.requireNonNull(member, "member");
        }
    }

    /** Removes the member's PTR and every property under its id; removing an absent member changes nothing. */
    record Remove(CatalogMember member) implements CatalogEdit {
        public Remove {
            Objects.requireNonNull(member, "member");
        }
    }

    /** Sets the member's {@code coo} property (RFC 9432 §5.6): consumers may move it to {@code to}. */
    record ChangeOwner(CatalogMember member, ZoneName to) implements CatalogEdit {
        public ChangeOwner {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(to, "to");
        }
    }
}
