package dev.bindsmith.core.outcome;

/**
 * The stable, machine-readable codes of the failures a use case produces. Clients branch on these, so
 * a code is never renamed or reused for another meaning; new ones may be added. The codes only a
 * transport produces (authentication, body limits, rate limits, unknown routes) are that adapter's.
 */
public enum ErrorCode {
    /** The body is not parseable JSON. */
    INVALID_JSON,
    /** A field is missing, has the wrong type or a malformed value. */
    VALIDATION_FAILED,
    /** A zone or owner name is not a valid DNS name. */
    INVALID_ZONE_NAME,
    /** Record changes were sent for a zone that does not accept dynamic updates. */
    ZONE_NOT_DYNAMIC,
    /** Record changes were sent for a dynamic zone that is frozen: updates resume when it is thawed. */
    ZONE_FROZEN,
    ZONE_NOT_FOUND,
    RECORD_NOT_FOUND,
    ZONE_EXISTS,
    /** Well-formed but semantically wrong zone data (SOA values, TTL range). */
    INVALID_ZONE_CONFIGURATION,
    /**
     * A well-formed record change the zone cannot take: records that cannot coexist (a CNAME beside
     * other data, apex rules), or record data out of range (a TTL, an MX preference).
     */
    RECORD_CONFLICT,
    /** The name server could not be reached, timed out, or closed the session without a reply. */
    BACKEND_UNREACHABLE,
    /** The name server answered and refused or failed the command. */
    BACKEND_REJECTED,
    /**
     * A command that changes something was sent and no reply came back (a timeout, a connection lost
     * before or during the reply, a reply that could not be verified), and asking the name server
     * afterwards could not tell whether it ran. Nothing bindsmith wrote for it was removed: a retry, or
     * the next reconcile, settles it.
     */
    BACKEND_OUTCOME_UNKNOWN,
    ZONE_FILE_WRITE_FAILED,
    /** Not ready, or a dependency such as the zone directory is unusable. */
    UNAVAILABLE,
    SHUTTING_DOWN,
    /** A catalog operation on a server that keeps no catalog zone (none is configured). */
    CATALOG_NOT_CONFIGURED,
    /** The zone is the catalog zone bindsmith keeps: it is not created, deleted or listed as a member. */
    CATALOG_ZONE,
    /** A propagation check on a server that knows no secondaries (none is configured). */
    SECONDARIES_NOT_CONFIGURED,
    /** A DNSSEC key operation on a zone that has no dnssec-policy. */
    ZONE_NOT_SIGNED,
    /** A DNSSEC operation on a backend that does not sign zones (the embedded name server). */
    DNSSEC_NOT_SUPPORTED,
    /** A DNSSEC key operation names a key tag the zone has no key for. */
    DNSSEC_KEY_NOT_FOUND
}
