package dev.bindsmith.core.port;

import java.util.Locale;
import java.util.Optional;

/** What the operator says about a key's DS at the parent ({@code rndc dnssec -checkds}). */
public enum DsState {
    PUBLISHED,
    WITHDRAWN;

    /** The word rndc and the API use: {@code published}, {@code withdrawn}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DsState> parse(String raw) {
        for (DsState s : values()) {
            if (s.word().equals(raw)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
