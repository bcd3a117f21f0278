package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.SoaAnswer;
import dev.bindsmith.core.port.SoaProbe;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.UnfinishedChange;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The zone use cases of the reference API. Each returns an {@link Outcome} and judges a request in
 * the reference's order: valid? → does the zone exist (409 for a create of an existing zone, 404
 * otherwise)? → did the name server do it? Names arrive as the client typed them and are validated
 * here, once, before any file or command is touched.
 */
public final class ZoneService {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private volatile Optional<ReconcileReport> lastReconcile = Optional.empty();
    private final ZoneStore store;
    private final NameServerControl control;
    private final Clock clock;
    private final ZoneLocks locks;
    private final ZoneReconciler reconciler;
    private final CatalogMembership catalog;
    /** Where the name server answers DNS, and how to ask it for a zone's SOA; empty: ask its control channel. */
    private final Optional<ServedBy> servedBy;

    /** The name server's DNS endpoint and the probe that asks it. */
    record ServedBy(Endpoint server, SoaProbe probe) {}

    /** Zone use cases with locks of their own; {@link UseCases#of} shares one lock set with the record use cases. */
    public ZoneService(ZoneStore store, NameServerControl control, Clock clock) {
        this(store, control, clock, new ZoneLocks());
    }

    ZoneService(ZoneStore store, NameServerControl control, Clock clock, ZoneLocks locks) {
        this(store, control, clock, locks, CatalogMembership.none());
    }

    ZoneService(ZoneStore store, NameServerControl control, Clock clock, ZoneLocks locks, CatalogMembership catalog) {
        this(store, control, clock, locks, catalog, Optional.empty());
    }

    ZoneService(
            ZoneStore store,
            NameServerControl control,
            Clock clock,
            ZoneLocks locks,
            CatalogMembership catalog,
            Optional<ServedBy> servedBy) {
        this.servedBy = Objects.requireNonNull(servedBy, "servedBy");
        this.store = Objects.requireNonNull(store, "store");
        this.control = Objects.requireNonNull(control, "control");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.reconciler = new ZoneReconciler(store, control, clock, locks);
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** The per-zone locks this service takes: {@link UseCases#exclusively} holds the same. */
    ZoneLocks locks() {
        return locks;
    }

    /**
     * Created (201, location {@code zones/<name>}) when the zone's file is written and the name server
     * serves it. Nothing is written unless the request is valid and the store holds no zone of that
     * name; the name server's own {@code addzone} answers for a zone it has that the store does not
     * (named.conf). A zone the store holds but the name server does not serve (an orphan of a crash, or
     * a file an earlier tool left) is set aside, its files kept, and the create goes on, so that a
     * create never answers 409 for a zone whose status is 404.
     *
     * <p>When the server refuses the zone, the file this request wrote is removed, and only that file.
     * When its reply is lost (the command may have run), the server is asked: the file is kept when it
     * serves the zone from it (Created), removed when it does not; when it cannot be asked, the file is
     * kept and the answer is {@code BACKEND_OUTCOME_UNKNOWN}: a retry, or the reconcile, settles it.
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
        Optional<StoredZone> held = store.find(name);
        if (held.isPresent()) {
            Optional<Outcome<ZoneCreated>> answer = clearTheWay(name, held.get());
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        Outcome<StoredZone> written = store.create(spec);
        if (written instanceof Outcome.Conflict<StoredZone> && held.isEmpty()) {
            // a file appeared that the store had not recorded (another tool): settled as a held zone
            Optional<StoredZone> appeared = store.find(name);
            if (appeared.isPresent()) {
                Optional<Outcome<ZoneCreated>> answer = clearTheWay(name, appeared.get());
                if (answer.isPresent()) {
                    return answer.get();
                }
                written = store.create(spec);
            }
        }
        if (written instanceof Outcome.Failure<StoredZone> failure) {
            return failure.as();
        }
        StoredZone stored = value(written);
        Outcome<ControlReply> added = control.addZone(name, ZoneConfig.of(spec.type(), stored.file(), spec.options()));
        return switch (added) {
            case Outcome.Ok<ControlReply> ok -> {
                store.created(name);
                yield created(stored, ok.value().text());
            }
            case Outcome.Created<ControlReply> ok -> {
                store.created(name);
                yield created(stored, ok.value().text());
            }
            case Outcome.Deleted<ControlReply> deleted -> {
                store.created(name);
                yield created(stored, "");
            }
            // "already exists" may be our own add, retried after its reply was lost: ask which
            case Outcome.Conflict<ControlReply> exists -> settleAdd(spec, stored, exists);
            case Outcome.BackendFailed<ControlReply> failed
            when failed.code() == ErrorCode.BACKEND_OUTCOME_UNKNOWN -> settleAdd(spec, stored, failed);
            case Outcome.Failure<ControlReply> refused -> {
                // The store's create succeeded, so the file is this request's: remove it, and only it.
                store.delete(name);
                yield refused.as();
            }
        };
    }

    /**
     * The store holds the zone already: 409 when the name server serves it. When it does not, the
     * store's files are in the way of a zone nobody serves: an unfinished create or delete of ours is
     * undone or finished, anything else is set aside, and the create goes on (empty).
     */
    private Optional<Outcome<ZoneCreated>> clearTheWay(ZoneName name, StoredZone held) {
        Outcome<ZoneStatus> status = control.zoneStatus(name);
        if (status instanceof Outcome.Ok<ZoneStatus>) {
            if (store.unfinished(name).isPresent()) {
                store.created(name);
            }
            return Optional.of(exists(name));
        }
        if (!(status instanceof Outcome.NotFound<ZoneStatus>)) {
            return Optional.of(((Outcome.Failure<ZoneStatus>) status).as());
        }
        boolean ours = store.unfinished(name)
                .map(u -> u.kind() != UnfinishedChange.Kind.FOUND)
                .orElse(false);
        Outcome<StoredZone> cleared = ours ? store.delete(name) : store.setAside(name);
        if (cleared instanceof Outcome.Failure<StoredZone> failure
                && !(failure instanceof Outcome.NotFound<StoredZone>)) {
            return Optional.of(failure.as());
        }
        return Optional.empty();
    }

    /**
     * The add's outcome is not known from its reply ({@code failure}): a lost reply, or "already exists"
     * that may be our own add retried. The name server says whether it serves the zone from our file.
     */
    private Outcome<ZoneCreated> settleAdd(ZoneSpec spec, StoredZone stored, Outcome.Failure<ControlReply> failure) {
        ZoneName name = spec.name();
        Outcome<ZoneStatus> now = control.zoneStatus(name);
        if (now instanceof Outcome.Ok<ZoneStatus> ok) {
            if (servesFrom(ok.value(), spec, stored)) {
                store.created(name);
                return created(stored, "");
            }
            store.delete(name); // the server has the zone from elsewhere (named.conf): ours is not wanted
            return exists(name);
        }
        if (now instanceof Outcome.NotFound<ZoneStatus>) {
            store.delete(name); // it did not take
            return failure instanceof Outcome.Conflict<ControlReply>
                    ? exists(name)
                    : Outcome.backendUnreachable(
                            "addzone",
                            failure.details() + "; named does not have zone '" + name
                                    + "': it was not added, and its file was removed");
        }
        // Neither reply nor status: the file stays, so that a zone named may be serving keeps its file.
        String why = now instanceof Outcome.Failure<ZoneStatus> f ? f.details() : "";
        return Outcome.backendOutcomeUnknown(
                "addzone",
                failure.details() + "; asking named whether zone '" + name + "' was added failed too (" + why
                        + "): its file is kept, and a retry (or the reconcile) settles it");
    }

    /** The server's zone is the one this store created: added at run time, of the same type, from our file. */
    private static boolean servesFrom(ZoneStatus status, ZoneSpec spec, StoredZone stored) {
        return status.reconfigurable()
                && status.type().equals(spec.type().wireName())
                && status.files().contains(stored.file());
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

    /**
     * The zones bindsmith manages, sorted by name: all of them when the query names neither cursor nor
     * limit, else one page of at most {@code limit} (1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT}
     * by default) after the cursor's zone, with the cursor of the next page when there is one.
     */
    public Outcome<ZonePage> list(ZoneQuery query) {
        return list(query, zone -> true);
    }

    /**
     * As {@link #list(ZoneQuery)}, over only the zones {@code visible} admits, as if no other existed
     * (a caller whose scope is some zones pages through those).
     */
    public Outcome<ZonePage> list(ZoneQuery query, java.util.function.Predicate<ZoneName> visible) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(visible, "visible");
        if (!query.paged()) {
            List<StoredZone> all = store.list();
            return new Outcome.Ok<>(new ZonePage(
                    all.stream().allMatch(z -> visible.test(z.name()))
                            ? all
                            : all.stream().filter(z -> visible.test(z.name())).toList(),
                    Optional.empty()));
        }
        List<Violation> violations = new ArrayList<>();
        int limit = query.limit().orElse(DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(Violation.malformed("limit", "limit must be between 1 and " + MAX_LIMIT));
        }
        Optional<ZoneName> after = Optional.empty();
        if (query.cursor().isPresent()) {
            after = ZoneCursors.decode(query.cursor().get());
            if (after.isEmpty()) {
                violations.add(Violation.malformed("cursor", "The cursor is not one this server issued"));
            }
        }
        if (!violations.isEmpty()) {
            return Outcome.invalid(violations);
        }
        // one more than asked tells whether a next page exists
        List<StoredZone> zones = new ArrayList<>();
        Optional<ZoneName> from = after;
        while (zones.size() <= limit) {
            List<StoredZone> chunk = store.list(from, MAX_LIMIT + 1);
            for (StoredZone z : chunk) {
                if (visible.test(z.name())) {
                    zones.add(z);
                    if (zones.size() > limit) {
                        break;
                    }
                }
            }
            if (chunk.size() <= MAX_LIMIT) {
                break;
            }
            from = Optional.of(chunk.getLast().name());
        }
        if (zones.size() <= limit) {
            return new Outcome.Ok<>(new ZonePage(zones, Optional.empty()));
        }
        List<StoredZone> page = zones.subList(0, limit);
        return new Outcome.Ok<>(
                new ZonePage(page, Optional.of(ZoneCursors.encode(page.getLast().name()))));
    }

    /** How many zones bindsmith manages (cheap: no list is built). */
    public int count() {
        return store.count();
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

    /**
     * The serial the name server serves for the zone now; empty when it serves none (no such zone, not
     * loaded, or the server cannot be asked). Where the server's DNS endpoint is known it is asked for
     * the zone's SOA there, one datagram and its answer (on named, a fraction of an rndc
     * {@code zonestatus}, which the audit log asked before and after every change); when that gives no
     * authoritative SOA of the zone, the control channel's status is asked, so the answer is never
     * less than the status gives.
     */
    public OptionalLong servedSerial(ZoneName zone) {
        Objects.requireNonNull(zone, "zone");
        if (servedBy.isPresent()
                && servedBy.get().probe().query(servedBy.get().server(), zone) instanceof SoaAnswer.Answered answer
                && answer.serves()) {
            return answer.serial();
        }
        return control.zoneStatus(zone) instanceof Outcome.Ok<ZoneStatus> ok
                ? ok.value().serial()
                : OptionalLong.empty();
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
     * and reported Deleted too; a zone neither has is NotFound. The store records the delete as begun
     * before the server is told, so that a crash or a lost reply in between is settled by the
     * reconcile; a lost {@code delzone} reply is settled at once by asking the server.
     */
    public Outcome<ControlReply> delete(String zone) {
        // catalog (RFC 9432): the member goes first, and comes back when the delete fails
        return withName(zone, name -> locks.with(name, () -> catalog.delete(name, () -> deleteLocked(name))));
    }

    private Outcome<ControlReply> deleteLocked(ZoneName name) {
        Outcome<ZoneStatus> status = control.zoneStatus(name);
        boolean held = store.find(name).isPresent();
        if (status instanceof Outcome.NotFound<ZoneStatus> notFound) {
            return held ? removeFiles(name) : notFound.as();
        }
        if (status instanceof Outcome.Failure<ZoneStatus> failure) {
            return failure.as();
        }
        // A zone declared in named.conf comes back at named's next start, and its file is the
        // operator's, even when it sits in the zone directory: unload it, never remove its files.
        boolean fromConfiguration = !((Outcome.Ok<ZoneStatus>) status).value().reconfigurable();
        boolean ours = held && !fromConfiguration;
        if (ours && store.deleting(name) instanceof Outcome.Failure<StoredZone> failure) {
            return failure.as(); // the directory cannot be written: named is not told anything
        }
        Outcome<ControlReply> removed = control.deleteZone(name);
        if (removed instanceof Outcome.BackendFailed<ControlReply> failed
                && failed.code() == ErrorCode.BACKEND_OUTCOME_UNKNOWN) {
            removed = settleDelete(name, failed);
        }
        if (removed instanceof Outcome.Failure<ControlReply> failure
                && !(failure instanceof Outcome.NotFound<ControlReply>)) {
            if (ours && failure.code() != ErrorCode.BACKEND_OUTCOME_UNKNOWN) {
                store.created(name); // named keeps the zone: so does the store
            }
            return failure;
        }
        return ours ? removeFiles(name) : new Outcome.Deleted<>();
    }

    /** The delzone's reply was lost: the zone is gone when the server no longer has it. */
    private Outcome<ControlReply> settleDelete(ZoneName name, Outcome.Failure<ControlReply> failure) {
        Outcome<ZoneStatus> now = control.zoneStatus(name);
        if (now instanceof Outcome.NotFound<ZoneStatus>) {
            return new Outcome.Ok<>(new ControlReply("delzone", ""));
        }
        if (now instanceof Outcome.Ok<ZoneStatus>) {
            // it did not run: an ordinary failure, the zone is as it was
            return Outcome.backendUnreachable("delzone", failure.details() + "; named still serves the zone");
        }
        return failure;
    }

    private Outcome<ControlReply> removeFiles(ZoneName name) {
        Outcome<StoredZone> files = store.delete(name);
        if (files instanceof Outcome.Failure<StoredZone> failure
                && !(failure instanceof Outcome.NotFound<StoredZone>)) {
            return failure.as();
        }
        return new Outcome.Deleted<>();
    }

    // ---- reconcile ----

    /**
     * Settles, with the name server, what the store cannot vouch for by itself: creates and deletes
     * that were begun and not finished (a crash, a lost reply) and master files the store found in its
     * directory. With {@code full}, every zone the store holds is checked too, and one the name server
     * does not serve is an orphan: set aside (files kept, zone forgotten) when {@code setAside},
     * reported otherwise. Fails (BACKEND_UNREACHABLE) when the name server cannot be reached at all.
     * See {@link ZoneReconciler}.
     */
    public Outcome<ReconcileReport> reconcile(boolean full, boolean setAside) {
        Outcome<ReconcileReport> report = reconciler.reconcile(full, setAside);
        if (report instanceof Outcome.Ok<ReconcileReport> ok) {
            lastReconcile = Optional.of(ok.value());
        }
        return report;
    }

    /** The report of the last reconcile this process ran, when it ran one. */
    public Optional<ReconcileReport> lastReconcile() {
        return lastReconcile;
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
