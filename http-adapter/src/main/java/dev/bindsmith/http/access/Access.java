package dev.bindsmith.http.access;

import java.util.Locale;
import java.util.Optional;

/** What a token may do, each level including the ones below it. */
public enum Access {
    /** Read zones, their status and records, and the audit of its zones. */
    READ,
    /** Also change them: create, modify, delete, reload … zones, change records. */
    WRITE,
    /** Also act on the whole server (reload it, read every audit entry); always every zone. */
    ADMIN;

    public boolean includes(Access other) {
        return compareTo(other) >= 0;
    }

    /** {@code read}, {@code write}, {@code admin}: as the tokens file and the API write it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Access> parse(String text) {
        for (Access a : values()) {
            if (a.wireName().equals(text)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
