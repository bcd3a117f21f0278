package dev.bindsmith.core.port;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import java.util.Objects;

/** A condition the zone must meet for a change set to apply (RFC 2136 §2.4). */
public sealed interface Prerequisite {

    /** This exact record exists (owner, type, data). */
    record RecordExists(Record record) implements Prerequisite {
        public RecordExists {
            Objects.requireNonNull(record, "record");
        }
    }

    /** At least one record of {@code type} exists at {@code owner}. */
    record RRsetExists(DomainName owner, RecordType type) implements Prerequisite {
        public RRsetExists {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(type, "type");
        }
    }

    /** No record of {@code type} exists at {@code owner}. */
    record RRsetAbsent(DomainName owner, RecordType type) implements Prerequisite {
        public RRsetAbsent {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(type, "type");
        }
    }

    /** No record of any type exists at {@code owner}. */
    record NameAbsent(DomainName owner) implements Prerequisite {
        public NameAbsent {
            Objects.requireNonNull(owner, "owner");
        }
    }
}
