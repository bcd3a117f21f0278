package dev.bindsmith.embedded;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.DnssecControl;
import dev.bindsmith.core.port.DnssecStatus;
import dev.bindsmith.core.port.DsState;
import dev.bindsmith.core.zone.ZoneName;
import java.util.OptionalInt;

/**
 * The embedded server does not sign zones: every DNSSEC operation on a zone it has answers
 * {@code DNSSEC_NOT_SUPPORTED} (and on one it has not, {@code ZONE_NOT_FOUND}, as everywhere), so that
 * a client learns the reason instead of an empty key list.
 */
public final class EmbeddedDnssecControl implements DnssecControl {
    private static final String WHY = "the embedded name server answers zones unsigned and keeps no DNSSEC keys";

    private final ZoneEngine engine;

    EmbeddedDnssecControl(ZoneEngine engine) {
        this.engine = engine;
    }

    @Override
    public Outcome<DnssecStatus> status(ZoneName zone) {
        return engine.withZone(zone, state -> DnssecControl.notSupported(zone, WHY));
    }

    @Override
    public Outcome<ControlReply> rollover(ZoneName zone, int keyTag) {
        return engine.withZone(zone, state -> DnssecControl.notSupported(zone, WHY));
    }

    @Override
    public Outcome<ControlReply> checkds(ZoneName zone, DsState state, OptionalInt keyTag) {
        return engine.withZone(zone, s -> DnssecControl.notSupported(zone, WHY));
    }
}
