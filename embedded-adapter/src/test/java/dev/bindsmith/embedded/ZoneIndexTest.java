package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Zones the start listed, their statements read when first needed: read once, and never undoing a later change. */
class ZoneIndexTest {
    private static final ZoneName ZONE = ZoneName.of("unread.test");
    private static final ZoneIndex.Entry SERVED_SECONDARY = new ZoneIndex.Entry(ZoneType.SECONDARY, null, true, false);

    private final AtomicInteger reads = new AtomicInteger();

    private ZoneIndex.Read statement(ZoneName zone) {
        reads.incrementAndGet();
        ZoneFiles.Statement s =
                new ZoneFiles.Statement(zone, ZoneConfig.of(ZoneType.SECONDARY, zone + ".db", ZoneOptions.NONE), true);
        return new ZoneIndex.Read(Optional.of(s), Optional.of(SERVED_SECONDARY));
    }

    private ZoneIndex.Read gone(ZoneName zone) {
        reads.incrementAndGet();
        return new ZoneIndex.Read(Optional.empty(), Optional.empty());
    }

    @Test
    void aZoneHeldUnreadIsLookedUpWithItsStatementReadOnceAndTheZonesLoadGetsTheSameRead() {
        ZoneIndex index = new ZoneIndex();
        ZoneIndex.Unread unread = index.holdUnread(ZONE, this::statement);
        assertThat(reads).as("nothing is read at start").hasValue(0);
        assertThat(index.zones()).containsOnlyKeys(ZONE);

        assertThat(index.get(ZONE)).contains(SERVED_SECONDARY);
        assertThat(index.get(ZONE)).contains(SERVED_SECONDARY);
        ZoneIndex.Read forTheLoad = index.read(unread);

        assertThat(forTheLoad.statement()).map(ZoneFiles.Statement::served).contains(true);
        assertThat(reads).as("read once, by the first who needed it").hasValue(1);
        assertThat(index.zones().get(ZONE)).isSameAs(SERVED_SECONDARY);
        assertThat(index.stillUnread()).isEmpty();
    }

    @Test
    void aWalkerOfTheIndexGetsTheEntryAnUnreadZoneStandsFor() {
        ZoneIndex index = new ZoneIndex();
        index.holdUnread(ZONE, this::statement);

        var entry = index.zones().firstEntry();

        assertThat(entry.getValue()).isSameAs(ZoneIndex.UNREAD);
        assertThat(index.read(entry.getKey(), entry.getValue())).contains(SERVED_SECONDARY);
        assertThat(index.read(entry.getKey(), entry.getValue())).contains(SERVED_SECONDARY);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aZoneWhoseStatementIsGoneWhenReadLeavesTheIndex() {
        ZoneIndex index = new ZoneIndex();
        ZoneIndex.Unread unread = index.holdUnread(ZONE, this::gone);

        assertThat(index.get(ZONE)).isEmpty();
        assertThat(index.read(unread).statement()).isEmpty();

        assertThat(index.zones()).isEmpty();
    }

    @Test
    void aChangeMadeBeforeTheStatementWasReadIsNotUndoneByTheRead() {
        ZoneIndex index = new ZoneIndex();
        ZoneIndex.Unread deleted = index.holdUnread(ZONE, this::statement);
        ZoneName other = ZoneName.of("other.test");
        ZoneIndex.Unread served = index.holdUnread(other, this::statement);

        index.remove(ZONE);
        ZoneIndex.Entry primary = new ZoneIndex.Entry(ZoneType.PRIMARY, null, true, false);
        index.put(other, primary);
        index.read(deleted);
        index.read(served);

        assertThat(index.get(ZONE)).as("deleted meanwhile: stays deleted").isEmpty();
        assertThat(index.get(other)).as("changed meanwhile: the change stays").contains(primary);
    }

    @Test
    void masterFilesOfZonesTheIndexDoesNotHaveAreHeldAsFoundAndTheOthersLeftAsTheyAre() {
        ZoneIndex index = new ZoneIndex();
        ZoneIndex.Entry known = new ZoneIndex.Entry(ZoneType.PRIMARY, null, true, false);
        index.put(ZoneName.of("b.test"), known);
        index.put(ZoneName.of("d.test"), known);
        ZoneIndex.Unread unread = index.holdUnread(ZoneName.of("c.test"), this::statement);

        index.addFound(java.util.List.of("e.test", "d.test", "a.test", "not a zone!", "c.test", "b.test", "B.test"));

        ZoneIndex.Entry found = new ZoneIndex.Entry(ZoneType.PRIMARY, null, false, true);
        assertThat(index.zones())
                .containsOnlyKeys(
                        ZoneName.of("a.test"),
                        ZoneName.of("b.test"),
                        ZoneName.of("c.test"),
                        ZoneName.of("d.test"),
                        ZoneName.of("e.test"))
                .containsEntry(ZoneName.of("a.test"), found)
                .containsEntry(ZoneName.of("e.test"), found);
        assertThat(index.zones().get(ZoneName.of("b.test"))).isSameAs(known);
        assertThat(index.zones().get(ZoneName.of("d.test"))).isSameAs(known);
        assertThat(index.zones().get(ZoneName.of("c.test"))).as("still unread").isSameAs(ZoneIndex.UNREAD);
        assertThat(reads).hasValue(0);
        assertThat(index.read(unread).entry()).contains(SERVED_SECONDARY);
    }
}
