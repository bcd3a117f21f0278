package dev.bindsmith.core.port;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import java.util.Objects;

/** One change of an RFC 2136 update section. Replacing an RRset is a {@link RemoveRRset} followed by adds. */
public sealed interface RecordChange {

    /** Adds the record; adding a record that is there already changes nothing (RFC 2136 §3.4.2.2). */
    record Add(Record record) implements RecordChange {
        public Add {
            Objects.requireNonNull(record, "record");
        }
    }

    /** Removes exactly this record (owner, type and data; the TTL is ignored). */
    record Remove(Record record) implements RecordChange {
        public Remove {
            Objects.requireNonNull(record, "record");
        }
    }

    /** Removes every record of {@code type} at {@code owner}. */
    record RemoveRRset(DomainName owner, RecordType type) implements RecordChange {
        public RemoveRRset {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(type, "type");
        }
    }
}
