package dev.bindsmith.http.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.net.IpNetwork;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each decision of the table, on grants alone. */
class PolicyTest {
    private static final Grant READ_DEV = grant(Access.READ, List.of("*.dev.example.com"), Set.of());
    private static final Grant WRITE_DEV = grant(Access.WRITE, List.of("*.dev.example.com", "example.org"), Set.of());
    private static final Grant WRITE_DEV_A_TXT =
            grant(Access.WRITE, List.of("*.dev.example.com"), Set.of(RecordType.A, RecordType.TXT));

    static Grant grant(Access access, List<String> zones, Set<RecordType> types) {
        return new Grant(
                access,
                zones.stream().map(z -> ZonePattern.parse(z).orElseThrow()).toList(),
                types,
                List.<IpNetwork>of(),
                Optional.empty());
    }

    private static Policy.Decision decide(Grant g, Operation op, String zone) {
        return Policy.decide(g, op, Optional.of(zone));
    }

    @Test
    void aZoneOutsideTheScopeIsHiddenOnEveryZoneRouteWhateverTheVerb() {
        for (Operation op : Operation.values()) {
            var t = op.target();
            if (t == Operation.Target.ZONE || t == Operation.Target.WHOLE_ZONE || t == Operation.Target.RECORDS) {
                assertThat(decide(READ_DEV, op, "prod.example.com"))
                        .as(op.name())
                        .isEqualTo(new Policy.Decision.Hidden(ZoneName.of("prod.example.com")));
                assertThat(decide(WRITE_DEV, op, "dev.example.com"))
                        .as("*.suffix does not cover the suffix itself: %s", op)
                        .isInstanceOf(Policy.Decision.Hidden.class);
            }
        }
    }

    @Test
    void aZoneInScopeWithAVerbTheTokenLacksIsInsufficientSayingRequiredAndGranted() {
        var d = (Policy.Decision.Insufficient) decide(READ_DEV, Operation.DELETE_ZONE, "a.dev.example.com");

        assertThat(d.required()).isEqualTo(Map.of("access", "write", "zone", "a.dev.example.com"));
        assertThat(d.granted())
                .isEqualTo(
                        Map.of("access", "read", "zones", List.of("*.dev.example.com"), "recordTypes", List.of("*")));
        assertThat(d.sentence()).contains("write access", "a.dev.example.com", "grants read");
        assertThat(decide(READ_DEV, Operation.GET_ZONE, "A.Dev.Example.COM."))
                .isInstanceOf(Policy.Decision.Allowed.class);
        assertThat(decide(WRITE_DEV, Operation.RELOAD_ZONE, "x.y.dev.example.com"))
                .isInstanceOf(Policy.Decision.Allowed.class);
    }

    @Test
    void creatingAZoneNeedsWriteOnItsNameAndAnOutOfScopeNameIs403Not404() {
        assertThat(decide(WRITE_DEV, Operation.CREATE_ZONE, "new.dev.example.com"))
                .isInstanceOf(Policy.Decision.Allowed.class);
        var outside = (Policy.Decision.Insufficient) decide(WRITE_DEV, Operation.CREATE_ZONE, "prod.example.com");
        assertThat(outside.required()).containsEntry("zone", "prod.example.com").containsEntry("access", "write");
        assertThat(decide(READ_DEV, Operation.CREATE_ZONE, "new.dev.example.com"))
                .isInstanceOf(Policy.Decision.Insufficient.class);
    }

    @Test
    void aTokenLimitedToRecordTypesMayNotChangeAWholeZone() {
        for (Operation op : List.of(Operation.CREATE_ZONE, Operation.MODIFY_ZONE, Operation.DELETE_ZONE)) {
            var d = (Policy.Decision.Insufficient) decide(WRITE_DEV_A_TXT, op, "a.dev.example.com");
            assertThat(d.required()).as(op.name()).containsEntry("recordTypes", List.of("*"));
        }
        assertThat(decide(WRITE_DEV_A_TXT, Operation.NOTIFY_ZONE, "a.dev.example.com"))
                .isInstanceOf(Policy.Decision.Allowed.class);
    }

    @Test
    void aChangeSetIsJudgedAsAWholeOneForbiddenTypeRefusesIt() {
        ZoneName zone = ZoneName.of("a.dev.example.com");
        assertThat(Policy.types(WRITE_DEV_A_TXT, Operation.APPLY_RECORDS, zone, List.of("a", "TXT")))
                .isInstanceOf(Policy.Decision.Allowed.class);

        var d = (Policy.Decision.Insufficient)
                Policy.types(WRITE_DEV_A_TXT, Operation.APPLY_RECORDS, zone, List.of("A", "mx", "TXT"));

        assertThat(d.required()).containsEntry("recordTypes", List.of("A", "MX", "TXT"));
        assertThat(d.granted()).containsEntry("recordTypes", List.of("A", "TXT"));
        assertThat(Policy.types(WRITE_DEV_A_TXT, Operation.ADD_RECORD, zone, List.of("NOTATYPE")))
                .as("a type the grant cannot name is not granted")
                .isInstanceOf(Policy.Decision.Insufficient.class);
        assertThat(Policy.types(WRITE_DEV, Operation.ADD_RECORD, zone, List.of("MX")))
                .isInstanceOf(Policy.Decision.Allowed.class);
    }

    @Test
    void serverActionsNeedAdminAndTheServersStateEveryZone() {
        assertThat(Policy.decide(WRITE_DEV, Operation.RELOAD_SERVER, Optional.empty()))
                .isInstanceOf(Policy.Decision.Insufficient.class);
        assertThat(Policy.decide(Grant.admin(), Operation.RELOAD_SERVER, Optional.empty()))
                .isInstanceOf(Policy.Decision.Allowed.class);
        assertThat(Policy.decide(READ_DEV, Operation.SERVER_STATUS, Optional.empty()))
                .isInstanceOf(Policy.Decision.Insufficient.class);
        assertThat(Policy.decide(grant(Access.READ, List.of(), Set.of()), Operation.SERVER_STATUS, Optional.empty()))
                .isInstanceOf(Policy.Decision.Allowed.class);
    }

    @Test
    void aNameThatIsNotAZoneNameIsLeftToTheUseCaseWhichRefusesItBeforeTouchingAnything() {
        assertThat(decide(READ_DEV, Operation.DELETE_ZONE, "../etc")).isInstanceOf(Policy.Decision.Allowed.class);
    }

    @Test
    void zonePatternsAreNormalisedAndMatchAsDnsWildcards() {
        assertThat(ZonePattern.parse("*.Dev.Example.COM.")).hasValue(new ZonePattern("*.dev.example.com"));
        assertThat(ZonePattern.parse("*")).hasValue(ZonePattern.EVERY_ZONE);
        assertThat(ZonePattern.parse("a*.example.com")).isEmpty();
        assertThat(ZonePattern.parse("*.*.example.com")).isEmpty();
        ZonePattern p = new ZonePattern("*.dev.example.com");
        assertThat(p.matches(ZoneName.of("x.dev.example.com"))).isTrue();
        assertThat(p.matches(ZoneName.of("xdev.example.com"))).isFalse();
        assertThat(p.matches(ZoneName.of("dev.example.com"))).isFalse();
    }
}
