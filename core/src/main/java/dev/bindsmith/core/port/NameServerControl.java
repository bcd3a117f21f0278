package dev.bindsmith.core.port;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.ZoneName;

/**
 * Control of a running name server's zones: BIND's rndc commands, or the embedded server's
 * equivalents. Every method returns an {@link Outcome} and never throws for a failure of the server:
 * <ul>
 * <li>an unknown zone is {@code NotFound} ({@code ZONE_NOT_FOUND});</li>
 * <li>{@link #addZone} of a zone the server has is {@code Conflict} ({@code ZONE_EXISTS});</li>
 * <li>a server that cannot be reached or closes the session is {@code BackendFailed}
 *     ({@code BACKEND_UNREACHABLE});</li>
 * <li>a command the server refuses is {@code BackendFailed} ({@code BACKEND_REJECTED}) with its
 *     short error text;</li>
 * <li>a command that changes something, sent and left without a reply (a timeout, a connection lost
 *     after it was delivered, a reply that does not verify), is {@code BackendFailed}
 *     ({@code BACKEND_OUTCOME_UNKNOWN}): the server may have carried it out, and a caller that would
 *     undo its own work asks ({@link #zoneStatus}) first.</li>
 * </ul>
 */
public interface NameServerControl {

    /**
     * Starts serving a zone ({@code rndc addzone}). {@code config.file()} is where its master file is;
     * a primary whose file is missing or does not load is refused and not added.
     */
    Outcome<ControlReply> addZone(ZoneName zone, ZoneConfig config);

    /** Stops serving a zone and forgets it ({@code rndc delzone}); the caller removes its files. */
    Outcome<ControlReply> deleteZone(ZoneName zone);

    /** Changes a zone's options ({@code rndc modzone}), keeping every option the patch does not name. */
    Outcome<ControlReply> modifyZone(ZoneName zone, ZonePatch patch);

    /** The zone's configuration as the server has it ({@code rndc showzone}). */
    Outcome<ZoneConfig> showZone(ZoneName zone);

    /**
     * The zone's state ({@code rndc zonestatus}). A zone the server has but has not loaded (a
     * secondary before its first transfer) exists: Ok with no serial and
     * {@link ZoneStatus#loaded()} false.
     */
    Outcome<ZoneStatus> zoneStatus(ZoneName zone);

    /**
     * Reloads the zone from its file, and confirms it took ({@code rndc reload}). A zone that takes
     * dynamic updates is reloaded too, keeping every update it took: its journal is written into the
     * file first (as {@code rndc freeze} and {@code thaw} do), so nothing applied is lost.
     */
    Outcome<ControlReply> reload(ZoneName zone);

    /** Schedules a refresh of a secondary ({@code rndc refresh}); of a primary it is refused. */
    Outcome<ControlReply> refresh(ZoneName zone);

    /** Transfers a secondary again from its primaries ({@code rndc retransfer}); of a primary it is refused. */
    Outcome<ControlReply> retransfer(ZoneName zone);

    /**
     * Suspends dynamic updates and writes the journal into the file ({@code rndc freeze}). A zone
     * that takes no updates is refused ({@code not dynamic}), and so is one already frozen
     * ({@code already frozen}).
     */
    Outcome<ControlReply> freeze(ZoneName zone);

    /** Reloads a frozen zone and resumes dynamic updates ({@code rndc thaw}); a zone that is not frozen is Ok. */
    Outcome<ControlReply> thaw(ZoneName zone);

    /** Writes the journal into the zone file ({@code rndc sync}). */
    Outcome<ControlReply> sync(ZoneName zone);

    /** Sends NOTIFY to the zone's secondaries ({@code rndc notify}). */
    Outcome<ControlReply> notify(ZoneName zone);

    /** The server's state ({@code rndc status}). */
    Outcome<ServerStatus> serverStatus();

    /** Reloads the configuration and every zone ({@code rndc reload}). */
    Outcome<ControlReply> reloadServer();
}
