package dev.bindsmith.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.testing.builders.Records;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The fleet's variables: read, judged (each error names its variable), and what the catalog zone's statement becomes. */
class FleetSettingsTest {

    private static BackendSettings.Fleet fleet(Map<String, String> env) {
        return BackendSettings.fromEnvironment(env, p -> false).fleet();
    }

    @Test
    void withoutTheVariablesThereIsNoFleet() {
        BackendSettings.Fleet f = fleet(Map.of());

        assertThat(f.catalogZone()).isEmpty();
        assertThat(f.secondaries()).isEmpty();
        assertThat(f.surveyInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(f.describe()).isEmpty();
    }

    @Test
    void theCatalogTheSecondariesAndTheSurveyIntervalAreRead() {
        BackendSettings.Fleet f = fleet(Map.of(
                "BINDSMITH_CATALOG_ZONE", "Catalog.Bindsmith.Invalid.",
                "BINDSMITH_SECONDARIES", "192.0.2.2, 192.0.2.3:5353 [2001:db8::3]:53",
                "BINDSMITH_PROPAGATION_INTERVAL_SECS", "0"));

        assertThat(f.catalogZone()).hasValue(ZoneName.of("catalog.bindsmith.invalid"));
        assertThat(f.secondaries())
                .containsExactly(
                        Records.endpoint("192.0.2.2"),
                        Records.endpoint("192.0.2.3", 5353),
                        Records.endpoint("2001:db8::3", 53));
        assertThat(f.surveyInterval()).isZero();
        assertThat(f.describe())
                .isEqualTo("catalog zone catalog.bindsmith.invalid, secondaries 192.0.2.2, 192.0.2.3:5353,"
                        + " [2001:db8::3]:53");
    }

    @Test
    void aBadValueStopsStartUpNamingItsVariable() {
        assertThatThrownBy(() -> fleet(Map.of("BINDSMITH_CATALOG_ZONE", "bad..name")))
                .isInstanceOf(BackendConfigurationException.class)
                .hasMessageStartingWith("BINDSMITH_CATALOG_ZONE");
        assertThatThrownBy(() -> fleet(Map.of("BINDSMITH_SECONDARIES", "192.0.2.2,ns1.example.com")))
                .hasMessageStartingWith("BINDSMITH_SECONDARIES")
                .hasMessageContaining("'ns1.example.com' is not ip[:port]");
        assertThatThrownBy(() -> fleet(Map.of("BINDSMITH_PROPAGATION_INTERVAL_SECS", "soon")))
                .hasMessageStartingWith("BINDSMITH_PROPAGATION_INTERVAL_SECS");
        assertThatThrownBy(() -> fleet(Map.of("BINDSMITH_CATALOG_MOVE_FROM", "old.invalid")))
                .hasMessageStartingWith("BINDSMITH_CATALOG_MOVE_FROM")
                .hasMessageContaining("BINDSMITH_CATALOG_ZONE");
        assertThatThrownBy(() -> fleet(
                        Map.of("BINDSMITH_CATALOG_ZONE", "c.invalid", "BINDSMITH_CATALOG_MOVE_FROM", "c.invalid")))
                .hasMessageContaining("is the catalog zone itself");
    }

    @Test
    void theCatalogZoneTakesUpdatesByTheKeyAndIsTransferredAndNotifiedToTheSecondariesOnly() {
        ZoneOptions o = Backend.catalogOptions(
                "update-key", List.of(Records.endpoint("192.0.2.2"), Records.endpoint("192.0.2.3", 5353)));

        assertThat(o.allowUpdate()).containsExactly(new AddressMatch.Key("update-key"));
        assertThat(o.allowTransfer())
                .containsExactly(
                        new AddressMatch.Key("update-key"),
                        new AddressMatch.Cidr(Records.endpoint("192.0.2.2").address(), OptionalInt.empty()),
                        new AddressMatch.Cidr(Records.endpoint("192.0.2.3").address(), OptionalInt.empty()));
        assertThat(o.alsoNotify()).containsExactly(Records.endpoint("192.0.2.2"), Records.endpoint("192.0.2.3", 5353));
    }

    @Test
    void withoutSecondariesTheCatalogZoneLeavesTransfersToTheServersDefaults() {
        ZoneOptions o = Backend.catalogOptions("update-key", List.of());

        assertThat(o.allowTransfer()).isEmpty();
        assertThat(o.alsoNotify()).isEmpty();
        assertThat(o.dynamic()).isTrue();
    }
}
