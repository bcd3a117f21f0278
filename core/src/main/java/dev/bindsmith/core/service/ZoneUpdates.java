package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeReport;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.Prerequisite;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * How planned record changes reach the {@link RecordUpdater}, under the zone's lock:
 *
 * <ul>
 * <li><b>Concurrent single-record changes to one zone travel together.</b> Each request is queued; the
 *     first to take the zone's lock takes every request queued for the zone (up to
 *     {@value #MAX_BATCH}), reads the owners they name in one go, plans each one on its own (the
 *     planner's checks and prerequisites are per owner), and sends the requests whose owners do not
 *     overlap as one change set: one UPDATE for several requests. Requests whose owners overlap wait for
 *     the next round, so a batch means exactly what its requests mean one after the other. When the
 *     combined change set fails, each request is sent again on its own, so that every client gets its
 *     own request's outcome.</li>
 * <li><b>A zone's readiness (it exists, takes updates, is not frozen) is asked once and remembered
 *     briefly</b> ({@value #READY_SECONDS} s), and only when the answer was yes: a change set the server
 *     refuses makes the service ask again, so that a zone frozen or changed meanwhile is reported as
 *     what it is, never as a stale yes.</li>
 * <li><b>A change set whose answer was lost</b> ({@code BACKEND_OUTCOME_UNKNOWN}) is settled by reading
 *     the owners again: when every change is there, it took; otherwise the outcome stays unknown.</li>
 * <li><b>Adds to new names, unread</b> (when built with {@code newNamesFirst}, for a backend whose reads
 *     are round trips to the name server): a change set that only adds records, to names other than the
 *     apex, is first planned as if those names owned nothing and sent with a "name not in use"
 *     prerequisite for each (RFC 2136 §2.4.5). When they are new, the usual add, the server applies it
 *     and the read was not needed: one round trip instead of two. When one of them owns records, the
 *     server refuses the whole set (YXDOMAIN) and nothing changed; the names are then read and the set
 *     planned against what they hold, as any other. The prerequisites make the guess safe: what the
 *     plan assumed is what the server checked.</li>
 * </ul>
 */
final class ZoneUpdates {
    static final int MAX_BATCH = 64;
    static final int READY_SECONDS = 2;
    /** Batches a leader runs for others once its own request is finished, before it hands over. */
    static final int LEADER_BATCHES = 8;

    private final NameServerControl control;
    private final RecordUpdater updater;
    private final RecordReader reader;
    private final ChangePlanner planner;
    private final ZoneLocks locks;
    private final Clock clock;
    private final boolean newNamesFirst;
    private final ConcurrentHashMap<ZoneName, Queue<Pending>> queues = new ConcurrentHashMap<>();
    /** Zones seen to exist, take updates and not be frozen, until when that is believed. */
    private final ConcurrentHashMap<ZoneName, Instant> ready = new ConcurrentHashMap<>();

    /** A request waiting for its batch: its operations, and (once done) its outcome. */
    private static final class Pending {
        final List<RecordOp> ops;
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        ChangePlanner.Plan plan;
        private volatile Outcome<ChangePlanner.Plan> outcome;

        Pending(List<RecordOp> ops) {
            this.ops = ops;
        }

        void finish(Outcome<ChangePlanner.Plan> result) {
            outcome = result;
            done.countDown();
        }

        boolean finished() {
            return outcome != null;
        }

        /** Waits a little for a leader to finish this request. */
        void await() throws InterruptedException {
            done.await(2, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        Set<DomainName> owners() {
            Set<DomainName> owners = new HashSet<>();
            ops.forEach(op -> owners.add(op.owner()));
            return owners;
        }
    }

    ZoneUpdates(
            NameServerControl control,
            RecordUpdater updater,
            RecordReader reader,
            ChangePlanner planner,
            ZoneLocks locks,
            Clock clock,
            boolean newNamesFirst) {
        this.control = control;
        this.updater = updater;
        this.reader = reader;
        this.planner = planner;
        this.locks = locks;
        this.clock = clock;
        this.newNamesFirst = newNamesFirst;
    }

    /**
     * Plans and applies one request's operations, together with the concurrent requests for the same
     * zone. The caller that gets the zone's lock leads: it runs batches until the queue is empty, and
     * every other caller waits for its own request to be finished (never for the lock: a finished
     * request returns at once, while the leader goes on with the next batch).
     */
    Outcome<ChangePlanner.Plan> submit(ZoneName zone, List<RecordOp> ops) {
        Pending mine = new Pending(ops);
        Queue<Pending> queue = queues.computeIfAbsent(zone, z -> new ConcurrentLinkedQueue<>());
        queue.add(mine);
        while (!mine.finished()) {
            boolean led = locks.tryWith(zone, () -> {
                // a few batches more than its own, so that one client is not kept serving the others
                for (int after = 0; !queue.isEmpty() && after < LEADER_BATCHES; after += mine.finished() ? 1 : 0) {
                    runBatch(zone, queue);
                }
            });
            if (led && queue.isEmpty()) {
                queues.remove(zone, queue); // a request added meanwhile finds the lock free and leads
            }
            if (!mine.finished()) {
                try {
                    // another caller leads (it takes this request), or the lock is held by a zone command
                    mine.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    if (queue.remove(mine)) {
                        return Outcome.unavailable("Interrupted before the change was sent: nothing was changed");
                    }
                }
            }
        }
        return mine.outcome;
    }

    /**
     * One change set on its own (a PATCH): planned against the zone now and, unless {@code dryRun},
     * applied; the plan comes back either way.
     */
    Outcome<ChangePlanner.Plan> alone(ZoneName zone, List<RecordOp> ops, boolean dryRun) {
        return locks.with(
                zone,
                () -> ready(zone).flatMap(yes -> {
                    if (!dryRun && mayGoUnread(zone, ops)) {
                        Optional<Outcome<ChangePlanner.Plan>> sent =
                                sendUnread(zone, List.of(ops), true).map(outcomes -> outcomes.getFirst());
                        if (sent.isPresent()) {
                            return sent.get();
                        }
                    }
                    return planner.plan(zone, ops, true)
                            .flatMap(plan -> dryRun ? new Outcome.Ok<>(plan) : send(zone, plan));
                }));
    }

    /** Whether {@code ops} may go unread: only adds, none at the apex (which always owns its SOA and NS). */
    private boolean mayGoUnread(ZoneName zone, List<RecordOp> ops) {
        return newNamesFirst
                && ops.stream()
                        .allMatch(
                                op -> op instanceof RecordOp.Add && !op.owner().equals(zone.apex()));
    }

    /**
     * The requests' adds planned as to names that own nothing and sent as one change set that requires
     * each name not in use; each request's outcome, in order. Empty when that cannot be: a plan failed
     * against empty names (it is to be judged against what they hold), or the server found a name in use
     * (it changed nothing), or — for several requests — the set failed otherwise (each is then sent on
     * its own by the caller's usual path).
     */
    private Optional<List<Outcome<ChangePlanner.Plan>>> sendUnread(
            ZoneName zone, List<List<RecordOp>> requests, boolean indexed) {
        List<ChangePlanner.Plan> plans = new ArrayList<>();
        LinkedHashSet<Prerequisite> prerequisites = new LinkedHashSet<>();
        List<RecordChange> changes = new ArrayList<>();
        for (List<RecordOp> ops : requests) {
            if (!(planner.plan(zone, ops, indexed, Map.of())
                    instanceof Outcome.Ok<ChangePlanner.Plan>(ChangePlanner.Plan plan))) {
                return Optional.empty();
            }
            plans.add(plan);
            Set<DomainName> names = new HashSet<>();
            ops.forEach(op -> names.add(op.owner()));
            names.forEach(name -> prerequisites.add(new Prerequisite.NameAbsent(name)));
            for (Prerequisite p : plan.changes().prerequisites()) {
                // planned against names that own nothing, an add requires its name without a CNAME or
                // without any record: "not in use" says both, and named need not check them twice
                boolean implied = switch (p) {
                    case Prerequisite.NameAbsent absent -> names.contains(absent.owner());
                    case Prerequisite.RRsetAbsent absent -> names.contains(absent.owner());
                    case Prerequisite.RRsetExists exists -> false;
                    case Prerequisite.RecordExists exists -> false;
                };
                if (!implied) {
                    prerequisites.add(p);
                }
            }
            changes.addAll(plan.changes().changes());
        }
        Outcome<ChangeReport> applied = updater.apply(zone, new ChangeSet(List.copyOf(prerequisites), changes));
        List<Outcome<ChangePlanner.Plan>> outcomes = new ArrayList<>();
        switch (applied) {
            case Outcome.Ok<ChangeReport> ok -> plans.forEach(plan -> outcomes.add(new Outcome.Ok<>(plan)));
            case Outcome.Created<ChangeReport> ok -> plans.forEach(plan -> outcomes.add(new Outcome.Ok<>(plan)));
            case Outcome.Deleted<ChangeReport> ok -> plans.forEach(plan -> outcomes.add(new Outcome.Ok<>(plan)));
            case Outcome.BackendFailed<ChangeReport> f
            when f.code() == ErrorCode.BACKEND_OUTCOME_UNKNOWN ->
                plans.forEach(plan -> outcomes.add(settle(zone, plan, f)));
            case Outcome.Failure<ChangeReport> f -> {
                if (f.code() == ErrorCode.RECORD_CONFLICT || plans.size() > 1) {
                    return Optional.empty(); // a name is in use (YXDOMAIN), or whose request failed is not known
                }
                outcomes.add(explained(zone, f));
            }
        }
        return Optional.of(outcomes);
    }

    private void runBatch(ZoneName zone, Queue<Pending> queue) {
        List<Pending> waiting = new ArrayList<>();
        for (Pending p = queue.poll(); p != null && waiting.size() < MAX_BATCH; p = queue.poll()) {
            waiting.add(p);
        }
        if (waiting.isEmpty()) {
            return;
        }
        Outcome<Boolean> zoneReady = ready(zone);
        if (zoneReady instanceof Outcome.Failure<Boolean> failure) {
            waiting.forEach(p -> p.finish(failure.as()));
            return;
        }
        while (!waiting.isEmpty()) {
            // a round: the requests, in order, whose owners no earlier request of the round names
            List<Pending> round = new ArrayList<>();
            List<Pending> later = new ArrayList<>();
            Set<DomainName> taken = new HashSet<>();
            for (Pending p : waiting) {
                Set<DomainName> owners = p.owners();
                if (owners.stream().anyMatch(taken::contains)) {
                    later.add(p);
                } else {
                    taken.addAll(owners);
                    round.add(p);
                }
            }
            runRound(zone, round, taken);
            waiting = later;
        }
    }

    private void runRound(ZoneName zone, List<Pending> round, Set<DomainName> owners) {
        if (round.stream().allMatch(p -> mayGoUnread(zone, p.ops))) {
            Optional<List<Outcome<ChangePlanner.Plan>>> sent =
                    sendUnread(zone, round.stream().map(p -> p.ops).toList(), false);
            if (sent.isPresent()) {
                for (int i = 0; i < round.size(); i++) {
                    round.get(i).finish(sent.get().get(i));
                }
                return;
            }
        }
        Outcome<Map<DomainName, List<Record>>> read = reader.read(zone, List.copyOf(owners));
        if (!(read instanceof Outcome.Ok<Map<DomainName, List<Record>>>(Map<DomainName, List<Record>> records))) {
            Outcome.Failure<Map<DomainName, List<Record>>> failure =
                    (Outcome.Failure<Map<DomainName, List<Record>>>) read;
            round.forEach(p -> p.finish(failure.as()));
            return;
        }
        List<Pending> planned = new ArrayList<>();
        for (Pending p : round) {
            Outcome<ChangePlanner.Plan> plan = planner.plan(zone, p.ops, false, records);
            if (plan instanceof Outcome.Ok<ChangePlanner.Plan>(ChangePlanner.Plan ok)) {
                p.plan = ok;
                planned.add(p);
            } else {
                p.finish(plan);
            }
        }
        if (planned.size() == 1) {
            Pending only = planned.getFirst();
            only.finish(send(zone, only.plan));
            return;
        }
        if (planned.isEmpty()) {
            return;
        }
        List<Prerequisite> prerequisites = new ArrayList<>();
        List<RecordChange> changes = new ArrayList<>();
        for (Pending p : planned) {
            prerequisites.addAll(p.plan.changes().prerequisites());
            changes.addAll(p.plan.changes().changes());
        }
        Outcome<ChangeReport> together = updater.apply(zone, new ChangeSet(prerequisites, changes));
        if (together.isSuccess()) {
            planned.forEach(p -> p.finish(new Outcome.Ok<>(p.plan)));
            return;
        }
        Outcome.Failure<ChangeReport> failure = (Outcome.Failure<ChangeReport>) together;
        for (Pending p : planned) {
            // each on its own: whose request it was that failed, and the others applied as they would be
            p.finish(
                    failure.code() == ErrorCode.BACKEND_OUTCOME_UNKNOWN
                            ? settle(zone, p.plan, failure)
                            : send(zone, p.plan));
        }
    }

    /** Sends one plan's change set; a refusal is explained by the zone's state, a lost answer settled. */
    private Outcome<ChangePlanner.Plan> send(ZoneName zone, ChangePlanner.Plan plan) {
        Outcome<ChangeReport> applied = updater.apply(zone, plan.changes());
        return switch (applied) {
            case Outcome.Ok<ChangeReport> ok -> new Outcome.Ok<>(plan);
            case Outcome.Created<ChangeReport> ok -> new Outcome.Ok<>(plan);
            case Outcome.Deleted<ChangeReport> ok -> new Outcome.Ok<>(plan);
            case Outcome.BackendFailed<ChangeReport> f
            when f.code() == ErrorCode.BACKEND_OUTCOME_UNKNOWN -> settle(zone, plan, f);
            case Outcome.Failure<ChangeReport> f -> explained(zone, f);
        };
    }

    /**
     * A refusal the zone's state may explain better (it was frozen, lost its allow-update, or was
     * deleted since it was last seen ready): the server is asked again.
     */
    private Outcome<ChangePlanner.Plan> explained(ZoneName zone, Outcome.Failure<ChangeReport> refused) {
        boolean stateMayExplain = refused.code() == ErrorCode.ZONE_NOT_DYNAMIC
                || refused.code() == ErrorCode.ZONE_NOT_FOUND
                || refused.code() == ErrorCode.BACKEND_REJECTED;
        if (!stateMayExplain || ready.remove(zone) == null) {
            return refused.as();
        }
        Outcome<Boolean> now = ready(zone);
        return now instanceof Outcome.Failure<Boolean> f ? f.as() : refused.as();
    }

    /** A change set whose answer was lost: it took when every record it adds is there and every one it removes is gone. */
    private Outcome<ChangePlanner.Plan> settle(
            ZoneName zone, ChangePlanner.Plan plan, Outcome.Failure<ChangeReport> lost) {
        List<DomainName> owners =
                plan.results().stream().map(RecordChanged::owner).distinct().toList();
        Outcome<Map<DomainName, List<Record>>> now = reader.read(zone, owners);
        if (now instanceof Outcome.Ok<Map<DomainName, List<Record>>>(Map<DomainName, List<Record>> records)
                && tookEffect(plan, records)) {
            return new Outcome.Ok<>(plan);
        }
        return Outcome.backendOutcomeUnknown(
                lost instanceof Outcome.BackendFailed<ChangeReport> b
                                && !b.command().isEmpty()
                        ? b.command()
                        : "update",
                lost.details() + "; the records it changes do not show the change (yet): it may still arrive,"
                        + " or not at all");
    }

    private static boolean tookEffect(ChangePlanner.Plan plan, Map<DomainName, List<Record>> records) {
        for (RecordChanged change : plan.results()) {
            List<Record> there = records.getOrDefault(change.owner(), List.of());
            for (Record added : change.added()) {
                if (there.stream().noneMatch(r -> sameRecord(r, added))) {
                    return false;
                }
            }
            for (Record removed : change.removed()) {
                boolean readded = change.added().stream().anyMatch(a -> sameRecord(a, removed));
                if (!readded && there.stream().anyMatch(r -> sameRecord(r, removed))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameRecord(Record a, Record b) {
        return a.owner().equals(b.owner())
                && a.type() == b.type()
                && a.data().presentation().equals(b.data().presentation());
    }

    /**
     * Ok when the zone exists, takes updates and is not frozen: from memory when the server said so
     * less than {@value #READY_SECONDS} s ago, else asked (and remembered only when the answer is yes).
     */
    Outcome<Boolean> ready(ZoneName zone) {
        Instant until = ready.get(zone);
        Instant now = clock.instant();
        if (until != null && now.isBefore(until)) {
            return new Outcome.Ok<>(true);
        }
        Outcome<ZoneStatus> status = control.zoneStatus(zone);
        if (status instanceof Outcome.Failure<ZoneStatus> failure) {
            return failure.as();
        }
        ZoneStatus s = ((Outcome.Ok<ZoneStatus>) status).value();
        if (s.dynamic().equals(Optional.of(false))) {
            return RecordService.notDynamic(zone);
        }
        if (s.frozen()) {
            // named would answer REFUSED, which reads like a key or allow-update problem
            return RecordService.frozen(zone);
        }
        if (ready.size() > 10_000) {
            ready.clear(); // a bound on memory whatever clients send; the next requests ask again
        }
        ready.put(zone, now.plus(Duration.ofSeconds(READY_SECONDS)));
        return new Outcome.Ok<>(true);
    }
}
