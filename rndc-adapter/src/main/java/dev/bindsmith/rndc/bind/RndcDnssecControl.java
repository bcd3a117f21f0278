package dev.bindsmith.rndc.bind;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.DnssecControl;
import dev.bindsmith.core.port.DnssecStatus;
import dev.bindsmith.core.port.DsState;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.rndc.client.ControlChannel;
import dev.bindsmith.rndc.client.RndcException;
import dev.bindsmith.rndc.client.RndcReply;
import dev.bindsmith.rndc.update.ApexRecordQuery;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.xbill.DNS.CDSRecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * {@link DnssecControl} for BIND 9 ({@code dnssec-policy} zones): {@code rndc dnssec -status},
 * {@code -rollover -key} and {@code -checkds}, with named 9.18's texts read by {@link DnssecTexts}.
 * named answers a zone without a policy and a key tag it does not know as successes with an
 * explanatory text; those become {@code ZONE_NOT_SIGNED} and {@code DNSSEC_KEY_NOT_FOUND} here. The
 * DS records are computed from what the zone serves: its CDS records when it publishes them (named
 * does once the KSK is omnipresent), else its key-signing DNSKEYs (SEP flag), as SHA-256 digests.
 */
public final class RndcDnssecControl implements DnssecControl {
    static final String COMMAND = "dnssec";
    private static final int SEP = 0x0001;
    private static final int REVOKE = 0x0080;

    private final ControlChannel channel;
    private final ApexRecordQuery apex;

    public RndcDnssecControl(ControlChannel channel, ApexRecordQuery apex) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.apex = Objects.requireNonNull(apex, "apex");
    }

    @Override
    public Outcome<DnssecStatus> status(ZoneName zone) {
        Optional<Outcome.Failure<DnssecStatus>> bad = RndcNameServerControl.checkSink(zone);
        if (bad.isPresent()) {
            return bad.get();
        }
        Outcome<RndcReply> zonestatus = exchange("zonestatus", "zonestatus " + zone.value());
        if (!(zonestatus instanceof Outcome.Ok<RndcReply>(RndcReply zs))) {
            return ((Outcome.Failure<RndcReply>) zonestatus).as();
        }
        if (!zs.ok() && NamedError.of(zs) != NamedError.ZONE_NOT_LOADED) {
            return NamedError.classify("zonestatus", Optional.of(zone), zs);
        }
        boolean secure =
                zs.ok() && StatusTexts.zoneStatus(zone, zs.text()).secure().orElse(false);
        return reply(zone, "dnssec -status " + zone.value()).flatMap(text -> {
            Optional<String> policy = DnssecTexts.policy(text);
            if (policy.isEmpty() && !secure) {
                return new Outcome.Ok<>(new DnssecStatus(zone, false, policy, List.of(), List.of(), text));
            }
            return ds(zone).map(ds -> new DnssecStatus(zone, secure, policy, DnssecTexts.keys(text), ds, text));
        });
    }

    @Override
    public Outcome<ControlReply> rollover(ZoneName zone, int keyTag) {
        Optional<Outcome.Failure<ControlReply>> bad = RndcNameServerControl.checkSink(zone);
        if (bad.isPresent()) {
            return bad.get();
        }
        return keyCommand(zone, OptionalInt.of(keyTag), "dnssec -rollover -key " + keyTag + " " + zone.value());
    }

    @Override
    public Outcome<ControlReply> checkds(ZoneName zone, DsState state, OptionalInt keyTag) {
        Optional<Outcome.Failure<ControlReply>> bad = RndcNameServerControl.checkSink(zone);
        if (bad.isPresent()) {
            return bad.get();
        }
        String key = keyTag.isPresent() ? "-key " + keyTag.getAsInt() + " " : "";
        return keyCommand(zone, keyTag, "dnssec -checkds " + key + state.word() + " " + zone.value());
    }

    /** A rollover or checkds: named's successes that are failures become the port's outcomes. */
    private Outcome<ControlReply> keyCommand(ZoneName zone, OptionalInt keyTag, String command) {
        return reply(zone, command).flatMap(text -> {
            String said = text.strip();
            if (said.equals(DnssecTexts.NO_POLICY)) {
                return DnssecControl.notSigned(zone);
            }
            if (said.contains(DnssecTexts.NO_MATCHING_KEY)) {
                return DnssecControl.keyNotFound(zone, keyTag.orElse(-1), said);
            }
            if (said.startsWith("Error")) {
                return Outcome.backendRejected(COMMAND, "rndc: '" + COMMAND + "' failed: " + NamedError.oneLine(said));
            }
            return new Outcome.Ok<>(new ControlReply(COMMAND, said));
        });
    }

    /** named's text of a successful {@code dnssec …} command; a failed one as the port's outcome. */
    private Outcome<String> reply(ZoneName zone, String command) {
        return exchange(COMMAND, command)
                .flatMap(reply -> reply.ok()
                        ? new Outcome.Ok<>(reply.text())
                        : NamedError.classify(COMMAND, Optional.of(zone), reply));
    }

    private Outcome<RndcReply> exchange(String verb, String command) {
        try {
            return new Outcome.Ok<>(channel.send(command));
        } catch (RndcException e) {
            return NamedError.classify(verb, e);
        }
    }

    /** The DS for the parent: from the zone's CDS, else from its key-signing DNSKEYs. */
    private Outcome<List<RData.Ds>> ds(ZoneName zone) {
        Outcome<List<Record>> cds = apex.read(zone, Type.CDS);
        if (cds instanceof Outcome.Failure<List<Record>> failure) {
            return failure.as();
        }
        List<RData.Ds> fromCds = new ArrayList<>();
        for (Record r : ((Outcome.Ok<List<Record>>) cds).value()) {
            if (r instanceof CDSRecord c && c.getAlgorithm() != 0) {
                fromCds.add(ds(c));
            }
        }
        if (!fromCds.isEmpty()) {
            return new Outcome.Ok<>(fromCds);
        }
        return apex.read(zone, Type.DNSKEY).map(keys -> dsFromKeys(keys));
    }

    static List<RData.Ds> dsFromKeys(List<Record> keys) {
        List<RData.Ds> out = new ArrayList<>();
        for (Record r : keys) {
            if (r instanceof DNSKEYRecord key && (key.getFlags() & SEP) != 0 && (key.getFlags() & REVOKE) == 0) {
                out.add(ds(new DSRecord(key.getName(), DClass.IN, key.getTTL(), DNSSEC.Digest.SHA256, key)));
            }
        }
        return out;
    }

    private static RData.Ds ds(DSRecord ds) {
        return new RData.Ds(
                ds.getFootprint(),
                ds.getAlgorithm(),
                ds.getDigestID(),
                HexFormat.of().formatHex(ds.getDigest()));
    }
}
