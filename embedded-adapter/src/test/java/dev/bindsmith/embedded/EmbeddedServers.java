package dev.bindsmith.embedded;

import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.ZoneSpec;
import dev.bindsmith.testing.Outcomes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Starting embedded servers for tests: loopback, an ephemeral port, the given data directory. */
final class EmbeddedServers {
    private EmbeddedServers() {}

    static EmbeddedNameServer start(Path dataDirectory) {
        try {
            return EmbeddedNameServer.builder()
                    .dataDirectory(dataDirectory)
                    .port(0)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the zone's master file with the server's store and makes the server serve it. */
    static StoredZone serve(EmbeddedNameServer server, ZoneSpec spec) {
        StoredZone stored = Outcomes.ok(server.zoneStore().create(spec));
        Outcomes.ok(server.nameServerControl()
                .addZone(spec.name(), ZoneConfig.of(spec.type(), stored.file(), spec.options())));
        return stored;
    }
}
