package dev.bindsmith.core.service;

import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a zone's records, in canonical order (owner, type, data). {@code nextCursor} is an
 * opaque token for the page after this one, absent on the last page.
 */
public record RecordPage(ZoneName zone, List<Record> records, Optional<String> nextCursor) {
    public RecordPage {
        Objects.requireNonNull(zone, "zone");
        records = List.copyOf(records);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
