package dev.bindsmith.rndc.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.DnssecKey;
import dev.bindsmith.core.port.DsState;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.rndc.client.RndcReply;
import dev.bindsmith.rndc.update.ApexRecordQuery;
import dev.bindsmith.rndc.update.UpdateSettings;
import dev.bindsmith.testing.Outcomes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * named 9.18's {@code rndc dnssec} texts, as captured from a real named by {@link RndcDnssecControlIT}
 * ({@code -Dbindsmith.writeGolden=true}) and pinned in {@code dnssec/*.txt}: the parser reads each
 * exactly, and the adapter turns each into the port's outcome.
 */
class DnssecTextsTest {
    private static final ZoneName ZONE = ZoneName.of("signed.example");

    private static String text(String golden) {
        return DnssecGolden.read(golden).text();
    }

    private static Map<String, String> states(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void theDefaultPolicysSingleCskIsReadWithItsStatesAndNextEvent() {
        String text = text("status-default-csk");

        assertThat(DnssecTexts.policy(text)).hasValue("default");
        List<DnssecKey> keys = DnssecTexts.keys(text);
        assertThat(keys).hasSize(1);
        DnssecKey k = keys.getFirst();
        assertThat(k.role()).isEqualTo("CSK");
        assertThat(k.algorithm()).isEqualTo("ECDSAP256SHA256");
        assertThat(k.published()).isTrue();
        assertThat(k.keySigning()).isTrue();
        assertThat(k.zoneSigning()).isTrue();
        assertThat(k.nextEvent()).isEqualTo("No rollover scheduled");
        assertThat(k.states())
                .containsExactlyEntriesOf(states(
                        "goal", "omnipresent",
                        "dnskey", "rumoured",
                        "ds", "hidden",
                        "zone rrsig", "rumoured",
                        "key rrsig", "rumoured"));
    }

    @Test
    void aSplitPolicysZskAndKskAreReadWithTheirOwnLines() {
        String text = text("status-split-ksk-zsk");

        assertThat(DnssecTexts.policy(text)).hasValue("split");
        List<DnssecKey> keys = DnssecTexts.keys(text);
        assertThat(keys).extracting(DnssecKey::role).containsExactly("ZSK", "KSK");
        DnssecKey zsk = keys.get(0);
        DnssecKey ksk = keys.get(1);
        assertThat(zsk.zoneSigning()).isTrue();
        assertThat(zsk.keySigning()).isFalse();
        assertThat(zsk.nextEvent()).startsWith("Next rollover scheduled on ");
        assertThat(zsk.states()).containsOnlyKeys("goal", "dnskey", "zone rrsig");
        assertThat(ksk.keySigning()).isTrue();
        assertThat(ksk.zoneSigning()).isFalse();
        assertThat(ksk.states()).containsOnlyKeys("goal", "dnskey", "ds", "key rrsig");
    }

    @Test
    void afterARolloverTheOldKeyIsReadAsRemovedAndHidden() {
        List<DnssecKey> keys = DnssecTexts.keys(text("status-after-rollover"));

        assertThat(keys).hasSize(2);
        DnssecKey old = keys.get(1);
        assertThat(old.published()).isFalse();
        assertThat(old.keySigning()).isFalse();
        assertThat(old.nextEvent()).isEqualTo("Key has been removed from the zone");
        assertThat(old.states()).containsEntry("goal", "hidden").containsEntry("ds", "rumoured");
        assertThat(keys.get(0).published()).isTrue();
    }

    @Test
    void aZoneWithoutAPolicyHasNoPolicyAndNoKeys() {
        String text = text("status-unsigned");

        assertThat(text).isEqualTo(DnssecTexts.NO_POLICY);
        assertThat(DnssecTexts.policy(text)).isEmpty();
        assertThat(DnssecTexts.keys(text)).isEmpty();
    }

    // ---- the adapter's outcomes for each reply, through a scripted channel ----

    /** The adapter over a channel that answers exactly {@code command} (the line the adapter must send) with the golden reply. */
    private static RndcDnssecControl scripted(String command, String golden) {
        RndcReply reply = DnssecGolden.read(golden);
        ScriptedChannel channel =
                new ScriptedChannel().on(command, c -> new RndcReply(c, reply.result(), reply.err(), reply.text()));
        TsigKey key = new TsigKey("k", TsigKey.Algorithm.HMAC_SHA256, "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI=");
        return new RndcDnssecControl(channel, new ApexRecordQuery(UpdateSettings.of("127.0.0.1", 53, key)));
    }

    @Test
    void aScheduledRolloverAndAMarkedDsAreOkWithNamedsText() {
        ControlReply rollover = Outcomes.ok(scripted("dnssec -rollover -key 49348 signed.example", "rollover-scheduled")
                .rollover(ZONE, 49348));
        ControlReply checkds =
                Outcomes.ok(scripted("dnssec -checkds -key 49348 published signed.example", "checkds-one-key")
                        .checkds(ZONE, DsState.PUBLISHED, OptionalInt.of(49348)));

        assertThat(rollover.text()).isEqualTo("Key 49348: Rollover scheduled on 03-Dec-2026 15:57:07.000");
        assertThat(checkds.text()).isEqualTo("KSK 49348: Marked DS as published since 03-Dec-2026 15:57:07.000");
    }

    @Test
    void namedsSuccessesThatSayNoKeyOrNoPolicyAreTheirFailures() {
        Outcome.Invalid<?> noKey = Outcomes.failure(
                scripted("dnssec -rollover -key 1 signed.example", "rollover-no-such-key")
                        .rollover(ZONE, 1),
                Outcome.Invalid.class,
                ErrorCode.DNSSEC_KEY_NOT_FOUND);
        Outcomes.failure(
                scripted("dnssec -checkds -key 1 published signed.example", "checkds-no-such-key")
                        .checkds(ZONE, DsState.PUBLISHED, OptionalInt.of(1)),
                Outcome.Invalid.class,
                ErrorCode.DNSSEC_KEY_NOT_FOUND);
        Outcomes.failure(
                scripted("dnssec -checkds published signed.example", "checkds-unsigned")
                        .checkds(ZONE, DsState.PUBLISHED, OptionalInt.empty()),
                Outcome.Invalid.class,
                ErrorCode.ZONE_NOT_SIGNED);

        assertThat(noKey.details()).contains("no matching key found").contains("tag 1");
    }

    @Test
    void anUnknownZoneIsZoneNotFound() {
        Outcomes.failure(
                scripted("dnssec -rollover -key 1 signed.example", "status-unknown-zone")
                        .rollover(ZONE, 1),
                Outcome.NotFound.class,
                ErrorCode.ZONE_NOT_FOUND);
    }
}
