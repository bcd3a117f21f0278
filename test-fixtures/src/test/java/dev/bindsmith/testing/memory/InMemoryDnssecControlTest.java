package dev.bindsmith.testing.memory;

import dev.bindsmith.core.port.DnssecControl;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.contract.ContractZones;
import dev.bindsmith.testing.contract.DnssecControlContract;

class InMemoryDnssecControlTest extends DnssecControlContract {
    private final InMemoryZoneStore store = new InMemoryZoneStore();
    private final InMemoryNameServerControl control = new InMemoryNameServerControl(store, TestClocks.fixed());

    @Override
    protected DnssecControl newDnssec() {
        return new InMemoryDnssecControl(control, TestClocks.fixed());
    }

    private ZoneName zone(String label, boolean signed) {
        ZoneName name = ContractZones.unique(label);
        var builder = TestZones.spec(name.value());
        if (signed) {
            builder.dnssecPolicy("default");
        }
        ZoneSpec spec = builder.build();
        var stored = Outcomes.ok(store.create(spec));
        Outcomes.ok(control.addZone(name, ZoneConfig.of(spec.type(), stored.file(), spec.options())));
        return name;
    }

    @Override
    protected ZoneName signedZone() {
        return zone("signed", true);
    }

    @Override
    protected ZoneName unsignedZone() {
        return zone("unsigned", false);
    }

    @Override
    protected boolean signs() {
        return true;
    }
}
