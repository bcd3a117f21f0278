package dev.bindsmith.core.port;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.ZoneName;

/**
 * Changes a zone's records as one atomic step (an RFC 2136 UPDATE, or the embedded server's
 * equivalent): every prerequisite holds and every change is applied, or nothing is.
 * <ul>
 * <li>a prerequisite that a record or RRset exists, failing: {@code NotFound} ({@code RECORD_NOT_FOUND});</li>
 * <li>a prerequisite that something is absent, failing: {@code Unprocessable} ({@code RECORD_CONFLICT});</li>
 * <li>a zone that takes no updates: {@code Invalid} ({@code ZONE_NOT_DYNAMIC});</li>
 * <li>an unknown zone: {@code NotFound} ({@code ZONE_NOT_FOUND});</li>
 * <li>a failed signature, key or clock, a server failure or no answer: {@code BackendFailed};</li>
 * <li>a change set that was sent and whose answer never came (or could not be believed):
 *     {@code BackendFailed} ({@code BACKEND_OUTCOME_UNKNOWN}): the server may have applied it.</li>
 * </ul>
 */
public interface RecordUpdater {

    Outcome<ChangeReport> apply(ZoneName zone, ChangeSet changes);
}
