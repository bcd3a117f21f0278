package dev.bindsmith.testing.memory;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.dns.conf.ZoneStatements;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A {@link NameServerControl} that behaves like BIND 9.18's rndc (docs/rndc-wire.md, result texts):
 * the same successes, failures and texts. A primary is "loaded" from its master file through a
 * {@link ZoneFileSource} (usually the {@link InMemoryZoneStore} of the same test); a missing file
 * fails the add with {@code file not found} and the zone is not added, as in named.
 * <p>
 * Failure details are named's {@code err} text, followed by {@code ": "} and its {@code text} when
 * it sent one ({@code failure: retransfer: inappropriate zone type: primary}). An unknown zone is
 * NotFound with named's text {@code no matching zone 'x' in any view}.
 * <p>
 * Faults a test can switch on: {@link #unreachable} (every command fails with
 * {@code BACKEND_UNREACHABLE}), {@link #dropConnection} (one command is delivered and not run, its
 * reply lost), {@link #loseReply} (one command runs, its reply lost), {@link #refuse} (one
 * command fails with {@code BACKEND_REJECTED} and a given {@code err}), {@link #hold} (calls of one command wait at a {@link Gate}). Every command
 * is logged in {@link #calls()} ({@code addzone example.com}), so a test can prove none was sent.
 * Thread-safe: a held call does not block other commands.
 */
public final class InMemoryNameServerControl implements NameServerControl {

    static final String VERSION = "BIND 9.18.49-InMemory (Extended Support Version) <id:bindsmith-test-fixtures>";
    private static final DateTimeFormatter LAST_LOADED = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ZoneFileSource files;
    private final Clock clock;
    private final Instant bootTime;
    private final TreeMap<ZoneName, ServedZone> zones = new TreeMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, String> refusals = new HashMap<>();
    private final Map<String, Gate> gates = new HashMap<>();
    private final java.util.Set<String> dropped = new java.util.HashSet<>();
    private final java.util.Set<String> lostReplies = new java.util.HashSet<>();
    private final java.util.Set<String> crashes = new java.util.HashSet<>();
    /** The commands that only read: a lost reply to one of them changes nothing. */
    private static final java.util.Set<String> READS = java.util.Set.of("zonestatus", "showzone", "status");

    private boolean unreachable;

    /** A server that loads master files from {@code files}, with the system clock for its timestamps. */
    public InMemoryNameServerControl(ZoneFileSource files) {
        this(files, Clock.systemUTC());
    }

    public InMemoryNameServerControl(ZoneFileSource files, Clock clock) {
        this.files = files;
        this.clock = clock;
        this.bootTime = clock.instant();
    }

    // ---- NameServerControl ----

    @Override
    public Outcome<ControlReply> addZone(ZoneName zone, ZoneConfig config) {
        return command("addzone", zone, () -> {
            if (zones.containsKey(zone)) {
                return Outcome.zoneExists(zone.value(), "already exists");
            }
            ServedZone served = new ServedZone(zone, config.type(), config.file(), config.options(), false);
            switch (config.type()) {
                case PRIMARY -> {
                    Optional<ZoneSpec> spec = config.file().flatMap(files::load);
                    if (config.file().isEmpty()) {
                        return rejected("addzone", "failure", "configure_zone failed: failure");
                    }
                    if (spec.isEmpty()) {
                        return rejected("addzone", "file not found", "dns_zone_loadnew failed: file not found");
                    }
                    if (!spec.get().name().equals(zone)) {
                        // named would find no SOA at the origin of the file it was given
                        return rejected("addzone", "no SOA", "dns_zone_loadnew failed: no SOA");
                    }
                    served.load(spec.get(), clock.instant());
                }
                case SECONDARY -> {
                    if (config.options().primaries().isEmpty()) {
                        return rejected("addzone", "failure", "");
                    }
                    // a secondary serves nothing until its first transfer, which never happens here
                }
            }
            zones.put(zone, served);
            return ok("addzone", "");
        });
    }

    @Override
    public Outcome<ControlReply> deleteZone(ZoneName zone) {
        return zoneCommand("delzone", zone, served -> {
            zones.remove(zone);
            if (served.fromConf) {
                return ok(
                        "delzone",
                        "zone '" + zone + "' is no longer active and will be deleted.\n"
                                + "To keep it from returning when the server is restarted, it\n"
                                + "must also be removed from named.conf.");
            }
            return ok("delzone", served.type == ZoneType.SECONDARY ? "zone '" + zone + "' will be deleted." : "");
        });
    }

    @Override
    public Outcome<ControlReply> modifyZone(ZoneName zone, ZonePatch patch) {
        return zoneCommand("modzone", zone, served -> {
            ZoneOptions o = served.options;
            List<AddressMatch> allowUpdate = o.allowUpdate();
            if (patch.allowUpdate().isPresent()) {
                // addresses are replaced, keys are kept: setting addresses never disables signed updates
                List<AddressMatch> merged = new ArrayList<>(o.allowUpdate().stream()
                        .filter(m -> m instanceof AddressMatch.Key)
                        .toList());
                merged.addAll(patch.allowUpdate().get().stream()
                        .filter(m -> !(m instanceof AddressMatch.Key))
                        .toList());
                merged.addAll(patch.allowUpdate().get().stream()
                        .filter(m -> m instanceof AddressMatch.Key && !merged.contains(m))
                        .toList());
                allowUpdate = merged;
            }
            served.options = new ZoneOptions(
                    o.primaries(),
                    patch.alsoNotify().orElse(o.alsoNotify()),
                    patch.allowTransfer().orElse(o.allowTransfer()),
                    allowUpdate,
                    o.dnssecPolicy(),
                    o.inlineSigning());
            if (served.fromConf) {
                return ok(
                        "modzone",
                        "zone '" + zone + "' must also be reconfigured in\n" + "named.conf to make changes permanent.");
            }
            return ok("modzone", "zone '" + zone + "' reconfigured.");
        });
    }

    @Override
    public Outcome<ZoneConfig> showZone(ZoneName zone) {
        return zoneCommand("showzone", zone, served -> {
            ZoneConfig config = new ZoneConfig(served.type, served.file, served.options, "");
            return new Outcome.Ok<>(
                    new ZoneConfig(served.type, served.file, served.options, ZoneStatements.statement(zone, config)));
        });
    }

    @Override
    public Outcome<ZoneStatus> zoneStatus(ZoneName zone) {
        return zoneCommand("zonestatus", zone, served -> {
            if (!served.loaded) {
                return new Outcome.Ok<>(ZoneStatus.notLoaded(
                        zone, served.type.wireName(), served.file.stream().toList(), "zone not loaded"));
            }
            Map<String, String> p = new LinkedHashMap<>();
            p.put("name", zone.value());
            p.put("type", served.type.wireName());
            served.file.ifPresent(f -> p.put("files", f));
            p.put("serial", Long.toString(served.soa.serial()));
            p.put("nodes", Long.toString(served.nodes()));
            p.put("last loaded", LAST_LOADED.format(served.lastLoaded));
            p.put("secure", "no");
            p.put("dynamic", served.dynamic() ? "yes" : "no");
            if (served.frozen) {
                p.put("frozen", "yes");
            }
            p.put("reconfigurable via modzone", served.fromConf ? "no" : "yes");
            String raw = p.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("\n"));
            return new Outcome.Ok<>(new ZoneStatus(
                    zone,
                    served.type.wireName(),
                    OptionalLong.of(served.soa.serial()),
                    served.file.map(List::of).orElse(List.of()),
                    p,
                    raw));
        });
    }

    @Override
    public Outcome<ControlReply> reload(ZoneName zone) {
        return zoneCommand("reload", zone, served -> {
            if (served.type == ZoneType.SECONDARY) {
                return ok("reload", "zone refresh queued");
            }
            return ok("reload", "zone reload up-to-date");
        });
    }

    @Override
    public Outcome<ControlReply> refresh(ZoneName zone) {
        return zoneCommand(
                "refresh",
                zone,
                served -> served.type == ZoneType.SECONDARY
                        ? ok("refresh", "zone refresh queued")
                        : rejected("refresh", "failure", "not a secondary, mirror, or stub zone"));
    }

    @Override
    public Outcome<ControlReply> retransfer(ZoneName zone) {
        return zoneCommand(
                "retransfer",
                zone,
                served -> served.type == ZoneType.SECONDARY
                        ? ok("retransfer", "")
                        : rejected(
                                "retransfer",
                                "failure",
                                "retransfer: inappropriate zone type: " + served.type.wireName()));
    }

    @Override
    public Outcome<ControlReply> freeze(ZoneName zone) {
        return zoneCommand("freeze", zone, served -> {
            if (!served.dynamic()) {
                return rejected("freeze", "not dynamic", "");
            }
            if (served.frozen) {
                return rejected(
                        "freeze",
                        "already frozen",
                        "WARNING: The zone was already frozen.\n"
                                + "Someone else may be editing it or it may still be re-loading.");
            }
            served.frozen = true;
            return ok("freeze", "");
        });
    }

    @Override
    public Outcome<ControlReply> thaw(ZoneName zone) {
        return zoneCommand("thaw", zone, served -> {
            if (served.frozen) {
                served.frozen = false;
                return ok("thaw", "The zone reload and thaw was successful.");
            }
            return ok("thaw", "");
        });
    }

    @Override
    public Outcome<ControlReply> sync(ZoneName zone) {
        return zoneCommand("sync", zone, served -> ok("sync", ""));
    }

    @Override
    public Outcome<ControlReply> notify(ZoneName zone) {
        return zoneCommand("notify", zone, served -> ok("notify", "zone notify queued"));
    }

    @Override
    public Outcome<ServerStatus> serverStatus() {
        return serverCommand("status", () -> {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("version", VERSION);
            p.put("running on localhost", "Linux x86_64 (in-memory)");
            p.put("boot time", LAST_LOADED.format(bootTime));
            p.put("last configured", LAST_LOADED.format(bootTime));
            p.put("configuration file", "/memory/named.conf");
            p.put("CPUs found", "1");
            p.put("worker threads", "1");
            p.put("number of zones", zones.size() + " (0 automatic)");
            p.put("debug level", "0");
            p.put("xfers running", "0");
            p.put("xfers deferred", "0");
            p.put("soa queries in progress", "0");
            p.put("recursive clients", "0/900/1000");
            p.put("tcp clients", "0/150");
            String raw = p.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining("\n"))
                    + "\nquery logging is OFF\nserver is up and running";
            return new Outcome.Ok<>(new ServerStatus(VERSION, OptionalInt.of(zones.size()), true, p, raw));
        });
    }

    @Override
    public Outcome<ControlReply> reloadServer() {
        return serverCommand("reload", () -> ok("reload", "server reload successful"));
    }

    // ---- for tests: state ----

    /** Serves {@code spec} as a zone from named.conf: loaded, with no file of the store's, not removable for good by delzone. */
    public synchronized InMemoryNameServerControl configure(ZoneSpec spec) {
        ServedZone served = new ServedZone(
                spec.name(),
                spec.type(),
                Optional.of("/etc/bind/db." + spec.name().value()),
                spec.options(),
                true);
        if (spec.type() == ZoneType.PRIMARY) {
            served.load(spec, clock.instant());
        }
        zones.put(spec.name(), served);
        return this;
    }

    /** The zones served, sorted by name. */
    public synchronized List<ZoneName> zones() {
        return List.copyOf(zones.keySet());
    }

    public synchronized boolean serves(ZoneName zone) {
        return zones.containsKey(zone);
    }

    /** Every command sent so far, as {@code <command> <zone>} or just {@code <command>}. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    // ---- for tests: faults ----

    /** While on, every command (and every update of an {@link InMemoryRecordStore} over this server) fails with {@code BACKEND_UNREACHABLE}. */
    public synchronized InMemoryNameServerControl unreachable(boolean on) {
        unreachable = on;
        return this;
    }

    /**
     * Until {@link #clearFaults()}, {@code command} ({@code addzone}, {@code zonestatus}, {@code update} …)
     * fails with {@code BACKEND_REJECTED} and the details {@code err}, as named refusing it.
     */
    public synchronized InMemoryNameServerControl refuse(String command, String err) {
        refusals.put(command, err);
        return this;
    }

    /**
     * Until {@link #clearFaults()}, {@code command} is not carried out and the connection closes without
     * a reply, after the command was delivered: a command that changes something fails with
     * {@code BACKEND_OUTCOME_UNKNOWN} (the client cannot know it did not run), a read with
     * {@code BACKEND_UNREACHABLE}.
     */
    public synchronized InMemoryNameServerControl dropConnection(String command) {
        dropped.add(command);
        return this;
    }

    /**
     * Until {@link #clearFaults()}, {@code command} is carried out and its reply is lost (a proxy that
     * drops it, a timeout): it fails with {@code BACKEND_OUTCOME_UNKNOWN} although it ran.
     */
    public synchronized InMemoryNameServerControl loseReply(String command) {
        lostReplies.add(command);
        return this;
    }

    /**
     * Until {@link #clearFaults()}, {@code command} is carried out, its reply is lost, and from then on
     * the server cannot be reached ({@link #unreachable}), as when named is killed right after it: the
     * client can learn nothing more.
     */
    public synchronized InMemoryNameServerControl crashAfter(String command) {
        crashes.add(command);
        return this;
    }

    /** Holds every call of {@code command} at the returned gate until the test opens it. */
    public synchronized Gate hold(String command) {
        return gates.computeIfAbsent(command, c -> new Gate());
    }

    /** Switches every fault off and opens every gate. */
    public synchronized InMemoryNameServerControl clearFaults() {
        unreachable = false;
        refusals.clear();
        dropped.clear();
        lostReplies.clear();
        crashes.clear();
        gates.values().forEach(Gate::open);
        gates.clear();
        return this;
    }

    // ---- plumbing ----

    /** Runs {@code body} under the server's monitor after the faults for {@code command} had their say. */
    <T> Outcome<T> command(String command, ZoneName zone, Supplier<Outcome<T>> body) {
        return run(command, command + " " + zone, body);
    }

    /** As {@link #command}, for a command about the server rather than one zone. */
    private <T> Outcome<T> serverCommand(String command, Supplier<Outcome<T>> body) {
        return run(command, command, body);
    }

    private <T> Outcome<T> run(String command, String call, Supplier<Outcome<T>> body) {
        Gate gate;
        synchronized (this) {
            calls.add(call);
            gate = gates.get(command);
        }
        if (gate != null) {
            gate.pass();
        }
        synchronized (this) {
            if (unreachable) {
                return Outcome.backendUnreachable(command, "connection refused");
            }
            if (dropped.contains(command)) {
                String details = "connection closed after the command was sent, without a reply";
                return READS.contains(command)
                        ? Outcome.backendUnreachable(command, details)
                        : Outcome.backendOutcomeUnknown(command, details);
            }
            String err = refusals.get(command);
            if (err != null) {
                return Outcome.backendRejected(command, err);
            }
            Outcome<T> outcome = body.get();
            if (crashes.contains(command)) {
                unreachable = true;
                return Outcome.backendOutcomeUnknown(command, "connection lost before the reply");
            }
            if (lostReplies.contains(command)) {
                return Outcome.backendOutcomeUnknown(command, "no reply within the read timeout");
            }
            return outcome;
        }
    }

    private <T> Outcome<T> zoneCommand(
            String command, ZoneName zone, java.util.function.Function<ServedZone, Outcome<T>> body) {
        return command(command, zone, () -> {
            ServedZone served = zones.get(zone);
            if (served == null) {
                return notFound(zone);
            }
            return body.apply(served);
        });
    }

    /** Called under the monitor by the record store. */
    Optional<ServedZone> served(ZoneName zone) {
        return Optional.ofNullable(zones.get(zone));
    }

    static <T> Outcome<T> notFound(ZoneName zone) {
        return new Outcome.NotFound<>(
                ErrorCode.ZONE_NOT_FOUND,
                "Zone not found",
                "no matching zone '" + zone + "' in any view",
                Outcome.orderedPairs("zone", zone.value()));
    }

    private static Outcome<ControlReply> ok(String command, String text) {
        return new Outcome.Ok<>(new ControlReply(command, text));
    }

    private static <T> Outcome<T> rejected(String command, String err, String text) {
        return Outcome.backendRejected(command, text.isEmpty() ? err : err + ": " + text.replace('\n', ' '));
    }
}
