package dev.bindsmith.core.service;

import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.ZoneStore;
import java.time.Clock;
import java.util.Objects;

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

    public static UseCases of(
            ZoneStore store, NameServerControl control, RecordUpdater updater, RecordReader reader, Clock clock) {
        ZoneLocks locks = new ZoneLocks();
        return new UseCases(
                new ZoneService(store, control, clock, locks),
                new RecordService(control, updater, reader, locks, clock));
    }
}
