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
 *
 * <p>A create and a delete each span two systems, the store and the name server, so the store
 * records each as begun ({@link #create}, {@link #deleting}) before the name server is told, durably,
 * and as finished afterwards ({@link #created}, {@link #delete}). Whatever stops in between (a crash, a
 * lost reply) is reported by {@link #unfinished()} until a reconcile settles it with the name server.
 *
 * <p>When the directory cannot be used (gone, read-only, full), the operations that need it are
 * {@link Outcome.Unavailable}; reads keep answering from what the store knows.
 */
public interface ZoneStore {

    /**
     * Records the zone and, for a primary, writes its master file, durably, as a create that has
     * begun. Ok with where it lives; Conflict when the zone (or a file of that name) exists;
     * Unavailable when the directory cannot be used; BackendFailed ({@code ZONE_FILE_WRITE_FAILED})
     * when the write fails for another reason, leaving nothing behind.
     */
    Outcome<StoredZone> create(ZoneSpec spec);

    /**
     * The name server serves the zone: its create is finished. Need not be durable when it returns (a
     * create that looks unfinished after a crash is settled by asking the name server again).
     */
    default void created(ZoneName zone) {}

    /**
     * A delete of the zone begins (durably, before the name server is told). Ok with the zone;
     * NotFound when the store does not hold it; Unavailable when the directory cannot be used.
     * {@link #created} takes it back when the name server keeps the zone.
     */
    default Outcome<StoredZone> deleting(ZoneName zone) {
        return find(zone).<Outcome<StoredZone>>map(Outcome.Ok::new).orElseGet(() -> Outcome.zoneNotFound(zone.value()));
    }

    /** The zone, when this store holds it (whether its create or delete is finished or not). */
    Optional<StoredZone> find(ZoneName zone);

    /** Every zone this store holds, sorted by name. */
    List<StoredZone> list();

    /**
     * At most {@code limit} zones after {@code after} (exclusive; from the first when empty), sorted by
     * name, as {@link #list()} orders them. Stores with an index override it; this reads the whole list.
     */
    default List<StoredZone> list(Optional<ZoneName> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return list().stream()
                .filter(z -> after.map(a -> z.name().compareTo(a) > 0).orElse(true))
                .limit(limit)
                .toList();
    }

    /** How many zones this store holds. */
    default int count() {
        return list().size();
    }

    /**
     * Removes the zone, its master file and its journal, durably. Deleted; NotFound when it holds no
     * such zone; Unavailable when the directory cannot be used; BackendFailed when a file cannot be
     * removed.
     */
    Outcome<StoredZone> delete(ZoneName zone);

    /**
     * Moves the zone's files out of the way, kept for the operator, and forgets the zone: for files
     * no name server serves (an orphan), so that a new zone of the name can be created without losing
     * what was there. Deleted; NotFound when it holds no such zone; Unavailable when the directory
     * cannot be used. By default the files are removed ({@link #delete}), for stores whose files hold
     * nothing the name server lacks.
     */
    default Outcome<StoredZone> setAside(ZoneName zone) {
        return delete(zone);
    }

    /** Every zone whose create or delete is unfinished, or whose file the store found, sorted by name. */
    default List<UnfinishedChange> unfinished() {
        return List.of();
    }

    /** The zone's unfinished change, when it has one. */
    default Optional<UnfinishedChange> unfinished(ZoneName zone) {
        return unfinished().stream().filter(u -> u.zone().name().equals(zone)).findFirst();
    }

    /** Where the master file of {@code zone} is or would be, as an absolute path (for rndc's {@code file}). */
    String fileOf(ZoneName zone);

    /** Ok when the store can be written; Unavailable, with a reason free of paths, when not. */
    Outcome<String> check();
}
