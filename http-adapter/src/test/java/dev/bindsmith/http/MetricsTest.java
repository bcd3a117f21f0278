package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.testing.MutableClock;
import dev.bindsmith.testing.TestClocks;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private final MutableClock clock = new MutableClock(TestClocks.INSTANT);

    @Test
    void todaysSeriesKeepTheirNamesLabelsAndBuckets() {
        var m = new Metrics(clock);
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
                .contains("# TYPE bindsmith_http_request_duration_seconds histogram")
                .contains(
                        "bindsmith_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/zones/{name}\",le=\"0.025\"} 1")
                .contains(
                        "bindsmith_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/zones/{name}\",le=\"0.5\"} 2")
                .contains(
                        "bindsmith_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/zones/{name}\",le=\"+Inf\"} 2")
                .contains(
                        "bindsmith_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/zones/{name}\"} 2")
                .contains("bindsmith_backend_commands_total{command=\"reload\",result=\"ok\"} 1")
                .contains("bindsmith_backend_command_duration_seconds_count{command=\"reload\"} 1")
                .contains("bindsmith_rate_limit_decisions_total{decision=\"limited\"} 1")
                .contains("# TYPE bindsmith_zones_managed gauge")
                .contains("bindsmith_zones_managed 3");
    }

    @Test
    void theRuntimeCollectorsAddJvmAndProcessSeries() {
        var m = new Metrics(clock);
        assertThat(m.scrape()).doesNotContain("jvm_memory_used_bytes");
        m.includeRuntime();
        m.includeRuntime();
        assertThat(m.scrape())
                .contains("jvm_memory_used_bytes{area=\"heap\"}")
                .contains("jvm_threads_current")
                .contains("process_cpu_seconds_total")
                .contains("process_start_time_seconds");
    }

    @Test
    void theMetricsRouteLeavesTheRuntimeCollectorsToTheFirstScrapeNotToTheServersStart() {
        var m = new Metrics(clock);
        new MetricsRoutes(m);
        assertThat(m.scrape()).doesNotContain("jvm_memory_used_bytes");
    }

    @Test
    void openMetricsIsServedWhenTheScraperAsksForIt() {
        var m = new Metrics(clock);
        m.command("reload", "ok", Duration.ofMillis(3));
        var open = m.scrape("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(open.contentType()).startsWith("application/openmetrics-text");
        assertThat(open.body()).contains("bindsmith_backend_commands_total{").endsWith("# EOF\n");
        var text = m.scrape("");
        assertThat(text.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(text.body()).doesNotContain("# EOF");
    }

    @Test
    void theZonesBehindGaugeHasOneSeriesPerSecondaryAndNoneBeforeTheFirstSurvey() {
        var m = new Metrics(clock);
        assertThat(m.scrape()).doesNotContain("bindsmith_secondary_zones_behind");

        m.secondaryZonesBehind(() -> java.util.Map.of("192.0.2.2:53", 0L, "192.0.2.1:5301", 3L));

        assertThat(m.scrape())
                .contains("# TYPE bindsmith_secondary_zones_behind gauge\n"
                        + "bindsmith_secondary_zones_behind{secondary=\"192.0.2.1:5301\"} 3.0\n"
                        + "bindsmith_secondary_zones_behind{secondary=\"192.0.2.2:53\"} 0.0\n");
    }

    @Test
    void aFailingZonesBehindSourceCostsTheGaugeNotTheScrape() {
        var m = new Metrics(clock);
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
        var m = new Metrics(clock);
        m.request("XYZZY", "<unmatched>", 404, Duration.ZERO);
        assertThat(m.scrape()).contains("method=\"OTHER\"").doesNotContain("XYZZY");
    }

    @Test
    void labelValuesAreEscaped() {
        var m = new Metrics(clock);
        m.command("a\"b\\c\nd", "ok", Duration.ZERO);
        assertThat(m.scrape()).contains("command=\"a\\\"b\\\\c\\nd\"");
    }

    @Test
    void aFailingGaugeSourceCostsOnlyTheGauge() {
        var m = new Metrics(clock);
        m.request("GET", "/api/v1/health", 200, Duration.ZERO);
        m.zonesManaged(() -> {
            throw new IllegalStateException("down");
        });
        assertThat(m.scrape()).contains("bindsmith_http_requests_total").doesNotContain("bindsmith_zones_managed ");
    }

    @Test
    void scrapesCountTheZonesAtMostOncePerPeriod() {
        var m = new Metrics(clock);
        var counted = new AtomicInteger();
        m.zonesManaged(() -> OptionalLong.of(counted.incrementAndGet()));
        for (int i = 0; i < 50; i++) {
            assertThat(m.scrape()).contains("bindsmith_zones_managed 1");
        }
        clock.advance(CachedCheck.DEFAULT_TTL);
        assertThat(m.scrape()).contains("bindsmith_zones_managed 2");
        assertThat(counted).hasValue(2);
    }
}
