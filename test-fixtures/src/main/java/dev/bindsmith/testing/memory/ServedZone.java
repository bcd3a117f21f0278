package dev.bindsmith.testing.memory;

import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.Soa;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** One zone the in-memory name server serves. Mutable; guarded by the control's monitor. */
final class ServedZone {
    final ZoneName name;
    final ZoneType type;
    final Optional<String> file;
    final boolean fromConf;
    ZoneOptions options;
    boolean loaded;
    boolean frozen;
    long defaultTtl;
    Soa soa;
    /** Every record but the SOA, each with its TTL, in the server's order. */
    List<Record> records = new ArrayList<>();

    Instant lastLoaded;

    ServedZone(ZoneName name, ZoneType type, Optional<String> file, ZoneOptions options, boolean fromConf) {
        this.name = name;
        this.type = type;
        this.file = file;
        this.options = options;
        this.fromConf = fromConf;
    }

    void load(ZoneSpec spec, Instant now) {
        defaultTtl = spec.defaultTtl();
        soa = spec.soa();
        records = new ArrayList<>();
        spec.nameServers().forEach(ns -> records.add(Record.of(name.apex(), defaultTtl, new RData.Ns(ns))));
        spec.glue().forEach(r -> records.add(withTtl(r)));
        spec.records().forEach(r -> records.add(withTtl(r)));
        loaded = true;
        lastLoaded = now;
    }

    Record withTtl(Record r) {
        return r.ttl().isPresent() ? r : new Record(r.owner(), OptionalLong.of(defaultTtl), r.data());
    }

    Record soaRecord() {
        return Record.of(name.apex(), defaultTtl, new RData.StartOfAuthority(soa));
    }

    /** Distinct owner names, as named counts {@code nodes}. */
    long nodes() {
        return records.stream()
                        .map(Record::owner)
                        .filter(o -> !o.equals(name.apex()))
                        .distinct()
                        .count()
                + 1;
    }

    boolean dynamic() {
        return type == ZoneType.PRIMARY && options.dynamic();
    }
}
