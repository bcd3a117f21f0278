package dev.bindsmith.testing.builders;

import dev.bindsmith.core.service.RecordRequest;
import dev.bindsmith.core.service.SoaRequest;
import dev.bindsmith.core.service.ZoneConfigRequest;
import dev.bindsmith.core.service.ZoneRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds a {@link ZoneRequest} as a client would send it. The defaults make a valid primary:
 * TTL 3600, SOA {@code ns1.<zone>.} / {@code hostmaster.<zone>.} with serial 2026112101 and the
 * reference's timers, name server {@code ns1.<zone>.} with glue {@code 192.0.2.53}, no records.
 * Every field can be removed or set to a raw (possibly invalid) value, to test validation.
 */
public final class ZoneRequestBuilder {
    private Optional<String> zoneName;
    private Optional<String> zoneType = Optional.of("primary");
    private Optional<String> updateKeyName = Optional.empty();
    private boolean withConfig = true;
    private OptionalLong ttl = OptionalLong.of(3600);
    private boolean withSoa = true;
    private Optional<String> primaryNs;
    private Optional<String> adminEmail;
    private OptionalLong serial = OptionalLong.of(2026112101L);
    private OptionalLong refresh = OptionalLong.empty();
    private OptionalLong retry = OptionalLong.empty();
    private OptionalLong expire = OptionalLong.empty();
    private OptionalLong negativeTtl = OptionalLong.empty();
    private final List<String> nameServers = new ArrayList<>();
    private final Map<String, String> nameServerIps = new LinkedHashMap<>();
    private final List<RecordRequest> records = new ArrayList<>();
    private final List<String> primaries = new ArrayList<>();
    private final List<String> alsoNotify = new ArrayList<>();
    private final List<String> allowTransfer = new ArrayList<>();
    private Optional<String> dnssecPolicy = Optional.empty();
    private Optional<Boolean> inlineSigning = Optional.empty();
    private Optional<String> catalogGroup = Optional.empty();

    ZoneRequestBuilder(String zoneName) {
        this.zoneName = Optional.of(zoneName);
        String base = zoneName.endsWith(".") ? zoneName : zoneName + ".";
        this.primaryNs = Optional.of("ns1." + base);
        this.adminEmail = Optional.of("hostmaster." + base);
        this.nameServers.add("ns1." + base);
        this.nameServerIps.put("ns1." + base, "192.0.2.53");
    }

    public ZoneRequestBuilder primary() {
        zoneType = Optional.of("primary");
        return this;
    }

    /** A secondary transferring from {@code primaries} ({@code ip}, {@code ip:port} or {@code [v6]:port}). */
    public ZoneRequestBuilder secondary(String... primaries) {
        zoneType = Optional.of("secondary");
        this.primaries.clear();
        this.primaries.addAll(List.of(primaries));
        return this;
    }

    /** The raw {@code zoneType}, for example {@code master} (which is rejected). */
    public ZoneRequestBuilder zoneType(String raw) {
        zoneType = Optional.of(raw);
        return this;
    }

    public ZoneRequestBuilder withoutZoneType() {
        zoneType = Optional.empty();
        return this;
    }

    /** The raw {@code zoneName}, for example {@code ../../etc/x}. */
    public ZoneRequestBuilder zoneName(String raw) {
        zoneName = Optional.of(raw);
        return this;
    }

    public ZoneRequestBuilder withoutZoneName() {
        zoneName = Optional.empty();
        return this;
    }

    public ZoneRequestBuilder withoutZoneConfig() {
        withConfig = false;
        return this;
    }

    public ZoneRequestBuilder ttl(long ttl) {
        this.ttl = OptionalLong.of(ttl);
        return this;
    }

    public ZoneRequestBuilder withoutTtl() {
        this.ttl = OptionalLong.empty();
        return this;
    }

    public ZoneRequestBuilder withoutSoa() {
        withSoa = false;
        return this;
    }

    public ZoneRequestBuilder primaryNs(String raw) {
        primaryNs = Optional.of(raw);
        return this;
    }

    public ZoneRequestBuilder withoutPrimaryNs() {
        primaryNs = Optional.empty();
        return this;
    }

    public ZoneRequestBuilder adminEmail(String raw) {
        adminEmail = Optional.of(raw);
        return this;
    }

    public ZoneRequestBuilder serial(long serial) {
        this.serial = OptionalLong.of(serial);
        return this;
    }

    /** No serial: the service's clock decides ({@code YYYYMMDD01}). */
    public ZoneRequestBuilder withoutSerial() {
        this.serial = OptionalLong.empty();
        return this;
    }

    public ZoneRequestBuilder timers(long refresh, long retry, long expire, long negativeTtl) {
        this.refresh = OptionalLong.of(refresh);
        this.retry = OptionalLong.of(retry);
        this.expire = OptionalLong.of(expire);
        this.negativeTtl = OptionalLong.of(negativeTtl);
        return this;
    }

    public ZoneRequestBuilder refresh(long refresh) {
        this.refresh = OptionalLong.of(refresh);
        return this;
    }

    /** Removes the default name server and its glue. */
    public ZoneRequestBuilder withoutNameServers() {
        nameServers.clear();
        nameServerIps.clear();
        return this;
    }

    /** Adds a name server; with a non-empty {@code glue} address also its glue. */
    public ZoneRequestBuilder nameServer(String host, String glue) {
        nameServers.add(host);
        if (!glue.isEmpty()) {
            nameServerIps.put(host, glue);
        }
        return this;
    }

    public ZoneRequestBuilder nameServer(String host) {
        return nameServer(host, "");
    }

    public ZoneRequestBuilder withRecord(String name, String type, String value) {
        records.add(TestZones.record(name, type, value));
        return this;
    }

    public ZoneRequestBuilder withRecord(RecordRequest record) {
        records.add(record);
        return this;
    }

    public ZoneRequestBuilder alsoNotify(String... entries) {
        alsoNotify.addAll(List.of(entries));
        return this;
    }

    public ZoneRequestBuilder allowTransfer(String... entries) {
        allowTransfer.addAll(List.of(entries));
        return this;
    }

    public ZoneRequestBuilder updateKeyName(String raw) {
        updateKeyName = Optional.of(raw);
        return this;
    }

    public ZoneRequestBuilder dnssecPolicy(String raw) {
        dnssecPolicy = Optional.of(raw);
        return this;
    }

    public ZoneRequestBuilder inlineSigning(boolean on) {
        inlineSigning = Optional.of(on);
        return this;
    }

    /** The group of the zone's catalog member (RFC 9432). */
    public ZoneRequestBuilder catalogGroup(String raw) {
        catalogGroup = Optional.of(raw);
        return this;
    }

    public ZoneRequest build() {
        Optional<SoaRequest> soa = withSoa
                ? Optional.of(new SoaRequest(primaryNs, adminEmail, serial, refresh, retry, expire, negativeTtl))
                : Optional.empty();
        Optional<ZoneConfigRequest> config = withConfig
                ? Optional.of(new ZoneConfigRequest(
                        ttl,
                        soa,
                        nameServers,
                        nameServerIps,
                        records,
                        primaries,
                        alsoNotify,
                        allowTransfer,
                        dnssecPolicy,
                        inlineSigning))
                : Optional.empty();
        return new ZoneRequest(zoneName, zoneType, config, updateKeyName, catalogGroup);
    }
}
