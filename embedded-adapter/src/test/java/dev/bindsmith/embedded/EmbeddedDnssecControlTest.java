package dev.bindsmith.embedded;

import dev.bindsmith.core.port.DnssecControl;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.contract.ContractZones;
import dev.bindsmith.testing.contract.DnssecControlContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server does not sign: the contract's "not supported" half. */
class EmbeddedDnssecControlTest extends DnssecControlContract {
    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;

    @Override
    protected DnssecControl newDnssec() {
        server = EmbeddedServers.start(dataDirectory);
        return server.dnssecControl();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ZoneName signedZone() {
        throw new UnsupportedOperationException("the embedded server signs no zone");
    }

    @Override
    protected ZoneName unsignedZone() {
        ZoneName zone = ContractZones.unique("embedded-dnssec");
        EmbeddedServers.serve(server, TestZones.spec(zone.value()).build());
        return zone;
    }

    @Override
    protected boolean signs() {
        return false;
    }
}
