package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** Zones still loading (the start parses master files in the background): never seen as absent, loaded once. */
class ZoneRegistryTest {
    private static final ZoneName ZONE = ZoneName.of("loading.test");

    private static ZoneState state(ZoneName zone) {
        return new ZoneState(
                zone,
                ZoneConfig.of(ZoneType.PRIMARY, zone + ".db", ZoneOptions.NONE),
                Optional.empty(),
                false,
                Optional.empty());
    }

    @Test
    void aZoneStillLoadingIsLoadedByItsFirstReaderAndThenServed() {
        ZoneRegistry registry = new ZoneRegistry();
        AtomicInteger loads = new AtomicInteger();
        List<ZoneState> told = new ArrayList<>();
        registry.loading(
                ZONE,
                () -> {
                    loads.incrementAndGet();
                    return Optional.of(state(ZONE));
                },
                told::add);
        assertThat(registry.size()).as("counted while it loads").isEqualTo(1);
        assertThat(loads).hasValue(0);

        assertThat(registry.get(ZONE)).map(ZoneState::name).contains(ZONE);
        assertThat(registry.get(ZONE)).isPresent();

        assertThat(loads).as("loaded once").hasValue(1);
        assertThat(told).extracting(ZoneState::name).containsExactly(ZONE);
        assertThat(registry.stillLoading()).isEmpty();
    }

    @Test
    void aQueryForANameInAZoneStillLoadingFindsThatZoneNotItsParent() throws Exception {
        ZoneRegistry registry = new ZoneRegistry();
        ZoneName parent = ZoneName.of("test");
        registry.put(state(parent));
        registry.loading(ZONE, () -> Optional.of(state(ZONE)), s -> {});

        assertThat(registry.closest(Name.fromString("www.loading.test.")))
                .map(ZoneState::name)
                .contains(ZONE);
    }

    @Test
    void aZoneWhoseFileDoesNotLoadIsNotServedAndItsNamesFallToTheParent() throws Exception {
        ZoneRegistry registry = new ZoneRegistry();
        ZoneName parent = ZoneName.of("test");
        registry.put(state(parent));
        List<ZoneState> told = new ArrayList<>();
        registry.loading(ZONE, Optional::empty, told::add);

        assertThat(registry.closest(Name.fromString("www.loading.test.")))
                .map(ZoneState::name)
                .contains(parent);
        assertThat(registry.get(ZONE)).isEmpty();
        assertThat(registry.size()).isEqualTo(1);
        assertThat(told).isEmpty();
    }

    @Test
    void everyZoneListedIsLoadedFirst() {
        ZoneRegistry registry = new ZoneRegistry();
        ZoneName other = ZoneName.of("other.test");
        registry.put(state(other));
        registry.loading(ZONE, () -> Optional.of(state(ZONE)), s -> {});
        registry.loading(ZoneName.of("broken.test"), Optional::empty, s -> {});

        assertThat(registry.all()).extracting(ZoneState::name).containsExactly(ZONE, other);
        assertThat(registry.stillLoading()).isEmpty();
    }

    @Test
    void readersWhoReachAZoneWhileItLoadsWaitForThatOneLoad() throws Exception {
        ZoneRegistry registry = new ZoneRegistry();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        Supplier<Optional<ZoneState>> slow = () -> {
            loads.incrementAndGet();
            loading.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(state(ZONE));
        };
        registry.loading(ZONE, slow, s -> {});
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<Optional<ZoneState>> first = threads.submit(() -> registry.get(ZONE));
            assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Optional<ZoneState>> second = threads.submit(() -> registry.get(ZONE));
            Future<List<ZoneState>> all = threads.submit(registry::all);
            // a writer holding the zone's lock waits too: the load itself takes no lock
            Future<Optional<ZoneState>> locked = threads.submit(() -> registry.locked(ZONE, () -> registry.get(ZONE)));
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isPresent();
            assertThat(second.get(10, TimeUnit.SECONDS)).isPresent();
            assertThat(all.get(10, TimeUnit.SECONDS))
                    .extracting(ZoneState::name)
                    .containsExactly(ZONE);
            assertThat(locked.get(10, TimeUnit.SECONDS)).isPresent();
            assertThat(loads).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aZoneServedAlreadyIsNotReplacedByALoad() {
        ZoneRegistry registry = new ZoneRegistry();
        ZoneState served = state(ZONE).withFrozen(true);
        registry.put(served);
        AtomicInteger loads = new AtomicInteger();

        registry.loading(
                ZONE,
                () -> {
                    loads.incrementAndGet();
                    return Optional.of(state(ZONE));
                },
                s -> {});

        assertThat(registry.get(ZONE)).contains(served);
        assertThat(loads).hasValue(0);
    }
}
