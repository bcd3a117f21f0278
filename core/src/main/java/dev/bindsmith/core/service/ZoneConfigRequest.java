package dev.bindsmith.core.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The reference API's {@code zoneConfig}, before validation. Lists and maps that were absent are
 * empty; {@code nameServerIps} maps a name server's host name to its glue address (IPv4 or IPv6).
 */
public record ZoneConfigRequest(
        OptionalLong ttl,
        Optional<SoaRequest> soa,
        List<String> nameServers,
        Map<String, String> nameServerIps,
        List<RecordRequest> records,
        List<String> primaries,
        List<String> alsoNotify,
        List<String> allowTransfer,
        Optional<String> dnssecPolicy,
        Optional<Boolean> inlineSigning) {
    public ZoneConfigRequest {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(soa, "soa");
        nameServers = List.copyOf(nameServers);
        nameServerIps = Map.copyOf(nameServerIps);
        records = List.copyOf(records);
        primaries = List.copyOf(primaries);
        alsoNotify = List.copyOf(alsoNotify);
        allowTransfer = List.copyOf(allowTransfer);
        Objects.requireNonNull(dnssecPolicy, "dnssecPolicy");
        Objects.requireNonNull(inlineSigning, "inlineSigning");
    }
}
