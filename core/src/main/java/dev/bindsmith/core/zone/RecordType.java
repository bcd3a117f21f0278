package dev.bindsmith.core.zone;

import java.util.Locale;
import java.util.Optional;

/** The record types bindsmith writes, validates and changes. {@link #SOA} and {@link #OTHER} only appear when reading a zone. */
public enum RecordType {
    A(1),
    NS(2),
    CNAME(5),
    SOA(6),
    PTR(12),
    MX(15),
    TXT(16),
    AAAA(28),
    SRV(33),
    DNAME(39),
    DS(43),
    SSHFP(44),
    TLSA(52),
    SVCB(64),
    HTTPS(65),
    CAA(257),
    /** A type read from a zone that bindsmith does not model; its data is kept in RFC 3597 form. */
    OTHER(-1);

    private final int code;

    RecordType(int code) {
        this.code = code;
    }

    /** The IANA type code, or -1 for {@link #OTHER}. */
    public int code() {
        return code;
    }

    /** The mnemonic, case-insensitive ({@code mx} → MX). SOA and OTHER cannot be written by a client. */
    public static Optional<RecordType> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            RecordType t = valueOf(raw.trim().toUpperCase(Locale.ROOT));
            return t == OTHER ? Optional.empty() : Optional.of(t);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Types a client may add, change or remove. */
    public boolean writable() {
        return this != SOA && this != OTHER;
    }
}
