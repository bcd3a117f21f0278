package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.contract.ZoneStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedZoneStoreTest extends ZoneStoreContract {
    @TempDir
    Path dataDirectory;

    @TempDir
    Path scratch;

    private EmbeddedNameServer server;
    private EmbeddedNameServer brokenServer;

    @Override
    protected ZoneStore newStore() {
        try {
            server = EmbeddedNameServer.builder()
                    .dataDirectory(dataDirectory)
                    .listen(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server.zoneStore();
    }

    /** A store whose data directory was replaced by a plain file after the start: nothing can be written there. */
    @Override
    protected Optional<ZoneStore> unwritableStore() {
        Path gone = scratch.resolve("gone");
        try {
            brokenServer = EmbeddedNameServer.builder()
                    .dataDirectory(gone)
                    .listen(false)
                    .start();
            Files.delete(gone);
            Files.writeString(gone, "not a directory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(brokenServer.zoneStore());
    }

    @Test
    void anUnchangedZoneIsListedAsTheSameInstanceSoThatItsKeptJsonCanBeSentAgain() {
        ZoneName first = ZoneName.of("a.relist.example");
        ZoneName second = ZoneName.of("b.relist.example");
        store.create(primary(first));
        store.created(first);
        List<StoredZone> once = store.list();

        assertThat(store.list()).as("nothing changed: the same list").isSameAs(once);

        store.create(primary(second));
        List<StoredZone> after = store.list();
        assertThat(after).hasSize(2);
        assertThat(after.getFirst()).as("the zone that did not change").isSameAs(once.getFirst());
        assertThat(after.get(1).name()).isEqualTo(second);
    }

    @AfterEach
    void stop() {
        server.close();
        if (brokenServer != null) {
            brokenServer.close();
        }
    }
}
