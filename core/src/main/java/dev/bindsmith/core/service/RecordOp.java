package dev.bindsmith.core.service;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;

/** One operation of a change set once its records are validated: what the planner works on. */
sealed interface RecordOp {
    DomainName owner();

    RecordType type();

    record Add(Record record) implements RecordOp {
        public DomainName owner() {
            return record.owner();
        }

        public RecordType type() {
            return record.type();
        }
    }

    record Update(Record current, Record next) implements RecordOp {
        public DomainName owner() {
            return current.owner();
        }

        public RecordType type() {
            return current.type();
        }
    }

    record Remove(Record record) implements RecordOp {
        public DomainName owner() {
            return record.owner();
        }

        public RecordType type() {
            return record.type();
        }
    }

    record RemoveRRset(DomainName owner, RecordType type) implements RecordOp {}
}
