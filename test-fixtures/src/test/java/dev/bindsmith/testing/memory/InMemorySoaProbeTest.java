package dev.bindsmith.testing.memory;

import dev.bindsmith.core.port.SoaProbe;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.contract.SoaProbeContract;

class InMemorySoaProbeTest extends SoaProbeContract {
    private final InMemorySoaProbe probe = new InMemorySoaProbe();
    private final Endpoint secondary = Records.endpoint("192.0.2.10", 53);

    @Override
    protected SoaProbe probe() {
        return probe;
    }

    @Override
    protected Endpoint serverServing(ZoneName zone, long serial) {
        probe.serve(secondary, zone, serial);
        return secondary;
    }

    @Override
    protected Endpoint silentServer() {
        Endpoint silent = Records.endpoint("192.0.2.11", 53);
        probe.silent(silent);
        return silent;
    }
}
