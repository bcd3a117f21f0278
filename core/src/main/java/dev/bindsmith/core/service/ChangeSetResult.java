package dev.bindsmith.core.service;

import dev.bindsmith.core.zone.ZoneName;
import java.util.List;
import java.util.Objects;

/**
 * The result of a change set: each operation's change, in the order sent. {@code applied} is false
 * for a dry run, whose changes are what would have happened.
 */
public record ChangeSetResult(ZoneName zone, boolean applied, List<RecordChanged> changes) {
    public ChangeSetResult {
        Objects.requireNonNull(zone, "zone");
        changes = List.copyOf(changes);
    }
}
