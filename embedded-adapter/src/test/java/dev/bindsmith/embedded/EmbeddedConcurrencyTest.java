package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.testing.Outcomes;
import dev.bindsmith.testing.builders.Records;
import dev.bindsmith.testing.builders.TestZones;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change sets on one zone from many threads: none is lost, each moves the serial by one. */
class EmbeddedConcurrencyTest {
    private static final ZoneName ZONE = ZoneName.of("busy.test");
    private static final int THREADS = 8;
    private static final int CHANGES_PER_THREAD = 10;

    @TempDir
    Path dataDirectory;

    private EmbeddedNameServer server;

    @BeforeEach
    void start() {
        server = EmbeddedServers.start(dataDirectory);
        EmbeddedServers.serve(
                server, TestZones.spec(ZONE.value()).serial(1000).dynamic().build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void concurrentChangeSetsAreAllAppliedOneAfterAnother() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        List<Record> expected = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                List<Record> mine = new ArrayList<>();
                for (int i = 0; i < CHANGES_PER_THREAD; i++) {
                    mine.add(Records.a("host-" + t + "-" + i + "." + ZONE.value(), 60, "192.0.2." + (t * 10 + i + 1)));
                }
                expected.addAll(mine);
                futures.add(pool.submit(() -> {
                    go.await();
                    for (Record r : mine) {
                        Outcomes.ok(server.recordUpdater().apply(ZONE, ChangeSet.of(new RecordChange.Add(r))));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(Outcomes.ok(server.recordReader().read(ZONE))).containsAll(expected);
        assertThat(Outcomes.ok(server.nameServerControl().zoneStatus(ZONE)).serial())
                .hasValue(1000 + THREADS * CHANGES_PER_THREAD);
    }
}
