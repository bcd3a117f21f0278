package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
    private final ZoneLocks locks;
    private final CatalogMembership catalog;

    /** Zone use cases with locks of their own; {@link UseCases#of} shares one lock set with the record use cases. */
    public ZoneService(ZoneStore store, NameServerControl control, Clock clock) {
        this(store, control, clock, new ZoneLocks());
    }

    ZoneService(ZoneStore store, NameServerControl control, Clock clock, ZoneLocks locks) {
        this(store, control, clock, locks, CatalogMembership.none());
    }

    ZoneService(ZoneStore store, NameServerControl control, Clock clock, ZoneLocks locks, CatalogMembership catalog) {
        this.store = Objects.requireNonNull(store, "store");
        this.control = Objects.requireNonNull(control, "control");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** The per-zone locks this service takes: {@link UseCases#exclusively} holds the same. */
    ZoneLocks locks() {
        return locks;
    }

    /**
     * Created (201, location {@code zones/<name>}) when the zone's file is written and the name server
     * serves it. Nothing is written unless the request is valid and no zone of that name exists, in
     * the store or on the server (a zone from named.conf counts); if the server then refuses the
     * zone, the file this request wrote is removed, and only that file.
     */
    public Outcome<ZoneCreated> create(ZoneRequest request) {
        Objects.requireNonNull(request, "request");
        Outcome<ZoneSpec> validated = ZoneRequests.validate(request, clock);
        if (validated instanceof Outcome.Failure<ZoneSpec> failure) {
            return failure.as();
        }
        ZoneSpec spec = value(validated);
        // catalog (RFC 9432): the created zone becomes a member in the same step, or is removed again
        return locks.with(
                spec.name(),
                () -> catalog.create(spec.name(), request.catalogGroup(), () -> createLocked(spec), this::undoCreate));
    }

    /** Removes a zone this request has just created (its catalog member could not be added). */
    private void undoCreate(ZoneName name) {
        control.deleteZone(name);
        store.delete(name);
    }

    private Outcome<ZoneCreated> createLocked(ZoneSpec spec) {
        ZoneName name = spec.name();
        if (store.find(name).isPresent()) {
            return exists(name);
        }
        Outcome<ZoneStatus> status = control.zoneStatus(name);
        if (!(status instanceof Outcome.NotFound<ZoneStatus>)) {
            if (status instanceof Outcome.Failure<ZoneStatus> failure) {
                return failure.as(); // unreachable, or refused: write nothing
            }
            return exists(name);
        }
        Outcome<StoredZone> written = store.create(spec);
        if (written instanceof Outcome.Failure<StoredZone> failure) {
            return failure.as();
        }
        StoredZone stored = value(written);
        Outcome<ControlReply> added = control.addZone(name, ZoneConfig.of(spec.type(), stored.file(), spec.options()));
        if (added instanceof Outcome.Failure<ControlReply> failure) {
            // The store's create succeeded, so the file is this request's: remove it, and only it.
            store.delete(name);
            return failure.as();
        }
        String details =
                added instanceof Outcome.Ok<ControlReply> ok ? ok.value().text() : "";
        return created(stored, details);
    }

    private static Outcome<ZoneCreated> created(StoredZone stored, String details) {
        return new Outcome.Created<>(
                new ZoneCreated(stored.name(), stored.type(), stored.file(), details),
                "zones/" + stored.name().value());
    }

    private static <T> Outcome<T> exists(ZoneName name) {
        return Outcome.zoneExists(name.value(), "Zone '" + name + "' already exists");
    }

    /** Every zone bindsmith manages (the store's view), sorted by name. */
    public Outcome<ZoneList> list() {
        return new Outcome.Ok<>(new ZoneList(store.list()));
    }

    /** The zone's status from the server, with its master file when bindsmith manages it. */
    public Outcome<ZoneDetails> get(String zone) {
        return withName(
                zone,
                name -> control.zoneStatus(name)
                        .map(status ->
                                new ZoneDetails(name, status, store.find(name).map(StoredZone::file))));
    }

    public Outcome<ZoneStatus> status(String zone) {
        return withName(zone, control::zoneStatus);
    }

    /** Changes the zone's options; every violation of the name and the patch is reported at once. */
    public Outcome<ControlReply> modify(String zone, ZonePatchRequest patch) {
        Objects.requireNonNull(patch, "patch");
        Optional<Violation> badName = nameViolation(zone);
        Outcome<ZonePatch> validated = ZoneRequests.validate(patch);
        if (validated instanceof Outcome.Failure<ZonePatch> failure) {
            return badName.isPresent() ? withNameViolation(badName.get(), failure) : failure.as();
        }
        if (badName.isPresent()) {
            return invalidName(badName.get());
        }
        ZoneName name = ZoneName.of(zone);
        ZonePatch zonePatch = value(validated);
        return locks.with(name, () -> control.modifyZone(name, zonePatch));
    }

    /**
     * Deleted (204) when the zone is gone from the server and its files are removed. A zone the
     * server no longer has but the store still holds (an orphan of an earlier failure) is cleaned up
     * and reported Deleted too; a zone neither has is NotFound.
     */
    public Outcome<ControlReply> delete(String zone) {
        // catalog (RFC 9432): the member goes first, and comes back when the delete fails
        return withName(zone, name -> locks.with(name, () -> catalog.delete(name, () -> deleteLocked(name))));
    }

    private Outcome<ControlReply> deleteLocked(ZoneName name) {
        // A zone declared in named.conf comes back at named's next start, and its file is the
        // operator's, even when it sits in the zone directory: unload it, never remove its files.
        boolean fromConfiguration = control.zoneStatus(name) instanceof Outcome.Ok<ZoneStatus> ok
                && !ok.value().reconfigurable();
        Outcome<ControlReply> removed = control.deleteZone(name);
        if (removed instanceof Outcome.NotFound<ControlReply> notFound) {
            if (store.find(name).isEmpty()) {
                return notFound;
            }
        } else if (removed instanceof Outcome.Failure<ControlReply> failure) {
            return failure;
        }
        if (fromConfiguration) {
            return new Outcome.Deleted<>();
        }
        Outcome<StoredZone> files = store.delete(name);
        if (files instanceof Outcome.Failure<StoredZone> failure
                && !(failure instanceof Outcome.NotFound<StoredZone>)) {
            return failure.as();
        }
        // NotFound from the store is fine: a zone from named.conf has no file of ours
        return new Outcome.Deleted<>();
    }

    public Outcome<ControlReply> reload(String zone) {
        return command(zone, control::reload);
    }

    public Outcome<ControlReply> freeze(String zone) {
        return command(zone, control::freeze);
    }

    public Outcome<ControlReply> thaw(String zone) {
        return command(zone, control::thaw);
    }

    public Outcome<ControlReply> notify(String zone) {
        return command(zone, control::notify);
    }

    public Outcome<ControlReply> retransfer(String zone) {
        return command(zone, control::retransfer);
    }

    public Outcome<ServerStatus> serverStatus() {
        return control.serverStatus();
    }

    public Outcome<ControlReply> reloadServer() {
        return control.reloadServer();
    }

    // ---- names ----

    private Outcome<ControlReply> command(String zone, Function<ZoneName, Outcome<ControlReply>> body) {
        return withName(zone, name -> locks.with(name, () -> body.apply(name)));
    }

    /** Runs {@code body} with the validated name, or returns 400 before any port is called. */
    private static <T> Outcome<T> withName(String zone, Function<ZoneName, Outcome<T>> body) {
        Optional<Violation> bad = nameViolation(zone);
        if (bad.isPresent()) {
            return invalidName(bad.get());
        }
        return body.apply(ZoneName.of(zone));
    }

    private static Optional<Violation> nameViolation(String zone) {
        return ZoneName.problem(zone).map(problem -> Violation.malformed("name", problem));
    }

    private static <T> Outcome<T> invalidName(Violation violation) {
        // the raw name is not echoed in the context: it may hold control characters
        return new Outcome.Invalid<>(ErrorCode.INVALID_ZONE_NAME, "Invalid zone name", List.of(violation), Map.of());
    }

    private static <T> Outcome<T> withNameViolation(Violation name, Outcome.Failure<?> failure) {
        List<Violation> all = new ArrayList<>();
        all.add(name);
        if (failure instanceof Outcome.Invalid<?> invalid) {
            all.addAll(invalid.violations());
        } else if (failure instanceof Outcome.Unprocessable<?> unprocessable) {
            all.addAll(unprocessable.violations());
        }
        return Outcome.invalid(all);
    }

    /** The value of a success that carries one (validation and the ports answer Ok, or Created). */
    private static <T> T value(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Ok<T> ok -> ok.value();
            case Outcome.Created<T> created -> created.value();
            case Outcome.Deleted<T> deleted -> throw new IllegalStateException("a success without a value");
            case Outcome.Failure<T> failure -> throw new IllegalStateException("not a success: " + failure);
        };
    }
}
