package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.ZoneName;

/**
 * A name server whose addzone is sent twice, as the rndc client does when a reused connection closes
 * before any reply: the first one runs, its reply is lost, and the retry is answered "already exists".
 */
final class RetriedAddControl implements NameServerControl {
    private final NameServerControl server;

    RetriedAddControl(NameServerControl server) {
        this.server = server;
    }

    @Override
    public Outcome<ControlReply> addZone(ZoneName zone, ZoneConfig config) {
        server.addZone(zone, config);
        return server.addZone(zone, config);
    }

    @Override
    public Outcome<ControlReply> deleteZone(ZoneName zone) {
        return server.deleteZone(zone);
    }

    @Override
    public Outcome<ControlReply> modifyZone(ZoneName zone, ZonePatch patch) {
        return server.modifyZone(zone, patch);
    }

    @Override
    public Outcome<ZoneConfig> showZone(ZoneName zone) {
        return server.showZone(zone);
    }

    @Override
    public Outcome<ZoneStatus> zoneStatus(ZoneName zone) {
        return server.zoneStatus(zone);
    }

    @Override
    public Outcome<ControlReply> reload(ZoneName zone) {
        return server.reload(zone);
    }

    @Override
    public Outcome<ControlReply> refresh(ZoneName zone) {
        return server.refresh(zone);
    }

    @Override
    public Outcome<ControlReply> retransfer(ZoneName zone) {
        return server.retransfer(zone);
    }

    @Override
    public Outcome<ControlReply> freeze(ZoneName zone) {
        return server.freeze(zone);
    }

    @Override
    public Outcome<ControlReply> thaw(ZoneName zone) {
        return server.thaw(zone);
    }

    @Override
    public Outcome<ControlReply> sync(ZoneName zone) {
        return server.sync(zone);
    }

    @Override
    public Outcome<ControlReply> notify(ZoneName zone) {
        return server.notify(zone);
    }

    @Override
    public Outcome<ServerStatus> serverStatus() {
        return server.serverStatus();
    }

    @Override
    public Outcome<ControlReply> reloadServer() {
        return server.reloadServer();
    }
}
