package dev.bindsmith.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.catalog.CatalogIds;
import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemoryZoneCatalog;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A zone's create and delete with a catalog zone (RFC 9432): the zone and its member come and go
 * together, and a failure of either leaves neither changed.
 */
class ZoneServiceCatalogTest {
    private static final ZoneName CATALOG = ZoneName.of("catalog.bindsmith.invalid");
    private static final ZoneName EXAMPLE = ZoneName.of("example.com");

    private InMemoryZoneStore store;
    private InMemoryNameServerControl control;
    private InMemoryZoneCatalog catalog;
    private ZoneService zones;

    @BeforeEach
    void wire() {
        store = new InMemoryZoneStore();
        control = new InMemoryNameServerControl(store, TestClocks.fixed());
        InMemoryRecordStore records = new InMemoryRecordStore(control);
        catalog = new InMemoryZoneCatalog(CATALOG);
        Outcomes.ok(catalog.ensureExists());
        zones = UseCases.builder(store, control, records, records, TestClocks.fixed())
                .catalog(catalog)
                .build()
                .zones();
    }

    private Optional<CatalogMember> member(ZoneName zone) {
        return Outcomes.ok(catalog.member(zone));
    }

    @Test
    void aCreatedZoneIsACatalogMemberUnderItsOwnIdWithItsGroup() {
        Outcomes.created(zones.create(
                TestZones.request("example.com").catalogGroup("blue").build()));

        assertThat(member(EXAMPLE)).hasValue(CatalogMember.of(EXAMPLE, CatalogIds.of(EXAMPLE), Optional.of("blue")));
        assertThat(control.serves(EXAMPLE)).isTrue();
    }

    @Test
    void aCreateWhoseCatalogUpdateFailsIs500AndLeavesNeitherZoneNorFileNorMember() {
        catalog.refuse(true);

        Outcome.BackendFailed<?> failure = Outcomes.failure(
                zones.create(TestZones.request("example.com").build()),
                Outcome.BackendFailed.class,
                ErrorCode.BACKEND_REJECTED);

        assertThat(failure.details()).contains("the zone was removed again");
        assertThat(failure.context()).containsEntry("zone", "example.com").containsEntry("catalog", CATALOG.value());
        assertThat(control.serves(EXAMPLE)).as("served").isFalse();
        assertThat(store.find(EXAMPLE)).as("file").isEmpty();
        catalog.refuse(false);
        assertThat(member(EXAMPLE)).isEmpty();
    }

    @Test
    void aCreateThatFailsBeforeTheCatalogLeavesTheCatalogUntouched() {
        control.refuse("addzone", "permission denied");

        Outcomes.failure(
                zones.create(TestZones.request("example.com").build()),
                Outcome.BackendFailed.class,
                ErrorCode.BACKEND_REJECTED);

        assertThat(catalog.calls()).noneMatch(c -> c.startsWith("apply"));
    }

    @Test
    void aCreateOfTheCatalogZoneItselfIs409AndTouchesNothing() {
        Outcomes.failure(
                zones.create(TestZones.request(CATALOG.value()).build()),
                Outcome.Conflict.class,
                ErrorCode.CATALOG_ZONE);

        assertThat(store.operations()).noneMatch(o -> o.startsWith("create"));
    }

    @Test
    void aBadCatalogGroupIs400NamingTheFieldAndWritesNothing() {
        Outcome.Invalid<?> failure = Outcomes.failure(
                zones.create(TestZones.request("example.com")
                        .catalogGroup("two words")
                        .build()),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);

        assertThat(failure.violations()).extracting(Violation::field).containsExactly("catalogGroup");
        assertThat(store.operations()).isEmpty();
    }

    @Test
    void aCatalogGroupWithoutACatalogIs400AndWritesNothing() {
        InMemoryRecordStore records = new InMemoryRecordStore(control);
        ZoneService plain = UseCases.of(store, control, records, records, TestClocks.fixed())
                .zones();

        Outcome.Invalid<?> failure = Outcomes.failure(
                plain.create(
                        TestZones.request("example.com").catalogGroup("blue").build()),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);

        assertThat(failure.details()).contains("no catalog zone");
        assertThat(store.operations()).noneMatch(o -> o.startsWith("create"));
    }

    @Test
    void aDeletedZoneLeavesTheCatalogBeforeItIsDeleted() {
        Outcomes.created(zones.create(TestZones.request("example.com").build()));

        assertThat(zones.delete("example.com")).isInstanceOf(Outcome.Deleted.class);

        assertThat(member(EXAMPLE)).isEmpty();
        assertThat(control.serves(EXAMPLE)).isFalse();
        assertThat(store.find(EXAMPLE)).isEmpty();
    }

    @Test
    void aDeleteWhoseCatalogUpdateFailsIs500AndLeavesTheZoneAndItsMember() {
        Outcomes.created(zones.create(
                TestZones.request("example.com").catalogGroup("blue").build()));
        catalog.refuse(true);

        Outcomes.failure(zones.delete("example.com"), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);

        assertThat(control.serves(EXAMPLE)).isTrue();
        assertThat(store.find(EXAMPLE)).isPresent();
        assertThat(member(EXAMPLE)).isPresent();
    }

    @Test
    void aDeleteThatFailsAfterTheMemberLeftPutsTheMemberBackGroupAndAll() {
        Outcomes.created(zones.create(
                TestZones.request("example.com").catalogGroup("blue").build()));
        control.refuse("delzone", "permission denied");

        Outcomes.failure(zones.delete("example.com"), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);

        assertThat(control.serves(EXAMPLE)).isTrue();
        assertThat(member(EXAMPLE)).hasValue(CatalogMember.of(EXAMPLE, CatalogIds.of(EXAMPLE), Optional.of("blue")));
    }

    @Test
    void aDeleteOfAZoneTheCatalogDoesNotListStillDeletesIt() {
        Outcomes.created(zones.create(TestZones.request("example.com").build()));
        Outcomes.ok(catalog.apply(java.util.List.of(new dev.bindsmith.core.port.CatalogEdit.Remove(
                CatalogMember.of(EXAMPLE, CatalogIds.of(EXAMPLE), Optional.empty())))));

        assertThat(zones.delete("example.com")).isInstanceOf(Outcome.Deleted.class);
        assertThat(control.serves(EXAMPLE)).isFalse();
    }

    @Test
    void aDeleteOfAnUnknownZoneIs404AndChangesNoCatalog() {
        Outcomes.failure(zones.delete("absent.example"), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);

        assertThat(catalog.calls()).noneMatch(c -> c.startsWith("apply"));
    }

    @Test
    void aCatalogThatDoesNotExistYetIsCreatedWhenTheFirstZoneJoinsIt() {
        InMemoryZoneCatalog fresh = new InMemoryZoneCatalog(ZoneName.of("fresh-catalog.invalid"));
        InMemoryRecordStore records = new InMemoryRecordStore(control);
        ZoneService withFresh = UseCases.builder(store, control, records, records, TestClocks.fixed())
                .catalog(fresh)
                .build()
                .zones();

        Outcomes.created(withFresh.create(TestZones.request("example.com").build()));

        assertThat(fresh.memberZones()).containsExactly(EXAMPLE);
        assertThat(withFresh.delete("example.com")).isInstanceOf(Outcome.Deleted.class);
        assertThat(fresh.memberZones()).isEmpty();
    }

    @Test
    void aDeleteWhenNoCatalogZoneExistsDeletesTheZone() {
        InMemoryZoneCatalog absent = new InMemoryZoneCatalog(ZoneName.of("absent-catalog.invalid"));
        InMemoryRecordStore records = new InMemoryRecordStore(control);
        Outcomes.created(UseCases.of(store, control, records, records, TestClocks.fixed())
                .zones()
                .create(TestZones.request("example.com").build()));
        ZoneService withAbsent = UseCases.builder(store, control, records, records, TestClocks.fixed())
                .catalog(absent)
                .build()
                .zones();

        assertThat(withAbsent.delete("example.com")).isInstanceOf(Outcome.Deleted.class);
        assertThat(control.serves(EXAMPLE)).isFalse();
        assertThat(absent.calls()).noneMatch(c -> c.startsWith("ensure"));
    }

    @Test
    void aDeleteOfTheCatalogZoneIs409() {
        Outcomes.failure(zones.delete(CATALOG.value()), Outcome.Conflict.class, ErrorCode.CATALOG_ZONE);
    }
}
