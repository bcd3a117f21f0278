package dev.bindsmith.wiring;

import java.util.Locale;
import java.util.Optional;

/** The two name-server backends: a BIND reached over rndc and RFC 2136, or the embedded server. */
public enum BackendKind {
    BIND,
    EMBEDDED;

    /** The name used in {@code BINDSMITH_BACKEND}, in logs and in output: {@code bind}, {@code embedded}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code bind} or {@code embedded}, case-insensitive. */
    public static Optional<BackendKind> parse(String raw) {
        for (BackendKind k : values()) {
            if (k.wireName().equalsIgnoreCase(raw.trim())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
