package dev.bindsmith.core.port;

import dev.bindsmith.core.zone.ZoneName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A zone's state as the server reports it ({@code zonestatus}): the fields bindsmith reads, every
 * {@code key: value} line in {@code properties} (in the server's order), and the raw text.
 */
public record ZoneStatus(
        ZoneName name,
        String type,
        OptionalLong serial,
        List<String> files,
        Map<String, String> properties,
        String raw) {
    public ZoneStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(serial, "serial");
        files = List.copyOf(files);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        Objects.requireNonNull(raw, "raw");
    }

    /** {@code dynamic: yes}: the zone accepts updates. */
    public Optional<Boolean> dynamic() {
        return yesNo("dynamic");
    }

    /** {@code secure: yes}: the zone is signed. */
    public Optional<Boolean> secure() {
        return yesNo("secure");
    }

    /**
     * False for a zone the server has but has not loaded (a secondary before its first transfer, a
     * file that failed to load): it exists, without a serial.
     */
    public boolean loaded() {
        return !"no".equals(properties.get("loaded"));
    }

    /**
     * False when the server says the zone is not {@code reconfigurable via modzone}: it is declared
     * in the server's configuration file (named.conf), not added at run time.
     */
    public boolean reconfigurable() {
        return !"no".equals(properties.get("reconfigurable via modzone"));
    }

    /** {@code frozen: yes}: dynamic updates are suspended until the zone is thawed. */
    public boolean frozen() {
        return yesNo("frozen").orElse(false);
    }

    /** The status of a zone the server has but has not loaded; {@code raw} is what the server said. */
    public static ZoneStatus notLoaded(ZoneName name, String type, List<String> files, String raw) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("name", name.value());
        p.put("type", type);
        if (!files.isEmpty()) {
            p.put("files", String.join(" ", files));
        }
        p.put("loaded", "no");
        return new ZoneStatus(name, type, OptionalLong.empty(), files, p, raw);
    }

    public Optional<String> lastLoaded() {
        return Optional.ofNullable(properties.get("last loaded"));
    }

    private Optional<Boolean> yesNo(String key) {
        String v = properties.get(key);
        return v == null ? Optional.empty() : Optional.of(v.startsWith("yes"));
    }
}
