package dev.bindsmith.core.service;

import dev.bindsmith.core.zone.ZoneName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a reconcile of the zone store with the name server found and did. {@code full} is false for
 * the start-up reconcile, which looks only at the zones the store cannot vouch for (unfinished creates
 * and deletes, files it found); a full one asks the name server about every zone. {@code checked}
 * zones were looked at; each one that needed attention is a {@link Finding}.
 */
public record ReconcileReport(
        Instant startedAt, Duration took, boolean full, boolean setAside, int checked, List<Finding> findings) {
    public ReconcileReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(took, "took");
        findings = List.copyOf(findings);
    }

    /** One zone that needed attention, what was wrong and what was done. */
    public record Finding(ZoneName zone, Problem problem, Action action, String details) {
        public Finding {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(details, "details");
        }
    }

    public enum Problem {
        /** Files were written for a create whose outcome was never learned (a crash, a lost reply). */
        UNFINISHED_CREATE,
        /** A delete began and its outcome was never learned. */
        UNFINISHED_DELETE,
        /** A master file is in the directory that bindsmith did not record writing. */
        FOUND_FILE,
        /** The store holds the zone but the name server does not serve it: an orphan. */
        NOT_SERVED
    }

    public enum Action {
        /** The change had taken: the store now says so (the create kept, the delete finished). */
        COMPLETED,
        /** The change had not taken: the store was put back (the create's files removed, the zone kept). */
        ROLLED_BACK,
        /** A file found in the directory belongs to a zone the name server serves: it is managed now. */
        ADOPTED,
        /** The files no name server serves were moved aside (kept for the operator) and the zone forgotten. */
        SET_ASIDE,
        /** Left as it is and reported (set-aside was not asked for). */
        REPORTED,
        /** The name server could not say; left as it is for the next reconcile. */
        UNDECIDED
    }
}
