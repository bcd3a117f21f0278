package dev.bindsmith.benchmarks;

import static dev.bindsmith.benchmarks.Runs.arg;
import static dev.bindsmith.benchmarks.Runs.median;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.port.RecordUpdater;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.service.UseCases;
import dev.bindsmith.core.service.ZoneQuery;
import dev.bindsmith.core.service.ZoneRequest;
import dev.bindsmith.core.service.ZoneService;
import dev.bindsmith.embedded.EmbeddedNameServer;
import dev.bindsmith.http.json.Json;
import dev.bindsmith.http.json.JsonApi;
import dev.bindsmith.rndc.bind.FileZoneStore;
import dev.bindsmith.rndc.bind.RndcNameServerControl;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * bindsmith with 100 000 zones. For each backend: the zones are created through the library (the
 * use cases in this JVM, 8 threads), then {@code ./bindsmith serve} is started on them and timed to its
 * first answer; listing every zone and a page of 1000 (the first, and one from the middle by its
 * cursor) are timed over HTTP, and every zone again right after a zone was created or deleted over HTTP;
 * serve is restarted and timed again; its resident set is read. For the
 * embedded backend, the heap the 100 000 small zones take is measured in this JVM (used heap after a
 * full collection, with and without the zones), and serve runs with {@code -Xmx1g}.
 *
 * <p>Arguments (all optional): {@code zones=100000 listRuns=5 backends=named,embedded threads=8}.
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int zones = arg(args, "zones", 100_000);
        int listRuns = arg(args, "listRuns", 5);
        int threads = arg(args, "threads", 8);
        List<String> backends = List.of(text(args, "backends", "named,embedded").split(","));
        Path root = Machine.repositoryRoot();
        BindsmithServe.requireFreshDistribution(root);
        Path work = Files.createTempDirectory("bindsmith-scale-bench");
        String loadBefore = Machine.load();
        System.out.printf(
                Locale.ROOT,
                "scale benchmark: %d zones; %d CPUs, Java %s, %s, load average %s%n",
                zones,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                Machine.firstLine("named", "-v").orElse("named ?"),
                loadBefore);
        List<String> table = new ArrayList<>();
        table.add(
                "| | create (zones/s, " + threads + " threads, library) | serve start to first answer (s) | restart (s)"
                        + " | list all (ms) | list all right after a change, JDK client / curl (ms) | first page of 1000 (ms) | a middle page of 1000 (ms) | serve RSS (MiB) |");
        table.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");

        if (backends.contains("named")) {
            try (RunningNamed named = NamedLauncher.create().start()) {
                double rate;
                try (RndcClient rndc = RndcClient.builder(Runs.rndcKey(named.rndcKey()))
                                .server(named.address().getHostAddress(), named.controlPort())
                                .maxConnections(threads)
                                .build();
                        FileZoneStore store = new FileZoneStore(named.zoneDirectory())) {
                    RndcNameServerControl control = new RndcNameServerControl(rndc);
                    ZoneService service = new ZoneService(store, control, Clock.systemUTC());
                    String key = named.updateKey().name();
                    rate = create(service, zones, threads, i -> request(i, key));
                    inProcess("named", store, control, listRuns);
                }
                System.out.printf(
                        Locale.ROOT, "named: %d zones created, %s/s; load %s%n", zones, fmt(rate, 0), Machine.load());
                table.add(serveRow(
                        "bindsmith + named",
                        new BindsmithServe(
                                "bindsmith + named",
                                root,
                                Runs.bindVariables(named),
                                named.updateKey().name(),
                                work.resolve("serve-named")),
                        rate,
                        zones,
                        listRuns));
            }
        }

        if (backends.contains("embedded")) {
            Path data = work.resolve("embedded-data");
            long before = usedHeapAfterGc();
            double rate;
            long withZones;
            try (EmbeddedNameServer server = EmbeddedNameServer.builder()
                    .dataDirectory(data)
                    .listen(false)
                    .start()) {
                ZoneService service =
                        new ZoneService(server.zoneStore(), server.nameServerControl(), Clock.systemUTC());
                rate = create(service, zones, threads, i -> request(i, "bench-key"));
                withZones = usedHeapAfterGc();
                inProcess("embedded", server.zoneStore(), server.nameServerControl(), listRuns);
            }
            System.out.printf(
                    Locale.ROOT,
                    "embedded: %d zones created, %s/s; heap with them %s MiB, without %s MiB: %s KiB a zone; load %s%n",
                    zones,
                    fmt(rate, 0),
                    fmt(withZones / 1048576.0, 0),
                    fmt(before / 1048576.0, 0),
                    fmt((withZones - before) / 1024.0 / zones, 2),
                    Machine.load());
            table.add(serveRow(
                    "bindsmith embedded (-Xmx1g)",
                    new BindsmithServe(
                            "bindsmith embedded",
                            root,
                            Map.of(
                                    "BINDSMITH_BACKEND",
                                    "embedded",
                                    "BINDSMITH_DATA_DIR",
                                    data.toString(),
                                    "BINDSMITH_DNS_PORT",
                                    Integer.toString(Machine.freePort()),
                                    "BINDSMITH_JAVA_OPTS",
                                    "-Xmx1g"),
                            "bench-key",
                            work.resolve("serve-embedded")),
                    rate,
                    zones,
                    listRuns));
            table.add("(embedded heap: " + fmt((withZones - before) / 1048576.0, 0) + " MiB for " + zones
                    + " zones, measured in the benchmark's JVM after a full collection)");
        }
        System.out.println();
        table.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "load average before %s, after %s%n", loadBefore, Machine.load());
    }

    /**
     * The server's own share of a listing, without HTTP: the use case and the JSON bytes of the body
     * (every zone, and a page of 1000), as the API answers them.
     */
    private static void inProcess(String backend, ZoneStore store, NameServerControl control, int runs) {
        // a listing touches neither record port
        RecordUpdater noUpdates = (zone, changes) -> {
            throw new IllegalStateException("a listing changes no record");
        };
        RecordReader noReads = zone -> {
            throw new IllegalStateException("a listing reads no record");
        };
        JsonApi api =
                new JsonApi(UseCases.of(store, control, noUpdates, noReads, Clock.systemUTC()), Clock.systemUTC());
        ZoneService service = new ZoneService(store, control, Clock.systemUTC());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] all = new double[runs];
        double[] allCpu = new double[runs];
        double[] useCase = new double[runs];
        double[] maps = new double[runs];
        double[] mapsCpu = new double[runs];
        double[] page = new double[runs];
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            service.list(new ZoneQuery(Optional.empty(), OptionalInt.empty()), zone -> true);
            useCase[i] = (System.nanoTime() - t0) / 1e6;
            long c0 = cpu.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            byte[] body = Json.write(api.listZones().body().orElseThrow());
            bytes = body.length;
            all[i] = (System.nanoTime() - t0) / 1e6;
            allCpu[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
            // the same body built as maps and records and written by Jackson, as before issue 11's own writer
            c0 = cpu.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            byte[] asMaps = Json.write(asMaps(store.list()));
            maps[i] = (System.nanoTime() - t0) / 1e6;
            mapsCpu[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
            if (!java.util.Arrays.equals(asMaps, body)) {
                throw new IllegalStateException(
                        "the list's writer and Jackson disagree (" + bytes + " and " + asMaps.length + " bytes)");
            }
            t0 = System.nanoTime();
            Json.write(
                    api.listZones(Optional.empty(), Optional.of("1000")).body().orElseThrow());
            page[i] = (System.nanoTime() - t0) / 1e6;
        }
        System.out.printf(
                Locale.ROOT,
                "%s, in process (use case + JSON, no HTTP): every zone %s ms (CPU %s ms; the use case alone %s ms; %d"
                        + " bytes, %d zones), a page of 1000 %s ms; as maps through Jackson %s ms (CPU %s ms)%n",
                backend,
                fmt(median(all), 1),
                fmt(median(allCpu), 1),
                fmt(median(useCase), 1),
                bytes,
                store.count(),
                fmt(median(page), 1),
                fmt(median(maps), 1),
                fmt(median(mapsCpu), 1));
    }

    private record Item(String name, String zoneType, String filePath) {}

    private static Map<String, Object> asMaps(List<StoredZone> zones) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zones", zones.stream().map(z -> z.name().value()).toList());
        body.put("count", zones.size());
        body.put(
                "items",
                zones.stream()
                        .map(z -> new Item(z.name().value(), z.type().wireName(), z.file()))
                        .toList());
        return body;
    }

    private static ZoneRequest request(int i, String updateKey) {
        String zone = "z" + i + ".scale.test";
        return TestZones.request(zone)
                .withRecord("www", "A", "192.0.2.80")
                .updateKeyName(updateKey)
                .build();
    }

    /** Creates {@code zones} zones through the use cases with {@code threads} callers; zones per second. */
    private static double create(ZoneService service, int zones, int threads, IntFunction<ZoneRequest> request)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = next.getAndIncrement(); i < zones && failure.get() == null; i = next.getAndIncrement()) {
                    Outcome<?> created = service.create(request.apply(i));
                    if (!(created instanceof Outcome.Created<?>)) {
                        failure.compareAndSet(null, "zone " + i + ": " + created);
                    }
                    if (i > 0 && i % 10_000 == 0) {
                        System.out.printf(Locale.ROOT, "  %d zones%n", i);
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a create failed: " + failure.get());
        }
        return zones / ((System.nanoTime() - t0) / 1e9);
    }

    private static String serveRow(String label, BindsmithServe serve, double rate, int zones, int listRuns)
            throws Exception {
        try (serve) {
            double first = serve.startUp().toNanos() / 1e9;
            HttpClient http = serve.client();
            double[] all = new double[listRuns];
            double[] page = new double[listRuns];
            double[] middle = new double[listRuns];
            String middleCursor = "";
            for (int i = 0; i < zones / 2000; i++) {
                middleCursor = serve.listPage(http, middleCursor, 1000);
            }
            boolean listed = true;
            for (int i = 0; i < listRuns; i++) {
                long t0 = System.nanoTime();
                if (listed) {
                    try {
                        int count = serve.listZones(http);
                        if (count != zones) {
                            throw new IllegalStateException(label + " listed " + count + " zones, expected " + zones);
                        }
                    } catch (java.io.IOException e) {
                        // reported, and the rest measured: the pages and the restart do not depend on it
                        System.out.println(label + ": listing every zone over HTTP failed: " + e.getMessage());
                        listed = false;
                        http = serve.client();
                    }
                }
                all[i] = listed ? (System.nanoTime() - t0) / 1e6 : Double.NaN;
                t0 = System.nanoTime();
                serve.listPage(http, "", 1000);
                page[i] = (System.nanoTime() - t0) / 1e6;
                t0 = System.nanoTime();
                serve.listPage(http, middleCursor, 1000);
                middle[i] = (System.nanoTime() - t0) / 1e6;
            }
            // the same listing at a client that costs next to nothing, on one connection
            String curl = serve.listZonesWithCurl(listRuns)
                    .map(t -> fmt(median(t), 1) + " ms (first " + fmt(t[0], 1) + ")")
                    .orElse("no curl");
            AfterChange changed = listAfterChanges(serve, http, zones, listRuns);
            long rss = Machine.rssKiB(serve.pid());
            serve.restart();
            double again = serve.startUp().toNanos() / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%s: every zone over HTTP: the JDK client %s ms (the first of this server %s ms, each %s),"
                            + " curl %s; load %s%n",
                    label,
                    fmt(median(all), 1),
                    fmt(all[0], 1),
                    java.util.Arrays.stream(all).mapToObj(v -> fmt(v, 1)).toList(),
                    curl,
                    Machine.load());
            System.out.printf(
                    Locale.ROOT,
                    "%s: every zone over HTTP right after a change (a zone created or deleted over HTTP just"
                            + " before): the JDK client %s ms (each %s), curl %s ms (each %s); load %s%n",
                    label,
                    fmt(median(changed.jdk()), 1),
                    java.util.Arrays.stream(changed.jdk())
                            .mapToObj(v -> fmt(v, 1))
                            .toList(),
                    fmt(median(changed.curl()), 1),
                    java.util.Arrays.stream(changed.curl())
                            .mapToObj(v -> fmt(v, 1))
                            .toList(),
                    Machine.load());
            System.out.printf(
                    Locale.ROOT,
                    "%s: start %s s, restart %s s, list %s ms, pages %s / %s ms, RSS %s MiB; load %s%n",
                    label,
                    fmt(first, 2),
                    fmt(again, 2),
                    fmt(median(all), 1),
                    fmt(median(page), 1),
                    fmt(median(middle), 1),
                    Machine.mib(rss),
                    Machine.load());
            return "| " + label + " | " + fmt(rate, 0) + " | " + fmt(first, 2) + " | " + fmt(again, 2) + " | "
                    + fmt(median(all), 1) + " | " + fmt(median(changed.jdk()), 1) + " / "
                    + fmt(median(changed.curl()), 1) + " | " + fmt(median(page), 1) + " | " + fmt(median(middle), 1)
                    + " | " + Machine.mib(rss) + " |";
        }
    }

    /** Each listing right after a change, ms: with the JDK client after a create, with curl after a delete. */
    private record AfterChange(double[] jdk, double[] curl) {}

    /**
     * Every zone over HTTP right after one zone was created or deleted over HTTP: a change makes the
     * store's list and the kept body of every zone stale, so this listing pays for what the unchanged
     * listings above are spared. {@code runs} times: a zone is created and every zone listed with the
     * JDK client (the count checked), then it is deleted and every zone listed with curl.
     */
    private static AfterChange listAfterChanges(BindsmithServe serve, HttpClient http, int zones, int runs)
            throws Exception {
        double[] jdk = new double[runs];
        double[] curl = new double[runs];
        for (int i = 0; i < runs; i++) {
            // in the middle of the names' order (z5… sorts between z49999… and z50000…), a new one each time
            String zone = "z5-changed-" + i + ".scale.test";
            serve.createZone(http, zone);
            long t0 = System.nanoTime();
            int count = serve.listZones(http);
            jdk[i] = (System.nanoTime() - t0) / 1e6;
            if (count != zones + 1) {
                throw new IllegalStateException("listed " + count + " zones after a create, expected " + (zones + 1));
            }
            serve.deleteZone(http, zone);
            curl[i] = serve.listZonesWithCurl(1).map(t -> t[0]).orElse(Double.NaN);
        }
        return new AfterChange(jdk, curl);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String fmt(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String text(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
