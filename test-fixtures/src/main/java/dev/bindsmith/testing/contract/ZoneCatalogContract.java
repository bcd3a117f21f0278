package dev.bindsmith.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.catalog.CatalogIds;
import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.CatalogContent;
import dev.bindsmith.core.port.CatalogEdit;
import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.port.ZoneCatalog;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ZoneCatalog} (RFC 9432 version 2, as a producer). Extend it with
 * {@link #catalogNamed(ZoneName)}: a catalog of that name on the backend under test, which does not
 * exist yet; and {@link #removeCatalog(ZoneName)}: removes a catalog zone a test created. Member zones
 * need not exist: a catalog lists names.
 */
public abstract class ZoneCatalogContract {

    protected abstract ZoneCatalog catalogNamed(ZoneName name);

    protected abstract void removeCatalog(ZoneName name);

    private ZoneCatalog catalog;
    private final List<ZoneName> created = new ArrayList<>();

    @BeforeEach
    void newCatalog() {
        catalog = catalogNamed(fresh());
    }

    @AfterEach
    void removeCatalogs() {
        created.forEach(this::removeCatalog);
        created.clear();
    }

    private ZoneName fresh() {
        ZoneName name = ContractZones.unique("catalog");
        created.add(name);
        return name;
    }

    private static CatalogMember member(String zone, Optional<String> group) {
        ZoneName z = ZoneName.of(zone);
        return CatalogMember.of(z, CatalogIds.of(z), group);
    }

    private CatalogContent content() {
        return Outcomes.ok(catalog.read());
    }

    @Test
    void aCatalogThatDoesNotExistIsNotFoundUntilEnsuredAndThenEmpty() {
        Outcomes.failure(catalog.read(), Outcome.NotFound.class, ErrorCode.ZONE_NOT_FOUND);

        assertThat(Outcomes.ok(catalog.ensureExists())).as("created now").isTrue();
        assertThat(Outcomes.ok(catalog.ensureExists())).as("there already").isFalse();

        CatalogContent content = content();
        assertThat(content.catalog()).isEqualTo(catalog.name());
        assertThat(content.members()).isEmpty();
        assertThat(content.serial()).isPositive();
    }

    @Test
    void anAddedMemberIsListedUnderItsIdWithItsGroup() {
        Outcomes.ok(catalog.ensureExists());

        Outcomes.ok(catalog.apply(List.of(
                new CatalogEdit.Add(member("a.example", Optional.of("blue"))),
                new CatalogEdit.Add(member("b.example", Optional.empty())))));

        assertThat(content().members())
                .containsExactly(member("a.example", Optional.of("blue")), member("b.example", Optional.empty()));
        assertThat(content().member(ZoneName.of("a.example")).orElseThrow().id())
                .isEqualTo(CatalogIds.of(ZoneName.of("a.example")));
    }

    @Test
    void everyAppliedChangeMovesTheSerialOnce() {
        Outcomes.ok(catalog.ensureExists());
        long first = content().serial();

        Outcomes.ok(catalog.apply(List.of(
                new CatalogEdit.Add(member("a.example", Optional.empty())),
                new CatalogEdit.Add(member("b.example", Optional.empty())))));
        long second = content().serial();
        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Remove(member("a.example", Optional.empty())))));

        assertThat(second).isGreaterThan(first);
        assertThat(content().serial()).isGreaterThan(second);
    }

    @Test
    void addingAMemberAgainReplacesItsGroupAndKeepsOneMember() {
        Outcomes.ok(catalog.ensureExists());
        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Add(member("a.example", Optional.of("blue"))))));

        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Add(member("a.example", Optional.of("green"))))));
        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Add(member("a.example", Optional.empty())))));

        assertThat(content().members()).containsExactly(member("a.example", Optional.empty()));
    }

    @Test
    void removingAMemberRemovesItsPtrAndEveryProperty() {
        Outcomes.ok(catalog.ensureExists());
        CatalogMember a = member("a.example", Optional.of("blue"));
        ZoneName elsewhere = ContractZones.unique("elsewhere");
        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Add(a), new CatalogEdit.ChangeOwner(a, elsewhere))));

        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Remove(a))));

        assertThat(content().members()).isEmpty();
        // added again, it carries none of the old properties
        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Add(member("a.example", Optional.empty())))));
        assertThat(content().members()).containsExactly(member("a.example", Optional.empty()));
    }

    @Test
    void removingAMemberTheCatalogDoesNotHaveChangesNoMember() {
        Outcomes.ok(catalog.ensureExists());
        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Add(member("a.example", Optional.empty())))));

        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Remove(member("absent.example", Optional.empty())))));

        assertThat(content().members()).containsExactly(member("a.example", Optional.empty()));
    }

    @Test
    void aChangeOfOwnershipIsReadBackAsTheMembersCoo() {
        Outcomes.ok(catalog.ensureExists());
        CatalogMember a = member("a.example", Optional.of("blue"));
        ZoneName next = ContractZones.unique("next-catalog");

        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Add(a), new CatalogEdit.ChangeOwner(a, next))));

        CatalogMember read = content().member(a.zone()).orElseThrow();
        assertThat(read.changeOfOwnership()).hasValue(next);
        assertThat(read.group()).hasValue("blue");
    }

    @Test
    void memberFindsOneMemberUnderItsOwnIdAndNothingForAZoneNotListed() {
        Outcomes.ok(catalog.ensureExists());
        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Add(member("a.example", Optional.of("blue"))))));

        assertThat(Outcomes.ok(catalog.member(ZoneName.of("a.example"))))
                .hasValue(member("a.example", Optional.of("blue")));
        assertThat(Outcomes.ok(catalog.member(ZoneName.of("b.example")))).isEmpty();
    }

    @Test
    void anEmptyEditListChangesNothing() {
        Outcomes.ok(catalog.ensureExists());
        long serial = content().serial();

        assertThat(Outcomes.ok(catalog.apply(List.of()))).isEmpty();

        assertThat(content().serial()).isEqualTo(serial);
    }

    @Test
    void namedGivesAnotherCatalogOnTheSameBackend() {
        Outcomes.ok(catalog.ensureExists());
        Outcomes.ok(catalog.apply(List.of(new CatalogEdit.Add(member("a.example", Optional.empty())))));
        ZoneCatalog other = catalog.named(fresh());

        assertThat(other.name()).isNotEqualTo(catalog.name());
        Outcomes.ok(other.ensureExists());
        assertThat(Outcomes.ok(other.read()).members()).isEmpty();
        assertThat(content().members()).hasSize(1);
    }
}
