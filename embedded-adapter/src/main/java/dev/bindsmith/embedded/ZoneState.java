package dev.bindsmith.embedded;

import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One zone as the server holds it: its statement, its content (empty for a secondary that has not
 * transferred yet), whether updates are frozen, when it was last loaded, and the journal of its last
 * changes (for IXFR). Immutable: a change
 * makes a new state, so a query reads one consistent version.
 */
record ZoneState(
        ZoneName name,
        ZoneConfig config,
        Optional<ZoneContent> content,
        boolean frozen,
        Optional<Instant> loadedAt,
        ZoneJournal journal)
        implements ZoneRegistry.Slot {
    ZoneState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(loadedAt, "loadedAt");
        Objects.requireNonNull(journal, "journal");
    }

    /** A state with no history of changes: the content came whole (a file, a transfer). */
    ZoneState(
            ZoneName name,
            ZoneConfig config,
            Optional<ZoneContent> content,
            boolean frozen,
            Optional<Instant> loadedAt) {
        this(name, config, content, frozen, loadedAt, ZoneJournal.EMPTY);
    }

    ZoneType type() {
        return config.type();
    }

    boolean dynamic() {
        return config.type() == ZoneType.PRIMARY && config.options().dynamic();
    }

    /** New content that came whole: the journal starts again. */
    ZoneState withContent(ZoneContent newContent, Instant at) {
        return new ZoneState(name, config, Optional.of(newContent), frozen, Optional.of(at));
    }

    /** New content one change further, recorded in the journal. */
    ZoneState withChange(ZoneContent newContent, ZoneJournal newJournal) {
        return new ZoneState(name, config, Optional.of(newContent), frozen, loadedAt, newJournal);
    }

    ZoneState withFrozen(boolean value) {
        return new ZoneState(name, config, content, value, loadedAt, journal);
    }

    ZoneState withConfig(ZoneConfig newConfig) {
        return new ZoneState(name, newConfig, content, frozen, loadedAt, journal);
    }
}
