package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.UnfinishedChange;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reconcile of the zone store with the name server: one truth per zone. Each zone is looked at
 * under its lock (so a create or delete of it never runs at the same time), a few at once; the name
 * server's answer decides:
 *
 * <table>
 * <caption>what is done</caption>
 * <tr><th>the store says</th><th>the server serves it (from our file)</th><th>the server does not</th></tr>
 * <tr><td>create unfinished</td><td>created (COMPLETED)</td><td>files removed (ROLLED_BACK)</td></tr>
 * <tr><td>delete unfinished</td><td>the zone stays (ROLLED_BACK)</td><td>files removed (COMPLETED)</td></tr>
 * <tr><td>file found</td><td>managed from now on (ADOPTED)</td><td>set aside or REPORTED</td></tr>
 * <tr><td>live (full only)</td><td>nothing to do</td><td>set aside or REPORTED</td></tr>
 * </table>
 *
 * An unfinished create of ours that the server serves from another file (named.conf) has its own
 * file removed. Files that may hold data nobody else has (found files, live zones) are never removed,
 * only set aside when asked.
 */
final class ZoneReconciler {
    private final ZoneStore store;
    private final NameServerControl control;
    private final Clock clock;
    private final ZoneLocks locks;

    ZoneReconciler(ZoneStore store, NameServerControl control, Clock clock, ZoneLocks locks) {
        this.store = store;
        this.control = control;
        this.clock = clock;
        this.locks = locks;
    }

    /** Zones a reconcile asks the name server about at once. */
    static final int PARALLELISM = 4;

    Outcome<ReconcileReport> reconcile(boolean full, boolean setAside) {
        Instant started = clock.instant();
        long start = System.nanoTime();
        // unfinished() first: a store that looks for files that appeared meanwhile holds them from then on
        List<ZoneName> unfinished =
                store.unfinished().stream().map(u -> u.zone().name()).toList();
        List<ZoneName> names =
                full ? store.list().stream().map(StoredZone::name).toList() : unfinished;
        List<ReconcileReport.Finding> findings = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Outcome.Failure<?>> unreachable = new AtomicReference<>();
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement();
                    i < names.size() && unreachable.get() == null;
                    i = next.getAndIncrement()) {
                ZoneName name = names.get(i);
                locks.with(name, () -> {
                    reconcileOne(name, setAside, unreachable).ifPresent(findings::add);
                    return null;
                });
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < Math.min(PARALLELISM, Math.max(1, names.size())); t++) {
            threads.add(Thread.ofVirtual().name("bindsmith-reconcile-" + t).start(worker));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.unavailable("The reconcile was interrupted");
            }
        }
        if (unreachable.get() != null) {
            return unreachable.get().as();
        }
        List<ReconcileReport.Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(ReconcileReport.Finding::zone));
        ReconcileReport report = new ReconcileReport(
                started,
                Duration.ofNanos(System.nanoTime() - start),
                full,
                setAside,
                Math.min(next.get(), names.size()),
                sorted);
        return new Outcome.Ok<>(report);
    }

    private Optional<ReconcileReport.Finding> reconcileOne(
            ZoneName name, boolean setAside, AtomicReference<Outcome.Failure<?>> unreachable) {
        Optional<StoredZone> held = store.find(name);
        if (held.isEmpty()) {
            return Optional.empty(); // deleted meanwhile
        }
        Optional<UnfinishedChange> unfinished = store.unfinished(name);
        ReconcileReport.Problem problem = unfinished
                .map(u -> switch (u.kind()) {
                    case CREATE -> ReconcileReport.Problem.UNFINISHED_CREATE;
                    case DELETE -> ReconcileReport.Problem.UNFINISHED_DELETE;
                    case FOUND -> ReconcileReport.Problem.FOUND_FILE;
                })
                .orElse(ReconcileReport.Problem.NOT_SERVED);
        Outcome<ZoneStatus> status = control.zoneStatus(name);
        if (status instanceof Outcome.BackendFailed<ZoneStatus> failed
                && failed.code() == ErrorCode.BACKEND_UNREACHABLE) {
            unreachable.compareAndSet(null, failed);
            return Optional.empty();
        }
        if (status instanceof Outcome.Ok<ZoneStatus> ok) {
            ZoneStatus s = ok.value();
            return switch (problem) {
                case UNFINISHED_CREATE -> {
                    if (s.reconfigurable() && s.files().contains(held.get().file())) {
                        store.created(name);
                        yield finding(
                                name, problem, ReconcileReport.Action.COMPLETED, "named serves the zone from its file");
                    }
                    store.delete(name);
                    yield finding(
                            name,
                            problem,
                            ReconcileReport.Action.ROLLED_BACK,
                            "named serves the zone from another file; the file written for the create was removed");
                }
                case UNFINISHED_DELETE -> {
                    store.created(name);
                    yield finding(name, problem, ReconcileReport.Action.ROLLED_BACK, "named still serves the zone");
                }
                case FOUND_FILE -> {
                    store.created(name);
                    yield finding(name, problem, ReconcileReport.Action.ADOPTED, "named serves the zone");
                }
                case NOT_SERVED -> Optional.empty();
            };
        }
        if (!(status instanceof Outcome.NotFound<ZoneStatus>)) {
            String why = ((Outcome.Failure<ZoneStatus>) status).details();
            return finding(name, problem, ReconcileReport.Action.UNDECIDED, "named could not say: " + why);
        }
        return switch (problem) {
            case UNFINISHED_CREATE -> {
                store.delete(name);
                yield finding(
                        name,
                        problem,
                        ReconcileReport.Action.ROLLED_BACK,
                        "named does not serve the zone; its files were removed");
            }
            case UNFINISHED_DELETE -> {
                store.delete(name);
                yield finding(
                        name,
                        problem,
                        ReconcileReport.Action.COMPLETED,
                        "named no longer serves the zone; its files were removed");
            }
            case FOUND_FILE, NOT_SERVED -> {
                if (!setAside) {
                    yield finding(name, problem, ReconcileReport.Action.REPORTED, "named does not serve the zone");
                }
                Outcome<StoredZone> moved = store.setAside(name);
                yield moved instanceof Outcome.Failure<StoredZone> f
                        ? finding(
                                name,
                                problem,
                                ReconcileReport.Action.UNDECIDED,
                                "setting the files aside failed: " + f.details())
                        : finding(
                                name,
                                problem,
                                ReconcileReport.Action.SET_ASIDE,
                                "named does not serve the zone; its files were set aside");
            }
        };
    }

    private static Optional<ReconcileReport.Finding> finding(
            ZoneName zone, ReconcileReport.Problem problem, ReconcileReport.Action action, String details) {
        return Optional.of(new ReconcileReport.Finding(zone, problem, action, details));
    }
}
