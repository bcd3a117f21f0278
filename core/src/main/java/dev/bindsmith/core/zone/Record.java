package dev.bindsmith.core.zone;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One resource record: an absolute owner name, a TTL (absent: the zone's default) and typed data.
 * The type is the data's: a record cannot say A and carry an MX.
 */
public record Record(DomainName owner, OptionalLong ttl, RData data) {

    public static final long MAX_TTL = 2147483647L;

    public Record {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(data, "data");
        if (ttl.isPresent()) {
            Ranges.check("TTL", ttl.getAsLong(), 0, MAX_TTL);
        }
    }

    public static Record of(DomainName owner, long ttl, RData data) {
        return new Record(owner, OptionalLong.of(ttl), data);
    }

    public static Record of(DomainName owner, RData data) {
        return new Record(owner, OptionalLong.empty(), data);
    }

    public RecordType type() {
        return data.type();
    }
}
