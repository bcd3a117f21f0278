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

    /**
     * After a change the kept list is patched with the zones the index noted as changed rather than
     * built again from the whole index (issue 11): a create or a delete at the start, in the middle
     * and at the end shows in the next listing as a page read from the index shows it, and every zone
     * that did not change is the same instance as in the listing before.
     */
    @Test
    void aListingRightAfterAChangeAnywhereInTheListIsTheIndexWithTheUnchangedZonesKept() {
        for (int i = 10; i < 40; i++) {
            ZoneName zone = ZoneName.of("z" + i + ".patch.example");
            store.create(primary(zone));
            store.created(zone);
        }
        List<StoredZone> before = store.list();
        List<Runnable> changes = List.of(
                () -> store.create(primary(ZoneName.of("a.patch.example"))),
                () -> store.create(primary(ZoneName.of("z25a.patch.example"))),
                () -> store.create(primary(ZoneName.of("zz.patch.example"))),
                () -> store.created(ZoneName.of("z25a.patch.example")),
                () -> store.delete(ZoneName.of("a.patch.example")),
                () -> store.delete(ZoneName.of("z20.patch.example")),
                () -> store.delete(ZoneName.of("zz.patch.example")),
                () -> {
                    store.create(primary(ZoneName.of("z15a.patch.example")));
                    store.delete(ZoneName.of("z11.patch.example"));
                });
        for (Runnable change : changes) {
            change.run();
            List<StoredZone> after = store.list();

            assertThat(after).isEqualTo(store.list(Optional.empty(), Integer.MAX_VALUE));
            for (StoredZone z : after) {
                for (StoredZone b : before) {
                    if (b.equals(z)) {
                        assertThat(z).as("an unchanged zone").isSameAs(b);
                    }
                }
            }
            assertThat(store.list()).as("listed again, unchanged").isSameAs(after);
            before = after;
        }
        assertThat(before).extracting(z -> z.name().value()).contains("z15a.patch.example", "z25a.patch.example");
    }

    @AfterEach
    void stop() {
        server.close();
        if (brokenServer != null) {
            brokenServer.close();
        }
    }
}
