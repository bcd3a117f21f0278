package dev.bindsmith.core.zone;

import java.util.Optional;

/** The zone types bindsmith creates. Named by BIND's current terms; {@code master}/{@code slave} are not accepted. */
public enum ZoneType {
    PRIMARY("primary"),
    SECONDARY("secondary");

    private final String wireName;

    ZoneType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the API, in zone statements and in zonestatus: {@code primary}, {@code secondary}. */
    public String wireName() {
        return wireName;
    }

    /** Exactly {@code primary} or {@code secondary}, case-sensitive as in the reference API. */
    public static Optional<ZoneType> parse(String raw) {
        for (ZoneType t : values()) {
            if (t.wireName.equals(raw)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
