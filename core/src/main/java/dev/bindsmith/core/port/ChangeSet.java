package dev.bindsmith.core.port;

import java.util.List;

/** Prerequisites and changes applied together, in order, all or nothing. */
public record ChangeSet(List<Prerequisite> prerequisites, List<RecordChange> changes) {
    public ChangeSet {
        prerequisites = List.copyOf(prerequisites);
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a change set needs at least one change");
        }
    }

    public static ChangeSet of(RecordChange... changes) {
        return new ChangeSet(List.of(), List.of(changes));
    }
}
