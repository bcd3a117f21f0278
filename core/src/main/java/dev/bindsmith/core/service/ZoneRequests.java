package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;

import java.time.Clock;

/**
 * Turns requests as clients sent them into validated values, reporting every violation of a request
 * at once: Ok with the value, Invalid (400) when anything is malformed, Unprocessable (422) when it
 * is well-formed but semantically wrong.
 */
public final class ZoneRequests {
    private ZoneRequests() {
    }

    /** A create request into a zone spec; an absent SOA serial becomes today's YYYYMMDD01 by {@code clock} (UTC). */
    public static Outcome<ZoneSpec> validate(ZoneRequest request, Clock clock) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A modify request into a zone patch; a request that names no field is Invalid. */
    public static Outcome<ZonePatch> validate(ZonePatchRequest request) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * One record of {@code zone}: the owner resolved ({@code @}, relative or absolute inside the zone),
     * the data parsed for its type. {@code field} prefixes violation paths ({@code zoneConfig.records[2]}).
     */
    public static Outcome<Record> validate(RecordRequest request, ZoneName zone, String field) {
        throw new UnsupportedOperationException("not yet");
    }
}
