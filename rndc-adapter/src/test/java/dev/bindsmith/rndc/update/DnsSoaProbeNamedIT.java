package dev.bindsmith.rndc.update;

import dev.bindsmith.core.port.SoaProbe;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.dns.probe.DnsSoaProbe;
import dev.bindsmith.rndc.NamedClients;
import dev.bindsmith.rndc.bind.FileZoneStore;
import dev.bindsmith.rndc.bind.RndcNameServerControl;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.contract.SoaProbeContract;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** dns-shared's {@link DnsSoaProbe} asking a real named 9.18 (REFUSED for a zone it does not have). */
class DnsSoaProbeNamedIT extends SoaProbeContract {
    private static RunningNamed named;
    private static RndcClient client;
    private static DatagramSocket silent;

    @BeforeAll
    static void startNamed() throws SocketException {
        NamedAvailability.assumeOrRequire();
        named = NamedLauncher.create().start();
        client = NamedClients.rndc(named);
        silent = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stopNamed() {
        if (silent != null) {
            silent.close();
        }
        if (client != null) {
            client.close();
        }
        if (named != null) {
            named.close();
        }
    }

    @Override
    protected SoaProbe probe() {
        return new DnsSoaProbe(Duration.ofMillis(500));
    }

    @Override
    protected Endpoint serverServing(ZoneName zone, long serial) {
        ZoneSpec spec = TestZones.spec(zone.value()).serial(serial).build();
        StoredZone stored = Outcomes.ok(new FileZoneStore(named.zoneDirectory()).create(spec));
        Outcomes.ok(new RndcNameServerControl(client)
                .addZone(zone, ZoneConfig.of(spec.type(), stored.file(), spec.options())));
        return Records.endpoint("127.0.0.1", named.dnsPort());
    }

    @Override
    protected Endpoint silentServer() {
        return Records.endpoint("127.0.0.1", silent.getLocalPort());
    }
}
