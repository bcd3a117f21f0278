package dev.bindsmith.core.zone;

import java.util.Objects;

/**
 * The SOA values of a zone. {@code adminMailbox} is in the dotted form ({@code hostmaster.example.com}).
 * Timer values are seconds; the ranges are checked by validation, not here.
 */
public record Soa(
        DomainName primaryNs,
        DomainName adminMailbox,
        long serial,
        long refresh,
        long retry,
        long expire,
        long negativeTtl) {

    public static final long DEFAULT_REFRESH = 3600;
    public static final long DEFAULT_RETRY = 600;
    public static final long DEFAULT_EXPIRE = 604800;
    public static final long DEFAULT_NEGATIVE_TTL = 86400;

    public Soa {
        Objects.requireNonNull(primaryNs, "primaryNs");
        Objects.requireNonNull(adminMailbox, "adminMailbox");
    }
}
