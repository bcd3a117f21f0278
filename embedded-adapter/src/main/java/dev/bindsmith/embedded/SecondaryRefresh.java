package dev.bindsmith.embedded;

import static dev.bindsmith.embedded.ZoneEngine.rejected;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.record.DnsRecords;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * first primary that answers, on a background thread, under the zone's lock; the file is written
 * before the new data is served.
 */
final class SecondaryRefresh {
    private static final Logger LOG = Logger.getLogger(SecondaryRefresh.class.getName());
    private static final int DNS_PORT = 53;
    /** How soon a secondary that never loaded, or whose check is under way, is tried again. */
    private static final Duration NEVER_LOADED_RETRY = Duration.ofSeconds(60);

    private final ZoneEngine engine;
    private final ZoneRegistry registry;
    private final Duration transferTimeout;
    /** When each secondary is next checked against its primaries. */
    private final Map<ZoneName, Instant> nextCheck = new ConcurrentHashMap<>();
    /** When each secondary last knew it was current. */
    private final Map<ZoneName, Instant> lastRefreshed = new ConcurrentHashMap<>();

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

    private void schedule(ZoneState state, boolean force) {
        if (state.type() != ZoneType.SECONDARY
                || state.config().options().primaries().isEmpty()) {
            return;
        }
        engine.submit(() -> registry.locked(
                state.name(),
                () -> registry.get(state.name())
                        .filter(current -> current.type() == ZoneType.SECONDARY)
                        .map(current -> transfer(current, force))
                        .orElse(null)));
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

    /** AXFR from the first primary that answers (and, unless {@code force}, has a greater serial); the file is written before the new data is served. */
    private Outcome<Long> transfer(ZoneState state, boolean force) {
        List<Endpoint> primaries = state.config().options().primaries();
        if (primaries.isEmpty()) {
            return rejected("retransfer", "failure", "zone '" + state.name() + "' has no primaries");
        }
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
                        return new Outcome.Ok<>(current);
                    }
                }
                ZoneTransferIn xfr = ZoneTransferIn.newAXFR(origin, address, null);
                xfr.setTimeout(transferTimeout);
                xfr.run();
                List<Record> records = xfr.getAXFR();
                long defaultTtl = records.isEmpty() ? 3600 : records.getFirst().getTTL();
                ZoneContent content = ZoneContent.of(origin, records, defaultTtl);
                Path file = engine.fileOf(state.name(), state.config());
                engine.files.writeAtomically(file, ZoneFiles.renderContent(state.name(), content), false);
                registry.put(state.withContent(content, engine.now()));
                refreshed(state.name(), content.soa().getRefresh());
                return new Outcome.Ok<>(content.serial());
            } catch (IOException | ZoneTransferException | IllegalArgumentException e) {
                problems.add(primary + ": " + e.getMessage());
            }
        }
        Duration retry =
                state.content().map(c -> Duration.ofSeconds(c.soa().getRetry())).orElse(NEVER_LOADED_RETRY);
        nextCheck.put(state.name(), engine.now().plus(retry));
        LOG.warning(() -> "transfer of zone " + state.name() + " failed: " + problems);
        return Outcome.backendUnreachable(
                "retransfer", "transfer of zone '" + state.name() + "' failed: " + String.join("; ", problems));
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
