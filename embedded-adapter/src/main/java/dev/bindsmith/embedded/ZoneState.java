package dev.bindsmith.embedded;

import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One zone as the server holds it: its statement, its content (empty for a secondary that has not
 * transferred yet), whether updates are frozen, and when it was last loaded. Immutable: a change
 * makes a new state, so a query reads one consistent version.
 */
record ZoneState(
        ZoneName name, ZoneConfig config, Optional<ZoneContent> content, boolean frozen, Optional<Instant> loadedAt) {
    ZoneState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(loadedAt, "loadedAt");
    }

    ZoneType type() {
        return config.type();
    }

    boolean dynamic() {
        return config.type() == ZoneType.PRIMARY && config.options().dynamic();
    }

    ZoneState withContent(ZoneContent newContent, Instant at) {
        return new ZoneState(name, config, Optional.of(newContent), frozen, Optional.of(at));
    }

    ZoneState withFrozen(boolean value) {
        return new ZoneState(name, config, content, value, loadedAt);
    }

    ZoneState withConfig(ZoneConfig newConfig) {
        return new ZoneState(name, newConfig, content, frozen, loadedAt);
    }
}
