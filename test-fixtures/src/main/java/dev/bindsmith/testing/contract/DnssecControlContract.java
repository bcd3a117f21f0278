package dev.bindsmith.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.DnssecControl;
import dev.bindsmith.core.port.DnssecKey;
import dev.bindsmith.core.port.DnssecStatus;
import dev.bindsmith.core.port.DsState;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DnssecControl}, with BIND 9.18 under {@code dnssec-policy default} as the
 * reference. Extend it with {@link #newDnssec()}, {@link #signedZone()} (a fresh zone the server
 * signs with the policy {@code default}), {@link #unsignedZone()} (a fresh zone it serves unsigned)
 * and {@link #signs()}: false for a backend that does not sign, where every call on a zone it has
 * must say so ({@code DNSSEC_NOT_SUPPORTED}).
 */
public abstract class DnssecControlContract {

    protected abstract DnssecControl newDnssec();

    protected abstract ZoneName signedZone();

    protected abstract ZoneName unsignedZone();

    protected abstract boolean signs();

    protected DnssecControl dnssec;

    @BeforeEach
    void create() {
        dnssec = newDnssec();
    }

    /** The zone's status once {@code condition} holds, asked every 100 ms for at most 30 s; the last one otherwise. */
    private DnssecStatus awaitStatus(ZoneName zone, java.util.function.Predicate<DnssecStatus> condition) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        DnssecStatus status = Outcomes.ok(dnssec.status(zone));
        while (!condition.test(status) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            status = Outcomes.ok(dnssec.status(zone));
        }
        return status;
    }

    private void requireSigning() {
        Assumptions.assumeTrue(signs(), "this backend does not sign zones");
    }

    @Test
    void everyCallOnAnUnknownZoneIsZoneNotFound() {
        ZoneName unknown = ContractZones.unique("dnssec-unknown");

        Outcomes.failure(dnssec.status(unknown), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
        Outcomes.failure(dnssec.rollover(unknown, 1), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
        Outcomes.failure(
                dnssec.checkds(unknown, DsState.PUBLISHED, OptionalInt.empty()),
                Outcome.NotFound.class,
                ErrorCode.ZONE_NOT_FOUND);
    }

    @Test
    void aBackendThatDoesNotSignSaysSoForEveryCallOnAZoneItHas() {
        Assumptions.assumeFalse(signs(), "this backend signs zones");
        ZoneName zone = unsignedZone();

        var status = Outcomes.failure(dnssec.status(zone), Outcome.Invalid.class, ErrorCode.DNSSEC_NOT_SUPPORTED);
        Outcomes.failure(dnssec.rollover(zone, 1), Outcome.Invalid.class, ErrorCode.DNSSEC_NOT_SUPPORTED);
        Outcomes.failure(
                dnssec.checkds(zone, DsState.PUBLISHED, OptionalInt.empty()),
                Outcome.Invalid.class,
                ErrorCode.DNSSEC_NOT_SUPPORTED);
        assertThat(status.details()).contains("BIND");
    }

    @Test
    void aSignedZoneReportsItsPolicyKeysAndTheDsOfItsKeySigningKeys() {
        requireSigning();
        ZoneName zone = signedZone();

        DnssecStatus status = Outcomes.ok(dnssec.status(zone));

        assertThat(status.signed()).isTrue();
        assertThat(status.policy()).hasValue("default");
        assertThat(status.keys()).isNotEmpty();
        DnssecKey key = status.keys().getFirst();
        assertThat(key.role()).isIn("KSK", "ZSK", "CSK");
        assertThat(key.algorithm()).isEqualTo("ECDSAP256SHA256");
        assertThat(key.states()).containsKeys("goal", "dnskey");
        assertThat(key.nextEvent()).isNotBlank();
        Set<Integer> signing = status.keys().stream()
                .filter(k -> !k.role().equals("ZSK"))
                .map(DnssecKey::tag)
                .collect(Collectors.toSet());
        assertThat(status.ds()).isNotEmpty();
        for (RData.Ds ds : status.ds()) {
            assertThat(signing).contains(ds.keyTag());
            assertThat(ds.algorithm()).isEqualTo(13);
            assertThat(ds.digestType()).isEqualTo(2);
            assertThat(ds.digestHex()).hasSize(64);
        }
    }

    @Test
    void anUnsignedZoneReportsItselfUnsignedWithoutKeys() {
        requireSigning();
        ZoneName zone = unsignedZone();

        DnssecStatus status = Outcomes.ok(dnssec.status(zone));

        assertThat(status.signed()).isFalse();
        assertThat(status.policy()).isEmpty();
        assertThat(status.keys()).isEmpty();
        assertThat(status.ds()).isEmpty();
    }

    @Test
    void rolloverAndCheckdsOfAnUnsignedZoneAreZoneNotSigned() {
        requireSigning();
        ZoneName zone = unsignedZone();

        Outcomes.failure(dnssec.rollover(zone, 1), Outcome.Invalid.class, ErrorCode.ZONE_NOT_SIGNED);
        Outcomes.failure(
                dnssec.checkds(zone, DsState.PUBLISHED, OptionalInt.empty()),
                Outcome.Invalid.class,
                ErrorCode.ZONE_NOT_SIGNED);
    }

    @Test
    void aRolloverOfAKeyTheZoneHasReplacesItWithANewKey() {
        requireSigning();
        ZoneName zone = signedZone();
        int tag = Outcomes.ok(dnssec.status(zone)).keys().getFirst().tag();

        ControlReply reply = Outcomes.ok(dnssec.rollover(zone, tag));

        assertThat(reply.text()).contains("Key " + tag + ": Rollover scheduled");
        // named answers once the rollover is scheduled and makes the successor key on its next key-manager run
        DnssecStatus after = awaitStatus(zone, s -> s.keys().size() > 1);
        assertThat(after.keys()).extracting(DnssecKey::tag).contains(tag).hasSizeGreaterThan(1);
        assertThat(after.keys().stream()
                        .filter(k -> k.tag() == tag)
                        .findFirst()
                        .orElseThrow()
                        .states())
                .containsEntry("goal", "hidden");
    }

    @Test
    void aRolloverOrCheckdsOfAKeyTagTheZoneDoesNotHaveIsDnssecKeyNotFound() {
        requireSigning();
        ZoneName zone = signedZone();
        int absent = (Outcomes.ok(dnssec.status(zone)).keys().getFirst().tag() + 1) % 65536;

        var rollover =
                Outcomes.failure(dnssec.rollover(zone, absent), Outcome.Invalid.class, ErrorCode.DNSSEC_KEY_NOT_FOUND);
        Outcomes.failure(
                dnssec.checkds(zone, DsState.PUBLISHED, OptionalInt.of(absent)),
                Outcome.Invalid.class,
                ErrorCode.DNSSEC_KEY_NOT_FOUND);
        assertThat(rollover.details()).contains("no matching key found");
    }

    @Test
    void checkdsMarksTheDsOfOneKeyOrOfEveryKeySigningKey() {
        requireSigning();
        ZoneName zone = signedZone();
        int tag = Outcomes.ok(dnssec.status(zone)).keys().getFirst().tag();

        ControlReply one = Outcomes.ok(dnssec.checkds(zone, DsState.PUBLISHED, OptionalInt.of(tag)));
        ControlReply all = Outcomes.ok(dnssec.checkds(zone, DsState.WITHDRAWN, OptionalInt.empty()));

        assertThat(one.text()).contains(tag + ": Marked DS as published since");
        assertThat(all.text()).contains("Marked DS as withdrawn since");
    }
}
