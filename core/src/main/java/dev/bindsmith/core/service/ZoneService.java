package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.port.ZoneStore;

import java.time.Clock;
import java.util.Objects;

/**
 * The zone use cases of the reference API. Each returns an {@link Outcome} and judges a request in
 * the reference's order: valid? → does the zone exist (409 for a create of an existing zone, 404
 * otherwise)? → did the name server do it? Names arrive as the client typed them and are validated
 * here, once, before any file or command is touched.
 */
public final class ZoneService {
    private final ZoneStore store;
    private final NameServerControl control;
    private final Clock clock;

    public ZoneService(ZoneStore store, NameServerControl control, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.control = Objects.requireNonNull(control, "control");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Outcome<ZoneCreated> create(ZoneRequest request) {
        throw new UnsupportedOperationException("not yet");
    }

    public Outcome<ZoneList> list() {
        throw new UnsupportedOperationException("not yet");
    }

    public Outcome<ZoneDetails> get(String zone) {
        throw new UnsupportedOperationException("not yet");
    }

    public Outcome<ZoneStatus> status(String zone) {
        throw new UnsupportedOperationException("not yet");
    }

    public Outcome<ControlReply> modify(String zone, ZonePatchRequest patch) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Deleted (204) when the zone is gone from the server and its files are removed. */
    public Outcome<ControlReply> delete(String zone) {
        throw new UnsupportedOperationException("not yet");
    }

    public Outcome<ControlReply> reload(String zone) {
        throw new UnsupportedOperationException("not yet");
    }

    public Outcome<ControlReply> freeze(String zone) {
        throw new UnsupportedOperationException("not yet");
    }

    public Outcome<ControlReply> thaw(String zone) {
        throw new UnsupportedOperationException("not yet");
    }

    public Outcome<ControlReply> notify(String zone) {
        throw new UnsupportedOperationException("not yet");
    }

    public Outcome<ControlReply> retransfer(String zone) {
        throw new UnsupportedOperationException("not yet");
    }

    public Outcome<ServerStatus> serverStatus() {
        throw new UnsupportedOperationException("not yet");
    }

    public Outcome<ControlReply> reloadServer() {
        throw new UnsupportedOperationException("not yet");
    }
}
