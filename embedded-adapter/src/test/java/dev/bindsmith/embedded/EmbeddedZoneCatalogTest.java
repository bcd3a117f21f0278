package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.catalog.CatalogIds;
import dev.bindsmith.core.catalog.RecordZoneCatalog;
import dev.bindsmith.core.port.CatalogEdit;
import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.port.ZoneCatalog;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.contract.ZoneCatalogContract;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;

/**
 * The catalog as the embedded server's own zone: the port's contract, and what a consumer gets by
 * transferring it (the AXFR a BIND secondary makes).
 */
class EmbeddedZoneCatalogTest extends ZoneCatalogContract {
    private static final ZoneOptions OPTIONS = new ZoneOptions(
            List.of(),
            List.of(),
            List.of(new AddressMatch.BuiltIn("localhost")),
            List.of(new AddressMatch.Key("bindsmith-catalog")),
            Optional.empty(),
            Optional.empty());

    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;

    @BeforeEach
    void start() {
        server = EmbeddedServers.start(dataDirectory);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ZoneCatalog catalogNamed(ZoneName name) {
        if (server == null) {
            start();
        }
        return new RecordZoneCatalog(
                name,
                server.zoneStore(),
                server.nameServerControl(),
                server.recordUpdater(),
                server.recordReader(),
                OPTIONS,
                Clock.systemUTC());
    }

    @Override
    protected void removeCatalog(ZoneName name) {
        // the data directory goes with the test
    }

    @Test
    void aConsumerTransfersTheCatalogWithItsMembers() throws Exception {
        ZoneName name = ZoneName.of("catalog.bindsmith.invalid");
        ZoneCatalog catalog = catalogNamed(name);
        Outcomes.ok(catalog.ensureExists());
        ZoneName member = ZoneName.of("example.com");
        Outcomes.ok(catalog.apply(
                List.of(new CatalogEdit.Add(CatalogMember.of(member, CatalogIds.of(member), Optional.of("blue"))))));

        InetSocketAddress dns = server.localAddress().orElseThrow();
        ZoneTransferIn axfr = ZoneTransferIn.newAXFR(Name.fromString(name.absolute()), dns, null);
        axfr.setTimeout(java.time.Duration.ofSeconds(10));
        axfr.run();
        List<String> records = axfr.getAXFR().stream()
                .filter(r -> r.getType() != Type.SOA)
                .map(Record::toString)
                .toList();

        String id = CatalogIds.of(member);
        assertThat(records)
                .containsExactlyInAnyOrder(
                        "catalog.bindsmith.invalid.\t0\tIN\tNS\tinvalid.",
                        "version.catalog.bindsmith.invalid.\t0\tIN\tTXT\t2",
                        id + ".zones.catalog.bindsmith.invalid.\t0\tIN\tPTR\texample.com.",
                        "group." + id + ".zones.catalog.bindsmith.invalid.\t0\tIN\tTXT\tblue");
    }

    @Test
    void theCatalogSurvivesARestartOfTheServer() throws IOException {
        ZoneName name = ZoneName.of("catalog.bindsmith.invalid");
        Outcomes.ok(catalogNamed(name).ensureExists());
        ZoneName member = ZoneName.of("example.com");
        Outcomes.ok(catalogNamed(name)
                .apply(List.of(
                        new CatalogEdit.Add(CatalogMember.of(member, CatalogIds.of(member), Optional.empty())))));
        server.close();

        server = EmbeddedServers.start(dataDirectory);

        assertThat(Outcomes.ok(catalogNamed(name).read()).members())
                .extracting(CatalogMember::zone)
                .containsExactly(member);
        assertThat(Outcomes.ok(catalogNamed(name).ensureExists())).isFalse();
    }
}
