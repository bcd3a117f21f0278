package dev.bindsmith.testing.memory;

import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.Soa;
import dev.bindsmith.core.zone.ZoneSpec;

/**
 * A plain master-file rendering of a spec, so that the in-memory store holds bytes a test can compare.
 * It is not the production writer (core's validation module owns that): it only has to be
 * deterministic, and different for different specs.
 */
final class MasterFileText {
    private MasterFileText() {
    }

    static String render(ZoneSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append("$ORIGIN ").append(spec.name().absolute()).append('\n');
        sb.append("$TTL ").append(spec.defaultTtl()).append('\n');
        Soa soa = spec.soa();
        sb.append("@ IN SOA ").append(soa.primaryNs().absolute()).append(' ').append(soa.adminMailbox().absolute())
                .append(' ').append(soa.serial()).append(' ').append(soa.refresh()).append(' ').append(soa.retry())
                .append(' ').append(soa.expire()).append(' ').append(soa.negativeTtl()).append('\n');
        spec.nameServers().forEach(ns -> sb.append("@ IN NS ").append(ns.absolute()).append('\n'));
        spec.glue().forEach(r -> line(sb, r));
        spec.records().forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, Record r) {
        sb.append(r.owner().absolute());
        r.ttl().ifPresent(ttl -> sb.append(' ').append(ttl));
        sb.append(" IN ").append(r.type().name()).append(' ').append(r.data().presentation()).append('\n');
    }
}
