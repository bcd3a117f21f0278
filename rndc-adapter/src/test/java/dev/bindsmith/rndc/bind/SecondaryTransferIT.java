package dev.bindsmith.rndc.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.core.zone.ZoneType;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.contract.ContractZones;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A secondary on one named transferring from a primary on another, both managed through the
 * adapter: the transferred data lands in the file {@link FileZoneStore} names, the store keeps the
 * zone as a secondary, refresh and retransfer work, and delete removes what named wrote.
 */
class SecondaryTransferIT {

    @BeforeAll
    static void needsNamed() {
        NamedAvailability.assumeOrRequire();
    }

    @Test
    void aSecondaryTransfersFromItsPrimaryIntoTheStoresFileAndDeleteRemovesIt() throws Exception {
        try (RunningNamed primaryServer = NamedLauncher.create().start();
                RunningNamed secondaryServer = NamedLauncher.create().start();
                RndcClient primaryClient =
                        RndcNameServerControlIT.clientFor(primaryServer.rndcKey(), primaryServer.controlPort());
                RndcClient secondaryClient =
                        RndcNameServerControlIT.clientFor(secondaryServer.rndcKey(), secondaryServer.controlPort())) {
            ZoneName name = ContractZones.unique("it-xfr");
            RndcNameServerControl primary = new RndcNameServerControl(primaryClient);
            RndcNameServerControl secondary = new RndcNameServerControl(secondaryClient);
            FileZoneStore primaryStore = new FileZoneStore(primaryServer.zoneDirectory());
            FileZoneStore secondaryStore = new FileZoneStore(secondaryServer.zoneDirectory());

            ZoneSpec source = TestZones.spec(name.value())
                    .serial(31)
                    .record(Records.a("www." + name.value(), "192.0.2.31"))
                    .build();
            StoredZone p = Outcomes.ok(primaryStore.create(source));
            Outcomes.ok(primary.addZone(name, ZoneConfig.of(ZoneType.PRIMARY, p.file(), source.options())));

            ZoneSpec replica = TestZones.spec(name.value())
                    .secondary(Records.endpoint("127.0.0.1", primaryServer.dnsPort()))
                    .build();
            StoredZone s = Outcomes.ok(secondaryStore.create(replica));
            assertThat(Path.of(s.file())).doesNotExist();
            Outcomes.ok(secondary.addZone(name, ZoneConfig.of(ZoneType.SECONDARY, s.file(), replica.options())));

            ZoneStatus transferred = awaitSerial(secondary, name);
            assertThat(transferred.serial()).as(secondaryServer.logTail(20)).hasValue(31);
            assertThat(transferred.type()).isEqualTo("secondary");
            assertThat(awaitFile(Path.of(s.file())))
                    .as("named persists the transfer to the store's file")
                    .isTrue();
            assertThat(secondaryStore.find(name)).map(StoredZone::type).contains(ZoneType.SECONDARY);
            assertThat(secondaryStore.list()).extracting(StoredZone::name).contains(name);

            assertThat(Outcomes.ok(secondary.refresh(name)).text()).isEqualTo("zone refresh queued");
            Outcomes.ok(secondary.retransfer(name));
            assertThat(Outcomes.ok(secondary.reload(name)).text()).isEqualTo("zone refresh queued");
            assertThat(Outcomes.ok(secondary.showZone(name)).options().primaries())
                    .containsExactly(Records.endpoint("127.0.0.1", primaryServer.dnsPort()));

            Outcomes.ok(secondary.deleteZone(name));
            assertThat(secondaryStore.delete(name)).isInstanceOf(Outcome.Deleted.class);
            assertThat(Path.of(s.file())).doesNotExist();
            assertThat(secondaryStore.list()).isEmpty();
        }
    }

    private static ZoneStatus awaitSerial(RndcNameServerControl control, ZoneName name) throws InterruptedException {
        ZoneStatus last = null;
        for (int i = 0; i < 200; i++) {
            last = Outcomes.ok(control.zoneStatus(name));
            if (last.serial().isPresent()) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return new ZoneStatus(name, last.type(), OptionalLong.empty(), last.files(), last.properties(), last.raw());
    }

    private static boolean awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 200 && !Files.exists(file); i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return Files.exists(file);
    }
}
