package dev.bindsmith.testing.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.catalog.CatalogIds;
import dev.bindsmith.core.catalog.RecordZoneCatalog;
import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.CatalogEdit;
import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.port.ZoneCatalog;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.contract.ZoneCatalogContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalog kept as an ordinary zone, over the in-memory ports: the port's contract, and the zone it keeps. */
class RecordZoneCatalogInMemoryTest extends ZoneCatalogContract {
    static final ZoneOptions OPTIONS = new ZoneOptions(
            List.of(),
            List.of(),
            List.of(),
            List.of(new AddressMatch.Key("update-key")),
            Optional.empty(),
            Optional.empty());

    private final InMemoryZoneStore store = new InMemoryZoneStore();
    private final InMemoryNameServerControl control = new InMemoryNameServerControl(store, TestClocks.fixed());
    private final InMemoryRecordStore records = new InMemoryRecordStore(control);

    @Override
    protected ZoneCatalog catalogNamed(ZoneName name) {
        return new RecordZoneCatalog(name, store, control, records, records, OPTIONS, TestClocks.fixed());
    }

    @Override
    protected void removeCatalog(ZoneName name) {
        control.deleteZone(name);
        store.delete(name);
    }

    @Test
    void theCatalogZoneIsAnRfc9432VersionTwoZoneWithTheMembersAsPtrs() {
        ZoneName name = ZoneName.of("catalog.bindsmith.invalid");
        ZoneCatalog catalog = catalogNamed(name);
        Outcomes.ok(catalog.ensureExists());
        ZoneName member = ZoneName.of("example.com");
        Outcomes.ok(catalog.apply(
                List.of(new CatalogEdit.Add(CatalogMember.of(member, CatalogIds.of(member), Optional.of("blue"))))));

        // SHA-1 of example.com in wire format (07 example 03 com 00), computed outside Java
        assertThat(CatalogIds.of(member)).isEqualTo("c5e4b4da1e5a620ddaa3635e55c3732a5b49c7f4");
        List<String> lines = Outcomes.ok(records.read(name)).stream()
                .map(r -> r.owner().absolute() + " " + r.type() + " " + r.data().presentation())
                .toList();

        assertThat(lines)
                .contains(
                        "catalog.bindsmith.invalid. NS invalid.",
                        "version.catalog.bindsmith.invalid. TXT \"2\"",
                        "c5e4b4da1e5a620ddaa3635e55c3732a5b49c7f4.zones.catalog.bindsmith.invalid. PTR example.com.",
                        "group.c5e4b4da1e5a620ddaa3635e55c3732a5b49c7f4.zones.catalog.bindsmith.invalid. TXT \"blue\"");
        assertThat(store.masterFile(name).orElseThrow()).contains("SOA invalid. invalid.");
    }

    @Test
    void aCatalogZoneThatTakesNoUpdatesCannotBeKept() {
        ZoneOptions readOnly =
                new ZoneOptions(List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new RecordZoneCatalog(
                        ZoneName.of("c.test"), store, control, records, records, readOnly, TestClocks.fixed()))
                .withMessageContaining("allow updates");
    }

    @Test
    void aFailedAddzoneOfTheCatalogLeavesNoFileBehind() {
        ZoneName name = ZoneName.of("catalog.bindsmith.invalid");
        control.refuse("addzone", "permission denied");

        Outcomes.failure(catalogNamed(name).ensureExists(), Outcome.BackendFailed.class, ErrorCode.BACKEND_REJECTED);

        assertThat(store.find(name)).isEmpty();
    }
}
