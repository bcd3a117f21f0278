package dev.bindsmith.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.catalog.CatalogIds;
import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.CatalogEdit;
import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemoryZoneCatalog;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing the catalog and reconciling it with the zones bindsmith manages. */
class CatalogServiceTest {
    private static final ZoneName CATALOG = ZoneName.of("catalog.bindsmith.invalid");
    private static final ZoneName OLD = ZoneName.of("old-catalog.bindsmith.invalid");

    private InMemoryZoneStore store;
    private InMemoryNameServerControl control;
    private InMemoryRecordStore records;
    private InMemoryZoneCatalog catalog;

    @BeforeEach
    void wire() {
        store = new InMemoryZoneStore();
        control = new InMemoryNameServerControl(store, TestClocks.fixed());
        records = new InMemoryRecordStore(control);
        catalog = new InMemoryZoneCatalog(CATALOG);
    }

    private UseCases app() {
        return UseCases.builder(store, control, records, records, TestClocks.fixed())
                .catalog(catalog)
                .build();
    }

    /** A zone bindsmith manages that the catalog has not heard of (created without a catalog). */
    private void managedOnly(String zone) {
        Outcomes.created(UseCases.of(store, control, records, records, TestClocks.fixed())
                .zones()
                .create(TestZones.request(zone).build()));
    }

    private static CatalogMember member(String zone) {
        ZoneName z = ZoneName.of(zone);
        return CatalogMember.of(z, CatalogIds.of(z), Optional.empty());
    }

    @Test
    void aReconcileCreatesAMissingCatalogAndAddsEveryManagedZone() {
        managedOnly("a.example");
        managedOnly("b.example");

        CatalogReconciliation r = Outcomes.ok(app().catalog().reconcile());

        assertThat(r.created()).isTrue();
        assertThat(r.added()).containsExactly(ZoneName.of("a.example"), ZoneName.of("b.example"));
        assertThat(r.removed()).isEmpty();
        assertThat(r.serialAfter()).isGreaterThan(r.serialBefore());
        assertThat(catalog.memberZones()).containsExactly(ZoneName.of("a.example"), ZoneName.of("b.example"));
    }

    @Test
    void aReconcileRemovesMembersWhoseZoneIsNotManagedAndNeverListsTheCatalogItself() {
        managedOnly("a.example");
        managedOnly(CATALOG.value());
        Outcomes.ok(catalog.ensureExists());
        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Add(member("gone.example")))));

        CatalogReconciliation r = Outcomes.ok(app().catalog().reconcile());

        assertThat(r.added()).containsExactly(ZoneName.of("a.example"));
        assertThat(r.removed()).containsExactly(ZoneName.of("gone.example"));
        assertThat(catalog.memberZones()).containsExactly(ZoneName.of("a.example"));
    }

    @Test
    void aReconcileOfACatalogThatAgreesChangesNothing() {
        UseCases app = app();
        Outcomes.ok(app.catalog().reconcile());
        Outcomes.created(app.zones().create(TestZones.request("a.example").build()));
        long applies =
                catalog.calls().stream().filter(c -> c.startsWith("apply")).count();

        CatalogReconciliation r = Outcomes.ok(app.catalog().reconcile());

        assertThat(r.changed()).isFalse();
        assertThat(r.serialAfter()).isEqualTo(r.serialBefore());
        assertThat(catalog.calls().stream().filter(c -> c.startsWith("apply")).count())
                .isEqualTo(applies);
    }

    @Test
    void aZoneListedUnderAForeignIdAsWellKeepsOnlyItsOwnId() {
        managedOnly("a.example");
        Outcomes.ok(catalog.ensureExists());
        ZoneName a = ZoneName.of("a.example");
        Outcomes.ok(catalog.apply(List.of(
                new CatalogEdit.Add(member("a.example")),
                new CatalogEdit.Add(CatalogMember.of(a, "foreign-id", Optional.empty())))));

        Outcomes.ok(app().catalog().reconcile());

        assertThat(Outcomes.ok(catalog.read()).members()).containsExactly(member("a.example"));
    }

    @Test
    void aLargeReconcileIsAppliedInBatches() {
        Outcomes.ok(catalog.ensureExists());
        List<CatalogEdit> strays = new java.util.ArrayList<>();
        for (int i = 0; i < CatalogService.BATCH * 2 + 1; i++) {
            strays.add(new CatalogEdit.Add(member("stray" + i + ".example")));
        }
        Outcomes.ok(catalog.apply(strays));

        CatalogReconciliation r = Outcomes.ok(app().catalog().reconcile());

        assertThat(r.removed()).hasSize(CatalogService.BATCH * 2 + 1);
        assertThat(catalog.calls())
                .filteredOn(c -> c.startsWith("apply " + CATALOG))
                .containsExactly(
                        "apply " + CATALOG + " " + strays.size(),
                        "apply " + CATALOG + " " + CatalogService.BATCH,
                        "apply " + CATALOG + " " + CatalogService.BATCH,
                        "apply " + CATALOG + " 1");
        assertThat(catalog.memberZones()).isEmpty();
    }

    @Test
    void zonesMovingFromAnotherCatalogGetItsCooAndKeepTheirGroup() {
        managedOnly("a.example");
        managedOnly("b.example");
        var old = catalog.named(OLD);
        Outcomes.ok(old.ensureExists());
        ZoneName a = ZoneName.of("a.example");
        Outcomes.ok(old.apply(List.of(
                new CatalogEdit.Add(CatalogMember.of(a, CatalogIds.of(a), Optional.of("blue"))),
                new CatalogEdit.Add(member("unmanaged.example")))));
        UseCases app = UseCases.builder(store, control, records, records, TestClocks.fixed())
                .catalog(catalog)
                .catalogMoveFrom(OLD)
                .build();

        CatalogReconciliation r = Outcomes.ok(app.catalog().reconcile());

        assertThat(r.moved()).containsExactly(a);
        assertThat(r.added()).containsExactly(ZoneName.of("b.example"));
        assertThat(r.movedFrom()).hasValue(OLD);
        assertThat(Outcomes.ok(catalog.member(a)).orElseThrow().group()).hasValue("blue");
        assertThat(Outcomes.ok(old.member(a)).orElseThrow().changeOfOwnership()).hasValue(CATALOG);
        assertThat(Outcomes.ok(old.member(ZoneName.of("unmanaged.example")))
                        .orElseThrow()
                        .changeOfOwnership())
                .as("a zone bindsmith does not manage is not moved")
                .isEmpty();
    }

    @Test
    void aReconcileThatCannotReachTheServerIs500AndChangesNothing() {
        managedOnly("a.example");
        catalog.unreachable(true);

        Outcomes.failure(app().catalog().reconcile(), Outcome.BackendFailed.class, ErrorCode.BACKEND_UNREACHABLE);
    }

    @Test
    void theListIsPagedByCursorInZoneOrder() {
        for (String z : List.of("c.example", "a.example", "b.example")) {
            managedOnly(z);
        }
        UseCases app = app();
        Outcomes.ok(app.catalog().reconcile());

        CatalogPage first = Outcomes.ok(app.catalog().list(new CatalogQuery(Optional.empty(), OptionalInt.of(2))));
        CatalogPage second = Outcomes.ok(app.catalog().list(new CatalogQuery(first.nextCursor(), OptionalInt.of(2))));

        assertThat(first.catalog()).isEqualTo(CATALOG);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.members()).extracting(m -> m.zone().value()).containsExactly("a.example", "b.example");
        assertThat(second.members()).extracting(m -> m.zone().value()).containsExactly("c.example");
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void aBadCursorOrLimitIs400NamingEach() {
        Outcome.Invalid<?> failure = Outcomes.failure(
                app().catalog().list(new CatalogQuery(Optional.of("not-a-cursor"), OptionalInt.of(0))),
                Outcome.Invalid.class,
                ErrorCode.VALIDATION_FAILED);

        assertThat(failure.violations())
                .extracting(dev.bindsmith.core.validation.Violation::field)
                .containsExactlyInAnyOrder("cursor", "limit");
    }

    @Test
    void withoutACatalogListAndReconcileAre404CatalogNotConfigured() {
        UseCases plain = UseCases.of(store, control, records, records, TestClocks.fixed());

        Outcomes.failure(
                plain.catalog().list(CatalogQuery.firstPage()),
                Outcome.NotFound.class,
                ErrorCode.CATALOG_NOT_CONFIGURED);
        Outcomes.failure(plain.catalog().reconcile(), Outcome.NotFound.class, ErrorCode.CATALOG_NOT_CONFIGURED);
    }
}
