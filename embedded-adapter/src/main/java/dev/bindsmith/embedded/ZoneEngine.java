package dev.bindsmith.embedded;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.record.DnsRecords;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The zone operations the ports share: loading zones from the data directory, adding and removing
 * them, transfers for secondaries and NOTIFY for primaries. Each operation on a zone runs under that
 * zone's lock; what it publishes is a new immutable {@link ZoneState}.
 */
final class ZoneEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ZoneEngine.class.getName());
    private static final int DNS_PORT = 53;
    /** How soon a secondary that never loaded, or whose check is under way, is tried again. */
    private static final Duration NEVER_LOADED_RETRY = Duration.ofSeconds(60);

    final ZoneRegistry registry;
    final ZoneFiles files;
    final Clock clock;
    private final Duration transferTimeout;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean closed;
    /** When each secondary is next checked against its primaries. */
    private final Map<ZoneName, Instant> nextCheck = new ConcurrentHashMap<>();
    /** When each secondary last knew it was current. */
    private final Map<ZoneName, Instant> lastRefreshed = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("bindsmith-secondary-timer").factory());

    ZoneEngine(ZoneRegistry registry, ZoneFiles files, Clock clock, Duration transferTimeout) {
        this.registry = registry;
        this.files = files;
        this.clock = clock;
        this.transferTimeout = transferTimeout;
    }

    /** Loads every zone whose statement says it is served. A zone that fails to load is logged and left out, as named does. */
    void loadAll() throws IOException {
        for (ZoneName zone : files.statementZones()) {
            registry.locked(zone, () -> {
                // Read under the zone's lock, so that a concurrent delzone is never undone.
                Optional<ZoneFiles.Statement> statement;
                try {
                    statement = files.readStatement(zone);
                } catch (IOException e) {
                    LOG.warning(() -> "zone " + zone + " not loaded: its statement is unreadable");
                    return null;
                }
                if (statement.isEmpty() || !statement.get().served() || registry.get(zone).isPresent()) {
                    return null;
                }
                Outcome<ZoneState> loaded = load(zone, statement.get().config(), "load");
                if (loaded instanceof Outcome.Failure<ZoneState> failure) {
                    LOG.warning(() -> "zone " + zone + " not loaded: " + failure.details());
                } else {
                    loaded.map(state -> {
                        registry.put(state);
                        scheduleTransferIfSecondary(state);
                        return state;
                    });
                }
                return null;
            });
        }
    }

    Path fileOf(ZoneName zone, ZoneConfig config) {
        return config.file().map(files::resolve).orElseGet(() -> files.masterFile(zone));
    }

    /** The zone's state read from its file; a secondary without a file yet is held with no content. */
    Outcome<ZoneState> load(ZoneName zone, ZoneConfig config, String command) {
        Path file = fileOf(zone, config);
        ZoneConfig withFile = new ZoneConfig(config.type(), Optional.of(file.toString()), config.options(), "");
        if (config.type() == ZoneType.SECONDARY && !Files.exists(file)) {
            return new Outcome.Ok<>(new ZoneState(zone, withFile, Optional.empty(), false, Optional.empty()));
        }
        try {
            ZoneContent content = files.loadMaster(zone, file);
            return new Outcome.Ok<>(new ZoneState(zone, withFile, Optional.of(content), false, Optional.of(clock.instant())));
        } catch (NoSuchFileException e) {
            return rejected(command, "file not found", "dns_zone_loadnew failed: file not found");
        } catch (IOException | RuntimeException e) {
            return rejected(command, "failure", "dns_zone_loadnew failed: " + cleanMessage(e));
        }
    }

    /** A loader's message without the file path (which may lie outside the data directory). */
    private String cleanMessage(Exception e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(": ");
        if (message.startsWith("/") && colon > 0) {
            message = message.substring(colon + 2);
        }
        return message.replace(files.dir().toString() + "/", "");
    }

    // ---- control operations ----

    Outcome<ControlReply> addZone(ZoneName zone, ZoneConfig config) {
        return changing(zone, () -> {
            if (registry.get(zone).isPresent()) {
                return Outcome.zoneExists(zone.value(), "already exists");
            }
            if (config.type() == ZoneType.SECONDARY && config.options().primaries().isEmpty()) {
                return rejected("addzone", "failure", "");
            }
            return load(zone, config, "addzone").flatMap(state -> {
                try {
                    files.writeStatement(new ZoneFiles.Statement(zone, state.config(), true));
                } catch (IOException e) {
                    return Outcome.zoneFileWriteFailed(zone.value(), "could not record the zone statement");
                }
                registry.put(state);
                scheduleTransferIfSecondary(state);
                return new Outcome.Ok<>(new ControlReply("addzone", ""));
            });
        });
    }

    Outcome<ControlReply> deleteZone(ZoneName zone) {
        return changing(zone, () -> {
            Optional<ZoneState> state = registry.get(zone);
            if (state.isEmpty()) {
                return notFound(zone);
            }
            registry.remove(zone);
            try {
                if (files.readStatement(zone).isPresent()) {
                    files.writeStatement(new ZoneFiles.Statement(zone, state.get().config(), false));
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not mark zone " + zone + " as no longer served", e);
            }
            String text = state.get().type() == ZoneType.SECONDARY ? "zone '" + zone + "' will be deleted." : "";
            return new Outcome.Ok<>(new ControlReply("delzone", text));
        });
    }

    Outcome<ControlReply> modifyZone(ZoneName zone, ZonePatch patch) {
        return changeZone(zone, state -> {
            ZoneOptions o = state.config().options();
            List<AddressMatch> allowUpdate = patch.allowUpdate().map(addresses -> {
                // Address elements are replaced; key elements stay, so TSIG-signed updates keep working.
                List<AddressMatch> merged = new ArrayList<>(o.allowUpdate().stream()
                        .filter(m -> m instanceof AddressMatch.Key).toList());
                addresses.stream().filter(m -> !merged.contains(m)).forEach(merged::add);
                return List.copyOf(merged);
            }).orElse(o.allowUpdate());
            ZoneOptions updated = new ZoneOptions(o.primaries(), patch.alsoNotify().orElse(o.alsoNotify()),
                    patch.allowTransfer().orElse(o.allowTransfer()), allowUpdate, o.dnssecPolicy(), o.inlineSigning());
            ZoneConfig config = new ZoneConfig(state.type(), state.config().file(), updated, "");
            try {
                files.writeStatement(new ZoneFiles.Statement(zone, config, true));
            } catch (IOException e) {
                return Outcome.zoneFileWriteFailed(zone.value(), "could not record the zone statement");
            }
            registry.put(state.withConfig(config));
            return new Outcome.Ok<>(new ControlReply("modzone", "zone '" + zone + "' reconfigured."));
        });
    }

    Outcome<ControlReply> reload(ZoneName zone) {
        return changeZone(zone, state -> {
            if (state.type() == ZoneType.SECONDARY) {
                scheduleTransferIfSecondary(state);
                return new Outcome.Ok<>(new ControlReply("reload", "zone refresh queued"));
            }
            // The file is written before every change is served, so it is never behind: re-reading it is always safe.
            return reloadFromFile(state, "reload");
        });
    }

    private Outcome<ControlReply> reloadFromFile(ZoneState state, String command) {
        Outcome<ZoneState> loaded = load(state.name(), state.config(), command);
        return loaded.flatMap(fresh -> {
            if (fresh.content().isEmpty()) {
                return rejected(command, "zone not loaded", "");
            }
            boolean same = state.content().isPresent()
                    && state.content().get().records().equals(fresh.content().get().records());
            registry.put(new ZoneState(state.name(), state.config(), fresh.content(), state.frozen(),
                    same ? state.loadedAt() : fresh.loadedAt()));
            return new Outcome.Ok<>(new ControlReply(command, same ? "zone reload up-to-date" : "zone reload queued"));
        });
    }

    Outcome<ControlReply> refresh(ZoneName zone) {
        return changeZone(zone, state -> {
            if (state.type() != ZoneType.SECONDARY) {
                return rejected("refresh", "failure", "not a secondary, mirror, or stub zone");
            }
            scheduleTransferIfSecondary(state);
            return new Outcome.Ok<>(new ControlReply("refresh", "zone refresh queued"));
        });
    }

    Outcome<ControlReply> retransfer(ZoneName zone) {
        return changeZone(zone, state -> {
            if (state.type() != ZoneType.SECONDARY) {
                return rejected("retransfer", "failure", "retransfer: inappropriate zone type: "
                        + state.type().wireName());
            }
            if (state.config().options().primaries().isEmpty()) {
                return rejected("retransfer", "failure", "zone '" + zone + "' has no primaries");
            }
            // Queued, as named does: the outcome of the transfer shows in zonestatus and in the log.
            scheduleTransfer(state, true);
            return new Outcome.Ok<>(new ControlReply("retransfer", ""));
        });
    }

    Outcome<ControlReply> freeze(ZoneName zone) {
        return changeZone(zone, state -> {
            if (!state.dynamic()) {
                return rejected("freeze", "not dynamic", "");
            }
            if (state.frozen()) {
                return rejected("freeze", "already frozen", "WARNING: The zone was already frozen.\n"
                        + "Someone else may be editing it or it may still be re-loading.");
            }
            registry.put(state.withFrozen(true));
            return new Outcome.Ok<>(new ControlReply("freeze", ""));
        });
    }

    Outcome<ControlReply> thaw(ZoneName zone) {
        return changeZone(zone, state -> {
            if (!state.frozen()) {
                return new Outcome.Ok<>(new ControlReply("thaw", ""));
            }
            // While frozen the file may have been edited by hand: thawing loads it, as named does.
            return reloadFromFile(state.withFrozen(false), "thaw")
                    .map(reply -> new ControlReply("thaw", "The zone reload and thaw was successful."));
        });
    }

    Outcome<ControlReply> sync(ZoneName zone) {
        // Every change is written to the zone file before it is published, so there is never a journal to merge.
        return changeZone(zone, state -> new Outcome.Ok<>(new ControlReply("sync", "")));
    }

    Outcome<ControlReply> notify(ZoneName zone) {
        return changeZone(zone, state -> {
            if (state.content().isEmpty()) {
                return rejected("notify", "zone not loaded", "");
            }
            sendNotifies(state);
            return new Outcome.Ok<>(new ControlReply("notify", "zone notify queued"));
        });
    }

    Outcome<ControlReply> reloadServer() {
        if (closed) {
            return shuttingDown();
        }
        List<String> failed = new ArrayList<>();
        for (ZoneState state : registry.all()) {
            if (state.type() == ZoneType.SECONDARY) {
                continue;
            }
            Outcome<ControlReply> r = registry.locked(state.name(), () -> registry.get(state.name())
                    .map(current -> reloadFromFile(current, "reload"))
                    .orElseGet(() -> new Outcome.Ok<>(new ControlReply("reload", ""))));
            if (r instanceof Outcome.Failure<ControlReply> f && !"zone not loaded".equals(f.details())) {
                failed.add(state.name() + ": " + f.details());
            }
        }
        try {
            // Zones another bindsmith process added to the data directory since the start.
            loadAll();
        } catch (IOException e) {
            failed.add("the data directory could not be read");
        }
        if (!failed.isEmpty()) {
            return Outcome.backendRejected("reload", String.join("; ", failed));
        }
        return new Outcome.Ok<>(new ControlReply("reload", "server reload successful"));
    }

    /** Runs a change of {@code zone} under its lock; once the server is closed, nothing changes any more. */
    <T> Outcome<T> changing(ZoneName zone, Supplier<Outcome<T>> action) {
        if (closed) {
            return shuttingDown();
        }
        return registry.locked(zone, () -> closed ? shuttingDown() : action.get());
    }

    /** As {@link #withZone}, for a command that changes the zone. */
    <T> Outcome<T> changeZone(ZoneName zone, java.util.function.Function<ZoneState, Outcome<T>> action) {
        return changing(zone, () -> registry.get(zone).map(action).orElseGet(() -> notFound(zone)));
    }

    private static <T> Outcome<T> shuttingDown() {
        return new Outcome.Unavailable<>(ErrorCode.SHUTTING_DOWN, "The embedded name server is shutting down");
    }

    /** Runs {@code action} on the zone under its lock, or NotFound. */
    <T> Outcome<T> withZone(ZoneName zone, java.util.function.Function<ZoneState, Outcome<T>> action) {
        return registry.locked(zone, () -> registry.get(zone)
                .map(action)
                .orElseGet(() -> notFound(zone)));
    }

    /** named's answer for a zone it does not have. */
    static <T> Outcome<T> notFound(ZoneName zone) {
        return new Outcome.NotFound<>(ErrorCode.ZONE_NOT_FOUND, "Zone not found",
                "no matching zone '" + zone + "' in any view", Outcome.orderedPairs("zone", zone.value()));
    }

    /** named refused: its {@code err}, then its {@code text} on the same line when it sent one. */
    static <T> Outcome<T> rejected(String command, String err, String text) {
        return Outcome.backendRejected(command, text.isEmpty() ? err : err + ": " + text.replace('\n', ' '));
    }

    // ---- secondaries ----

    private void scheduleTransferIfSecondary(ZoneState state) {
        scheduleTransfer(state, false);
    }

    /** Queues a transfer; unless {@code force}, a secondary that has data first asks the primary for its serial. */
    private void scheduleTransfer(ZoneState state, boolean force) {
        if (state.type() != ZoneType.SECONDARY || state.config().options().primaries().isEmpty()) {
            return;
        }
        submit(() -> registry.locked(state.name(), () -> registry.get(state.name())
                .filter(current -> current.type() == ZoneType.SECONDARY)
                .map(current -> transfer(current, force))
                .orElse(null)));
    }

    /** Called when a primary of the zone sends NOTIFY. */
    void notified(ZoneName zone) {
        registry.get(zone).ifPresent(this::scheduleTransferIfSecondary);
    }

    /**
     * The secondaries' timers (RFC 1034 §4.3.5): a zone whose refresh time has come is refreshed; one
     * that could not be refreshed for its SOA expire time stops being served, as named does.
     */
    void refreshDue() {
        Instant now = clock.instant();
        for (ZoneState state : registry.all()) {
            if (state.type() != ZoneType.SECONDARY || state.config().options().primaries().isEmpty()) {
                continue;
            }
            Instant next = nextCheck.get(state.name());
            if (next != null && now.isBefore(next)) {
                continue;
            }
            Instant lastGood = lastRefreshed.getOrDefault(state.name(), state.loadedAt().orElse(now));
            if (state.content().isPresent()
                    && now.isAfter(lastGood.plusSeconds(state.content().get().soa().getExpire()))) {
                registry.locked(state.name(), () -> {
                    registry.get(state.name()).ifPresent(current -> registry.put(new ZoneState(current.name(),
                            current.config(), Optional.empty(), current.frozen(), current.loadedAt())));
                    return null;
                });
                LOG.warning(() -> "zone " + state.name() + " expired: no primary answered for its expire time");
            }
            nextCheck.put(state.name(), now.plus(NEVER_LOADED_RETRY));
            scheduleTransfer(state, false);
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
            InetSocketAddress address = new InetSocketAddress(primary.address(), primary.port().orElse(DNS_PORT));
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
                Path file = fileOf(state.name(), state.config());
                files.writeAtomically(file, ZoneFiles.renderContent(state.name(), content), false);
                registry.put(state.withContent(content, clock.instant()));
                refreshed(state.name(), content.soa().getRefresh());
                return new Outcome.Ok<>(content.serial());
            } catch (IOException | ZoneTransferException | IllegalArgumentException e) {
                problems.add(primary + ": " + e.getMessage());
            }
        }
        Duration retry = state.content().map(c -> Duration.ofSeconds(c.soa().getRetry())).orElse(NEVER_LOADED_RETRY);
        nextCheck.put(state.name(), clock.instant().plus(retry));
        LOG.warning(() -> "transfer of zone " + state.name() + " failed: " + problems);
        return Outcome.backendUnreachable("retransfer", "transfer of zone '" + state.name() + "' failed: "
                + String.join("; ", problems));
    }

    private void refreshed(ZoneName zone, long refreshSeconds) {
        Instant now = clock.instant();
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

    // ---- NOTIFY to also-notify ----

    void sendNotifies(ZoneState state) {
        List<Endpoint> targets = state.config().options().alsoNotify();
        if (targets.isEmpty() || state.content().isEmpty()) {
            return;
        }
        ZoneContent content = state.content().get();
        Message notify = new Message();
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.getHeader().setFlag(Flags.AA);
        notify.addRecord(Record.newRecord(content.origin(), Type.SOA, DClass.IN), Section.QUESTION);
        notify.addRecord(content.soa(), Section.ANSWER);
        byte[] wire = notify.toWire(512);
        submit(() -> {
            try (DatagramSocket socket = new DatagramSocket()) {
                for (Endpoint target : targets) {
                    socket.send(new DatagramPacket(wire, wire.length,
                            new InetSocketAddress(target.address(), target.port().orElse(DNS_PORT))));
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "NOTIFY for " + state.name() + " not sent", e);
            }
            return null;
        });
    }

    private void submit(java.util.concurrent.Callable<?> task) {
        try {
            background.submit(task);
        } catch (RejectedExecutionException e) {
            LOG.fine("background task dropped: shutting down");
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** Starts checking the secondaries' refresh timers every {@code interval}. */
    void startTimers(Duration interval) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                refreshDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "secondary refresh check failed", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        background.shutdownNow();
        try {
            if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("zone transfers did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
