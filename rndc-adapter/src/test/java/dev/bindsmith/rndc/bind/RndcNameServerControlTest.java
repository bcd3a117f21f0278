package dev.bindsmith.rndc.bind;

import static dev.bindsmith.rndc.bind.ScriptedChannel.fail;
import static dev.bindsmith.rndc.bind.ScriptedChannel.ok;
import static dev.bindsmith.rndc.bind.ScriptedChannel.raise;
import static dev.bindsmith.testing.builders.Records.endpoint;
import static dev.bindsmith.testing.builders.Records.match;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.rndc.client.RndcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every mapping uses the exact texts of named 9.18.49 recorded in docs/rndc-wire.md (result texts). */
class RndcNameServerControlTest {

    private static final ZoneName EXAMPLE = ZoneName.of("example.test");
    private static final ZoneName NOSUCH = ZoneName.of("nosuch.test");
    private static final String NO_MATCHING_ZONE = "no matching zone 'nosuch.test' in any view";
    private static final ZoneConfig PRIMARY = ZoneConfig.of(ZoneType.PRIMARY, "/z/example.test.zone", ZoneOptions.NONE);
    private static final String ADDZONE = "addzone example.test { type primary; file \"/z/example.test.zone\"; };";

    private final ScriptedChannel channel = new ScriptedChannel();
    private final List<Duration> sleeps = new ArrayList<>();
    private final RndcNameServerControl control = new RndcNameServerControl(
            channel,
            new RndcNameServerControl.ReloadCheck(
                    Duration.ofMillis(75), Duration.ofMillis(25), Duration.ofMillis(25), sleeps::add));

    private static Outcome.BackendFailed<?> backendFailed(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.BackendFailed.class);
        return (Outcome.BackendFailed<?>) outcome;
    }

    // ---- addzone ----

    @Test
    void addzoneSuccessReturnsNamedsTextAndSendsTheRenderedStatement() {
        channel.on(ADDZONE, ok(""));

        assertThat(control.addZone(EXAMPLE, PRIMARY)).isEqualTo(new Outcome.Ok<>(new ControlReply("addzone", "")));
        assertThat(channel.sent()).containsExactly(ADDZONE);
    }

    @Test
    void addzoneOfAnExistingZoneIsAConflictWithRndcsDetails() {
        channel.on(ADDZONE, fail(18, "already exists", ""));

        Outcome<ControlReply> out = control.addZone(EXAMPLE, PRIMARY);

        assertThat(out).isInstanceOf(Outcome.Conflict.class);
        Outcome.Conflict<?> c = (Outcome.Conflict<?>) out;
        assertThat(c.code()).isEqualTo(ErrorCode.ZONE_EXISTS);
        assertThat(c.details()).isEqualTo("rndc: 'addzone' failed: already exists");
        assertThat(c.context()).containsEntry("zone", "example.test");
    }

    @Test
    void addzoneWithNewZonesNotAllowedSaysSo() {
        channel.on(ADDZONE, fail(6, "permission denied", "Not allowing new zones in view '_default'"));

        Outcome.BackendFailed<?> f = backendFailed(control.addZone(EXAMPLE, PRIMARY));

        assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_REJECTED);
        assertThat(f.command()).isEqualTo("addzone");
        assertThat(f.details())
                .startsWith("rndc: 'addzone' failed: permission denied: Not allowing new zones in view" + " '_default'")
                .contains("allow-new-zones is off");
    }

    @Test
    void addzoneOfAMissingFileReportsFileNotFoundWithNamedsText() {
        channel.on(ADDZONE, fail(38, "file not found", "dns_zone_loadnew failed: file not found"));

        Outcome.BackendFailed<?> f = backendFailed(control.addZone(EXAMPLE, PRIMARY));

        assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_REJECTED);
        assertThat(f.details())
                .isEqualTo("rndc: 'addzone' failed: file not found: dns_zone_loadnew failed: file not found");
    }

    @Test
    void addzoneOfAMalformedFileReportsNamedsParserError() {
        channel.on(ADDZONE, fail(78, "bad dotted quad", "dns_zone_loadnew failed: bad dotted quad"));

        assertThat(backendFailed(control.addZone(EXAMPLE, PRIMARY)).details())
                .isEqualTo("rndc: 'addzone' failed: bad dotted quad: dns_zone_loadnew failed: bad dotted quad");
    }

    @Test
    void bareFailureAndUnexpectedTokenPointToNamedsLog() {
        channel.on(
                ADDZONE,
                fail(25, "failure", ""),
                fail(32, "unexpected token", ""),
                fail(25, "failure", "zone type not specified"));

        assertThat(backendFailed(control.addZone(EXAMPLE, PRIMARY)).details())
                .isEqualTo("rndc: 'addzone' failed: failure (named's log has the reason)");
        assertThat(backendFailed(control.addZone(EXAMPLE, PRIMARY)).details())
                .isEqualTo("rndc: 'addzone' failed: unexpected token (named's log has the reason)");
        assertThat(backendFailed(control.addZone(EXAMPLE, PRIMARY)).details())
                .isEqualTo("rndc: 'addzone' failed: failure: zone type not specified");
    }

    @Test
    void addzoneNotFoundIsAnUnknownViewNotAMissingZone() {
        channel.on(ADDZONE, fail(23, "not found", "no matching view found for 'noview'"));

        Outcome.BackendFailed<?> f = backendFailed(control.addZone(EXAMPLE, PRIMARY));

        assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_REJECTED);
        assertThat(f.details()).isEqualTo("rndc: 'addzone' failed: not found: no matching view found for 'noview'");
    }

    @Test
    void aFilePathWithAControlCharacterIsNeverSent() {
        ZoneConfig evil = ZoneConfig.of(ZoneType.PRIMARY, "/z/x\n};\nzone \"y\" {", ZoneOptions.NONE);

        assertThat(backendFailed(control.addZone(EXAMPLE, evil)).code()).isEqualTo(ErrorCode.BACKEND_REJECTED);
        assertThat(channel.sent()).isEmpty();
    }

    // ---- unknown zone, on every command ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "zonestatus",
                "showzone",
                "delzone",
                "reload",
                "freeze",
                "thaw",
                "notify",
                "sync",
                "refresh",
                "retransfer",
                "modzone"
            })
    void everyCommandOnAnUnknownZoneIsZoneNotFound(String verb) {
        channel.on(verb + " nosuch.test", fail(23, "not found", NO_MATCHING_ZONE));
        channel.on("zonestatus nosuch.test", fail(23, "not found", NO_MATCHING_ZONE));
        channel.on("showzone nosuch.test", fail(23, "not found", NO_MATCHING_ZONE));

        Outcome<?> out = switch (verb) {
            case "zonestatus" -> control.zoneStatus(NOSUCH);
            case "showzone" -> control.showZone(NOSUCH);
            case "delzone" -> control.deleteZone(NOSUCH);
            case "reload" -> control.reload(NOSUCH);
            case "freeze" -> control.freeze(NOSUCH);
            case "thaw" -> control.thaw(NOSUCH);
            case "notify" -> control.notify(NOSUCH);
            case "sync" -> control.sync(NOSUCH);
            case "refresh" -> control.refresh(NOSUCH);
            case "retransfer" -> control.retransfer(NOSUCH);
            case "modzone" ->
                control.modifyZone(
                        NOSUCH,
                        new ZonePatch(Optional.of(List.of(endpoint("10.0.0.1"))), Optional.empty(), Optional.empty()));
            default -> throw new AssertionError(verb);
        };

        assertThat(out).isEqualTo(Outcome.zoneNotFound("nosuch.test"));
        assertThat(channel.sent()).noneMatch(c -> c.startsWith("modzone"));
    }

    // ---- freeze / thaw / refresh / retransfer / notify / sync / delzone ----

    @Test
    void freezeOfAZoneWithoutUpdatesIsRejectedAsNotDynamic() {
        channel.on("freeze example.test", fail(181, "not dynamic", ""));

        Outcome.BackendFailed<?> f = backendFailed(control.freeze(EXAMPLE));

        assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_REJECTED);
        assertThat(f.details()).startsWith("rndc: 'freeze' failed: not dynamic").contains("allow-update");
    }

    @Test
    void reloadOfADynamicZoneSaysThatThawReloadsIt() {
        channel.on("zonestatus dyn.test", ok(zonestatus(1)));
        channel.on("reload dyn.test", fail(171, "dynamic zone", ""));

        Outcome.BackendFailed<?> f = backendFailed(control.reload(ZoneName.of("dyn.test")));

        assertThat(f.details())
                .startsWith("rndc: 'reload' failed: dynamic zone")
                .contains("freezing")
                .contains("thaw");
    }

    @Test
    void freezeTwiceReportsNamedsWarningOnOneLine() {
        channel.on(
                "freeze dyn.test",
                ok(""),
                fail(
                        154,
                        "already frozen",
                        "WARNING: The zone was already frozen.\nSomeone else may be editing it or it may still be re-loading."));

        assertThat(control.freeze(ZoneName.of("dyn.test"))).isEqualTo(new Outcome.Ok<>(new ControlReply("freeze", "")));
        assertThat(backendFailed(control.freeze(ZoneName.of("dyn.test"))).details())
                .isEqualTo("rndc: 'freeze' failed: already frozen: WARNING: The zone was already frozen."
                        + " Someone else may be editing it or it may still be re-loading.");
    }

    @Test
    void thawReturnsNamedsText() {
        channel.on("thaw dyn.test", ok("The zone reload and thaw was successful."));

        assertThat(control.thaw(ZoneName.of("dyn.test")))
                .isEqualTo(new Outcome.Ok<>(new ControlReply("thaw", "The zone reload and thaw was successful.")));
    }

    @Test
    void refreshAndRetransferOfAPrimaryAreRejectedWithNamedsReason() {
        channel.on("refresh example.test", fail(25, "failure", "not a secondary, mirror, or stub zone"));
        channel.on("retransfer example.test", fail(25, "failure", "retransfer: inappropriate zone type: primary"));

        assertThat(backendFailed(control.refresh(EXAMPLE)).details())
                .isEqualTo("rndc: 'refresh' failed: failure: not a secondary, mirror, or stub zone");
        assertThat(backendFailed(control.retransfer(EXAMPLE)).details())
                .isEqualTo("rndc: 'retransfer' failed: failure: retransfer: inappropriate zone type: primary");
    }

    @Test
    void notifySyncAndDelzoneReturnNamedsText() {
        channel.on("notify example.test", ok("zone notify queued"));
        channel.on("sync example.test", ok(""));
        channel.on("delzone s.test", ok("zone 's.test' will be deleted."));

        assertThat(control.notify(EXAMPLE))
                .isEqualTo(new Outcome.Ok<>(new ControlReply("notify", "zone notify queued")));
        assertThat(control.sync(EXAMPLE)).isEqualTo(new Outcome.Ok<>(new ControlReply("sync", "")));
        assertThat(control.deleteZone(ZoneName.of("s.test")))
                .isEqualTo(new Outcome.Ok<>(new ControlReply("delzone", "zone 's.test' will be deleted.")));
    }

    @Test
    void anUnknownCommandIsRejected() {
        channel.on("sync example.test", fail(172, "unknown command", ""));

        assertThat(backendFailed(control.sync(EXAMPLE)).details()).isEqualTo("rndc: 'sync' failed: unknown command");
    }

    // ---- no reply ----

    @Test
    void anUnreachableServerIsBackendUnreachableWithTheClientsMessage() {
        channel.on(
                "status",
                raise(new RndcException.Unreachable("rndc: connect failed: 127.0.0.1#1: connection refused", null)));

        Outcome.BackendFailed<?> f = backendFailed(control.serverStatus());

        assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_UNREACHABLE);
        assertThat(f.command()).isEqualTo("status");
        assertThat(f.details()).isEqualTo("rndc: connect failed: 127.0.0.1#1: connection refused");
    }

    @Test
    void aSessionClosedWithoutReplyPointsToKeyAlgorithmAndClock() {
        channel.on("freeze example.test", raise(new RndcException.Rejected("closed", null)));

        Outcome.BackendFailed<?> f = backendFailed(control.freeze(EXAMPLE));

        assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_UNREACHABLE);
        assertThat(f.details()).startsWith("rndc: 'freeze' failed: rejected: check key, algorithm and clock");
    }

    /** issue 16.1: "the command may have run" is not reported like a command that never ran. */
    @Test
    void aChangeThatMayHaveRunIsOutcomeUnknownAndAReadThatMayHaveRunIsUnreachable() {
        channel.on(
                "addzone example.test { type primary; file \"/z/example.test.zone\"; };",
                raise(new RndcException.Unreachable("rndc: no reply from 127.0.0.1#953 within 60000 ms", null, true)));
        channel.on(
                "zonestatus example.test",
                raise(new RndcException.Unreachable("rndc: no reply from 127.0.0.1#953 within 60000 ms", null, true)));

        Outcome.BackendFailed<?> add = backendFailed(control.addZone(
                EXAMPLE,
                dev.bindsmith.core.port.ZoneConfig.of(
                        dev.bindsmith.core.zone.ZoneType.PRIMARY,
                        "/z/example.test.zone",
                        dev.bindsmith.core.zone.ZoneOptions.NONE)));
        Outcome.BackendFailed<?> status = backendFailed(control.zoneStatus(EXAMPLE));

        assertThat(add.code()).isEqualTo(ErrorCode.BACKEND_OUTCOME_UNKNOWN);
        assertThat(add.details()).contains("may have carried it out");
        assertThat(status.code()).isEqualTo(ErrorCode.BACKEND_UNREACHABLE);
    }

    @Test
    void anUntrustworthyReplyIsBackendUnreachable() {
        channel.on("notify example.test", raise(new RndcException.Protocol("bad reply: signature mismatch", null)));

        Outcome.BackendFailed<?> f = backendFailed(control.notify(EXAMPLE));

        assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_UNREACHABLE);
        assertThat(f.details()).isEqualTo("rndc: bad reply: signature mismatch");
    }

    // ---- status ----

    @Test
    void zonestatusIsParsed() {
        channel.on("zonestatus example.test", ok(StatusTextsTest.ZONESTATUS));

        Outcome<ZoneStatus> out = control.zoneStatus(EXAMPLE);

        assertThat(out).isInstanceOf(Outcome.Ok.class);
        ZoneStatus s = ((Outcome.Ok<ZoneStatus>) out).value();
        assertThat(s.type()).isEqualTo("primary");
        assertThat(s.serial()).hasValue(1);
    }

    @Test
    void zonestatusOfASecondaryThatNeverLoadedIsAnExistingZoneWithoutSerial() {
        channel.on("zonestatus secondary.test", fail(123, "zone not loaded", ""));
        channel.on(
                "showzone secondary.test",
                ok("zone \"secondary.test\" { type secondary; file"
                        + " \"/z/secondary.test.zone\"; primaries { 127.0.0.1 port 1; }; };"));

        Outcome<ZoneStatus> out = control.zoneStatus(ZoneName.of("secondary.test"));

        assertThat(out).isInstanceOf(Outcome.Ok.class);
        ZoneStatus s = ((Outcome.Ok<ZoneStatus>) out).value();
        assertThat(s.type()).isEqualTo("secondary");
        assertThat(s.serial()).isEmpty();
        assertThat(s.files()).containsExactly("/z/secondary.test.zone");
        assertThat(s.raw()).isEqualTo("zone not loaded");
    }

    @Test
    void serverStatusIsParsed() {
        channel.on("status", ok(StatusTextsTest.STATUS));

        Outcome<ServerStatus> out = control.serverStatus();

        assertThat(out).isInstanceOf(Outcome.Ok.class);
        ServerStatus s = ((Outcome.Ok<ServerStatus>) out).value();
        assertThat(s.running()).isTrue();
        assertThat(s.zoneCount()).hasValue(4);
    }

    @Test
    void reloadServerSendsReloadWithoutAZone() {
        channel.on("reload", ok("server reload successful"));

        assertThat(control.reloadServer())
                .isEqualTo(new Outcome.Ok<>(new ControlReply("reload", "server reload successful")));
    }

    // ---- reload confirmation ----

    private static String zonestatus(long serial) {
        return StatusTextsTest.ZONESTATUS.replace("serial: 1", "serial: " + serial);
    }

    @Test
    void reloadUpToDateIsSuccessWithoutWaiting() {
        channel.on("zonestatus example.test", ok(zonestatus(1)));
        channel.on("reload example.test", ok("zone reload up-to-date"));

        assertThat(control.reload(EXAMPLE))
                .isEqualTo(new Outcome.Ok<>(new ControlReply("reload", "zone reload up-to-date")));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aQueuedReloadIsConfirmedByTheNewSerial() {
        channel.on("zonestatus example.test", ok(zonestatus(1)), ok(zonestatus(1)), ok(zonestatus(2)));
        channel.on("reload example.test", ok("zone reload queued"));

        assertThat(control.reload(EXAMPLE))
                .isEqualTo(new Outcome.Ok<>(new ControlReply("reload", "zone reload queued")));
        assertThat(sleeps).hasSize(2);
        assertThat(channel.sent()).filteredOn(c -> c.startsWith("reload")).hasSize(1);
    }

    @Test
    void aQueuedReloadWithAnUnchangedSerialIsConfirmedWhenNamedThenSaysUpToDate() {
        channel.on("zonestatus example.test", ok(zonestatus(7)));
        channel.on("reload example.test", ok("zone reload queued"), ok("zone reload up-to-date"));

        assertThat(control.reload(EXAMPLE))
                .isEqualTo(new Outcome.Ok<>(new ControlReply("reload", "zone reload queued")));
        assertThat(channel.sent()).filteredOn(c -> c.startsWith("reload")).hasSize(2);
    }

    @Test
    void aReloadThatDidNotTakeIsReportedWithTheSerialStillServed() {
        // docs/rndc-wire.md: a broken file still gets "zone reload queued"; zonestatus keeps the old serial
        channel.on("zonestatus example.test", ok(zonestatus(2)));
        channel.on("reload example.test", ok("zone reload queued"));

        Outcome.BackendFailed<?> f = backendFailed(control.reload(EXAMPLE));

        assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_REJECTED);
        assertThat(f.command()).isEqualTo("reload");
        assertThat(f.details())
                .contains("did not load within 0.3 s")
                .contains("serial 2")
                .contains("named's log");
        assertThat(sleeps).hasSize(12);
        assertThat(channel.sent()).filteredOn(c -> c.startsWith("reload")).hasSize(5);
    }

    @Test
    void aReloadStillQueuedWhenAskedAgainIsWatchedAnotherRoundBeforeItIsCalledAFailure() {
        // a busy named may not have run the queued load yet: "queued" once more is not yet a failure
        channel.on("zonestatus example.test", ok(zonestatus(7)));
        channel.on(
                "reload example.test",
                ok("zone reload queued"),
                ok("zone reload queued"),
                ok("zone reload up-to-date"));

        assertThat(control.reload(EXAMPLE))
                .isEqualTo(new Outcome.Ok<>(new ControlReply("reload", "zone reload queued")));
        assertThat(channel.sent()).filteredOn(c -> c.startsWith("reload")).hasSize(3);
    }

    @Test
    void aQueuedReloadIsConfirmedByANewLoadTimeWhenTheSerialStayed() {
        String later = zonestatus(4).replace("22:42:39", "22:42:41");
        channel.on("zonestatus example.test", ok(zonestatus(4)), ok(later));
        channel.on("reload example.test", ok("zone reload queued"));

        assertThat(control.reload(EXAMPLE))
                .isEqualTo(new Outcome.Ok<>(new ControlReply("reload", "zone reload queued")));
        assertThat(channel.sent()).filteredOn(c -> c.startsWith("reload")).hasSize(1);
    }

    @Test
    void aLargeZoneIsWatchedLongerInAtMostFortyChecksARound() {
        // a 400 000-node zone took about 5 s to load on the lab VM, answering "queued" all along
        channel.on("zonestatus big.test", ok(zonestatus(2).replace("nodes: 3", "nodes: 400000")));
        channel.on("reload big.test", ok("zone reload queued"));

        Outcome.BackendFailed<?> f = backendFailed(control.reload(ZoneName.of("big.test")));

        assertThat(sleeps).hasSize(160).containsOnly(Duration.ofMillis(250));
        assertThat(f.details()).contains("within 40.0 s");
    }

    @Test
    void theWatchBudgetGrowsWithTheNodeCountAboveTheMinimum() {
        var check = RndcNameServerControl.ReloadCheck.DEFAULT;

        assertThat(check.budget(java.util.OptionalLong.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(check.budget(java.util.OptionalLong.of(3))).isEqualTo(Duration.ofMillis(500));
        assertThat(check.budget(java.util.OptionalLong.of(400_000))).isEqualTo(Duration.ofSeconds(10));
        assertThat(check.pause(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(25));
        assertThat(check.pause(Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void reloadOfASecondaryIsARefreshAndNeedsNoConfirmation() {
        channel.on("zonestatus s.test", fail(123, "zone not loaded", ""));
        channel.on("showzone s.test", ok("zone \"s.test\" { type secondary; primaries { 192.0.2.1; }; };"));
        channel.on("reload s.test", ok("zone refresh queued"));

        assertThat(control.reload(ZoneName.of("s.test")))
                .isEqualTo(new Outcome.Ok<>(new ControlReply("reload", "zone refresh queued")));
        assertThat(sleeps).isEmpty();
    }

    // ---- showzone / modzone ----

    @Test
    void showZoneReturnsTheTypedConfigWithNamedsText() {
        channel.on("showzone a.test", ok(ZoneStatementTest.SHOWZONE_FULL));

        Outcome<ZoneConfig> out = control.showZone(ZoneName.of("a.test"));

        assertThat(out).isInstanceOf(Outcome.Ok.class);
        ZoneConfig c = ((Outcome.Ok<ZoneConfig>) out).value();
        assertThat(c.raw()).isEqualTo(ZoneStatementTest.SHOWZONE_FULL);
        assertThat(c.options().allowTransfer()).contains(match("10.0.0.0/8"));
    }

    @Test
    void showZoneOfAnUnmanagedTypeIsRejectedNotMisread() {
        channel.on("showzone f.test", ok("zone \"f.test\" { type forward; forwarders { 192.0.2.1; }; };"));

        assertThat(backendFailed(control.showZone(ZoneName.of("f.test"))).details())
                .contains("'forward'");
    }

    @Test
    void modifyZoneMergesThePatchIntoWhatNamedShowsAndSendsModzone() {
        String modzone = Golden.read("modzone-bindcar-example.txt");
        channel.on("showzone example.com", ok(ZoneStatementTest.SHOWZONE_BINDCAR));
        channel.on(modzone, ok("zone 'example.com' reconfigured."));

        Outcome<ControlReply> out = control.modifyZone(
                ZoneName.of("example.com"),
                new ZonePatch(
                        Optional.of(List.of(endpoint("10.0.0.7"))),
                        Optional.of(List.of(match("10.0.0.7"))),
                        Optional.empty()));

        assertThat(out).isEqualTo(new Outcome.Ok<>(new ControlReply("modzone", "zone 'example.com' reconfigured.")));
        assertThat(channel.sent()).containsExactly("showzone example.com", modzone);
    }

    @Test
    void aPatchThatChangesNothingSendsNoModzone() {
        channel.on("showzone example.com", ok(ZoneStatementTest.SHOWZONE_BINDCAR));

        Outcome<ControlReply> out = control.modifyZone(
                ZoneName.of("example.com"),
                new ZonePatch(Optional.of(List.of(endpoint("10.0.0.5"))), Optional.empty(), Optional.empty()));

        assertThat(out).isEqualTo(new Outcome.Ok<>(new ControlReply("modzone", "")));
        assertThat(channel.sent()).containsExactly("showzone example.com");
    }

    @Test
    void anUnreadableShowzoneStopsTheModificationBeforeModzone() {
        channel.on("showzone example.com", ok("zone \"example.com\" { type primary; file \"x\""));

        Outcome.BackendFailed<?> f = backendFailed(control.modifyZone(
                ZoneName.of("example.com"), new ZonePatch(Optional.of(List.of()), Optional.empty(), Optional.empty())));

        assertThat(f.command()).isEqualTo("showzone");
        assertThat(channel.sent()).containsExactly("showzone example.com");
    }

    @Test
    void zoneNamesReachTheCommandLineOnlyInTheirValidatedLowerCaseForm() {
        channel.on("notify example.test", ok("zone notify queued"));

        assertThat(control.notify(ZoneName.of("EXAMPLE.Test."))).isInstanceOf(Outcome.Ok.class);
        assertThat(channel.sent()).containsExactly("notify example.test");
    }
}
