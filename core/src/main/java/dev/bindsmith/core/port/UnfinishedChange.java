package dev.bindsmith.core.port;

import java.util.Objects;

/**
 * A zone whose state the store cannot vouch for by itself: a create or delete that began and did not
 * finish (the process stopped, or the name server's reply was lost), or a master file the store found
 * in its directory without having written it. Only the name server can say what became of it; the
 * reconcile asks it and settles the change.
 */
public record UnfinishedChange(StoredZone zone, Kind kind) {
    public UnfinishedChange {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(kind, "kind");
    }

    public enum Kind {
        /** The files were written for a create; whether the name server took the zone is not known. */
        CREATE,
        /** A delete began; whether the name server still serves the zone is not known. */
        DELETE,
        /** A master file is in the directory that no create of this store wrote (a crash, an earlier tool). */
        FOUND
    }
}
