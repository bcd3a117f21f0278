package dev.bindsmith.http.backend;

import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.Soa;
import dev.bindsmith.core.zone.ZoneSpec;

/**
 * The master file of a zone as created, for BIND's {@code FileZoneStore}. Every value comes from
 * validated core types whose presentation cannot break out of its line. (Core's own master-file
 * writer replaces this once it exists; until then this is the one the BIND backend uses.)
 */
final class MasterFiles {
    private MasterFiles() {
    }

    static String render(ZoneSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append("; written by bindsmith\n");
        sb.append("$ORIGIN ").append(spec.name().absolute()).append('\n');
        sb.append("$TTL ").append(spec.defaultTtl()).append('\n');
        Soa soa = spec.soa();
        sb.append("@\tIN\tSOA\t").append(soa.primaryNs().absolute()).append(' ').append(soa.adminMailbox().absolute())
                .append(" ( ").append(soa.serial()).append(' ').append(soa.refresh()).append(' ').append(soa.retry())
                .append(' ').append(soa.expire()).append(' ').append(soa.negativeTtl()).append(" )\n");
        spec.nameServers().forEach(ns -> sb.append("@\tIN\tNS\t").append(ns.absolute()).append('\n'));
        spec.glue().forEach(r -> line(sb, r));
        spec.records().forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, Record r) {
        sb.append(r.owner().absolute()).append('\t');
        r.ttl().ifPresent(ttl -> sb.append(ttl).append('\t'));
        String type = r.data() instanceof RData.Unknown u ? "TYPE" + u.typeCode() : r.type().name();
        sb.append("IN\t").append(type).append('\t').append(r.data().presentation()).append('\n');
    }
}
