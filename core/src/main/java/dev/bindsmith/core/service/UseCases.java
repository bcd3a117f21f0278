package dev.bindsmith.core.service;

import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneName;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The zone and record use cases over one backend's ports, sharing one set of per-zone locks: a record
 * change and a delete of its zone never run at the same time. Build it once per process.
 *
 * <pre>{@code
 * UseCases app = UseCases.of(store, control, updater, reader, Clock.systemUTC());
 * app.zones().create(request);
 * app.records().add("example.com", record);
 * }</pre>
 */
public record UseCases(ZoneService zones, RecordService records) {
    public UseCases {
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(records, "records");
    }

    /**
     * Runs {@code work} holding the zone's lock, the one every use case on that zone takes (reentrant, so
     * {@code work} may call them): nothing else changes the zone meanwhile. For a decorator that must see
     * the zone just before and just after one use case, such as an audit trail reading the serial.
     */
    public <T> T exclusively(ZoneName zone, Supplier<T> work) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(work, "work");
        return zones.locks().with(zone, work);
    }

    public static UseCases of(
            ZoneStore store, NameServerControl control, RecordUpdater updater, RecordReader reader, Clock clock) {
        ZoneLocks locks = new ZoneLocks();
        return new UseCases(
                new ZoneService(store, control, clock, locks), new RecordService(control, updater, reader, locks));
    }
}
