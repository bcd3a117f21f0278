package dev.bindsmith.core.port;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One DNSSEC key of a zone, as its name server reports it ({@code rndc dnssec -status}): its tag,
 * algorithm, role ({@code KSK}, {@code ZSK} or {@code CSK}), whether it is published and signs keys
 * or the zone, what happens to it next ({@code No rollover scheduled}, {@code Next rollover scheduled
 * on …}), and the states of its key-state machine ({@code goal}, {@code dnskey}, {@code ds},
 * {@code zone rrsig}, {@code key rrsig}) in the server's order.
 */
public record DnssecKey(
        int tag,
        String algorithm,
        String role,
        boolean published,
        boolean keySigning,
        boolean zoneSigning,
        String nextEvent,
        Map<String, String> states) {
    public DnssecKey {
        if (tag < 0 || tag > 65535) {
            throw new IllegalArgumentException("a key tag is between 0 and 65535");
        }
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(nextEvent, "nextEvent");
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }
}
