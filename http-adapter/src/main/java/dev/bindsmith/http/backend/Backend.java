package dev.bindsmith.http.backend;

import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.service.ZoneService;

import java.time.Clock;
import java.util.Objects;

/**
 * A running backend: the four ports of BIND or of the embedded name server, and the use cases built
 * on them. Closing it releases what it holds (the embedded server's sockets, rndc sessions).
 */
public final class Backend implements AutoCloseable {
    private final BackendKind kind;
    private final String description;
    private final ZoneStore zoneStore;
    private final NameServerControl control;
    private final RecordUpdater recordUpdater;
    private final RecordReader recordReader;
    private final ZoneService zoneService;
    private final AutoCloseable resources;

    private Backend(BackendKind kind, String description, ZoneStore zoneStore, NameServerControl control,
                    RecordUpdater recordUpdater, RecordReader recordReader, Clock clock, AutoCloseable resources) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.description = Objects.requireNonNull(description, "description");
        this.zoneStore = Objects.requireNonNull(zoneStore, "zoneStore");
        this.control = Objects.requireNonNull(control, "control");
        this.recordUpdater = Objects.requireNonNull(recordUpdater, "recordUpdater");
        this.recordReader = Objects.requireNonNull(recordReader, "recordReader");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.zoneService = new ZoneService(zoneStore, control, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * A backend from ports built elsewhere (tests, an embedding application). {@code resources} is
     * closed with the backend; {@code description} is what {@link #describe()} says.
     */
    public static Backend of(BackendKind kind, String description, ZoneStore zoneStore, NameServerControl control,
                             RecordUpdater recordUpdater, RecordReader recordReader, Clock clock,
                             AutoCloseable resources) {
        return new Backend(kind, description, zoneStore, control, recordUpdater, recordReader, clock, resources);
    }

    public BackendKind kind() {
        return kind;
    }

    /** Which backend and where, for start-up output: {@code embedded: DNS on 127.0.0.1:8053, zone files in …}. */
    public String describe() {
        return description;
    }

    public ZoneStore zoneStore() {
        return zoneStore;
    }

    public NameServerControl control() {
        return control;
    }

    public RecordUpdater recordUpdater() {
        return recordUpdater;
    }

    public RecordReader recordReader() {
        return recordReader;
    }

    public ZoneService zoneService() {
        return zoneService;
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the " + kind.wireName() + " backend failed", e);
        }
    }
}
