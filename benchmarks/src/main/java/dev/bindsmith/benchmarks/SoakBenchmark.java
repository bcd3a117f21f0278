package dev.bindsmith.benchmarks;

import static dev.bindsmith.benchmarks.Runs.arg;

import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import dev.bindsmith.wiring.ApiServer;
import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Soak: {@code clients} HTTP clients for {@code seconds} against {@code bindsmith serve} (the wiring's
 * {@link Backend} and {@link ApiServer}, in a JVM of its own so that its RSS is its own) on a throwaway
 * named 9.18, with mixed operations — create and delete zones, add and remove records, read zones,
 * their status and their records. It reports the answers by operation and status, latency percentiles
 * by operation, and the RSS of the server and of named every {@code sampleSeconds}. It measures and
 * never asserts; it stops by itself.
 *
 * <pre>
 * ./mvnw -B -ntp -pl benchmarks -am verify -DskipTests -DskipITs -Pbench \
 *     -Dbench.main=dev.bindsmith.benchmarks.SoakBenchmark -Dbench.args="clients=50 seconds=600"
 * </pre>
 *
 * Arguments ({@code name=value}): {@code clients} (50), {@code seconds} (600), {@code sampleSeconds} (30),
 * {@code zonesPerClient} (the most zones one client keeps at once, 20), {@code seed} (16),
 * {@code serverHeapMb} (the server JVM's -Xmx, 512).
 */
public final class SoakBenchmark {
    private static final String TOKEN = "soak-token-0123456789abcdef0123456789abcdef";

    private SoakBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("server")) {
            serve();
            return;
        }
        int clients = arg(args, "clients", 50);
        int seconds = arg(args, "seconds", 600);
        int sampleSeconds = arg(args, "sampleSeconds", 30);
        int zonesPerClient = arg(args, "zonesPerClient", 20);
        int seed = arg(args, "seed", 16);
        int serverHeapMb = arg(args, "serverHeapMb", 512);

        try (RunningNamed named = NamedLauncher.create().start()) {
            Process server = startServer(named, serverHeapMb);
            try {
                String url = awaitUrl(server);
                System.out.printf(
                        Locale.ROOT,
                        "soak: %d clients, %d s, against bindsmith serve (pid %d, -Xmx%dm) at %s on named %d; %d CPUs,"
                                + " Java %s, load average at start %s%n",
                        clients,
                        seconds,
                        server.pid(),
                        serverHeapMb,
                        url,
                        named.pid(),
                        Runtime.getRuntime().availableProcessors(),
                        Runtime.version(),
                        loadAverage());
                run(url, named, server, clients, seconds, sampleSeconds, zonesPerClient, seed);
            } finally {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    // ---- the server, as bindsmith serve runs it ----

    private static Process startServer(RunningNamed named, int heapMb) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + heapMb + "m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SoakBenchmark.class.getName(),
                        "server")
                .redirectErrorStream(true);
        pb.environment().putAll(Runs.bindVariables(named));
        pb.environment().put("API_PORT", "0");
        pb.environment().put("BIND_API_TOKEN", TOKEN);
        pb.environment().put("RATE_LIMIT_ENABLED", "false");
        return pb.start();
    }

    private static void serve() throws Exception {
        Map<String, String> env = System.getenv();
        try (Backend backend = Backend.open(BackendSettings.fromEnvironment(env, p -> false), true);
                ApiServer server = ApiServer.start(backend, HttpServerConfig.parse(env, Map.of()))) {
            System.out.println("LISTENING " + server.url());
            System.out.flush();
            server.awaitShutdown();
        }
    }

    /** Reads the server's output until it says where it listens; the rest is drained in the background. */
    private static String awaitUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("LISTENING ")) {
                Thread.ofVirtual().start(() -> drain(out));
                return line.substring("LISTENING ".length()).trim();
            }
            seen.add(line);
        }
        throw new IllegalStateException("the server exited before it listened:\n" + String.join("\n", seen));
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // the server's access log: not measured, only kept from filling the pipe
            }
        } catch (IOException e) {
            // the server stopped
        }
    }

    // ---- the load ----

    private enum Op {
        CREATE_ZONE,
        DELETE_ZONE,
        ADD_RECORD,
        REMOVE_RECORD,
        GET_ZONE,
        ZONE_STATUS,
        LIST_RECORDS
    }

    /** Latencies (µs) and statuses of one operation, from every client. */
    private static final class Stats {
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final List<long[]> chunks = new ArrayList<>();

        synchronized void add(long[] micros, int n) {
            chunks.add(Arrays.copyOf(micros, n));
        }

        long[] all() {
            return chunks.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        }
    }

    private static void run(
            String url,
            RunningNamed named,
            Process server,
            int clients,
            int seconds,
            int sampleSeconds,
            int zonesPerClient,
            long seed)
            throws Exception {
        Map<Op, Stats> stats = new ConcurrentHashMap<>();
        for (Op op : Op.values()) {
            stats.put(op, new Stats());
        }
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        Random seeds = new Random(seed);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client c = new Client(i, url, seeds.nextLong(), zonesPerClient, deadline, stats, done, errors);
            threads.add(Thread.ofPlatform().name("soak-client-" + i).start(c));
        }
        System.out.println();
        System.out.println(
                "| elapsed s | requests | requests/s (interval) | 5xx + lost | server RSS MiB | named RSS MiB |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        long lastDone = 0;
        long lastAt = start;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            long next = Math.min(deadline, lastAt + TimeUnit.SECONDS.toNanos(sampleSeconds));
            for (Thread t : threads) {
                long wait = TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime());
                if (wait > 0) {
                    t.join(wait);
                }
            }
            long now = System.nanoTime();
            long d = done.get();
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %d | %.0f | %d | %d | %d |%n",
                    TimeUnit.NANOSECONDS.toSeconds(now - start),
                    d,
                    (d - lastDone) / Math.max(1e-9, (now - lastAt) / 1e9),
                    errors.get(),
                    rssMib(server.pid()),
                    rssMib(named.pid()));
            lastDone = d;
            lastAt = now;
            if (now >= deadline) {
                for (Thread t : threads) {
                    t.join(TimeUnit.MINUTES.toMillis(2));
                }
                break;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%d requests in %.0f s (%.0f/s), load average at the end %s%n%n",
                done.get(),
                elapsed,
                done.get() / elapsed,
                loadAverage());
        System.out.println("| operation | requests | statuses | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |");
        System.out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        for (Op op : Op.values()) {
            Stats s = stats.get(op);
            long[] all = s.all();
            Map<Integer, Long> statuses = new TreeMap<>();
            s.statuses.forEach((k, v) -> statuses.put(k, v.get()));
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s | %s | %s | %s |%n",
                    op.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    all.length,
                    statuses.toString().replace("-1=", "lost="),
                    pct(all, 0.50),
                    pct(all, 0.90),
                    pct(all, 0.99),
                    pct(all, 0.999),
                    pct(all, 1.0));
        }
    }

    private static String pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "-";
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.1f", sorted[Math.max(0, i)] / 1000.0);
    }

    private static final class Client implements Runnable {
        final int id;
        final String url;
        final Random random;
        final int maxZones;
        final long deadline;
        final Map<Op, Stats> stats;
        final AtomicLong done;
        final AtomicLong errors;
        final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        final List<String> zones = new ArrayList<>();
        final Map<String, List<String>> records = new HashMap<>();
        final Map<Op, long[]> latencies = new HashMap<>();
        final Map<Op, Integer> counts = new HashMap<>();
        int nextZone;
        int nextRecord;

        Client(
                int id,
                String url,
                long seed,
                int maxZones,
                long deadline,
                Map<Op, Stats> stats,
                AtomicLong done,
                AtomicLong errors) {
            this.id = id;
            this.url = url;
            this.random = new Random(seed);
            this.maxZones = maxZones;
            this.deadline = deadline;
            this.stats = stats;
            this.done = done;
            this.errors = errors;
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < deadline) {
                    step();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                latencies.forEach((op, l) -> stats.get(op).add(l, counts.getOrDefault(op, 0)));
            }
        }

        private void step() throws InterruptedException {
            int dice = random.nextInt(100);
            if (zones.isEmpty() || (dice < 10 && zones.size() < maxZones)) {
                String zone = "s" + id + "-" + nextZone++ + ".soak.test";
                if (call(Op.CREATE_ZONE, "POST", "/api/v1/zones", createBody(zone)) == 201) {
                    zones.add(zone);
                    records.put(zone, new ArrayList<>());
                }
                return;
            }
            String zone = zones.get(random.nextInt(zones.size()));
            List<String> own = records.get(zone);
            if (dice < 15) {
                int s = call(Op.DELETE_ZONE, "DELETE", "/api/v1/zones/" + zone, null);
                if (s == 204 || s == 404) {
                    zones.remove(zone);
                    records.remove(zone);
                }
            } else if (dice < 45 || (dice < 55 && own.isEmpty())) {
                String label = "r" + nextRecord++;
                String body = "{\"name\":\"" + label + "\",\"type\":\"A\",\"value\":\"198.51.100."
                        + (1 + random.nextInt(250)) + "\",\"ttl\":300}";
                if (call(Op.ADD_RECORD, "POST", "/api/v1/zones/" + zone + "/records", body) == 201) {
                    own.add(label);
                }
            } else if (dice < 55) {
                String label = own.remove(random.nextInt(own.size()));
                call(
                        Op.REMOVE_RECORD,
                        "DELETE",
                        "/api/v1/zones/" + zone + "/records",
                        "{\"name\":\"" + label + "\",\"type\":\"A\"}");
            } else if (dice < 80) {
                call(Op.GET_ZONE, "GET", "/api/v1/zones/" + zone, null);
            } else if (dice < 90) {
                call(Op.ZONE_STATUS, "GET", "/api/v1/zones/" + zone + "/status", null);
            } else {
                call(Op.LIST_RECORDS, "GET", "/api/v1/zones/" + zone + "/records?limit=50", null);
            }
        }

        private int call(Op op, String method, String path, String json) throws InterruptedException {
            var request = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + TOKEN);
            if (json == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            long begin = System.nanoTime();
            int status;
            try {
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                status = -1;
            }
            long micros = (System.nanoTime() - begin) / 1000;
            int n = counts.getOrDefault(op, 0);
            long[] l = latencies.computeIfAbsent(op, k -> new long[1024]);
            if (n == l.length) {
                l = Arrays.copyOf(l, n * 2);
                latencies.put(op, l);
            }
            l[n] = micros;
            counts.put(op, n + 1);
            stats.get(op)
                    .statuses
                    .computeIfAbsent(status, k -> new AtomicLong())
                    .incrementAndGet();
            done.incrementAndGet();
            if (status < 0 || status >= 500) {
                errors.incrementAndGet();
            }
            return status;
        }
    }

    private static String createBody(String zone) {
        return """
                {"zoneName":"%1$s","zoneType":"primary","updateKeyName":"%2$s",
                 "zoneConfig":{"ttl":300,"soa":{"primaryNs":"ns1.%1$s.","adminEmail":"hostmaster.%1$s."},
                   "nameServers":["ns1.%1$s."],"nameServerIps":{"ns1.%1$s.":"192.0.2.53"},
                   "records":[{"name":"www","type":"A","value":"192.0.2.80"}]}}
                """.formatted(zone, NamedLauncher.UPDATE_KEY_NAME);
    }

    /** VmRSS of a process in MiB, from /proc (0 where there is no /proc). */
    private static long rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return 0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "(unknown)";
        }
    }
}
