package dev.bindsmith.testing.memory;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.DnssecControl;
import dev.bindsmith.core.port.DnssecKey;
import dev.bindsmith.core.port.DnssecStatus;
import dev.bindsmith.core.port.DsState;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.ZoneName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@link DnssecControl} over an {@link InMemoryNameServerControl}'s zones that behaves like named
 * 9.18: a zone is signed when its statement has a {@code dnssec-policy}, and then has one CSK (the
 * policy {@code default}); a rollover replaces the key with a new one; {@code checkds} marks the DS of
 * the key-signing keys. Replies are named's texts ({@code Key 12345: Rollover scheduled on …}), and a
 * zone without a policy or an unknown key tag fail as the port says.
 */
public final class InMemoryDnssecControl implements DnssecControl {
    private static final DateTimeFormatter NAMED_TIME = DateTimeFormatter.ofPattern(
                    "dd-MMM-yyyy HH:mm:ss.SSS", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final InMemoryNameServerControl server;
    private final Clock clock;
    private final Map<ZoneName, List<DnssecKey>> keys = new HashMap<>();

    public InMemoryDnssecControl(InMemoryNameServerControl server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    @Override
    public Outcome<DnssecStatus> status(ZoneName zone) {
        return server.command(
                "dnssec",
                zone,
                () -> withZone(zone, policy -> {
                    if (policy.isEmpty()) {
                        return new Outcome.Ok<>(new DnssecStatus(
                                zone,
                                false,
                                Optional.empty(),
                                List.of(),
                                List.of(),
                                "Zone does not have dnssec-policy"));
                    }
                    List<DnssecKey> zoneKeys = keysOf(zone);
                    List<RData.Ds> ds = zoneKeys.stream()
                            .filter(k -> k.published() && !k.role().equals("ZSK"))
                            .map(k -> new RData.Ds(k.tag(), 13, 2, digest(zone, k.tag())))
                            .toList();
                    return new Outcome.Ok<>(new DnssecStatus(
                            zone, true, policy, zoneKeys, ds, "dnssec-policy: " + policy.get() + "\n"));
                }));
    }

    @Override
    public Outcome<ControlReply> rollover(ZoneName zone, int keyTag) {
        return server.command(
                "dnssec",
                zone,
                () -> withSigned(zone, () -> {
                    List<DnssecKey> zoneKeys = keysOf(zone);
                    int index = indexOf(zoneKeys, keyTag);
                    if (index < 0) {
                        return noKey(zone, keyTag, "rollover");
                    }
                    DnssecKey old = zoneKeys.get(index);
                    zoneKeys.set(index, key(old.tag(), false, "Key has been removed from the zone", "hidden"));
                    zoneKeys.add(key(nextTag(zoneKeys), true, "No rollover scheduled", "omnipresent"));
                    return new Outcome.Ok<>(new ControlReply(
                            "dnssec",
                            "Key " + keyTag + ": Rollover scheduled on " + NAMED_TIME.format(clock.instant())));
                }));
    }

    @Override
    public Outcome<ControlReply> checkds(ZoneName zone, DsState state, OptionalInt keyTag) {
        return server.command(
                "dnssec",
                zone,
                () -> withSigned(zone, () -> {
                    List<DnssecKey> zoneKeys = keysOf(zone);
                    String since = " as " + state.word() + " since " + NAMED_TIME.format(clock.instant());
                    if (keyTag.isEmpty()) {
                        return new Outcome.Ok<>(new ControlReply("dnssec", "Marked DS" + since));
                    }
                    if (indexOf(zoneKeys, keyTag.getAsInt()) < 0) {
                        return noKey(zone, keyTag.getAsInt(), "checkds");
                    }
                    return new Outcome.Ok<>(
                            new ControlReply("dnssec", "KSK " + keyTag.getAsInt() + ": Marked DS" + since));
                }));
    }

    // ---- plumbing ----

    private interface Body<T> {
        Outcome<T> run(Optional<String> policy);
    }

    private <T> Outcome<T> withZone(ZoneName zone, Body<T> body) {
        synchronized (server) {
            Optional<ServedZone> served = server.served(zone);
            if (served.isEmpty()) {
                return InMemoryNameServerControl.notFound(zone);
            }
            return body.run(served.get().options.dnssecPolicy());
        }
    }

    private <T> Outcome<T> withSigned(ZoneName zone, java.util.function.Supplier<Outcome<T>> body) {
        return withZone(zone, policy -> policy.isPresent() ? body.get() : notSigned(zone));
    }

    private synchronized List<DnssecKey> keysOf(ZoneName zone) {
        return keys.computeIfAbsent(zone, z -> {
            List<DnssecKey> list = new ArrayList<>();
            list.add(key(
                    1000 + Math.floorMod(z.value().hashCode(), 60000), true, "No rollover scheduled", "omnipresent"));
            return list;
        });
    }

    private static DnssecKey key(int tag, boolean active, String next, String goal) {
        Map<String, String> states = new LinkedHashMap<>();
        states.put("goal", goal);
        states.put("dnskey", active ? "omnipresent" : "unretentive");
        states.put("ds", active ? "hidden" : "unretentive");
        states.put("zone rrsig", active ? "omnipresent" : "unretentive");
        states.put("key rrsig", active ? "omnipresent" : "unretentive");
        return new DnssecKey(tag, "ECDSAP256SHA256", "CSK", active, active, active, next, states);
    }

    private static int indexOf(List<DnssecKey> keys, int tag) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).tag() == tag) {
                return i;
            }
        }
        return -1;
    }

    private static int nextTag(List<DnssecKey> keys) {
        int tag = keys.getLast().tag();
        do {
            tag = (tag + 7919) % 65536;
        } while (indexOf(keys, tag) >= 0);
        return tag;
    }

    private static String digest(ZoneName zone, int tag) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest((zone.value() + "/" + tag).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> Outcome<T> notSigned(ZoneName zone) {
        return DnssecControl.notSigned(zone);
    }

    private static <T> Outcome<T> noKey(ZoneName zone, int tag, String command) {
        return DnssecControl.keyNotFound(zone, tag, "Error executing " + command + " command: no matching key found");
    }
}
