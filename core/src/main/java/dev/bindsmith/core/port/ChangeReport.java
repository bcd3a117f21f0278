package dev.bindsmith.core.port;

import java.util.List;

/** What an applied change set did: its changes, in the order they were applied. */
public record ChangeReport(List<RecordChange> applied) {
    public ChangeReport {
        applied = List.copyOf(applied);
    }
}
