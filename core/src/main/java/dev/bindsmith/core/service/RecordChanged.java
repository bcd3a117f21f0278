package dev.bindsmith.core.service;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.util.List;
import java.util.Objects;

/**
 * What one operation did (or, in a dry run, would do) to a zone: the owner and type it touched, the
 * records it removed and those it added. Removing a whole RRset lists the records that were there.
 */
public record RecordChanged(
        ZoneName zone,
        Operation operation,
        DomainName owner,
        RecordType type,
        List<Record> removed,
        List<Record> added) {

    public enum Operation {
        ADDED,
        UPDATED,
        REMOVED
    }

    public RecordChanged {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }
}
