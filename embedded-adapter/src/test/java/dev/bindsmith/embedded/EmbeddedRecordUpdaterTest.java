package dev.bindsmith.embedded;

import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.testing.contract.RecordUpdaterContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRecordUpdaterTest extends RecordUpdaterContract {
    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;

    @Override
    protected void prepare() {
        server = EmbeddedServers.start(dataDirectory);
    }

    @Override
    protected RecordUpdater updater() {
        return server.recordUpdater();
    }

    @Override
    protected RecordReader reader() {
        return server.recordReader();
    }

    @Override
    protected void serve(ZoneSpec spec) {
        EmbeddedServers.serve(server, spec);
    }

    @AfterEach
    void stop() {
        server.close();
    }
}
