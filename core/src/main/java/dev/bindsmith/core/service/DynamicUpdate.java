package dev.bindsmith.core.service;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import java.util.List;
import java.util.Objects;

/**
 * One RFC 2136 UPDATE message in core's terms, as a DNS front end (the embedded server) decoded it:
 * its prerequisites (§2.4), all of which must hold, and its updates (§2.5), applied in order as one
 * step. {@link DynamicUpdates} judges and applies it.
 */
public record DynamicUpdate(List<Condition> prerequisites, List<Operation> updates) {
    public DynamicUpdate {
        prerequisites = List.copyOf(prerequisites);
        updates = List.copyOf(updates);
    }

    /** A prerequisite of RFC 2136 §2.4; each fails with its own response code (§3.2.5). */
    public sealed interface Condition {
        DomainName owner();

        /** §2.4.4 "Name Is In Use": some record exists at the name (fails as NXDOMAIN). */
        record NameInUse(DomainName owner) implements Condition {
            public NameInUse {
                Objects.requireNonNull(owner, "owner");
            }
        }

        /** §2.4.5 "Name Is Not In Use": no record exists at the name (fails as YXDOMAIN). */
        record NameNotInUse(DomainName owner) implements Condition {
            public NameNotInUse {
                Objects.requireNonNull(owner, "owner");
            }
        }

        /** §2.4.1 "RRset Exists (Value Independent)" (fails as NXRRSET). */
        record RRsetExists(DomainName owner, RecordType type) implements Condition {
            public RRsetExists {
                Objects.requireNonNull(owner, "owner");
                Objects.requireNonNull(type, "type");
            }
        }

        /**
         * §2.4.2 "RRset Exists (Value Dependent)": the RRset is exactly these records, TTLs aside
         * (fails as NXRRSET).
         */
        record RRsetExistsWithData(DomainName owner, RecordType type, List<Record> records) implements Condition {
            public RRsetExistsWithData {
                Objects.requireNonNull(owner, "owner");
                Objects.requireNonNull(type, "type");
                records = List.copyOf(records);
                if (records.isEmpty()) {
                    throw new IllegalArgumentException("a value-dependent prerequisite names at least one record");
                }
            }
        }

        /** §2.4.3 "RRset Does Not Exist" (fails as YXRRSET). */
        record RRsetDoesNotExist(DomainName owner, RecordType type) implements Condition {
            public RRsetDoesNotExist {
                Objects.requireNonNull(owner, "owner");
                Objects.requireNonNull(type, "type");
            }
        }
    }

    /** An update of RFC 2136 §2.5. */
    public sealed interface Operation {
        DomainName owner();

        /** §2.5.1 "Add To An RRset". */
        record Add(Record record) implements Operation {
            public Add {
                Objects.requireNonNull(record, "record");
            }

            public DomainName owner() {
                return record.owner();
            }
        }

        /** §2.5.2 "Delete An RRset". */
        record DeleteRRset(DomainName owner, RecordType type) implements Operation {
            public DeleteRRset {
                Objects.requireNonNull(owner, "owner");
                Objects.requireNonNull(type, "type");
            }
        }

        /** §2.5.3 "Delete All RRsets From A Name". */
        record DeleteName(DomainName owner) implements Operation {
            public DeleteName {
                Objects.requireNonNull(owner, "owner");
            }
        }

        /** §2.5.4 "Delete An RR From An RRset" (owner, type and data; the TTL does not count). */
        record Delete(Record record) implements Operation {
            public Delete {
                Objects.requireNonNull(record, "record");
            }

            public DomainName owner() {
                return record.owner();
            }
        }
    }
}
