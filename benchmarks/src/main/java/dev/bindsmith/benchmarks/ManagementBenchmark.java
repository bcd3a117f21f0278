package dev.bindsmith.benchmarks;

import static dev.bindsmith.benchmarks.Runs.arg;
import static dev.bindsmith.benchmarks.Runs.median;

import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.rndc.update.Rfc2136RecordUpdater;
import dev.bindsmith.rndc.update.UpdateSettings;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The management path side by side, in one run, as users call it over HTTP with keep-alive:
 * {@code ./bindsmith serve} on a throwaway named 9.18, {@code ./bindsmith serve} on its embedded name
 * server, and PowerDNS Authoritative 4.7's API on gsqlite3 (installed with apt-get when missing). Each
 * pass, for each system in turn (the order rotates): zone creates with 1 client and with 8, listing
 * 1000 zones, record adds (one per request) with 1 client and with 8 into one zone, and 100-change
 * PATCH change sets; then the zones are deleted (untimed). Beside them, the floors bindsmith cannot go
 * below on named: {@code addzone} over one rndc connection, and RFC 2136 with one change per message.
 * Before the passes, each server's start-up to its first answer, and its resident set when idle.
 *
 * <p>Arguments (all optional): {@code passes=3 zones=1000 records=1000 patches=20 clients=8 listRuns=30
 * startRuns=5 systems=named,embedded,pdns startOnly=} ({@code named-c1} adds bindsmith + named started with
 * only the C1 compiler, {@code named-noaot} without the build's AOT cache, {@code named-lean} with the
 * C1 compiler, a 16 MB code cache and 512 KB thread stacks, {@code named-xms16} with the 16 MB first
 * heap serve had before its 8 MB one, {@code named-c2late} with C2's thresholds raised, as in docs/performance.md). Systems also named in {@code startOnly}
 * have only their start-up and idle resident set measured. {@code serveJavaOpts=} adds JVM options
 * (no spaces) to bindsmith + named and bindsmith embedded, e.g. a flight recording
 * ({@code -XX:StartFlightRecording=filename=/tmp/serve-%p.jfr}) to see where a phase's time goes. Prints one table of medians, with the ratios.
 */
public final class ManagementBenchmark {
    private ManagementBenchmark() {}

    /** One measured quantity per system, a value per pass. */
    private static final class Row {
        final String name;
        final String unit;
        final boolean higherIsBetter;
        final Map<String, List<Double>> values = new LinkedHashMap<>();
        /** Requests that did not get their success status, per system, over every pass. */
        final Map<String, Integer> failures = new LinkedHashMap<>();

        final Map<String, String> firstFailure = new LinkedHashMap<>();

        Row(String name, String unit, boolean higherIsBetter) {
            this.name = name;
            this.unit = unit;
            this.higherIsBetter = higherIsBetter;
        }

        void add(String system, double value) {
            values.computeIfAbsent(system, k -> new ArrayList<>()).add(value);
        }

        Optional<Double> median(String system) {
            List<Double> v = values.get(system);
            return v == null || v.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Runs.median(
                            v.stream().mapToDouble(Double::doubleValue).toArray()));
        }
    }

    @FunctionalInterface
    private interface Op {
        void run(HttpClient client, int index) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int passes = arg(args, "passes", 3);
        int zones = arg(args, "zones", 1000);
        int records = arg(args, "records", 1000);
        int patches = arg(args, "patches", 20);
        int clients = arg(args, "clients", 8);
        int listRuns = arg(args, "listRuns", 30);
        int startRuns = arg(args, "startRuns", 5);
        List<String> systems =
                List.of(text(args, "systems", "named,embedded,pdns").split(","));
        List<String> startOnly = List.of(text(args, "startOnly", "").split(","));
        String serveJavaOpts = text(args, "serveJavaOpts", "");
        // the labels of the systems in startOnly, once they are made
        java.util.Set<String> startOnlyLabels = new java.util.HashSet<>();

        Path root = Machine.repositoryRoot();
        BindsmithServe.requireFreshDistribution(root);
        Path work = Files.createTempDirectory("bindsmith-mgmt-bench");
        String loadBefore = Machine.load();
        System.out.printf(
                Locale.ROOT,
                "management benchmark: %d passes, %d zones, %d records, %d patches of 100, %d clients; %d CPUs,"
                        + " Java %s, %s, load average %s%n",
                passes,
                zones,
                records,
                patches,
                clients,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                Machine.firstLine("named", "-v").orElse("named ?"),
                loadBefore);
        if (systems.contains("pdns")) {
            Optional<String> missing = PowerDns.ensureInstalled();
            if (missing.isPresent()) {
                throw new IllegalStateException(missing.get());
            }
            System.out.println(
                    Machine.firstLine("/usr/sbin/pdns_server", "--version").orElse("pdns_server ?"));
        }

        Row create1 = new Row("zone create, 1 client", "/s", true);
        Row createN = new Row("zone create, " + clients + " clients", "/s", true);
        Row record1 = new Row("record add (one per request), 1 client", "/s", true);
        Row recordN = new Row("record add (one per request), " + clients + " clients, one zone", "/s", true);
        // bindsmith on named first sends an add as to a new name, unread: what an add costs where it is not
        Row recordInUse = new Row("record add to a name that has records, 1 client", "/s", true);
        Row patch = new Row("100-change PATCH, changes", "/s", true);
        Row list = new Row("list zones, " + zones + " zones", "ms", false);
        Row start = new Row("start-up to first answer", "s", false);
        Row rssIdle = new Row("RSS idle", "MiB", false);
        Row rssAfter = new Row("RSS after the run", "MiB", false);
        Row floorAdd = new Row("floor: rndc addzone, one connection", "/s", true);
        Row floorAddDynamic = new Row("floor: rndc addzone of a dynamic zone, one connection", "/s", true);
        Row floorUpdate = new Row("floor: RFC 2136, one change per message", "/s", true);

        try (RunningNamed named = NamedLauncher.create().start()) {
            List<ManagementApi> apis = new ArrayList<>();
            try {
                if (systems.contains("named")) {
                    apis.add(new BindsmithServe(
                            "bindsmith + named",
                            root,
                            withJavaOpts(Runs.bindVariables(named), serveJavaOpts),
                            named.updateKey().name(),
                            work.resolve("serve-named")));
                }
                if (systems.contains("named-c1")) {
                    // the same, with only the C1 compiler: what C2 costs at start and buys under load
                    Map<String, String> c1 = new LinkedHashMap<>(Runs.bindVariables(named));
                    c1.put("BINDSMITH_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
                    apis.add(new BindsmithServe(
                            "bindsmith + named, C1 only",
                            root,
                            c1,
                            named.updateKey().name(),
                            work.resolve("serve-named-c1")));
                    if (startOnly.contains("named-c1")) {
                        startOnlyLabels.add(apis.getLast().label());
                    }
                }
                // what the JVM flags of ./bindsmith serve buy: the same server without the AOT cache, and leaner
                Map<String, String> variants = new LinkedHashMap<>();
                variants.put("named-noaot", "-XX:AOTMode=off");
                variants.put("named-lean", "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss512k");
                variants.put("named-xms16", "-Xms16m");
                // C2 kept, but reached later: what the start gives to C2 and what the throughput gets back
                variants.put(
                        "named-c2late",
                        "-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=20000"
                                + " -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=400000");
                for (Map.Entry<String, String> v : variants.entrySet()) {
                    if (systems.contains(v.getKey())) {
                        Map<String, String> env = new LinkedHashMap<>(Runs.bindVariables(named));
                        env.put("BINDSMITH_JAVA_OPTS", v.getValue());
                        apis.add(new BindsmithServe(
                                "bindsmith + named, " + v.getValue(),
                                root,
                                env,
                                named.updateKey().name(),
                                work.resolve("serve-" + v.getKey())));
                        if (startOnly.contains(v.getKey())) {
                            startOnlyLabels.add(apis.getLast().label());
                        }
                    }
                }
                if (systems.contains("embedded")) {
                    apis.add(new BindsmithServe(
                            "bindsmith embedded",
                            root,
                            withJavaOpts(
                                    Map.of(
                                            "BINDSMITH_BACKEND", "embedded",
                                            "BINDSMITH_DATA_DIR",
                                                    work.resolve("embedded-data")
                                                            .toString(),
                                            "BINDSMITH_DNS_PORT", Integer.toString(Machine.freePort())),
                                    serveJavaOpts),
                            "bench-key",
                            work.resolve("serve-embedded")));
                }
                if (systems.contains("pdns")) {
                    apis.add(new PowerDns(work.resolve("pdns")));
                }

                for (ManagementApi api : apis) {
                    double[] starts = new double[startRuns];
                    for (int i = 0; i < startRuns; i++) {
                        api.restart();
                        starts[i] = api.startUp().toNanos() / 1e9;
                    }
                    start.add(api.label(), median(starts));
                    Thread.sleep(2000); // idle: what it holds when nothing happens
                    rssIdle.add(api.label(), Machine.rssKiB(api.pid()) / 1024.0);
                    System.out.printf(
                            Locale.ROOT,
                            "%s: start-up %s s (median of %d), idle RSS %s MiB%n",
                            api.label(),
                            fmt(median(starts), 3),
                            startRuns,
                            Machine.mib(Machine.rssKiB(api.pid())));
                }

                // the systems measured for their start only are done now
                for (ManagementApi api : List.copyOf(apis)) {
                    if (startOnlyLabels.contains(api.label())) {
                        api.close();
                        apis.remove(api);
                    }
                }

                // warm-up: the JITs, the page cache, named's and SQLite's first allocations
                for (ManagementApi api : apis) {
                    pass(api, "warm", 100, 100, 2, clients, 3, null, null, null, null, null, null, null);
                }

                for (int p = 0; p < passes; p++) {
                    for (int k = 0; k < apis.size(); k++) {
                        ManagementApi api = apis.get((p + k) % apis.size());
                        pass(
                                api,
                                "p" + p,
                                zones,
                                records,
                                patches,
                                clients,
                                listRuns,
                                create1,
                                createN,
                                list,
                                record1,
                                recordN,
                                recordInUse,
                                patch);
                    }
                    floorAdd.add("floor", rndcAddzoneFloor(named, zones, ""));
                    // as bindsmith creates the benchmark's zones: dynamic, with the update key
                    floorAddDynamic.add(
                            "floor",
                            rndcAddzoneFloor(
                                    named,
                                    zones,
                                    " allow-update { key \"" + named.updateKey().name() + "\"; };"));
                    floorUpdate.add("floor", updateFloor(named, records, "floor" + p));
                    System.out.printf(
                            Locale.ROOT,
                            "pass %d: floors addzone %s/s (dynamic zone %s/s), update %s/s; load %s%n",
                            p + 1,
                            fmt(last(floorAdd, "floor"), 0),
                            fmt(last(floorAddDynamic, "floor"), 0),
                            fmt(last(floorUpdate, "floor"), 0),
                            Machine.load());
                }
                for (ManagementApi api : apis) {
                    rssAfter.add(api.label(), Machine.rssKiB(api.pid()) / 1024.0);
                }
                apis.stream()
                        .filter(a -> a instanceof BindsmithServe && a.label().contains("named"))
                        .findFirst()
                        .ifPresent(a -> whereTheTimeGoes((BindsmithServe) a));

                String loadAfter = Machine.load();
                List<String> labels = apis.stream().map(ManagementApi::label).toList();
                printTable(
                        labels,
                        List.of(create1, createN, record1, recordN, recordInUse, patch, list, start),
                        rssIdle,
                        rssAfter,
                        floorAdd,
                        floorAddDynamic,
                        floorUpdate);
                System.out.printf(Locale.ROOT, "load average before %s, after %s%n", loadBefore, loadAfter);
            } finally {
                apis.forEach(ManagementApi::close);
            }
        }
    }

    /** One pass of every measured phase on {@code api}; null rows make it a warm-up. */
    private static void pass(
            ManagementApi api,
            String tag,
            int zones,
            int records,
            int patches,
            int clients,
            int listRuns,
            Row create1,
            Row createN,
            Row list,
            Row record1,
            Row recordN,
            Row recordInUse,
            Row patch)
            throws Exception {
        String label = api.label();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < zones; i++) {
            created.add("s" + i + "-" + tag + ".bench.test");
        }
        // per phase, on bindsmith + named in a measured pass: where a create's time goes with 1 and with N clients
        boolean traced = create1 != null && label.equals("bindsmith + named");
        Map<String, double[]> before = traced ? metricSums(api) : Map.of();
        Throughput serial = throughput(api, 1, zones, (http, i) -> api.createZone(http, created.get(i)));
        double c1 = serial.record(create1, label);
        if (traced) {
            Map<String, double[]> after = metricSums(api);
            printPhase(tag + " zone create, 1 client", before, after);
            before = after;
        }
        double listMs = listing(api, listRuns, zones - serial.failed());
        List<String> parallel = new ArrayList<>();
        for (int i = 0; i < zones; i++) {
            parallel.add("p" + i + "-" + tag + ".bench.test");
        }
        before = traced ? metricSums(api) : Map.of();
        double cN = throughput(api, clients, zones, (http, i) -> api.createZone(http, parallel.get(i)))
                .record(createN, label);
        if (traced) {
            printPhase(tag + " zone create, " + clients + " clients", before, metricSums(api));
        }
        String recordZone = "records-" + tag + ".bench.test";
        api.createZone(api.client(), recordZone);
        double r1 = throughput(api, 1, records, (http, i) -> api.addRecord(http, recordZone, "a" + i, address(i)))
                .record(record1, label);
        double rN = throughput(api, clients, records, (http, i) -> api.addRecord(http, recordZone, "b" + i, address(i)))
                .record(recordN, label);
        // a second address at each name of the 1-client phase; not on PowerDNS, whose API has no add to an
        // RRset (the benchmark's add there replaces the RRset with its one record)
        double rUsed = api instanceof BindsmithServe
                ? throughput(
                                api,
                                1,
                                records,
                                (http, i) -> api.addRecord(http, recordZone, "a" + i, address(records + i)))
                        .record(recordInUse, label)
                : Double.NaN;
        before = traced ? metricSums(api) : Map.of();
        double ch = 100
                * throughput(api, 1, patches, (http, i) -> {
                            Map<String, String> owners = new LinkedHashMap<>();
                            for (int j = 0; j < 100; j++) {
                                owners.put("c" + i + "-" + j, address(i * 100 + j));
                            }
                            api.addRecords(http, recordZone, owners);
                        })
                        .record(patch, label);
        if (traced) {
            printPhase(tag + " 100-change PATCH", before, metricSums(api));
        }
        if (create1 != null) {
            create1.add(label, c1);
            createN.add(label, cN);
            list.add(label, listMs);
            record1.add(label, r1);
            recordN.add(label, rN);
            if (!Double.isNaN(rUsed)) {
                recordInUse.add(label, rUsed);
            }
            patch.add(label, ch);
        }
        System.out.printf(
                Locale.ROOT,
                "%s %s: create %s/s, %d clients %s/s; list %s ms; record add %s/s, %d clients %s/s, to a name in use"
                        + " %s/s; PATCH %s changes/s%n",
                tag,
                label,
                fmt(c1, 0),
                clients,
                fmt(cN, 0),
                fmt(listMs, 1),
                fmt(r1, 0),
                clients,
                fmt(rN, 0),
                Double.isNaN(rUsed) ? "–" : fmt(rUsed, 0),
                fmt(ch, 0));
        List<String> all = new ArrayList<>(created);
        all.addAll(parallel);
        all.add(recordZone);
        // one caller (PowerDNS's SQLite refuses concurrent deletes: "database is locked"), each retried
        // twice; a zone whose create failed answers 404, which is fine here
        HttpClient http = api.client();
        for (String zone : all) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    api.deleteZone(http, zone);
                    break;
                } catch (IOException e) {
                    if (e.getMessage().contains(" 404 ")) {
                        break;
                    }
                }
            }
        }
    }

    /** The median time of listing every zone, with exactly {@code expected} zones there (the ones that were created). */
    private static double listing(ManagementApi api, int runs, int expected) throws Exception {
        HttpClient http = api.client();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            int count = api.listZones(http);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (count != expected) {
                throw new IllegalStateException(api.label() + " listed " + count + " zones, expected " + expected);
            }
        }
        return median(ms);
    }

    /** What a timed phase did: successful operations per second, and the requests that failed. */
    private record Throughput(double perSecond, int failed, String firstFailure) {
        double record(Row row, String system) {
            if (row != null && failed > 0) {
                row.failures.merge(system, failed, Integer::sum);
                row.firstFailure.putIfAbsent(system, firstFailure);
            }
            return perSecond;
        }
    }

    /**
     * {@code total} operations spread over {@code clients} callers (each its own keep-alive client):
     * successful operations per second. A request that fails is counted, not retried, and not counted
     * as work; when every request fails the benchmark stops.
     */
    private static Throughput throughput(ManagementApi api, int clients, int total, Op op) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            HttpClient http = api.client();
            threads.add(Thread.ofPlatform().start(() -> {
                ready.countDown();
                try {
                    go.await();
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        try {
                            op.run(http, i);
                        } catch (IOException e) {
                            failed.incrementAndGet();
                            failure.compareAndSet(null, e);
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    failure.compareAndSet(null, e);
                }
            }));
        }
        ready.await();
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - t0;
        if (failed.get() >= total) {
            throw new IllegalStateException(
                    api.label() + ": every request failed: " + failure.get().getMessage(), failure.get());
        }
        return new Throughput(
                (total - failed.get()) / (elapsed / 1e9),
                failed.get(),
                failure.get() == null ? "" : failure.get().getMessage());
    }

    private static String address(int i) {
        return "10." + ((i >> 16) & 0xff) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
    }

    /**
     * addzone of files written beforehand, one after the other over one reused rndc connection: named's
     * own cost. {@code options} go into the zone statement after the file.
     */
    private static double rndcAddzoneFloor(RunningNamed named, int zones, String options) throws Exception {
        Path dir = named.zoneDirectory().resolve("floor");
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < zones; i++) {
            String name = "f" + i + "-" + System.nanoTime() + ".floor.test";
            names.add(name);
            Files.writeString(
                    dir.resolve(name + ".zone"),
                    "$TTL 3600\n@ IN SOA ns1 hostmaster 1 3600 600 604800 86400\n@ IN NS ns1\nns1 IN A 192.0.2.53\n"
                            + "www IN A 192.0.2.80\n");
        }
        try (RndcClient rndc = RndcClient.builder(Runs.rndcKey(named.rndcKey()))
                .server(named.address().getHostAddress(), named.controlPort())
                .build()) {
            Runs.expectOk(rndc.send("status"));
            long t0 = System.nanoTime();
            for (String name : names) {
                Runs.expectOk(rndc.send("addzone " + name + " { type primary; file \"" + dir.resolve(name + ".zone")
                        + "\";" + options + " };"));
            }
            double perSecond = zones / ((System.nanoTime() - t0) / 1e9);
            for (String name : names) {
                Runs.expectOk(rndc.send("delzone " + name));
                Files.deleteIfExists(dir.resolve(name + ".zone"));
            }
            return perSecond;
        }
    }

    /** One A record per UPDATE message with the native updater, into a dynamic zone on named. */
    private static double updateFloor(RunningNamed named, int changes, String tag) throws Exception {
        String zone = tag + ".updates.test";
        Path file = named.zoneDirectory().resolve(zone + ".zone");
        Files.writeString(
                file, "$TTL 3600\n@ IN SOA ns1 hostmaster 1 3600 600 604800 86400\n@ IN NS ns1\nns1 IN A 192.0.2.53\n");
        try (RndcClient rndc = RndcClient.builder(Runs.rndcKey(named.rndcKey()))
                .server(named.address().getHostAddress(), named.controlPort())
                .build()) {
            Runs.expectOk(rndc.send("addzone " + zone + " { type primary; file \"" + file + "\"; allow-update { key \""
                    + named.updateKey().name() + "\"; }; };"));
            UpdateSettings settings = new UpdateSettings(
                    named.address().getHostAddress(),
                    named.dnsPort(),
                    new TsigKey(
                            named.updateKey().name(),
                            TsigKey.Algorithm.parse(named.updateKey().algorithm()),
                            named.updateKey().secret()),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30));
            double perSecond;
            try (Rfc2136RecordUpdater updater = new Rfc2136RecordUpdater(settings)) {
                ZoneName z = ZoneName.of(zone);
                long t0 = System.nanoTime();
                for (int i = 0; i < changes; i++) {
                    Record r = Record.of(DomainName.of("u" + i + "." + zone), 300, new RData.A((java.net.Inet4Address)
                            java.net.InetAddress.getByName(address(i))));
                    if (!updater.apply(z, ChangeSet.of(new RecordChange.Add(r))).isSuccess()) {
                        throw new IllegalStateException("the floor's update failed");
                    }
                }
                perSecond = changes / ((System.nanoTime() - t0) / 1e9);
            }
            Runs.expectOk(rndc.send("delzone " + zone));
            return perSecond;
        }
    }

    private static final Pattern DURATION = Pattern.compile(
            "bindsmith_(backend_command|http_request)_duration_seconds_(sum|count)\\{([^}]*)\\} (\\S+)");

    /** The duration sums and counts of bindsmith's /metrics, by metric and labels; empty for another system. */
    private static Map<String, double[]> metricSums(ManagementApi api) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        if (!(api instanceof BindsmithServe serve)) {
            return sums;
        }
        try {
            Matcher m = DURATION.matcher(serve.metrics(serve.client()));
            while (m.find()) {
                double[] v = sums.computeIfAbsent(m.group(1) + " " + m.group(3), k -> new double[2]);
                v[m.group(2).equals("sum") ? 0 : 1] = Double.parseDouble(m.group(4));
            }
        } catch (IOException | InterruptedException e) {
            System.out.println("(metrics not read: " + e.getMessage() + ")");
        }
        return sums;
    }

    /** What the calls made between two readings of /metrics took, each on average. */
    private static void printPhase(String phase, Map<String, double[]> before, Map<String, double[]> after) {
        StringBuilder line = new StringBuilder("  where the time goes, " + phase + ":");
        after.forEach((k, v) -> {
            double[] b = before.getOrDefault(k, new double[2]);
            double calls = v[1] - b[1];
            if (calls > 0) {
                String what = k.replace("backend_command command=", "")
                        .replace("http_request ", "")
                        .replace("\"", "");
                line.append(
                        String.format(Locale.ROOT, " %s %.0f× %.2f ms;", what, calls, 1000 * (v[0] - b[0]) / calls));
            }
        });
        System.out.println(line);
    }

    private static void whereTheTimeGoes(BindsmithServe serve) {
        try {
            String metrics = serve.metrics(serve.client());
            System.out.println("where the time goes (bindsmith + named, whole run, from /metrics):");
            Pattern p = Pattern.compile(
                    "bindsmith_(backend_command|http_request)_duration_seconds_(sum|count)\\{([^}]*)\\} (\\S+)");
            Map<String, double[]> sums = new LinkedHashMap<>();
            Matcher m = p.matcher(metrics);
            while (m.find()) {
                double[] v = sums.computeIfAbsent(m.group(1) + " " + m.group(3), k -> new double[2]);
                v[m.group(2).equals("sum") ? 0 : 1] = Double.parseDouble(m.group(4));
            }
            sums.forEach((k, v) -> {
                if (v[1] > 0) {
                    System.out.printf(Locale.ROOT, "  %-90s %8.0f calls, %7.3f ms each%n", k, v[1], 1000 * v[0] / v[1]);
                }
            });
        } catch (IOException | InterruptedException e) {
            System.out.println("(metrics not read: " + e.getMessage() + ")");
        }
    }

    private static void printTable(
            List<String> labels,
            List<Row> rows,
            Row rssIdle,
            Row rssAfter,
            Row floorAdd,
            Row floorAddDynamic,
            Row floorUpdate) {
        String named = "bindsmith + named";
        String pdns = "PowerDNS 4.7 API";
        StringBuilder header = new StringBuilder("| |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (String l : labels) {
            header.append(' ').append(l).append(" |");
            rule.append(" ---: |");
        }
        boolean ratio = labels.contains(named) && labels.contains(pdns);
        if (ratio) {
            header.append(" named ÷ PowerDNS |");
            rule.append(" ---: |");
        }
        header.append(" floor |");
        rule.append(" ---: |");
        System.out.println();
        System.out.println(header);
        System.out.println(rule);
        for (Row row : rows) {
            StringBuilder line = new StringBuilder("| " + row.name + " (" + row.unit + ") |");
            for (String l : labels) {
                line.append(' ')
                        .append(row.median(l).map(v -> fmt(v, digits(row))).orElse("–"))
                        .append(" |");
            }
            if (ratio) {
                Optional<Double> a = row.median(named);
                Optional<Double> b = row.median(pdns);
                line.append(' ')
                        .append(
                                a.isPresent() && b.isPresent()
                                        ? fmt(row.higherIsBetter ? a.get() / b.get() : b.get() / a.get(), 2) + "×"
                                        : "–")
                        .append(" |");
            }
            String floor = row.name.startsWith("zone create")
                    ? floorAdd.median("floor")
                                    .map(v -> "addzone " + fmt(v, 0) + "/s")
                                    .orElse("")
                            + floorAddDynamic
                                    .median("floor")
                                    .map(v -> ", of a dynamic zone " + fmt(v, 0) + "/s")
                                    .orElse("")
                    : row.name.startsWith("record add")
                            ? floorUpdate
                                    .median("floor")
                                    .map(v -> "update " + fmt(v, 0) + "/s")
                                    .orElse("")
                            : "";
            line.append(' ').append(floor).append(" |");
            System.out.println(line);
        }
        for (Row row : rows) {
            row.failures.forEach((system, n) -> System.out.printf(
                    Locale.ROOT,
                    "  %s, %s: %d requests failed (not counted as work), the first: %s%n",
                    row.name,
                    system,
                    n,
                    ManagementApi.abbreviate(row.firstFailure.get(system))));
        }
        StringBuilder rss = new StringBuilder("| RSS idle → after the run (MiB) |");
        for (String l : labels) {
            rss.append(' ')
                    .append(rssIdle.median(l).map(v -> fmt(v, 0)).orElse("?"))
                    .append(" → ")
                    .append(rssAfter.median(l).map(v -> fmt(v, 0)).orElse("?"))
                    .append(" |");
        }
        if (ratio) {
            rss.append(" |");
        }
        rss.append(" |");
        System.out.println(rss);
        System.out.println("(ratios: how many times better bindsmith + named is; for times, PowerDNS's ÷ bindsmith's)");
    }

    private static int digits(Row row) {
        return row.unit.equals("s") ? 2 : row.unit.equals("ms") ? 1 : 0;
    }

    private static double last(Row row, String system) {
        List<Double> v = row.values.get(system);
        return v.get(v.size() - 1);
    }

    static String fmt(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static Map<String, String> withJavaOpts(Map<String, String> env, String javaOpts) {
        if (javaOpts.isEmpty()) {
            return env;
        }
        Map<String, String> with = new LinkedHashMap<>(env);
        with.put("BINDSMITH_JAVA_OPTS", javaOpts);
        return with;
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
