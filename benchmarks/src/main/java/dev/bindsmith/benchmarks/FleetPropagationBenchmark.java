package dev.bindsmith.benchmarks;

import dev.bindsmith.core.port.SoaAnswer;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.probe.DnsSoaProbe;
import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.testing.named.LoopbackPort;
import dev.bindsmith.testing.named.NamedFleet;
import dev.bindsmith.testing.named.RunningNamed;
import dev.bindsmith.wiring.ApiServer;
import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a fleet takes to serve what bindsmith creates: {@code zones} zones created through the HTTP
 * API ({@code clients} at once) on a primary that keeps a catalog zone, and the time until both named
 * secondaries, consuming the catalog with {@code catalog-zones}, answer every one of them
 * authoritatively at its serial. {@code backend=bind} (default): a named primary; {@code
 * backend=embedded}: the embedded server as a hidden primary.
 *
 * <p>The secondaries are asked only once the creates are done, in rounds (every pending zone on every
 * secondary, 256 queries in flight): the time to "all served" is measured to the end of the round that
 * found the last one, so it is an upper bound by at most one round, whose length is printed too.
 */
public final class FleetPropagationBenchmark {
    static final String CATALOG = "catalog.bindsmith.invalid";
    static final long SERIAL = 2026120301L;

    private FleetPropagationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int zones = Runs.arg(args, "zones", 10_000);
        int clients = Runs.arg(args, "clients", 8);
        boolean embedded = List.of(args).contains("backend=embedded");
        // named's defaults allow 2 transfers at once from one primary (transfers-per-ns) and 10 in all
        String secondaryOptions =
                List.of(args).contains("transfers=tuned") ? "transfers-in 100; transfers-per-ns 50;" : "";
        System.out.printf(
                Locale.ROOT,
                "fleet propagation: %d zones, %d HTTP clients, %s primary, 2 named secondaries (%s), %d cores%n",
                zones,
                clients,
                embedded ? "embedded (hidden)" : "named",
                secondaryOptions.isEmpty() ? "named's transfer defaults" : secondaryOptions,
                Runtime.getRuntime().availableProcessors());
        if (embedded) {
            try (LoopbackPort dns = LoopbackPort.reserve();
                    NamedFleet fleet = NamedFleet.secondariesOf(CATALOG, dns.port(), 2)) {
                Path data = Files.createTempDirectory("bindsmith-bench-hidden-");
                Map<String, String> env = new HashMap<>(Map.of(
                        "BINDSMITH_BACKEND", "embedded",
                        "BINDSMITH_DATA_DIR", data.toString(),
                        "BINDSMITH_DNS_PORT", Integer.toString(dns.port())));
                run(fleet, env, zones, clients, true);
            }
        } else {
            try (NamedFleet fleet = NamedFleet.withPrimary(CATALOG, 2, secondaryOptions)) {
                run(fleet, new HashMap<>(Runs.bindVariables(fleet.primary())), zones, clients, false);
            }
        }
    }

    private static void run(NamedFleet fleet, Map<String, String> env, int zones, int clients, boolean embedded)
            throws Exception {
        env.put("BINDSMITH_CATALOG_ZONE", CATALOG);
        env.put("BINDSMITH_SECONDARIES", fleet.secondariesVariable());
        env.put("BINDSMITH_PROPAGATION_INTERVAL_SECS", "0");
        try (Backend backend = Backend.open(BackendSettings.fromEnvironment(env, p -> false), true);
                ApiServer server = ApiServer.start(
                        backend,
                        HttpServerConfig.parse(
                                Map.of("API_PORT", "0", "DISABLE_AUTH", "true", "RATE_LIMIT_ENABLED", "false"),
                                Map.of()))) {
            String extra = embedded
                    ? ",\"allowTransfer\":[\"127.0.0.1\"],\"alsoNotify\":[\""
                            + fleet.secondariesVariable().replace(",", "\",\"") + "\"]"
                    : "";
            HttpClient http = HttpClient.newHttpClient();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> all = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    all.add(workers.submit(() -> {
                        for (int i = next.getAndIncrement(); i < zones; i = next.getAndIncrement()) {
                            String zone = name(i);
                            HttpResponse<String> r = http.send(
                                    HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/zones"))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body(zone, extra)))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 201) {
                                failed.incrementAndGet();
                                System.err.println(zone + ": " + r.statusCode() + " " + r.body());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : all) {
                    f.get();
                }
            }
            double created = seconds(System.nanoTime() - start);
            System.out.printf(
                    Locale.ROOT,
                    "created %d zones through the API in %.1f s (%.0f zones/s), %d failed%n",
                    zones - failed.get(),
                    created,
                    (zones - failed.get()) / created,
                    failed.get());

            DnsSoaProbe probe = new DnsSoaProbe(Duration.ofSeconds(2));
            List<Endpoint> secondaries = new ArrayList<>();
            for (RunningNamed s : fleet.secondaries()) {
                secondaries.add(new Endpoint(InetAddress.getLoopbackAddress(), java.util.OptionalInt.of(s.dnsPort())));
            }
            Map<Endpoint, List<String>> pending = new ConcurrentHashMap<>();
            for (Endpoint s : secondaries) {
                List<String> all = new ArrayList<>();
                for (int i = 0; i < zones; i++) {
                    all.add(name(i));
                }
                pending.put(s, all);
            }
            long lastRound = 0;
            int rounds = 0;
            long deadline = start + Duration.ofMinutes(30).toNanos();
            while (pending.values().stream().anyMatch(l -> !l.isEmpty()) && System.nanoTime() < deadline) {
                long roundStart = System.nanoTime();
                for (Endpoint s : secondaries) {
                    pending.put(s, stillPending(probe, s, pending.get(s)));
                }
                rounds++;
                lastRound = System.nanoTime() - roundStart;
                int left = pending.values().stream().mapToInt(List::size).sum();
                System.out.printf(
                        Locale.ROOT,
                        "  round %d: %.1f s after the first create, %d zone-secondary pairs not served yet (round took %.1f s)%n",
                        rounds,
                        seconds(System.nanoTime() - start),
                        left,
                        seconds(lastRound));
                if (left > 0) {
                    Thread.sleep(250);
                }
            }
            double total = seconds(System.nanoTime() - start);
            int left = pending.values().stream().mapToInt(List::size).sum();
            if (left > 0) {
                System.out.printf(Locale.ROOT, "NOT all served after %.0f s: %d pairs left%n", total, left);
            } else {
                System.out.printf(
                        Locale.ROOT,
                        "both secondaries serve all %d zones %.1f s after the first create (%.1f s after the last), "
                                + "measured to the end of a %.1f s round%n",
                        zones,
                        total,
                        total - created,
                        seconds(lastRound));
            }
            String catalog = http.send(
                            HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/catalog?limit=1"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            System.out.println("catalog: " + catalog.replaceAll(",\"members\".*", "}"));
        }
    }

    /** The zones of {@code pending} that {@code secondary} does not serve at {@link #SERIAL} yet. */
    private static List<String> stillPending(DnsSoaProbe probe, Endpoint secondary, List<String> pending)
            throws Exception {
        List<String> left = java.util.Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(256);
        try (ExecutorService queries = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String zone : pending) {
                inFlight.acquire();
                queries.submit(() -> {
                    try {
                        SoaAnswer a = probe.query(secondary, ZoneName.of(zone));
                        boolean served = a instanceof SoaAnswer.Answered ans
                                && ans.serves()
                                && ans.serial().equals(OptionalLong.of(SERIAL));
                        if (!served) {
                            left.add(zone);
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return new ArrayList<>(left);
    }

    static String name(int i) {
        return String.format(Locale.ROOT, "z%05d.fleet-bench.test", i);
    }

    private static String body(String zone, String extra) {
        return """
                {"zoneName":"%s","zoneType":"primary","zoneConfig":{"ttl":300,
                 "soa":{"primaryNs":"ns1.%s.","adminEmail":"hostmaster.%s.","serial":%d},
                 "nameServers":["ns1.%s."],"nameServerIps":{"ns1.%s.":"192.0.2.53"},
                 "records":[{"name":"www","type":"A","value":"192.0.2.80"}]%s}}
                """.formatted(zone, zone, zone, SERIAL, zone, zone, extra);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
