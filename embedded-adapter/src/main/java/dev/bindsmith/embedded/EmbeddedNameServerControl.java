package dev.bindsmith.embedded;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.conf.ZoneStatements;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * rndc's commands, carried out by the embedded server on itself. Replies and failures use named's
 * texts where a command means the same thing here ({@code not found}, {@code already exists},
 * {@code not dynamic}, {@code retransfer: inappropriate zone type: primary} …), so that a client
 * cannot tell the two backends apart by their outcomes.
 */
public final class EmbeddedNameServerControl implements NameServerControl {
    static final DateTimeFormatter NAMED_TIME = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ZoneEngine engine;
    private final ZoneCommands commands;
    private final Supplier<Map<String, String>> serverFacts;
    private final Supplier<Boolean> running;
    private final Instant bootTime;

    EmbeddedNameServerControl(
            ZoneEngine engine,
            ZoneCommands commands,
            Supplier<Map<String, String>> serverFacts,
            Supplier<Boolean> running) {
        this.engine = engine;
        this.commands = commands;
        this.serverFacts = serverFacts;
        this.running = running;
        this.bootTime = engine.now();
    }

    @Override
    public Outcome<ControlReply> addZone(ZoneName zone, ZoneConfig config) {
        return commands.addZone(zone, config);
    }

    @Override
    public Outcome<ControlReply> deleteZone(ZoneName zone) {
        return commands.deleteZone(zone);
    }

    @Override
    public Outcome<ControlReply> modifyZone(ZoneName zone, ZonePatch patch) {
        return commands.modifyZone(zone, patch);
    }

    @Override
    public Outcome<ZoneConfig> showZone(ZoneName zone) {
        return engine.withZone(zone, state -> {
            ZoneConfig c = state.config();
            return new Outcome.Ok<>(new ZoneConfig(c.type(), c.file(), c.options(), ZoneStatements.statement(zone, c)));
        });
    }

    @Override
    public Outcome<ZoneStatus> zoneStatus(ZoneName zone) {
        return engine.withZone(zone, state -> {
            if (state.content().isEmpty()) {
                // as named: a secondary before its first transfer exists, without a serial
                return new Outcome.Ok<>(ZoneStatus.notLoaded(
                        zone,
                        state.type().wireName(),
                        List.of(engine.fileOf(zone, state.config()).toString()),
                        "zone not loaded"));
            }
            ZoneContent content = state.content().get();
            String file = engine.fileOf(zone, state.config()).toString();
            Map<String, String> p = new LinkedHashMap<>();
            p.put("name", zone.value());
            p.put("type", state.type().wireName());
            p.put("files", file);
            p.put("serial", Long.toString(content.serial()));
            p.put("nodes", Integer.toString(content.nodeCount()));
            state.loadedAt().ifPresent(t -> p.put("last loaded", NAMED_TIME.format(t)));
            p.put("secure", "no");
            p.put("dynamic", state.dynamic() ? "yes" : "no");
            if (state.frozen()) {
                p.put("frozen", "yes");
            }
            p.put("reconfigurable via modzone", "yes");
            String raw = p.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("\n"));
            return new Outcome.Ok<>(new ZoneStatus(
                    zone, state.type().wireName(), OptionalLong.of(content.serial()), List.of(file), p, raw));
        });
    }

    @Override
    public Outcome<ControlReply> reload(ZoneName zone) {
        return commands.reload(zone);
    }

    @Override
    public Outcome<ControlReply> refresh(ZoneName zone) {
        return commands.refresh(zone);
    }

    @Override
    public Outcome<ControlReply> retransfer(ZoneName zone) {
        return commands.retransfer(zone);
    }

    @Override
    public Outcome<ControlReply> freeze(ZoneName zone) {
        return commands.freeze(zone);
    }

    @Override
    public Outcome<ControlReply> thaw(ZoneName zone) {
        return commands.thaw(zone);
    }

    @Override
    public Outcome<ControlReply> sync(ZoneName zone) {
        return commands.sync(zone);
    }

    @Override
    public Outcome<ControlReply> notify(ZoneName zone) {
        return commands.notify(zone);
    }

    @Override
    public Outcome<ServerStatus> serverStatus() {
        int zones = engine.registry.size();
        boolean up = running.get();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("version", EmbeddedNameServer.VERSION);
        p.put("boot time", NAMED_TIME.format(bootTime));
        p.putAll(serverFacts.get());
        p.put("number of zones", zones + " (0 automatic)");
        p.put("recursion", "no");
        StringBuilder raw = new StringBuilder();
        p.forEach((k, v) -> raw.append(k).append(": ").append(v).append('\n'));
        raw.append(up ? "server is up and running" : "server is not listening");
        return new Outcome.Ok<>(
                new ServerStatus(EmbeddedNameServer.VERSION, OptionalInt.of(zones), up, p, raw.toString()));
    }

    @Override
    public Outcome<ControlReply> reloadServer() {
        return commands.reloadServer();
    }
}
