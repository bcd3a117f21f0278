package dev.bindsmith.dns.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangedZonesTest {
    private static final ZoneName A = ZoneName.of("a.test");
    private static final ZoneName B = ZoneName.of("b.test");

    @Test
    void theFirstTakeAsksForAWholeBuildAndLaterOnesForTheZonesNotedSince() {
        ChangedZones changed = new ChangedZones();
        changed.note(A);

        assertThat(changed.take()).isEmpty();
        changed.note(B);
        changed.note(B);
        assertThat(changed.take()).contains(java.util.Set.of(B));
        assertThat(changed.take()).contains(java.util.Set.of());
        assertThat(changed.count()).isEqualTo(3);
    }

    @Test
    void moreThanTheMostOrTheWholeIndexChangedAsksForAWholeBuild() {
        ChangedZones changed = new ChangedZones();
        changed.take();
        for (int i = 0; i <= ChangedZones.MOST; i++) {
            changed.note(ZoneName.of("z" + i + ".test"));
        }
        assertThat(changed.take()).isEmpty();

        changed.note(A);
        changed.noteAll();
        assertThat(changed.take()).isEmpty();
        assertThat(changed.count()).isEqualTo(ChangedZones.MOST + 3);
    }

    @Test
    void firstNotBeforeFindsWhereANameIsOrWouldGoFromAGivenPlace() {
        List<StoredZone> list = List.of(
                new StoredZone(A, ZoneType.PRIMARY, "a.test.zone"),
                new StoredZone(ZoneName.of("c.test"), ZoneType.PRIMARY, "c.test.zone"));

        assertThat(ChangedZones.firstNotBefore(list, A, 0)).isZero();
        assertThat(ChangedZones.firstNotBefore(list, B, 0)).isEqualTo(1);
        assertThat(ChangedZones.firstNotBefore(list, ZoneName.of("d.test"), 1)).isEqualTo(2);
    }
}
