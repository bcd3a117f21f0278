package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void countersAndHistogramsRenderInThePrometheusTextFormat() {
        var m = new Metrics();
        m.request("GET", "/api/v1/zones/{name}", 200, Duration.ofMillis(20));
        m.request("GET", "/api/v1/zones/{name}", 200, Duration.ofMillis(300));
        m.command("reload", "ok", Duration.ofMillis(3));
        m.rateLimitDecision("limited");
        m.zonesManaged(() -> OptionalLong.of(3));
        String text = m.scrape();
        assertThat(text)
                .contains("# TYPE bindsmith_http_requests_total counter")
                .contains(
                        "bindsmith_http_requests_total{method=\"GET\",route=\"/api/v1/zones/{name}\",status=\"200\"} 2")
                .contains(
                        "bindsmith_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/zones/{name}\",le=\"0.025\"} 1")
                .contains(
                        "bindsmith_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/zones/{name}\",le=\"0.5\"} 2")
                .contains(
                        "bindsmith_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/zones/{name}\"} 2")
                .contains("bindsmith_backend_commands_total{command=\"reload\",result=\"ok\"} 1")
                .contains("bindsmith_rate_limit_decisions_total{decision=\"limited\"} 1")
                .contains("bindsmith_zones_managed 3");
    }

    @Test
    void theZonesBehindGaugeHasOneSeriesPerSecondaryAndNoneBeforeTheFirstSurvey() {
        var m = new Metrics();
        assertThat(m.scrape()).doesNotContain("bindsmith_secondary_zones_behind");

        m.secondaryZonesBehind(() -> java.util.Map.of("192.0.2.2:53", 0L, "192.0.2.1:5301", 3L));

        assertThat(m.scrape())
                .contains("# TYPE bindsmith_secondary_zones_behind gauge\n"
                        + "bindsmith_secondary_zones_behind{secondary=\"192.0.2.1:5301\"} 3\n"
                        + "bindsmith_secondary_zones_behind{secondary=\"192.0.2.2:53\"} 0\n");
    }

    @Test
    void aFailingZonesBehindSourceCostsTheGaugeNotTheScrape() {
        var m = new Metrics();
        m.rateLimitDecision("allowed");
        m.secondaryZonesBehind(() -> {
            throw new IllegalStateException("survey broke");
        });

        assertThat(m.scrape())
                .contains("bindsmith_rate_limit_decisions_total{decision=\"allowed\"} 1")
                .doesNotContain("bindsmith_secondary_zones_behind");
    }

    @Test
    void anInventedMethodCannotMintALabel() {
        var m = new Metrics();
        m.request("XYZZY", "<unmatched>", 404, Duration.ZERO);
        assertThat(m.scrape()).contains("method=\"OTHER\"").doesNotContain("XYZZY");
    }

    @Test
    void labelValuesAreEscaped() {
        var m = new Metrics();
        m.command("a\"b\\c\nd", "ok", Duration.ZERO);
        assertThat(m.scrape()).contains("command=\"a\\\"b\\\\c\\nd\"");
    }

    @Test
    void aFailingGaugeSourceCostsOnlyTheGauge() {
        var m = new Metrics();
        m.zonesManaged(() -> {
            throw new IllegalStateException("down");
        });
        assertThat(m.scrape()).contains("bindsmith_http_requests_total").doesNotContain("bindsmith_zones_managed");
    }
}
