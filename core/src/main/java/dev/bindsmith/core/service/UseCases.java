package dev.bindsmith.core.service;

import dev.bindsmith.core.port.DnssecControl;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.SoaAnswer;
import dev.bindsmith.core.port.SoaProbe;
import dev.bindsmith.core.port.ZoneCatalog;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The use cases over one backend's ports, sharing one set of per-zone locks: a record change and a
 * delete of its zone never run at the same time, and a catalog reconciliation runs while nothing
 * else does. Build it once per process.
 *
 * <pre>{@code
 * UseCases app = UseCases.of(store, control, updater, reader, Clock.systemUTC());
 * app.zones().create(request);
 * app.records().add("example.com", record);
 * }</pre>
 *
 * A fleet — a catalog zone the secondaries consume, the secondaries to check, a backend that signs —
 * is added with {@link #builder}.
 */
public record UseCases(
        ZoneService zones,
        RecordService records,
        CatalogService catalog,
        PropagationService propagation,
        DnssecService dnssec) {
    public UseCases {
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(propagation, "propagation");
        Objects.requireNonNull(dnssec, "dnssec");
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

    /** One server, no catalog, no secondaries, no DNSSEC operations. */
    public static UseCases of(
            ZoneStore store, NameServerControl control, RecordUpdater updater, RecordReader reader, Clock clock) {
        return builder(store, control, updater, reader, clock).build();
    }

    public static Builder builder(
            ZoneStore store, NameServerControl control, RecordUpdater updater, RecordReader reader, Clock clock) {
        return new Builder(store, control, updater, reader, clock);
    }

    /** The ports of one backend, and what it has of a fleet. */
    public static final class Builder {
        private final ZoneStore store;
        private final NameServerControl control;
        private final RecordUpdater updater;
        private final RecordReader reader;
        private final Clock clock;
        private Optional<ZoneCatalog> catalog = Optional.empty();
        private Optional<ZoneName> catalogMoveFrom = Optional.empty();
        private List<Endpoint> secondaries = List.of();
        private SoaProbe probe = (server, zone) -> new SoaAnswer.NoAnswer(server, "no probe configured");
        private PropagationService.Pause pause = d -> Thread.sleep(d.toMillis());
        private Optional<DnssecControl> dnssec = Optional.empty();
        private Optional<ZoneService.ServedBy> servedBy = Optional.empty();
        private boolean newNamesFirst;

        private Builder(
                ZoneStore store, NameServerControl control, RecordUpdater updater, RecordReader reader, Clock clock) {
            this.store = Objects.requireNonNull(store, "store");
            this.control = Objects.requireNonNull(control, "control");
            this.updater = Objects.requireNonNull(updater, "updater");
            this.reader = Objects.requireNonNull(reader, "reader");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The catalog zone created and deleted zones join and leave (RFC 9432). */
        public Builder catalog(ZoneCatalog catalog) {
            this.catalog = Optional.of(catalog);
            return this;
        }

        /** The catalog the managed zones are moving away from: a reconciliation sets their {@code coo} there. */
        public Builder catalogMoveFrom(ZoneName previous) {
            this.catalogMoveFrom = Optional.of(previous);
            return this;
        }

        /** The name servers that should serve what bindsmith manages, and how to ask them. */
        public Builder secondaries(List<Endpoint> servers, SoaProbe probe) {
            this.secondaries = List.copyOf(servers);
            this.probe = Objects.requireNonNull(probe, "probe");
            return this;
        }

        /**
         * Where the name server itself answers DNS for the zones it manages, and how to ask it: a zone's
         * serial ({@link ZoneService#servedSerial}) is then asked there rather than of the control channel.
         */
        public Builder servedBy(Endpoint server, SoaProbe probe) {
            this.servedBy = Optional.of(new ZoneService.ServedBy(
                    Objects.requireNonNull(server, "server"), Objects.requireNonNull(probe, "probe")));
            return this;
        }

        /**
         * Adds are first sent as to names that own nothing, unread: a change set that only adds records
         * (to names other than the apex) is planned as if its names were new and sent requiring each
         * name not in use (RFC 2136 §2.4.5). A new name, the usual add, then costs the name server one
         * round trip rather than a read and an update; a name that owns records makes the server refuse
         * the set whole, unchanged, and the names are read and the set planned as without this. For a
         * backend whose reads are round trips to the name server (BIND); the embedded server reads its
         * own memory.
         */
        public Builder newNamesFirst() {
            this.newNamesFirst = true;
            return this;
        }

        /** How a propagation check waits between rounds (tests move a clock instead of sleeping). */
        public Builder propagationPause(PropagationService.Pause pause) {
            this.pause = Objects.requireNonNull(pause, "pause");
            return this;
        }

        /** The backend's DNSSEC key management; without it the DNSSEC use cases answer that it is not supported. */
        public Builder dnssec(DnssecControl dnssec) {
            this.dnssec = Optional.of(dnssec);
            return this;
        }

        public UseCases build() {
            ZoneLocks locks = new ZoneLocks();
            return new UseCases(
                    new ZoneService(store, control, clock, locks, new CatalogMembership(catalog), servedBy),
                    new RecordService(control, updater, reader, locks, clock, newNamesFirst),
                    new CatalogService(catalog, catalogMoveFrom, store, locks),
                    new PropagationService(control, probe, secondaries, clock, pause),
                    new DnssecService(control, dnssec, locks));
        }
    }
}
