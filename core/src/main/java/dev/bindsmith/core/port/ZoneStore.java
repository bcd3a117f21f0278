package dev.bindsmith.core.port;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import java.util.List;
import java.util.Optional;

/**
 * Where zones bindsmith manages are kept: for a primary, its master file; for every zone, the fact
 * that bindsmith manages it. Implementations write atomically (temporary file, fsync, rename), keep
 * every path inside their directory, and never overwrite: {@link #create} of a zone that is there
 * already is a {@link Outcome.Conflict} that leaves it untouched.
 */
public interface ZoneStore {

    /**
     * Records the zone and, for a primary, writes its master file. Ok with where it lives;
     * Conflict when the zone (or a file of that name) exists; BackendFailed
     * ({@code ZONE_FILE_WRITE_FAILED}) when the write fails, leaving nothing behind.
     */
    Outcome<StoredZone> create(ZoneSpec spec);

    /** The zone, when this store holds it. */
    Optional<StoredZone> find(ZoneName zone);

    /** Every zone this store holds, sorted by name. */
    List<StoredZone> list();

    /**
     * Removes the zone, its master file and its journal. Deleted; NotFound when it holds no such
     * zone; BackendFailed when a file cannot be removed.
     */
    Outcome<StoredZone> delete(ZoneName zone);

    /** Where the master file of {@code zone} is or would be, as an absolute path (for rndc's {@code file}). */
    String fileOf(ZoneName zone);

    /** Ok when the store can be written; Unavailable, with a reason free of paths, when not. */
    Outcome<String> check();
}
