package dev.bindsmith.embedded;

import dev.bindsmith.core.service.RecordChanged;
import dev.bindsmith.core.zone.ZoneName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One RFC 2136 UPDATE the server answered for one of its zones: its message id, from where, signed with
 * which TSIG key,
 * its response code ({@code NOERROR}, {@code REFUSED}, {@code NXRRSET} …), the records it changed, and
 * the zone's serial just before and just after.
 */
public record UpdateAnswered(
        ZoneName zone,
        int messageId,
        String client,
        Optional<String> key,
        String rcode,
        List<RecordChanged> changes,
        OptionalLong serialBefore,
        OptionalLong serialAfter) {
    public UpdateAnswered {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rcode, "rcode");
        changes = List.copyOf(changes);
        Objects.requireNonNull(serialBefore, "serialBefore");
        Objects.requireNonNull(serialAfter, "serialAfter");
    }
}
