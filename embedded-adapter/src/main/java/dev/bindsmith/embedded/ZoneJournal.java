package dev.bindsmith.embedded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * The last changes of a primary zone, oldest first, each taking the zone from one serial to the next:
 * what an IXFR (RFC 1995) answers from. Immutable, like the {@link ZoneState} that holds it; bounded
 * in changes and in records, the oldest dropped first. A change made other than through the updater
 * (a reload of an edited file, a transfer) starts a new, empty journal: a client whose serial it no
 * longer reaches gets the whole zone.
 */
final class ZoneJournal {
    /** One change: the SOA before, the records it removed, the SOA after, the records it added (SOAs not listed). */
    record Delta(SOARecord from, List<Record> removed, SOARecord to, List<Record> added) {
        Delta {
            removed = List.copyOf(removed);
            added = List.copyOf(added);
        }

        int size() {
            return removed.size() + added.size() + 2;
        }
    }

    static final ZoneJournal EMPTY = new ZoneJournal(List.of(), 0);

    private final List<Delta> deltas;
    private final int records;

    private ZoneJournal(List<Delta> deltas, int records) {
        this.deltas = deltas;
        this.records = records;
    }

    /** This journal with {@code delta} at the end, the oldest changes dropped to stay within the bounds. */
    ZoneJournal append(Delta delta, int maxDeltas, int maxRecords) {
        if (maxDeltas <= 0 || delta.size() > maxRecords) {
            return EMPTY;
        }
        List<Delta> list = new ArrayList<>(deltas);
        list.add(delta);
        int total = records + delta.size();
        while (list.size() > maxDeltas || total > maxRecords) {
            total -= list.removeFirst().size();
        }
        return new ZoneJournal(Collections.unmodifiableList(list), total);
    }

    /** The changes from {@code serial} to the newest, when the journal reaches back to it. */
    Optional<List<Delta>> since(long serial) {
        for (int i = 0; i < deltas.size(); i++) {
            if (deltas.get(i).from().getSerial() == serial) {
                return Optional.of(deltas.subList(i, deltas.size()));
            }
        }
        return Optional.empty();
    }

    int changes() {
        return deltas.size();
    }

    /** The oldest serial the journal reaches back to. */
    Optional<Long> oldestSerial() {
        return deltas.isEmpty()
                ? Optional.empty()
                : Optional.of(deltas.getFirst().from().getSerial());
    }
}
