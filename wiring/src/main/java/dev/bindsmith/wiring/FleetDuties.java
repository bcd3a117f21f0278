package dev.bindsmith.wiring;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.service.CatalogReconciliation;
import dev.bindsmith.core.service.UseCases;
import dev.bindsmith.core.service.ZoneList;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a running server does for its fleet besides answering requests: at start, reconcile the
 * catalog zone with the managed zones (and log what changed); then, every survey interval, ask each
 * secondary about each managed zone and keep the counts for the zones-behind gauge. Closing it stops
 * the surveys.
 */
final class FleetDuties implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.bindsmith.wiring");

    private final ScheduledExecutorService surveys;

    private FleetDuties(ScheduledExecutorService surveys) {
        this.surveys = surveys;
    }

    static FleetDuties start(Backend backend) {
        UseCases app = backend.useCases();
        BackendSettings.Fleet fleet = backend.fleet();
        if (fleet.catalogZone().isPresent()) {
            reconcile(app);
        }
        if (fleet.secondaries().isEmpty() || fleet.surveyInterval().isZero()) {
            return new FleetDuties(null);
        }
        AtomicReference<Map<String, Long>> latest = new AtomicReference<>(Map.of());
        backend.metrics().secondaryZonesBehind(latest::get);
        ScheduledExecutorService surveys = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("bindsmith-propagation-survey").factory());
        Duration every = fleet.surveyInterval();
        surveys.scheduleWithFixedDelay(() -> survey(app, latest), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return new FleetDuties(surveys);
    }

    /** Reconciles the catalog; a failure is logged, not fatal: the next POST /catalog/reconcile retries. */
    static void reconcile(UseCases app) {
        Outcome<CatalogReconciliation> r = app.catalog().reconcile();
        switch (r) {
            case Outcome.Ok<CatalogReconciliation> ok -> LOG.log(System.Logger.Level.INFO, describe(ok.value()));
            case Outcome.Failure<CatalogReconciliation> f ->
                LOG.log(
                        System.Logger.Level.WARNING,
                        "catalog zone not reconciled at start (" + f.code() + "): " + f.details());
            case Outcome.Created<CatalogReconciliation> c -> LOG.log(System.Logger.Level.INFO, describe(c.value()));
            case Outcome.Deleted<CatalogReconciliation> d -> {
                // a reconciliation deletes nothing
            }
        }
    }

    static String describe(CatalogReconciliation r) {
        if (!r.changed()) {
            return "catalog zone " + r.catalog() + " agrees with the managed zones (serial " + r.serialAfter() + ")";
        }
        return "catalog zone " + r.catalog() + " reconciled" + (r.created() ? " (created)" : "") + ": "
                + r.added().size() + " added, " + r.removed().size() + " removed, "
                + r.moved().size()
                + " moved; serial " + r.serialBefore() + " -> " + r.serialAfter();
    }

    private static void survey(UseCases app, AtomicReference<Map<String, Long>> latest) {
        try {
            if (!(app.zones().list() instanceof Outcome.Ok<ZoneList>(ZoneList list))) {
                return;
            }
            List<ZoneName> zones = list.zones().stream().map(StoredZone::name).toList();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Map.Entry<Endpoint, Long> e :
                    app.propagation().zonesBehind(zones).entrySet()) {
                counts.put(e.getKey().toString(), e.getValue());
            }
            latest.set(Map.copyOf(counts));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "propagation survey failed", e);
        }
    }

    @Override
    public void close() {
        if (surveys != null) {
            surveys.shutdownNow();
        }
    }
}
