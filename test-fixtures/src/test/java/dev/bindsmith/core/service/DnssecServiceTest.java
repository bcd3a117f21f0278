package dev.bindsmith.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.InMemoryDnssecControl;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DNSSEC use cases judge the request, then the zone's existence, then ask the backend. */
class DnssecServiceTest {
    private InMemoryNameServerControl control;
    private UseCases signing;
    private UseCases notSigning;

    @BeforeEach
    void wire() {
        InMemoryZoneStore store = new InMemoryZoneStore();
        control = new InMemoryNameServerControl(store, TestClocks.fixed());
        InMemoryRecordStore records = new InMemoryRecordStore(control);
        signing = UseCases.builder(store, control, records, records, TestClocks.fixed())
                .dnssec(new InMemoryDnssecControl(control, TestClocks.fixed()))
                .build();
        notSigning = UseCases.of(store, control, records, records, TestClocks.fixed());
        Outcomes.created(signing.zones()
                .create(TestZones.request("signed.example")
                        .dnssecPolicy("default")
                        .build()));
        Outcomes.created(
                signing.zones().create(TestZones.request("plain.example").build()));
    }

    private static DnssecRequest rollover(long tag) {
        return new DnssecRequest(OptionalLong.of(tag), Optional.empty());
    }

    @Test
    void aSignedZonesKeysAreRolledAndTheirDsMarked() {
        int tag = Outcomes.ok(signing.dnssec().status("signed.example"))
                .keys()
                .getFirst()
                .tag();

        assertThat(Outcomes.ok(signing.dnssec().rollover("signed.example", rollover(tag)))
                        .text())
                .startsWith("Key " + tag + ": Rollover scheduled");
        assertThat(Outcomes.ok(signing.dnssec()
                                .checkds(
                                        "signed.example",
                                        new DnssecRequest(OptionalLong.empty(), Optional.of("published"))))
                        .text())
                .startsWith("Marked DS as published");
    }

    @Test
    void aRolloverWithoutAKeyTagOrWithOneOutOfRangeIs400BeforeTheServerIsAsked() {
        Outcome.Invalid<?> missing = Outcomes.failure(
                signing.dnssec().rollover("signed.example", new DnssecRequest(OptionalLong.empty(), Optional.empty())),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);
        Outcome.Invalid<?> range = Outcomes.failure(
                signing.dnssec().rollover("signed.example", rollover(70000)),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);

        assertThat(missing.violations()).extracting(Violation::field).containsExactly("keyTag");
        assertThat(range.violations()).extracting(Violation::field).containsExactly("keyTag");
        assertThat(control.calls()).noneMatch(c -> c.startsWith("dnssec"));
    }

    @Test
    void aCheckdsWithoutAStateOrWithAnotherWordIs400() {
        Outcome.Invalid<?> missing = Outcomes.failure(
                signing.dnssec().checkds("signed.example", new DnssecRequest(OptionalLong.empty(), Optional.empty())),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);
        Outcome.Invalid<?> other = Outcomes.failure(
                signing.dnssec()
                        .checkds("signed.example", new DnssecRequest(OptionalLong.empty(), Optional.of("maybe"))),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);

        assertThat(missing.violations()).extracting(Violation::field).containsExactly("state");
        assertThat(other.details()).contains("'published' or 'withdrawn'");
    }

    @Test
    void anUnknownZoneIs404OnEveryBackendAndAnInvalidNameIs400() {
        Outcomes.failure(
                notSigning.dnssec().status("absent.example"), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
        Outcomes.failure(signing.dnssec().status("absent.example"), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);
        Outcomes.failure(signing.dnssec().status("-bad-"), Outcome.Invalid.class, ErrorCode.INVALID_ZONE_NAME);
    }

    @Test
    void aBackendWithoutDnssecSaysItDoesNotSignForAZoneItHas() {
        Outcome.Invalid<?> failure = Outcomes.failure(
                notSigning.dnssec().status("plain.example"), Outcome.Invalid.class, ErrorCode.DNSSEC_NOT_SUPPORTED);

        assertThat(failure.details()).contains("needs the BIND backend");
    }

    @Test
    void aKeyOperationOnAnUnsignedZoneIs400ZoneNotSigned() {
        Outcomes.failure(
                signing.dnssec().rollover("plain.example", rollover(1)),
                Outcome.Invalid.class,
                ErrorCode.ZONE_NOT_SIGNED);
    }
}
