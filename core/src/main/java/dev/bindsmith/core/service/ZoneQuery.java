package dev.bindsmith.core.service;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A zone listing request as a client sent it: the {@code cursor} of a previous page and a page size
 * ({@code limit}, at most {@link ZoneService#MAX_LIMIT}). With neither, every zone in one answer (the
 * reference API's list); with either, one page ({@link ZoneService#DEFAULT_LIMIT} zones when only the
 * cursor is given).
 */
public record ZoneQuery(Optional<String> cursor, OptionalInt limit) {
    public ZoneQuery {
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(limit, "limit");
    }

    public static ZoneQuery all() {
        return new ZoneQuery(Optional.empty(), OptionalInt.empty());
    }

    /** True when the client asked for a page rather than every zone. */
    public boolean paged() {
        return cursor.isPresent() || limit.isPresent();
    }
}
