package dev.bindsmith.rndc.bind;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.conf.ConfSyntaxException;
import dev.bindsmith.dns.conf.ZoneStatements;
import dev.bindsmith.rndc.client.ControlChannel;
import dev.bindsmith.rndc.client.RndcException;
import dev.bindsmith.rndc.client.RndcReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link NameServerControl} for BIND 9 over its rndc control channel.
 *
 * <ul>
 * <li>addzone/modzone statements are rendered from typed values: quoted file path and key names,
 *     {@code ip port N}, CIDR prefixes kept, the trailing {@code ;}.</li>
 * <li>modifyZone reads the zone statement back ({@code showzone}), rewrites only the directives the
 *     patch names and keeps every other one as named printed it, then sends {@code modzone}.</li>
 * <li>Failures are classified by named's {@code err} text (see {@link NamedError}), never by the
 *     numeric result.</li>
 * <li>{@code reload} of a primary is confirmed: named answers {@code zone reload queued} even for a
 *     file it will fail to load, so the adapter watches the zone's serial and finally asks again; a
 *     file that is still newer than the zone's last load did not load, and that is reported.</li>
 * <li>{@code zonestatus} of a zone that named has but has not loaded (a secondary before its first
 *     transfer: {@code zone not loaded}) is Ok, with the type and file from {@code showzone}, no
 *     serial and the raw text {@code zone not loaded}: the zone exists.</li>
 * </ul>
 */
public final class RndcNameServerControl implements NameServerControl {

    /** Waits between checks of a queued reload; injected so tests need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * How long a queued reload is watched. named answers {@code zone reload queued} both while a
     * load runs and after it failed, so the adapter waits for a new serial (or {@code last loaded})
     * for {@code minimumWait}, or longer for a large zone ({@code waitPerThousandNodes} times the
     * zone's node count before the reload, in thousands), checking {@code interval} apart (at most
     * 40 checks), then asks named again; a reload still queued after four such rounds failed.
     */
    public record ReloadCheck(Duration minimumWait, Duration waitPerThousandNodes, Duration interval, Sleeper sleeper) {
        /** 0.5 s, plus 25 ms per thousand nodes (a 400 000-node zone gets 10 s, twice what it took here). */
        public static final ReloadCheck DEFAULT = new ReloadCheck(
                Duration.ofMillis(500), Duration.ofMillis(25), Duration.ofMillis(25), d -> Thread.sleep(d.toMillis()));

        static final int MAX_CHECKS = 40;

        public ReloadCheck {
            Objects.requireNonNull(minimumWait, "minimumWait");
            Objects.requireNonNull(waitPerThousandNodes, "waitPerThousandNodes");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(sleeper, "sleeper");
            if (minimumWait.isNegative()
                    || waitPerThousandNodes.isNegative()
                    || interval.isNegative()
                    || interval.isZero()) {
                throw new IllegalArgumentException("waits must not be negative, the interval must be positive");
            }
        }

        /** How long to watch a zone of {@code nodes} nodes (unknown: the minimum). */
        Duration budget(OptionalLong nodes) {
            long thousands = nodes.isPresent() ? (nodes.getAsLong() + 999) / 1000 : 0;
            Duration scaled = waitPerThousandNodes.multipliedBy(thousands);
            return scaled.compareTo(minimumWait) > 0 ? scaled : minimumWait;
        }

        /** The pause between checks: {@code interval}, stretched so that no more than 40 checks are made. */
        Duration pause(Duration budget) {
            Duration spread = budget.dividedBy(MAX_CHECKS);
            return spread.compareTo(interval) > 0 ? spread : interval;
        }
    }

    static final String RELOAD_QUEUED = "zone reload queued";
    /** The start of named's answer to a thaw whose load it queued (the whole text asks to check the logs). */
    static final String THAW_STARTED = "A zone reload and thaw was started.";

    static final String RELOAD_UP_TO_DATE = "zone reload up-to-date";

    private final ControlChannel channel;
    private final ReloadCheck reloadCheck;

    public RndcNameServerControl(ControlChannel channel) {
        this(channel, ReloadCheck.DEFAULT);
    }

    public RndcNameServerControl(ControlChannel channel, ReloadCheck reloadCheck) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.reloadCheck = Objects.requireNonNull(reloadCheck, "reloadCheck");
    }

    // ---- zone lifecycle ----

    @Override
    public Outcome<ControlReply> addZone(ZoneName zone, ZoneConfig config) {
        Optional<Outcome.Failure<ControlReply>> bad = checkSink(zone);
        if (bad.isPresent()) {
            return bad.get();
        }
        if (config.file().filter(RndcNameServerControl::hasControlCharacter).isPresent()) {
            return Outcome.backendRejected("addzone", "the zone file path contains a control character");
        }
        if (config.file().filter(f -> !ZoneStatements.canQuote(f)).isPresent()) {
            return Outcome.backendRejected(
                    "addzone",
                    "the zone file path ends in a backslash or has one before a"
                            + " quote: named would read another path");
        }
        return simple("addzone", addZoneCommand(zone, config), zone);
    }

    /** {@code addzone <zone> { type …; file "…"; … };} */
    static String addZoneCommand(ZoneName zone, ZoneConfig config) {
        return "addzone " + zone.value() + " " + ZoneStatements.body(config);
    }

    @Override
    public Outcome<ControlReply> deleteZone(ZoneName zone) {
        return zoneCommand("delzone", zone);
    }

    @Override
    public Outcome<ControlReply> modifyZone(ZoneName zone, ZonePatch patch) {
        Optional<Outcome.Failure<ControlReply>> bad = checkSink(zone);
        if (bad.isPresent()) {
            return bad.get();
        }
        return shown(zone).flatMap(statement -> {
            ZoneStatement patched = statement.patched(patch);
            if (patched.body().equals(statement.body())) {
                return new Outcome.Ok<>(new ControlReply("modzone", ""));
            }
            return simple("modzone", "modzone " + zone.value() + " " + patched.body(), zone);
        });
    }

    @Override
    public Outcome<ZoneConfig> showZone(ZoneName zone) {
        Optional<Outcome.Failure<ZoneConfig>> bad = checkSink(zone);
        if (bad.isPresent()) {
            return bad.get();
        }
        return exchange("showzone", "showzone " + zone.value()).flatMap(reply -> {
            if (!reply.ok()) {
                return NamedError.classify("showzone", Optional.of(zone), reply);
            }
            return parse(reply.text()).flatMap(statement -> {
                try {
                    return new Outcome.Ok<>(statement.toConfig(reply.text()));
                } catch (ZoneStatement.UnsupportedType e) {
                    return Outcome.backendRejected(
                            "showzone",
                            "zone type '" + e.getMessage() + "' is not one bindsmith manages (primary, secondary)");
                }
            });
        });
    }

    @Override
    public Outcome<ZoneStatus> zoneStatus(ZoneName zone) {
        Optional<Outcome.Failure<ZoneStatus>> bad = checkSink(zone);
        if (bad.isPresent()) {
            return bad.get();
        }
        return exchange("zonestatus", "zonestatus " + zone.value()).flatMap(reply -> {
            if (reply.ok()) {
                return new Outcome.Ok<>(StatusTexts.zoneStatus(zone, reply.text()));
            }
            if (NamedError.of(reply) == NamedError.ZONE_NOT_LOADED) {
                // named has the zone (a secondary before its first transfer, or a file that failed
                // to load at startup): report it as existing, with what showzone knows about it
                return shown(zone).map(statement -> notLoaded(zone, statement, reply));
            }
            return NamedError.classify("zonestatus", Optional.of(zone), reply);
        });
    }

    private static ZoneStatus notLoaded(ZoneName zone, ZoneStatement statement, RndcReply reply) {
        return ZoneStatus.notLoaded(
                zone,
                statement.value("type").orElse("unknown"),
                statement.value("file").stream().toList(),
                reply.err().orElse(""));
    }

    // ---- zone commands ----

    @Override
    public Outcome<ControlReply> reload(ZoneName zone) {
        Optional<Outcome.Failure<ControlReply>> bad = checkSink(zone);
        if (bad.isPresent()) {
            return bad.get();
        }
        Outcome<ZoneStatus> before = zoneStatus(zone);
        if (before instanceof Outcome.Failure<ZoneStatus> f) {
            return f.as();
        }
        ZoneStatus was = ((Outcome.Ok<ZoneStatus>) before).value();
        if (was.dynamic().orElse(false) && !was.frozen()) {
            return reloadDynamic(zone);
        }
        return simple("reload", "reload " + zone.value(), zone).flatMap(reply -> {
            if (!reply.text().strip().equals(RELOAD_QUEUED)) {
                return new Outcome.Ok<>(reply); // up-to-date, or a secondary's "zone refresh queued"
            }
            return confirmReload(zone, was, reply);
        });
    }

    /**
     * named refuses {@code reload} of a zone that takes updates ({@code dynamic zone}: the journal would
     * be lost). BIND's own way is freeze, which writes the journal into the file and suspends updates,
     * then thaw, which loads the file and resumes them: every update is kept. A thaw that fails is tried
     * once more, so that a zone is not left frozen by a passing failure; if it still fails, the failure
     * says that the zone is frozen.
     */
    private Outcome<ControlReply> reloadDynamic(ZoneName zone) {
        Outcome<ControlReply> frozen = simple("freeze", "freeze " + zone.value(), zone);
        if (frozen instanceof Outcome.Failure<ControlReply> f) {
            return f;
        }
        Outcome<ControlReply> thawed = simple("thaw", "thaw " + zone.value(), zone);
        if (thawed instanceof Outcome.Failure<ControlReply>) {
            thawed = simple("thaw", "thaw " + zone.value(), zone);
        }
        if (thawed instanceof Outcome.Failure<ControlReply> f) {
            return Outcome.backendRejected(
                    "reload",
                    f.details() + " (the zone was frozen to write its journal into the file and is still frozen:"
                            + " thaw it to resume updates)");
        }
        Outcome<ControlReply> done = thawed;
        return done.flatMap(reply ->
                        reply.text().startsWith(THAW_STARTED) ? confirmThaw(zone, reply) : new Outcome.Ok<>(reply))
                .map(reply -> new ControlReply("reload", reply.text()));
    }

    /**
     * named answers {@code thaw} before the zone's file is loaded again when the load is queued
     * ({@value #THAW_STARTED} …): watch the zone until it is thawed, as a queued reload is watched, so
     * that a file that no longer loads is reported rather than answered Ok.
     */
    private Outcome<ControlReply> confirmThaw(ZoneName zone, ControlReply started) {
        Duration budget = reloadCheck.budget(java.util.OptionalLong.empty());
        Duration pause = reloadCheck.pause(budget);
        try {
            for (Duration waited = Duration.ZERO; waited.compareTo(budget) < 0; waited = waited.plus(pause)) {
                Outcome<ZoneStatus> now = zoneStatus(zone);
                if (now instanceof Outcome.Failure<ZoneStatus> f) {
                    return f.as();
                }
                if (!((Outcome.Ok<ZoneStatus>) now).value().frozen()) {
                    return new Outcome.Ok<>(started);
                }
                reloadCheck.sleeper().sleep(pause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Outcome.Ok<>(started);
    }

    private Outcome<ControlReply> confirmReload(ZoneName zone, ZoneStatus was, ControlReply queued) {
        Duration budget =
                reloadCheck.budget(StatusTexts.unsigned32(was.properties().get("nodes")));
        Duration pause = reloadCheck.pause(budget);
        try {
            for (int round = 0; round < ASK_AGAIN_ROUNDS; round++) {
                for (Duration waited = Duration.ZERO; waited.compareTo(budget) < 0; waited = waited.plus(pause)) {
                    reloadCheck.sleeper().sleep(pause);
                    Outcome<ZoneStatus> now = zoneStatus(zone);
                    if (now instanceof Outcome.Failure<ZoneStatus> f) {
                        return f.as();
                    }
                    if (loadedSince(was, ((Outcome.Ok<ZoneStatus>) now).value())) {
                        return new Outcome.Ok<>(queued);
                    }
                }
                // Neither serial nor load time moved, which a successful load of a file with the
                // same serial in the same second also does. Ask again: named loads a file only when
                // it is newer than the zone's last load, so "up-to-date" now means the queued load
                // took. "queued" again means it failed, or that the queued load has not run yet (a
                // busy machine, a zone far larger than before): only after several rounds is it
                // called a failure.
                Outcome<ControlReply> again = simple("reload", "reload " + zone.value(), zone);
                if (again instanceof Outcome.Failure<ControlReply> f) {
                    return f;
                }
                if (!((Outcome.Ok<ControlReply>) again).value().text().strip().equals(RELOAD_QUEUED)) {
                    return new Outcome.Ok<>(queued);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.backendRejected("reload", "rndc: 'reload' queued, interrupted before it was confirmed");
        }
        String serial = was.serial().isPresent() ? "serial " + was.serial().getAsLong() : "its previous data";
        return Outcome.backendRejected(
                "reload",
                "rndc: 'reload' failed: named queued the reload but the zone"
                        + " file did not load within " + seconds(budget.multipliedBy(ASK_AGAIN_ROUNDS)) + "; the zone"
                        + " still serves " + serial + " (named's log has the reason, for example a syntax error in the"
                        + " zone file)");
    }

    /** How many times a still-queued reload is asked about before it is called a failure. */
    private static final int ASK_AGAIN_ROUNDS = 4;

    /** A load took: the serial changed, or named's {@code last loaded} time did. */
    private static boolean loadedSince(ZoneStatus was, ZoneStatus now) {
        boolean serialMoved = now.serial().isPresent() && !now.serial().equals(was.serial());
        boolean timeMoved = now.lastLoaded().isPresent() && !now.lastLoaded().equals(was.lastLoaded());
        return serialMoved || timeMoved;
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public Outcome<ControlReply> refresh(ZoneName zone) {
        return zoneCommand("refresh", zone);
    }

    @Override
    public Outcome<ControlReply> retransfer(ZoneName zone) {
        return zoneCommand("retransfer", zone);
    }

    @Override
    public Outcome<ControlReply> freeze(ZoneName zone) {
        return zoneCommand("freeze", zone);
    }

    @Override
    public Outcome<ControlReply> thaw(ZoneName zone) {
        return zoneCommand("thaw", zone);
    }

    @Override
    public Outcome<ControlReply> sync(ZoneName zone) {
        return zoneCommand("sync", zone);
    }

    @Override
    public Outcome<ControlReply> notify(ZoneName zone) {
        return zoneCommand("notify", zone);
    }

    // ---- server ----

    @Override
    public Outcome<ServerStatus> serverStatus() {
        return exchange("status", "status")
                .flatMap(reply -> reply.ok()
                        ? new Outcome.Ok<>(StatusTexts.serverStatus(reply.text()))
                        : NamedError.classify("status", Optional.empty(), reply));
    }

    @Override
    public Outcome<ControlReply> reloadServer() {
        return simple("reload", "reload", null);
    }

    // ---- plumbing ----

    private Outcome<ControlReply> zoneCommand(String verb, ZoneName zone) {
        Optional<Outcome.Failure<ControlReply>> bad = checkSink(zone);
        if (bad.isPresent()) {
            return bad.get();
        }
        return simple(verb, verb + " " + zone.value(), zone);
    }

    /** Sends a command whose success is just named's text. {@code zone} may be null for server commands. */
    private Outcome<ControlReply> simple(String verb, String command, ZoneName zone) {
        return exchange(verb, command)
                .flatMap(reply -> reply.ok()
                        ? new Outcome.Ok<>(new ControlReply(verb, reply.text()))
                        : NamedError.classify(verb, Optional.ofNullable(zone), reply));
    }

    /** Ok with named's reply (which may itself be a failure); BackendFailed when no verified reply came. */
    private Outcome<RndcReply> exchange(String verb, String command) {
        try {
            return new Outcome.Ok<>(channel.send(command));
        } catch (RndcException e) {
            return NamedError.classify(verb, e);
        }
    }

    private Outcome<ZoneStatement> shown(ZoneName zone) {
        return exchange("showzone", "showzone " + zone.value())
                .flatMap(reply ->
                        reply.ok() ? parse(reply.text()) : NamedError.classify("showzone", Optional.of(zone), reply));
    }

    private static Outcome<ZoneStatement> parse(String text) {
        try {
            return new Outcome.Ok<>(ZoneStatement.parse(text));
        } catch (ConfSyntaxException e) {
            return Outcome.backendRejected("showzone", "named's zone statement could not be read: " + e.getMessage());
        }
    }

    /**
     * Defence in depth: {@link ZoneName} is validated where it is made, and checked again here,
     * where it becomes part of a command line: only letters, digits, {@code - _ .}.
     */
    static <T> Optional<Outcome.Failure<T>> checkSink(ZoneName zone) {
        String v = zone.value();
        boolean ok = !v.isEmpty()
                && v.length() <= 253
                && v.chars()
                        .allMatch(c ->
                                (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.');
        if (ok) {
            return Optional.empty();
        }
        return Optional.of(new Outcome.Invalid<>(
                ErrorCode.INVALID_ZONE_NAME,
                "Invalid zone name",
                List.of(Violation.malformed("zone", "Invalid zone name: it cannot be sent to named")),
                Map.of()));
    }

    private static boolean hasControlCharacter(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
