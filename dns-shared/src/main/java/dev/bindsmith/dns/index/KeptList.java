package dev.bindsmith.dns.index;

import dev.bindsmith.core.zone.ZoneName;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A store's list of every zone (of type {@code L}), kept until its index changes and then made again
 * from the one before and the zones that changed ({@link ChangedZones}): one caller makes it, the others
 * wait for it rather than make it too, and every caller gets a list as new as the changes counted when
 * it asked, or newer. Both stores keep their list of every zone in one.
 */
public final class KeptList<L> {
    /** Makes the list again: from {@code before} and the zones changed since, or (empty) from the whole index. */
    @FunctionalInterface
    public interface Update<L> {
        L apply(L before, Optional<Set<ZoneName>> changed);
    }

    /** A list and the count of changes it reflects (-1: none made yet). */
    private record Made<L>(long changes, L list) {}

    private final ChangedZones changes;
    private final Object lock = new Object();
    private volatile Made<L> made;

    /** {@code empty}: what the first list is made from (with the whole index). */
    public KeptList(ChangedZones changes, L empty) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.made = new Made<>(-1, Objects.requireNonNull(empty, "empty"));
    }

    /** The list, made again by {@code update} when a change was counted since it was made. */
    public L current(Update<L> update) {
        Made<L> last = made;
        if (last.changes() == changes.count()) {
            return last.list();
        }
        synchronized (lock) {
            long seen = changes.count();
            last = made;
            if (last.changes() == seen) {
                return last.list();
            }
            // every change counted in seen noted its zone before it was counted, so it is in what take()
            // returns (or in an earlier answer, already in the last list); each zone is read from the index
            // after this, so the list is as new as those changes, or newer. take() is called even for the
            // first list: it starts the set of zones noted from now on
            Optional<Set<ZoneName>> changed = changes.take();
            L list = update.apply(last.list(), last.changes() < 0 ? Optional.empty() : changed);
            made = new Made<>(seen, list);
            return list;
        }
    }
}
