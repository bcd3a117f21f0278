package dev.bindsmith.core.catalog;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.CatalogContent;
import dev.bindsmith.core.port.CatalogEdit;
import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneCatalog;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.validation.NumberRules;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ZoneCatalog} kept as an ordinary dynamic zone of the backend: created through the
 * {@link ZoneStore} and {@link NameServerControl} like any zone bindsmith creates, changed through the
 * {@link RecordUpdater} (one atomic change set per call, so its serial moves once), and read through
 * the {@link RecordReader}. On BIND these are a zone file, {@code addzone}, RFC 2136 and AXFR; on the
 * embedded backend, the embedded server's own zone.
 *
 * <p>{@code options} is the catalog zone's statement: it must let the updater change it (an
 * {@code allow-update} with the update key), and should let the secondaries transfer it and notify
 * them ({@code allow-transfer}, {@code also-notify}): the catalog names every zone, so it is not for
 * everyone to read.
 */
public final class RecordZoneCatalog implements ZoneCatalog {
    private final ZoneName name;
    private final ZoneStore store;
    private final NameServerControl control;
    private final RecordUpdater updater;
    private final RecordReader reader;
    private final ZoneOptions options;
    private final Clock clock;

    public RecordZoneCatalog(
            ZoneName name,
            ZoneStore store,
            NameServerControl control,
            RecordUpdater updater,
            RecordReader reader,
            ZoneOptions options,
            Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.store = Objects.requireNonNull(store, "store");
        this.control = Objects.requireNonNull(control, "control");
        this.updater = Objects.requireNonNull(updater, "updater");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!options.dynamic()) {
            throw new IllegalArgumentException("the catalog zone's options must allow updates");
        }
    }

    @Override
    public ZoneName name() {
        return name;
    }

    @Override
    public ZoneCatalog named(ZoneName other) {
        return new RecordZoneCatalog(other, store, control, updater, reader, options, clock);
    }

    @Override
    public Outcome<Boolean> ensureExists() {
        Outcome<ZoneStatus> status = control.zoneStatus(name);
        if (!(status instanceof Outcome.NotFound<ZoneStatus>)) {
            return status.map(s -> false);
        }
        Optional<StoredZone> kept = store.find(name);
        boolean wrote = false;
        String file;
        if (kept.isPresent()) {
            // its file outlived the server's statement (a lost NZD): serve it again, members and all
            file = kept.get().file();
        } else {
            ZoneSpec spec = CatalogRecords.emptyZone(name, NumberRules.defaultSerial(clock), options);
            Outcome<StoredZone> written = store.create(spec);
            if (written instanceof Outcome.Failure<StoredZone> failure) {
                return failure.as();
            }
            file = ((Outcome.Ok<StoredZone>) written).value().file();
            wrote = true;
        }
        Outcome<ControlReply> added =
                control.addZone(name, ZoneConfig.of(dev.bindsmith.core.zone.ZoneType.PRIMARY, file, options));
        if (added instanceof Outcome.Failure<ControlReply> failure) {
            if (wrote) {
                store.delete(name);
            }
            return failure.as();
        }
        return new Outcome.Ok<>(true);
    }

    @Override
    public Outcome<CatalogContent> read() {
        return reader.read(name).map(records -> CatalogRecords.read(name, records));
    }

    @Override
    public Outcome<Optional<CatalogMember>> member(ZoneName zone) {
        String id = CatalogIds.of(zone);
        List<Record> records = new ArrayList<>();
        for (var owner : List.of(
                CatalogIds.memberOwner(name, id),
                CatalogIds.propertyOwner(name, id, "group"),
                CatalogIds.propertyOwner(name, id, "coo"))) {
            Outcome<List<Record>> read = reader.read(name, owner);
            if (read instanceof Outcome.Failure<List<Record>> failure) {
                return failure.as();
            }
            records.addAll(((Outcome.Ok<List<Record>>) read).value());
            if (records.isEmpty()) {
                // no PTR: not a member, whatever properties may linger
                return new Outcome.Ok<>(Optional.empty());
            }
        }
        return new Outcome.Ok<>(CatalogRecords.member(name, id, records));
    }

    @Override
    public Outcome<List<CatalogEdit>> apply(List<CatalogEdit> edits) {
        List<CatalogEdit> copy = List.copyOf(edits);
        if (copy.isEmpty()) {
            return new Outcome.Ok<>(copy);
        }
        return updater.apply(name, CatalogRecords.changes(name, copy)).map(report -> copy);
    }

    @Override
    public String toString() {
        return "RecordZoneCatalog[" + name + "]";
    }
}
