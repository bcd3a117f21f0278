package dev.bindsmith.http.access;

import dev.bindsmith.core.net.IpNetwork;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.net.InetAddress;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one token may do: its {@link Access}, the zones it covers (none listed: every zone), the record
 * types a write may change (none listed: every type), the client networks it may come from (none
 * listed: anywhere), and when it stops working.
 */
public record Grant(
        Access access,
        List<ZonePattern> zones,
        Set<RecordType> recordTypes,
        List<IpNetwork> allowFrom,
        Optional<Instant> expires) {

    public Grant {
        Objects.requireNonNull(access, "access");
        zones = List.copyOf(zones);
        recordTypes = recordTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(recordTypes));
        allowFrom = List.copyOf(allowFrom);
        Objects.requireNonNull(expires, "expires");
        if (access == Access.ADMIN && (!zones.isEmpty() || !recordTypes.isEmpty())) {
            throw new IllegalArgumentException("an admin grant covers every zone and every record type");
        }
    }

    /** Everything, from anywhere, for ever: {@code BIND_API_TOKEN}, the CLI's direct mode, no authentication. */
    public static Grant admin() {
        return admin(Optional.empty());
    }

    public static Grant admin(Optional<Instant> expires) {
        return new Grant(Access.ADMIN, List.of(), Set.of(), List.of(), expires);
    }

    public boolean everyZone() {
        return zones.isEmpty() || zones.stream().anyMatch(ZonePattern::isEveryZone);
    }

    public boolean covers(ZoneName zone) {
        return everyZone() || zones.stream().anyMatch(p -> p.matches(zone));
    }

    public boolean everyRecordType() {
        return recordTypes.isEmpty();
    }

    public boolean allowsType(RecordType type) {
        return everyRecordType() || recordTypes.contains(type);
    }

    public boolean allowsAddress(InetAddress client) {
        return allowFrom.isEmpty() || allowFrom.stream().anyMatch(n -> n.contains(client));
    }

    public boolean expiredAt(Instant now) {
        return expires.isPresent() && !now.isBefore(expires.get());
    }

    /** The grant as an answer shows it to its holder ({@code granted} of a 403): access, zones, record types. */
    public Map<String, Object> describe() {
        var map = new LinkedHashMap<String, Object>();
        map.put("access", access.wireName());
        map.put(
                "zones",
                everyZone()
                        ? List.of("*")
                        : zones.stream().map(ZonePattern::text).toList());
        map.put(
                "recordTypes",
                everyRecordType()
                        ? List.of("*")
                        : recordTypes.stream().map(Enum::name).sorted().toList());
        return map;
    }
}
