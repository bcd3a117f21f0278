package dev.bindsmith.testing.memory;

import dev.bindsmith.core.port.ZoneCatalog;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.contract.ZoneCatalogContract;

class InMemoryZoneCatalogTest extends ZoneCatalogContract {
    @Override
    protected ZoneCatalog catalogNamed(ZoneName name) {
        return new InMemoryZoneCatalog(name);
    }

    @Override
    protected void removeCatalog(ZoneName name) {
        // nothing outlives the test
    }
}
