package dev.bindsmith.core.zone;

import java.util.List;
import java.util.Objects;

/**
 * A validated zone, as a create request describes it: what the zone file holds (default TTL, SOA,
 * name servers, glue, records) and the zone statement's options. A secondary carries a placeholder
 * SOA that is never written; its data comes by transfer from {@code options.primaries()}.
 */
public record ZoneSpec(
        ZoneName name,
        ZoneType type,
        long defaultTtl,
        Soa soa,
        List<DomainName> nameServers,
        List<Record> glue,
        List<Record> records,
        ZoneOptions options) {

    public ZoneSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(soa, "soa");
        Objects.requireNonNull(options, "options");
        nameServers = List.copyOf(nameServers);
        glue = List.copyOf(glue);
        records = List.copyOf(records);
    }
}
