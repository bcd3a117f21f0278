package dev.bindsmith.embedded;

import dev.bindsmith.core.port.SoaProbe;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.probe.DnsSoaProbe;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.contract.SoaProbeContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * dns-shared's {@link DnsSoaProbe} against a real DNS server on loopback (the embedded one; the fleet
 * integration tests ask named). It lives here because dns-shared's own tests cannot use test-fixtures.
 */
class DnsSoaProbeTest extends SoaProbeContract {
    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;
    private DatagramSocket silent;

    @BeforeEach
    void start() throws IOException {
        server = EmbeddedServers.start(dataDirectory);
        // bound and never read: queries to it get no answer, as from a server that is down behind a firewall
        silent = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
        silent.close();
    }

    @Override
    protected SoaProbe probe() {
        return new DnsSoaProbe(Duration.ofMillis(500));
    }

    @Override
    protected Endpoint serverServing(ZoneName zone, long serial) {
        EmbeddedServers.serve(
                server, TestZones.spec(zone.value()).serial(serial).build());
        InetSocketAddress a =
                server.localAddress().orElseThrow(() -> new UncheckedIOException(new IOException("no DNS")));
        return Records.endpoint("127.0.0.1", a.getPort());
    }

    @Override
    protected Endpoint silentServer() {
        return Records.endpoint("127.0.0.1", silent.getLocalPort());
    }
}
