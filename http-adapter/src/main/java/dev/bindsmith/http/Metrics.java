package dev.bindsmith.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A small Prometheus registry: counters and histograms keyed by label values, rendered in the text
 * exposition format (0.0.4). Labels are route templates, command words, outcome codes and decisions,
 * never a raw path or a zone name, so their number stays bounded whatever clients send.
 */
public final class Metrics {
    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final ConcurrentMap<List<String>, LongAdder> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<List<String>, Histogram> requestDurations = new ConcurrentHashMap<>();
    private final ConcurrentMap<List<String>, LongAdder> commands = new ConcurrentHashMap<>();
    private final ConcurrentMap<List<String>, Histogram> commandDurations = new ConcurrentHashMap<>();
    private final ConcurrentMap<List<String>, LongAdder> rateLimit = new ConcurrentHashMap<>();
    private volatile Supplier<OptionalLong> zonesManaged = OptionalLong::empty;
    private volatile Supplier<Map<String, Long>> zonesBehind = Map::of;

    /**
     * One HTTP request: its method, route template (or {@code <unmatched>}), status and duration. A
     * method outside the standard set is counted as {@code OTHER}, so a client cannot mint labels.
     */
    public void request(String method, String route, int status, Duration duration) {
        method = STANDARD_METHODS.contains(method) ? method : "OTHER";
        requests.computeIfAbsent(List.of(method, route, Integer.toString(status)), k -> new LongAdder())
                .increment();
        requestDurations
                .computeIfAbsent(List.of(method, route), k -> new Histogram())
                .observe(duration);
    }

    /** One name-server command: its word ({@code addzone}) and result ({@code ok} or an error code). */
    public void command(String command, String result, Duration duration) {
        commands.computeIfAbsent(List.of(command, result), k -> new LongAdder()).increment();
        commandDurations.computeIfAbsent(List.of(command), k -> new Histogram()).observe(duration);
    }

    /** One rate-limit verdict: {@code allowed} or {@code limited}. */
    public void rateLimitDecision(String decision) {
        rateLimit.computeIfAbsent(List.of(decision), k -> new LongAdder()).increment();
    }

    /** Where the zones-managed gauge reads its value at scrape time. */
    public void zonesManaged(Supplier<OptionalLong> source) {
        this.zonesManaged = source;
    }

    /**
     * Where the per-secondary zones-behind gauge reads its values at scrape time: each secondary
     * ({@code ip:port}, from the configuration, so the labels stay bounded) and how many managed zones
     * it did not serve at the primary's serial in the last survey.
     */
    public void secondaryZonesBehind(Supplier<Map<String, Long>> source) {
        this.zonesBehind = source;
    }

    /** Everything, in the Prometheus text format. */
    public String scrape() {
        var out = new StringBuilder();
        counter(
                out,
                "bindsmith_http_requests_total",
                "HTTP requests by method, route template and status.",
                List.of("method", "route", "status"),
                requests);
        histogram(
                out,
                "bindsmith_http_request_duration_seconds",
                "HTTP request durations.",
                List.of("method", "route"),
                requestDurations);
        counter(
                out,
                "bindsmith_backend_commands_total",
                "Name-server commands by command and result.",
                List.of("command", "result"),
                commands);
        histogram(
                out,
                "bindsmith_backend_command_duration_seconds",
                "Name-server command durations.",
                List.of("command"),
                commandDurations);
        counter(out, "bindsmith_rate_limit_decisions_total", "Rate-limit verdicts.", List.of("decision"), rateLimit);
        OptionalLong zones = zonesManaged();
        if (zones.isPresent()) {
            out.append("# HELP bindsmith_zones_managed Zones bindsmith manages.\n")
                    .append("# TYPE bindsmith_zones_managed gauge\n")
                    .append("bindsmith_zones_managed ")
                    .append(zones.getAsLong())
                    .append('\n');
        }
        Map<String, Long> behind = zonesBehind();
        if (!behind.isEmpty()) {
            out.append("# HELP bindsmith_secondary_zones_behind Managed zones a secondary did not serve at the")
                    .append(" primary's serial in the last survey.\n")
                    .append("# TYPE bindsmith_secondary_zones_behind gauge\n");
            new TreeMap<>(behind)
                    .forEach((secondary, n) -> out.append("bindsmith_secondary_zones_behind")
                            .append(labels(List.of("secondary"), List.of(secondary), null))
                            .append(' ')
                            .append(n)
                            .append('\n'));
        }
        return out.toString();
    }

    private Map<String, Long> zonesBehind() {
        try {
            return zonesBehind.get();
        } catch (RuntimeException e) {
            // A failing source costs the gauge, not the whole scrape.
            return Map.of();
        }
    }

    private OptionalLong zonesManaged() {
        try {
            return zonesManaged.get();
        } catch (RuntimeException e) {
            // A failing source costs the gauge, not the whole scrape.
            return OptionalLong.empty();
        }
    }

    private static void counter(
            StringBuilder out, String name, String help, List<String> labels, Map<List<String>, LongAdder> values) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        var sorted = new TreeMap<List<String>, LongAdder>(Metrics::compare);
        sorted.putAll(values);
        sorted.forEach((k, v) -> out.append(name)
                .append(labels(labels, k, null))
                .append(' ')
                .append(v.sum())
                .append('\n'));
    }

    private static void histogram(
            StringBuilder out, String name, String help, List<String> labels, Map<List<String>, Histogram> values) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" histogram\n");
        var sorted = new TreeMap<List<String>, Histogram>(Metrics::compare);
        sorted.putAll(values);
        sorted.forEach((k, h) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += h.buckets[i].sum();
                out.append(name)
                        .append("_bucket")
                        .append(labels(labels, k, Double.toString(BUCKETS[i])))
                        .append(' ')
                        .append(cumulative)
                        .append('\n');
            }
            long count = h.count.sum();
            out.append(name)
                    .append("_bucket")
                    .append(labels(labels, k, "+Inf"))
                    .append(' ')
                    .append(count)
                    .append('\n');
            out.append(name)
                    .append("_sum")
                    .append(labels(labels, k, null))
                    .append(' ')
                    .append(h.sum.sum())
                    .append('\n');
            out.append(name)
                    .append("_count")
                    .append(labels(labels, k, null))
                    .append(' ')
                    .append(count)
                    .append('\n');
        });
    }

    private static String labels(List<String> names, List<String> values, String le) {
        var sb = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(names.get(i)).append("=\"").append(escape(values.get(i))).append('"');
        }
        if (le != null) {
            sb.append(names.isEmpty() ? "" : ",").append("le=\"").append(le).append('"');
        }
        return sb.append('}').toString();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(Duration d) {
            double seconds = d.toNanos() / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }
}
