package dev.bindsmith.http;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * bindsmith's metrics, on the Prometheus Java client: one registry per instance, exposed at
 * {@code /metrics} in the Prometheus text format (or OpenMetrics when the scraper asks for it). Labels
 * are route templates, command words, outcome codes and decisions, never a raw path or a zone name,
 * so their number stays bounded whatever clients send.
 *
 * <p>A new metric is one field built on {@link #registry} and one method here that records into it.
 */
public final class Metrics {
    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AtomicBoolean runtimeCollectors = new AtomicBoolean();
    private final Clock clock;

    private final Counter requests = Counter.builder()
            .name("bindsmith_http_requests_total")
            .help("HTTP requests by method, route template and status.")
            .labelNames("method", "route", "status")
            .register(registry);
    private final Histogram requestDurations = Histogram.builder()
            .name("bindsmith_http_request_duration_seconds")
            .help("HTTP request durations.")
            .labelNames("method", "route")
            .classicUpperBounds(BUCKETS)
            .classicOnly()
            .register(registry);
    private final Counter commands = Counter.builder()
            .name("bindsmith_backend_commands_total")
            .help("Name-server commands by command and result.")
            .labelNames("command", "result")
            .register(registry);
    private final Histogram commandDurations = Histogram.builder()
            .name("bindsmith_backend_command_duration_seconds")
            .help("Name-server command durations.")
            .labelNames("command")
            .classicUpperBounds(BUCKETS)
            .classicOnly()
            .register(registry);
    private final Counter rateLimit = Counter.builder()
            .name("bindsmith_rate_limit_decisions_total")
            .help("Rate-limit verdicts.")
            .labelNames("decision")
            .register(registry);
    private volatile CachedCheck<OptionalLong> zonesManaged;
    private volatile Supplier<Map<String, Long>> zonesBehind = Map::of;

    public Metrics() {
        this(Clock.systemUTC());
    }

    Metrics(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zonesManaged = new CachedCheck<>(OptionalLong::empty, CachedCheck.DEFAULT_TTL, clock);
        GaugeWithCallback.builder()
                .name("bindsmith_zones_managed")
                .help("Zones bindsmith manages.")
                .callback(gauge -> zonesManaged().ifPresent(gauge::call))
                .register(registry);
        GaugeWithCallback.builder()
                .name("bindsmith_secondary_zones_behind")
                .help("Managed zones a secondary did not serve at the primary's serial in the last survey.")
                .labelNames("secondary")
                .callback(gauge -> new TreeMap<>(zonesBehind()).forEach((secondary, n) -> gauge.call(n, secondary)))
                .register(registry);
    }

    /**
     * One HTTP request: its method, route template (or {@code <unmatched>}), status and duration. A
     * method outside the standard set is counted as {@code OTHER}, so a client cannot mint labels.
     */
    public void request(String method, String route, int status, Duration duration) {
        method = STANDARD_METHODS.contains(method) ? method : "OTHER";
        requests.labelValues(method, route, Integer.toString(status)).inc();
        requestDurations.labelValues(method, route).observe(seconds(duration));
    }

    /** One name-server command: its word ({@code addzone}) and result ({@code ok} or an error code). */
    public void command(String command, String result, Duration duration) {
        commands.labelValues(command, result).inc();
        commandDurations.labelValues(command).observe(seconds(duration));
    }

    /** One rate-limit verdict: {@code allowed} or {@code limited}. */
    public void rateLimitDecision(String decision) {
        rateLimit.labelValues(decision).inc();
    }

    /**
     * Where the zones-managed gauge reads its value at scrape time. Counting zones asks the backend, so
     * the count is kept for {@link CachedCheck#DEFAULT_TTL} and never asked for twice at once.
     */
    public void zonesManaged(Supplier<OptionalLong> source) {
        Objects.requireNonNull(source, "source");
        this.zonesManaged = new CachedCheck<>(source, CachedCheck.DEFAULT_TTL, clock);
    }

    /**
     * Where the per-secondary zones-behind gauge reads its values at scrape time: each secondary
     * ({@code ip:port}, from the configuration, so the labels stay bounded) and how many managed zones
     * it did not serve at the primary's serial in the last survey.
     */
    public void secondaryZonesBehind(Supplier<Map<String, Long>> source) {
        this.zonesBehind = Objects.requireNonNull(source, "source");
    }

    /**
     * Adds the client library's JVM and process collectors ({@code jvm_*}, {@code process_*}). The
     * server does this when it serves {@code /metrics}; a command line that only uses the backend
     * does not pay for the management beans. Calling it again does nothing.
     */
    public void includeRuntime() {
        if (runtimeCollectors.compareAndSet(false, true)) {
            JvmMetrics.builder().register(registry);
        }
    }

    /** Everything, in the Prometheus text format (0.0.4). */
    public String scrape() {
        return scrape(PrometheusTextFormatWriter.create());
    }

    /** The exposition for a scraper's {@code Accept} header: OpenMetrics when asked for, else the text format. */
    Exposition scrape(String accept) {
        ExpositionFormatWriter writer = OpenMetricsTextFormatWriter.create().accepts(accept)
                ? OpenMetricsTextFormatWriter.create()
                : PrometheusTextFormatWriter.create();
        return new Exposition(writer.getContentType(), scrape(writer));
    }

    /** One scrape's body and its content type. */
    record Exposition(String contentType, String body) {}

    private String scrape(ExpositionFormatWriter writer) {
        var out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private OptionalLong zonesManaged() {
        try {
            return zonesManaged.get();
        } catch (RuntimeException e) {
            // A failing source costs the gauge, not the whole scrape.
            return OptionalLong.empty();
        }
    }

    private Map<String, Long> zonesBehind() {
        try {
            return zonesBehind.get();
        } catch (RuntimeException e) {
            // A failing source costs the gauge, not the whole scrape.
            return Map.of();
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
