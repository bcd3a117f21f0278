package dev.bindsmith.testing.builders;

import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.Soa;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a validated {@link ZoneSpec}. Defaults: a primary with TTL 3600, SOA
 * {@code ns1.<zone>} / {@code hostmaster.<zone>} serial 2026112101 and the reference's timers, name
 * server {@code ns1.<zone>} with glue {@code 192.0.2.53}, no records, no options (not dynamic).
 */
public final class ZoneSpecBuilder {
    private final ZoneName name;
    private ZoneType type = ZoneType.PRIMARY;
    private long defaultTtl = 3600;
    private long serial = 2026112101L;
    private final List<DomainName> nameServers = new ArrayList<>();
    private final List<Record> glue = new ArrayList<>();
    private final List<Record> records = new ArrayList<>();
    private final List<Endpoint> primaries = new ArrayList<>();
    private final List<Endpoint> alsoNotify = new ArrayList<>();
    private final List<AddressMatch> allowTransfer = new ArrayList<>();
    private final List<AddressMatch> allowUpdate = new ArrayList<>();
    private Optional<String> dnssecPolicy = Optional.empty();
    private Optional<Boolean> inlineSigning = Optional.empty();

    ZoneSpecBuilder(String zoneName) {
        this.name = ZoneName.of(zoneName);
        nameServers.add(DomainName.of("ns1." + name.value()));
        glue.add(Records.a("ns1." + name.value(), "192.0.2.53"));
    }

    public ZoneSpecBuilder primary() {
        type = ZoneType.PRIMARY;
        return this;
    }

    /** A secondary transferring from {@code primaries}. Its SOA is a placeholder that is never written. */
    public ZoneSpecBuilder secondary(Endpoint... primaries) {
        type = ZoneType.SECONDARY;
        this.primaries.clear();
        this.primaries.addAll(List.of(primaries));
        return this;
    }

    public ZoneSpecBuilder defaultTtl(long ttl) {
        defaultTtl = ttl;
        return this;
    }

    public ZoneSpecBuilder serial(long serial) {
        this.serial = serial;
        return this;
    }

    public ZoneSpecBuilder withoutNameServers() {
        nameServers.clear();
        glue.clear();
        return this;
    }

    public ZoneSpecBuilder nameServer(String host) {
        nameServers.add(DomainName.of(host));
        return this;
    }

    public ZoneSpecBuilder glue(Record record) {
        glue.add(record);
        return this;
    }

    public ZoneSpecBuilder record(Record record) {
        records.add(record);
        return this;
    }

    /** Accepts dynamic updates from 127.0.0.1 and ::1 ({@code allow-update { 127.0.0.1; ::1; };}). */
    public ZoneSpecBuilder dynamic() {
        allowUpdate.add(Records.match("127.0.0.1"));
        allowUpdate.add(Records.match("::1"));
        return this;
    }

    public ZoneSpecBuilder allowUpdate(AddressMatch... elements) {
        allowUpdate.addAll(List.of(elements));
        return this;
    }

    public ZoneSpecBuilder allowTransfer(AddressMatch... elements) {
        allowTransfer.addAll(List.of(elements));
        return this;
    }

    public ZoneSpecBuilder alsoNotify(Endpoint... endpoints) {
        alsoNotify.addAll(List.of(endpoints));
        return this;
    }

    public ZoneSpecBuilder dnssecPolicy(String policy) {
        dnssecPolicy = Optional.of(policy);
        return this;
    }

    public ZoneSpecBuilder inlineSigning(boolean on) {
        inlineSigning = Optional.of(on);
        return this;
    }

    public ZoneOptions options() {
        return new ZoneOptions(primaries, alsoNotify, allowTransfer, allowUpdate, dnssecPolicy, inlineSigning);
    }

    public ZoneSpec build() {
        Soa soa = new Soa(
                DomainName.of("ns1." + name.value()),
                DomainName.of("hostmaster." + name.value()),
                serial,
                Soa.DEFAULT_REFRESH,
                Soa.DEFAULT_RETRY,
                Soa.DEFAULT_EXPIRE,
                Soa.DEFAULT_NEGATIVE_TTL);
        return new ZoneSpec(name, type, defaultTtl, soa, nameServers, glue, records, options());
    }
}
