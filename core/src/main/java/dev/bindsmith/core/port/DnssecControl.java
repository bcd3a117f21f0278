package dev.bindsmith.core.port;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.ZoneName;
import java.util.List;
import java.util.OptionalInt;

/**
 * A zone's DNSSEC keys as the name server maintains them under a {@code dnssec-policy}: their state,
 * a manual rollover, and the operator's word that a DS was published at (or withdrawn from) the
 * parent ({@code rndc dnssec -status|-rollover|-checkds}). A separate port from
 * {@link NameServerControl} because not every backend signs: one that does not answers every call
 * on a zone it has with {@code Invalid} ({@code DNSSEC_NOT_SUPPORTED}).
 * <ul>
 * <li>an unknown zone is {@code NotFound} ({@code ZONE_NOT_FOUND});</li>
 * <li>{@link #rollover} or {@link #checkds} of a zone without a {@code dnssec-policy} is
 *     {@code Invalid} ({@code ZONE_NOT_SIGNED}); {@link #status} of it is Ok, unsigned;</li>
 * <li>a key tag the zone has no key for is {@code Invalid} ({@code DNSSEC_KEY_NOT_FOUND});</li>
 * <li>a command the server refuses is {@code BackendFailed} ({@code BACKEND_REJECTED}) with its text.</li>
 * </ul>
 */
public interface DnssecControl {

    Outcome<DnssecStatus> status(ZoneName zone);

    /** Starts a rollover of the key with {@code keyTag} now ({@code rndc dnssec -rollover -key}). */
    Outcome<ControlReply> rollover(ZoneName zone, int keyTag);

    /**
     * Says the DS of the zone's key-signing keys ({@code keyTag}: of that key only) is published at,
     * or withdrawn from, the parent ({@code rndc dnssec -checkds}), so that a rollover can go on.
     */
    Outcome<ControlReply> checkds(ZoneName zone, DsState state, OptionalInt keyTag);

    /** What a backend that does not sign answers for a zone it has: {@code why} says which backend, and why not. */
    static <T> Outcome<T> notSupported(ZoneName zone, String why) {
        return new Outcome.Invalid<>(
                ErrorCode.DNSSEC_NOT_SUPPORTED,
                "DNSSEC not supported",
                List.of(Violation.malformed(
                        "zone",
                        "Zone " + zone + " cannot be signed here: " + why
                                + "; DNSSEC (dnssecPolicy, key rollovers, DS records) needs the BIND backend")),
                Outcome.orderedPairs("zone", zone.value()));
    }

    /** A key operation on a zone without a {@code dnssec-policy}. */
    static <T> Outcome<T> notSigned(ZoneName zone) {
        return new Outcome.Invalid<>(
                ErrorCode.ZONE_NOT_SIGNED,
                "Zone is not signed",
                List.of(Violation.malformed(
                        "zone",
                        "Zone " + zone + " does not have a dnssec-policy: create it with zoneConfig.dnssecPolicy"
                                + " to have it signed")),
                Outcome.orderedPairs("zone", zone.value()));
    }

    /** A key operation naming a tag the zone has no key for; {@code said} is the server's text. */
    static <T> Outcome<T> keyNotFound(ZoneName zone, int keyTag, String said) {
        return new Outcome.Invalid<>(
                ErrorCode.DNSSEC_KEY_NOT_FOUND,
                "No such key",
                List.of(Violation.malformed(
                        "keyTag", "Zone " + zone + " has no key with tag " + keyTag + " (" + said + ")")),
                Outcome.orderedPairs("zone", zone.value()));
    }
}
