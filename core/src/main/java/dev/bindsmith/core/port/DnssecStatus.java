package dev.bindsmith.core.port;

import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.ZoneName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A zone's DNSSEC as its name server has it: whether the zone is signed, the {@code dnssec-policy}
 * that maintains it, its keys, and the DS records to publish at the parent (from the CDS the zone
 * serves, else from its key-signing DNSKEYs). {@code raw} is the server's own text.
 */
public record DnssecStatus(
        ZoneName zone, boolean signed, Optional<String> policy, List<DnssecKey> keys, List<RData.Ds> ds, String raw) {
    public DnssecStatus {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(policy, "policy");
        keys = List.copyOf(keys);
        ds = List.copyOf(ds);
        Objects.requireNonNull(raw, "raw");
    }
}
