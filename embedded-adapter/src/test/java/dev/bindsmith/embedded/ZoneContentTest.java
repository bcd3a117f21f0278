package dev.bindsmith.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * A content changed owner by owner keeps its names, empty non-terminals and counts without walking the
 * zone: what it answers must be what a content built from the same records whole answers.
 */
class ZoneContentTest {
    private static final Name ORIGIN = Name.fromConstantString("example.test.");

    @Test
    void ownersAddedBelowAnEmptyNonTerminalMakeItExistLikeAZoneBuiltWhole() throws Exception {
        ZoneContent base = ZoneContent.of(ORIGIN, apex(), 3600);
        ZoneContent changed = base.withOwners(Map.of(
                name("a.b.c"), List.of(a("a.b.c", "192.0.2.1")), name("d.b.c"), List.of(a("d.b.c", "192.0.2.2"))));

        ZoneContent whole = ZoneContent.of(ORIGIN, changed.records(), 3600);
        for (String n : List.of("a.b.c", "d.b.c", "b.c", "c", "x.c", "b")) {
            assertThat(changed.exists(name(n))).as(n).isEqualTo(whole.exists(name(n)));
        }
        assertThat(changed.exists(name("b.c")))
                .as("an empty non-terminal exists")
                .isTrue();
        assertThat(changed.exists(ORIGIN)).isTrue();
        assertThat(changed.nodeCount()).isEqualTo(whole.nodeCount()).isEqualTo(5);
        assertThat(changed.recordCount()).isEqualTo(whole.recordCount()).isEqualTo(4);
    }

    @Test
    void theLastOwnerBelowAnEmptyNonTerminalRemovedTakesTheNonTerminalWithIt() throws Exception {
        ZoneContent two = ZoneContent.of(ORIGIN, withApex(a("a.b.c", "192.0.2.1"), a("d.b.c", "192.0.2.2")), 3600);

        ZoneContent one = two.withOwners(Map.of(name("a.b.c"), List.of()));
        assertThat(one.exists(name("b.c"))).as("d.b.c is still below it").isTrue();
        assertThat(one.exists(name("a.b.c"))).isFalse();

        ZoneContent none = one.withOwners(Map.of(name("d.b.c"), List.of()));
        assertThat(none.exists(name("b.c"))).isFalse();
        assertThat(none.exists(name("c"))).isFalse();
        assertThat(none.exists(ORIGIN)).isTrue();
        ZoneContent whole = ZoneContent.of(ORIGIN, none.records(), 3600);
        assertThat(none.nodeCount()).isEqualTo(whole.nodeCount()).isEqualTo(1);
        assertThat(none.recordCount()).isEqualTo(whole.recordCount()).isEqualTo(2);
    }

    @Test
    void anOwnerReplacedKeepsItsNameAndCountsItsNewRecords() throws Exception {
        ZoneContent before = ZoneContent.of(ORIGIN, withApex(a("www", "192.0.2.1")), 3600);

        Map<Name, List<Record>> replaced = new HashMap<>();
        replaced.put(name("www"), List.of(a("www", "192.0.2.1"), a("www", "192.0.2.2"), a("www", "192.0.2.3")));
        ZoneContent after = before.withOwners(replaced);

        ZoneContent whole = ZoneContent.of(ORIGIN, after.records(), 3600);
        assertThat(after.recordCount()).isEqualTo(whole.recordCount()).isEqualTo(5);
        assertThat(after.nodeCount()).isEqualTo(whole.nodeCount()).isEqualTo(2);
        assertThat(after.exists(name("www"))).isTrue();
    }

    private static List<Record> apex() {
        return withApex();
    }

    private static List<Record> withApex(Record... more) {
        List<Record> all = new ArrayList<>();
        all.add(new SOARecord(
                ORIGIN,
                DClass.IN,
                3600,
                name("ns1"),
                Name.fromConstantString("hostmaster.example.test."),
                1,
                3600,
                600,
                86400,
                300));
        all.add(new NSRecord(ORIGIN, DClass.IN, 3600, name("ns1")));
        all.addAll(List.of(more));
        return all;
    }

    private static Record a(String owner, String address) throws Exception {
        return new ARecord(name(owner), DClass.IN, 300, InetAddress.getByName(address));
    }

    private static Name name(String relative) {
        return Name.fromConstantString(relative + ".example.test.");
    }
}
