package dev.bindsmith.dns.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeptListTest {
    private static final ZoneName A = ZoneName.of("a.test");

    /** What each update was given: the list before and the zones changed (absent: build from the index). */
    private final List<Optional<Set<ZoneName>>> asked = new ArrayList<>();

    private String update(String before, Optional<Set<ZoneName>> changed) {
        asked.add(changed);
        return before + "+";
    }

    @Test
    void theListIsMadeOnceFromTheWholeIndexThenKeptUntilAChangeIsNoted() {
        ChangedZones changes = new ChangedZones();
        KeptList<String> list = new KeptList<>(changes, "");

        assertThat(list.current(this::update)).isEqualTo("+");
        assertThat(list.current(this::update)).isEqualTo("+");
        assertThat(asked).containsExactly(Optional.empty());

        changes.note(A);
        assertThat(list.current(this::update)).isEqualTo("++");
        assertThat(list.current(this::update)).isEqualTo("++");
        assertThat(asked).containsExactly(Optional.empty(), Optional.of(Set.of(A)));
    }

    @Test
    void aChangeNotedBeforeTheFirstListIsNotAskedForAgainAsAPatch() {
        ChangedZones changes = new ChangedZones();
        changes.note(A);
        KeptList<String> list = new KeptList<>(changes, "");

        list.current(this::update);
        changes.note(ZoneName.of("b.test"));
        list.current(this::update);

        // the first list came from the whole index (A in it); the second patches only what changed since
        assertThat(asked).containsExactly(Optional.empty(), Optional.of(Set.of(ZoneName.of("b.test"))));
    }

    @Test
    void theWholeIndexChangedMakesTheListFromItAgain() {
        ChangedZones changes = new ChangedZones();
        KeptList<String> list = new KeptList<>(changes, "");
        list.current(this::update);

        changes.noteAll();
        list.current(this::update);

        assertThat(asked).containsExactly(Optional.empty(), Optional.empty());
    }
}
