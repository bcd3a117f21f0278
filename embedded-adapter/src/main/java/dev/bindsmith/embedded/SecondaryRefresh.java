package dev.bindsmith.embedded;

import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.record.DnsRecords;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Keeps secondaries current (RFC 1034 §4.3.5, RFC 1996): a transfer when the zone is added, when a
 * primary sends NOTIFY, on reload/refresh/retransfer and when the SOA refresh time has come; a zone
 * whose primaries stay silent for its SOA expire time stops being served. Transfers are AXFR from the
 * first primary that answers, on a background thread, at most one per zone at a time (NOTIFYs and
 * timers that come meanwhile make one more run, however many they are) and at most
 * {@link #MAX_TRANSFERS_IN} at once; the network I/O runs without the zone's lock, which is taken only
 * to write the file and then serve the new data.
 */
final class SecondaryRefresh {
    private static final Logger LOG = Logger.getLogger(SecondaryRefresh.class.getName());
    private static final int DNS_PORT = 53;
    /** How soon a secondary that never loaded, or whose check is under way, is tried again. */
    private static final Duration NEVER_LOADED_RETRY = Duration.ofSeconds(60);
    /** named's default {@code transfers-in}. */
    static final int MAX_TRANSFERS_IN = 10;

    private final ZoneEngine engine;
    private final ZoneRegistry registry;
    private final Duration transferTimeout;
    /** When each secondary is next checked against its primaries. */
    private final Map<ZoneName, Instant> nextCheck = new ConcurrentHashMap<>();
    /** When each secondary last knew it was current. */
    private final Map<ZoneName, Instant> lastRefreshed = new ConcurrentHashMap<>();
    /** The refresh asked of each zone, one entry per zone: NOTIFY floods coalesce here. */
    private final Map<ZoneName, Pending> pending = new HashMap<>();
    /** At most this many transfers at once, as named's {@code transfers-in}. */
    private final Semaphore transfersIn = new Semaphore(MAX_TRANSFERS_IN);

    SecondaryRefresh(ZoneEngine engine, Duration transferTimeout) {
        this.engine = engine;
        this.registry = engine.registry;
        this.transferTimeout = transferTimeout;
    }

    /** Queues a refresh of a secondary: one that has data first asks a primary whether its serial is greater. */
    void refresh(ZoneState state) {
        schedule(state, false);
    }

    /** Queues a transfer of a secondary whatever the serials (rndc retransfer). */
    void retransfer(ZoneState state) {
        schedule(state, true);
    }

    /** Called when a primary of the zone sends NOTIFY. */
    void notified(ZoneName zone) {
        registry.get(zone).ifPresent(this::refresh);
    }

    /** Starts looking at the secondaries' refresh timers every {@code interval}. */
    void startTimers(Duration interval) {
        engine.every(interval, "secondary refresh check", this::refreshDue);
    }

    /**
     * Coalesces refreshes per zone: while one runs, any number of NOTIFYs, timers and commands for the
     * zone make it run once more afterwards (forced if any of them was a retransfer). The work is
     * bounded by the number of secondary zones, and the transfers by {@link #MAX_TRANSFERS_IN}.
     */
    private void schedule(ZoneState state, boolean force) {
        if (state.type() != ZoneType.SECONDARY
                || state.config().options().primaries().isEmpty()) {
            return;
        }
        ZoneName zone = state.name();
        boolean start;
        synchronized (pending) {
            Pending p = pending.computeIfAbsent(zone, z -> new Pending());
            p.force |= force;
            start = !p.running;
            p.running = true;
            p.again = !start;
        }
        if (start) {
            engine.submit(() -> {
                run(zone);
                return null;
            });
        }
    }

    /** What is asked of one zone's refresh: a run is going, another is wanted after it, and whether any asker forced it. */
    private static final class Pending {
        boolean running;
        boolean again;
        boolean force;
    }

    private void run(ZoneName zone) {
        try {
            while (true) {
                boolean force;
                synchronized (pending) {
                    Pending p = pending.get(zone);
                    force = p.force;
                    p.force = false;
                    p.again = false;
                }
                transfersIn.acquire();
                try {
                    registry.get(zone)
                            .filter(current -> current.type() == ZoneType.SECONDARY)
                            .ifPresent(current -> refreshOnce(current, force));
                } finally {
                    transfersIn.release();
                }
                synchronized (pending) {
                    Pending p = pending.get(zone);
                    if (!p.again) {
                        pending.remove(zone);
                        pending.notifyAll();
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (pending) {
                pending.remove(zone);
                pending.notifyAll();
            }
        } catch (RuntimeException e) {
            synchronized (pending) {
                pending.remove(zone);
                pending.notifyAll();
            }
            throw e;
        }
    }

    /** For tests: waits until no refresh is queued or running; false when {@code bound} passed first. */
    boolean awaitIdle(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (pending) {
            while (!pending.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(pending, left);
            }
        }
        return true;
    }

    /**
     * The secondaries' timers (RFC 1034 §4.3.5): a zone whose refresh time has come is refreshed; one
     * that could not be refreshed for its SOA expire time stops being served, as named does.
     */
    void refreshDue() {
        Instant now = engine.now();
        for (ZoneState state : registry.all()) {
            if (state.type() != ZoneType.SECONDARY
                    || state.config().options().primaries().isEmpty()) {
                continue;
            }
            Instant next = nextCheck.get(state.name());
            if (next != null && now.isBefore(next)) {
                continue;
            }
            Instant lastGood =
                    lastRefreshed.getOrDefault(state.name(), state.loadedAt().orElse(now));
            if (state.content().isPresent()
                    && now.isAfter(
                            lastGood.plusSeconds(state.content().get().soa().getExpire()))) {
                registry.locked(state.name(), () -> {
                    registry.get(state.name())
                            .ifPresent(current -> registry.put(new ZoneState(
                                    current.name(),
                                    current.config(),
                                    Optional.empty(),
                                    current.frozen(),
                                    current.loadedAt())));
                    return null;
                });
                LOG.warning(() -> "zone " + state.name() + " expired: no primary answered for its expire time");
            }
            nextCheck.put(state.name(), now.plus(NEVER_LOADED_RETRY));
            refresh(state);
        }
    }

    /**
     * AXFR from the first primary that answers (and, unless {@code force}, has a greater serial). The
     * network I/O runs without the zone's lock; only the publishing takes it, and publishes only if
     * the zone is still the secondary it was (not deleted, reconfigured or refreshed meanwhile).
     */
    private void refreshOnce(ZoneState state, boolean force) {
        List<Endpoint> primaries = state.config().options().primaries();
        Name origin = DnsRecords.name(state.name());
        List<String> problems = new ArrayList<>();
        for (Endpoint primary : primaries) {
            InetSocketAddress address =
                    new InetSocketAddress(primary.address(), primary.port().orElse(DNS_PORT));
            try {
                if (!force && state.content().isPresent()) {
                    long current = state.content().get().serial();
                    if (!SerialNumbers.greater(primarySerial(origin, address), current)) {
                        refreshed(state.name(), state.content().get().soa().getRefresh());
                        return;
                    }
                }
                ZoneTransferIn xfr = ZoneTransferIn.newAXFR(origin, address, null);
                xfr.setTimeout(transferTimeout);
                xfr.run();
                List<Record> records = xfr.getAXFR();
                long defaultTtl = records.isEmpty() ? 3600 : records.getFirst().getTTL();
                ZoneContent content = ZoneContent.of(origin, records, defaultTtl);
                publish(state, content, force);
                return;
            } catch (IOException | ZoneTransferException | IllegalArgumentException e) {
                problems.add(primary + ": " + e.getMessage());
            }
        }
        Duration retry =
                state.content().map(c -> Duration.ofSeconds(c.soa().getRetry())).orElse(NEVER_LOADED_RETRY);
        nextCheck.put(state.name(), engine.now().plus(retry));
        LOG.warning(() -> "transfer of zone " + state.name() + " failed: " + problems);
    }

    /** Under the zone's lock, briefly: the file is written, then the new data served. */
    private void publish(ZoneState fetchedFor, ZoneContent content, boolean force) throws IOException {
        try {
            registry.locked(fetchedFor.name(), () -> {
                Optional<ZoneState> now = registry.get(fetchedFor.name());
                if (now.isEmpty()
                        || now.get().type() != ZoneType.SECONDARY
                        || !now.get()
                                .config()
                                .options()
                                .primaries()
                                .equals(fetchedFor.config().options().primaries())
                        || !now.get().config().file().equals(fetchedFor.config().file())) {
                    return null; // deleted, or given other primaries or another file, while the transfer ran
                }
                ZoneState current = now.get();
                if (!force
                        && current.content().isPresent()
                        && !SerialNumbers.greater(
                                content.serial(), current.content().get().serial())) {
                    return null; // another refresh got here first
                }
                try {
                    engine.writeWhole(current.name(), current.config(), content);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                registry.put(current.withContent(content, engine.now()));
                refreshed(current.name(), content.soa().getRefresh());
                return null;
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void refreshed(ZoneName zone, long refreshSeconds) {
        Instant now = engine.now();
        lastRefreshed.put(zone, now);
        nextCheck.put(zone, now.plusSeconds(refreshSeconds));
    }

    /** The serial of the primary's SOA, asked over UDP (with TCP fallback). */
    private long primarySerial(Name origin, InetSocketAddress primary) throws IOException {
        SimpleResolver resolver = new SimpleResolver(primary);
        resolver.setTimeout(transferTimeout);
        Message response = resolver.send(Message.newQuery(Record.newRecord(origin, Type.SOA, DClass.IN)));
        return response.getSection(Section.ANSWER).stream()
                .filter(r -> r instanceof SOARecord && r.getName().equals(origin))
                .map(r -> ((SOARecord) r).getSerial())
                .findFirst()
                .orElseThrow(() -> new IOException("no SOA in the answer (" + Rcode.string(response.getRcode()) + ")"));
    }
}
