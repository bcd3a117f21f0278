package dev.bindsmith.http.access;

import dev.bindsmith.core.zone.ZoneName;
import java.util.Objects;
import java.util.Optional;

/**
 * The zones a token covers: {@code *} (every zone), {@code *.dev.example.com} (every zone below
 * {@code dev.example.com}, not that zone itself, as a DNS wildcard), or one zone's name. Names are
 * compared as the use cases normalise them (lower case, no trailing dot).
 */
public record ZonePattern(String text) {
    public static final ZonePattern EVERY_ZONE = new ZonePattern("*");

    public ZonePattern {
        Objects.requireNonNull(text, "text");
        if (!normalised(text).equals(Optional.of(text))) {
            throw new IllegalArgumentException("not a zone pattern in normal form: " + text);
        }
    }

    /** The pattern in normal form, or empty when {@code raw} is not one. */
    public static Optional<ZonePattern> parse(String raw) {
        return normalised(raw).map(ZonePattern::new);
    }

    private static Optional<String> normalised(String raw) {
        if (raw.equals("*")) {
            return Optional.of("*");
        }
        boolean below = raw.startsWith("*.");
        return ZoneName.parse(below ? raw.substring(2) : raw).map(z -> (below ? "*." : "") + z.value());
    }

    public boolean isEveryZone() {
        return text.equals("*");
    }

    public boolean matches(ZoneName zone) {
        if (isEveryZone()) {
            return true;
        }
        if (text.startsWith("*.")) {
            return zone.value().endsWith(text.substring(1));
        }
        return zone.value().equals(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
