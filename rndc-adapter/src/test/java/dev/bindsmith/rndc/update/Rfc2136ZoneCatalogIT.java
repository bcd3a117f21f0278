package dev.bindsmith.rndc.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.catalog.CatalogIds;
import dev.bindsmith.core.catalog.RecordZoneCatalog;
import dev.bindsmith.core.port.CatalogEdit;
import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.port.ZoneCatalog;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.rndc.NamedClients;
import dev.bindsmith.rndc.bind.FileZoneStore;
import dev.bindsmith.rndc.bind.RndcNameServerControl;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.contract.ZoneCatalogContract;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog on a BIND primary: a zone added with {@code addzone}, changed with TSIG-signed RFC 2136
 * updates and read by AXFR, against a real named 9.18 — the {@link ZoneCatalogContract}, and what
 * {@code named-checkzone} and named's own zone status say of it.
 */
class Rfc2136ZoneCatalogIT extends ZoneCatalogContract {
    private static RunningNamed named;
    private static RndcClient client;
    private static Rfc2136RecordUpdater updater;

    @BeforeAll
    static void startNamed() {
        NamedAvailability.assumeOrRequire();
        named = NamedLauncher.create().start();
        client = NamedClients.rndc(named);
        updater = new Rfc2136RecordUpdater(NamedClients.updates(named));
    }

    @AfterAll
    static void stopNamed() {
        if (updater != null) {
            updater.close();
        }
        if (client != null) {
            client.close();
        }
        if (named != null) {
            named.close();
        }
    }

    static ZoneOptions options(String keyName) {
        return new ZoneOptions(
                List.of(),
                List.of(),
                List.of(new AddressMatch.Key(keyName)),
                List.of(new AddressMatch.Key(keyName)),
                Optional.empty(),
                Optional.empty());
    }

    @Override
    protected ZoneCatalog catalogNamed(ZoneName name) {
        return new RecordZoneCatalog(
                name,
                new FileZoneStore(named.zoneDirectory()),
                new RndcNameServerControl(client),
                updater,
                new AxfrRecordReader(NamedClients.updates(named)),
                options(named.updateKey().name()),
                Clock.systemUTC());
    }

    @Override
    protected void removeCatalog(ZoneName name) {
        new RndcNameServerControl(client).deleteZone(name);
        new FileZoneStore(named.zoneDirectory()).delete(name);
    }

    @Test
    void namedServesTheCatalogAsAPrimaryThatTakesUpdatesAndItsSerialMoves() {
        ZoneName name = ZoneName.of("catalog-it.bindsmith.invalid");
        ZoneCatalog catalog = catalogNamed(name);
        try {
            Outcomes.ok(catalog.ensureExists());
            long before = Outcomes.ok(catalog.read()).serial();
            ZoneName member = ZoneName.of("example.com");
            Outcomes.ok(catalog.apply(
                    List.of(new CatalogEdit.Add(CatalogMember.of(member, CatalogIds.of(member), Optional.empty())))));

            var status = Outcomes.ok(new RndcNameServerControl(client).zoneStatus(name));
            assertThat(status.type()).isEqualTo("primary");
            assertThat(status.dynamic()).hasValue(true);
            assertThat(status.serial().orElseThrow()).isGreaterThan(before);
        } finally {
            removeCatalog(name);
        }
    }
}
