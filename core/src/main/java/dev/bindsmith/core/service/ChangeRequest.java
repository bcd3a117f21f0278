package dev.bindsmith.core.service;

import java.util.Objects;

/** One operation of a change set as a client sent it: the body of a POST, PUT or DELETE of one record. */
public sealed interface ChangeRequest {

    record Add(RecordRequest record) implements ChangeRequest {
        public Add {
            Objects.requireNonNull(record, "record");
        }
    }

    record Update(RecordUpdateRequest update) implements ChangeRequest {
        public Update {
            Objects.requireNonNull(update, "update");
        }
    }

    record Remove(RecordRemoveRequest remove) implements ChangeRequest {
        public Remove {
            Objects.requireNonNull(remove, "remove");
        }
    }
}
