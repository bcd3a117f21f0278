package dev.bindsmith.embedded;

import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.testing.contract.NameServerControlContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedNameServerControlTest extends NameServerControlContract {
    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;

    @Override
    protected NameServerControl newControl() {
        server = EmbeddedServers.start(dataDirectory);
        return server.nameServerControl();
    }

    @Override
    protected ZoneStore storeFor(NameServerControl control) {
        return server.zoneStore();
    }

    /** The embedded server holds no TSIG keys, but keeps key elements of allow-update as written. */
    @Override
    protected Optional<String> updateKeyName() {
        return Optional.of("bindsmith-update");
    }

    @Override
    protected Optional<RecordUpdater> updaterFor(NameServerControl control) {
        return Optional.of(server.recordUpdater());
    }

    @AfterEach
    void stop() {
        server.close();
    }
}
