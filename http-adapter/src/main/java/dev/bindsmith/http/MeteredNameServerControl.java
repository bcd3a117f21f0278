package dev.bindsmith.http;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.ZoneName;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link NameServerControl} that reports each command (its rndc word, its result: {@code ok} or
 * the failure's code) and its duration to {@link Metrics}. Wrap the backend's control with it before
 * building the {@code ZoneService}.
 */
public final class MeteredNameServerControl implements NameServerControl {
    private final NameServerControl delegate;
    private final Metrics metrics;

    public MeteredNameServerControl(NameServerControl delegate, Metrics metrics) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    private <T> Outcome<T> timed(String command, Supplier<Outcome<T>> call) {
        long start = System.nanoTime();
        Outcome<T> outcome = call.get();
        String result = outcome instanceof Outcome.Failure<T> f ? f.code().name() : "ok";
        metrics.command(command, result, Duration.ofNanos(System.nanoTime() - start));
        return outcome;
    }

    @Override
    public Outcome<ControlReply> addZone(ZoneName zone, ZoneConfig config) {
        return timed("addzone", () -> delegate.addZone(zone, config));
    }

    @Override
    public Outcome<ControlReply> deleteZone(ZoneName zone) {
        return timed("delzone", () -> delegate.deleteZone(zone));
    }

    @Override
    public Outcome<ControlReply> modifyZone(ZoneName zone, ZonePatch patch) {
        return timed("modzone", () -> delegate.modifyZone(zone, patch));
    }

    @Override
    public Outcome<ZoneConfig> showZone(ZoneName zone) {
        return timed("showzone", () -> delegate.showZone(zone));
    }

    @Override
    public Outcome<ZoneStatus> zoneStatus(ZoneName zone) {
        return timed("zonestatus", () -> delegate.zoneStatus(zone));
    }

    @Override
    public Outcome<ControlReply> reload(ZoneName zone) {
        return timed("reload", () -> delegate.reload(zone));
    }

    @Override
    public Outcome<ControlReply> refresh(ZoneName zone) {
        return timed("refresh", () -> delegate.refresh(zone));
    }

    @Override
    public Outcome<ControlReply> retransfer(ZoneName zone) {
        return timed("retransfer", () -> delegate.retransfer(zone));
    }

    @Override
    public Outcome<ControlReply> freeze(ZoneName zone) {
        return timed("freeze", () -> delegate.freeze(zone));
    }

    @Override
    public Outcome<ControlReply> thaw(ZoneName zone) {
        return timed("thaw", () -> delegate.thaw(zone));
    }

    @Override
    public Outcome<ControlReply> sync(ZoneName zone) {
        return timed("sync", () -> delegate.sync(zone));
    }

    @Override
    public Outcome<ControlReply> notify(ZoneName zone) {
        return timed("notify", () -> delegate.notify(zone));
    }

    @Override
    public Outcome<ServerStatus> serverStatus() {
        return timed("status", delegate::serverStatus);
    }

    @Override
    public Outcome<ControlReply> reloadServer() {
        return timed("reload", delegate::reloadServer);
    }
}
