package dev.bindsmith.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.http.HttpServerConfig;
import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.rndc.client.RndcException;
import dev.bindsmith.rndc.client.RndcReply;
import dev.bindsmith.rndc.wire.HmacAlgorithm;
import dev.bindsmith.rndc.wire.RndcKey;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedFaults;
import dev.bindsmith.testing.named.NamedLauncher;
import dev.bindsmith.testing.named.RunningNamed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Fault injection through the whole stack as {@code bindsmith serve} runs it (the server's variables →
 * {@link Backend} → {@link ApiServer} → HTTP) on a real named 9.18: concurrent clients create zones,
 * add and remove records and delete zones while a fault hits mid-run — named killed with SIGKILL and
 * started again, or the zone directory taken away and put back. Each client owns its zone names and
 * behaves as an operator does: a 5xx (or a lost connection) leaves the outcome unknown and the same
 * request is sent again later; a 409 to its own create and a 404 to its own delete mean done.
 *
 * <p>Afterwards every zone name ever used is judged five ways — the API ({@code GET /zones/{z}} and
 * {@code /status}), named ({@code rndc zonestatus}), DNS (the SOA, authoritative), the directory
 * ({@code <zone>.zone} and the zone log's line) — and they must agree; a zone whose create was acknowledged
 * (201, or 409 to its owner) and not deleted since is present everywhere with every acknowledged
 * record; a zone whose delete was acknowledged is gone everywhere; no file in the zone directory
 * belongs to no zone; and named, killed once more, starts again serving exactly the present zones.
 *
 * <p>The client scripts come from a seeded {@link Random} ({@code -Dbindsmith.faults.seed}, printed in
 * every failure); the fault is injected and repaired when the clients' progress reaches a count (state,
 * not time). The interleaving of requests with the fault is the one thing left to the scheduler.
 */
class FaultInjectionIT {
    private static final long SEED = Long.getLong("bindsmith.faults.seed", 16L);
    private static final int CLIENTS = Integer.getInteger("bindsmith.faults.clients", 8);
    private static final int STEPS = Integer.getInteger("bindsmith.faults.steps", 36);
    private static final String TOKEN = "faults-token-0123456789abcdef0123456789";
    private static final Duration BOUND = Duration.ofMinutes(2);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RunningNamed named;
    private NamedFaults faults;
    private Backend backend;
    private ApiServer server;
    /** True while the fault is in place: the failures clients see then are counted. */
    private volatile boolean faultActive;

    @BeforeEach
    void start() {
        NamedAvailability.assumeOrRequire();
        named = NamedLauncher.create().start();
        faults = NamedFaults.of(named);
        Map<String, String> env = NamedBackends.variables(named);
        backend = Backend.open(BackendSettings.fromEnvironment(env, p -> false), true);
        server = ApiServer.start(
                backend,
                HttpServerConfig.parse(
                        Map.of("API_PORT", "0", "BIND_API_TOKEN", TOKEN, "RATE_LIMIT_ENABLED", "false"), Map.of()));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (faults != null) {
            faults.close();
        }
        if (named != null) {
            named.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void nothingAcknowledgedIsLostAndNothingOrphanedWhenNamedIsKilledAndRestartedMidRun() throws Exception {
        Fault kill = new Fault("named SIGKILLed, then restarted", faults::kill, faults::restart);

        Run run = runWith(kill, SEED);

        assertThat(faults.kills()).as("named was killed").isEqualTo(1);
        assertAgreement(run);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void nothingAcknowledgedIsLostAndNothingOrphanedWhenTheZoneDirectoryVanishesAndComesBack() throws Exception {
        Path dir = named.zoneDirectory();
        Path away = dir.resolveSibling("zones.away");
        Fault vanish = new Fault(
                "zone directory moved away, then back", () -> Files.move(dir, away), () -> Files.move(away, dir));

        Run run = runWith(vanish, SEED + 1);

        assertThat(dir).as("the zone directory is back").isDirectory();
        assertAgreement(run);
    }

    // ---- the run ----

    /** What goes wrong mid-run, and how it is put right. */
    private record Fault(String name, Action inject, Action repair) {}

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    /** Everything the clients were told, for the checks. */
    private record Run(long seed, String fault, List<Client> clients, Map<Integer, AtomicInteger> statuses) {
        List<ZoneModel> zones() {
            return clients.stream().flatMap(c -> c.zones.values().stream()).toList();
        }

        List<String> unexpected() {
            return clients.stream().flatMap(c -> c.unexpected.stream()).toList();
        }

        String describe() {
            return "seed " + seed + " (-Dbindsmith.faults.seed), fault: " + fault + ", " + clients.size()
                    + " clients × " + STEPS + " steps, statuses seen " + new TreeMap<>(Maps.counts(statuses));
        }
    }

    private Run runWith(Fault fault, long seed) throws Exception {
        AtomicInteger steps = new AtomicInteger();
        AtomicInteger failuresDuringFault = new AtomicInteger();
        CountDownLatch repaired = new CountDownLatch(1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Random seeds = new Random(seed);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(new Client(i, seeds.nextLong(), steps, failuresDuringFault, repaired, statuses));
        }
        List<Thread> threads = clients.stream()
                .map(c -> Thread.ofPlatform().name("fault-client-" + c.id).start(c))
                .toList();
        int total = CLIENTS * STEPS;
        try {
            awaitState("a third of the steps done before the fault", () -> steps.get() >= total / 3, threads);
            failuresDuringFault.set(0);
            faultActive = true;
            fault.inject().run();
            // Repair once every client could have hit the fault, or when there is no work left.
            awaitState(
                    "failures seen during the fault",
                    () -> failuresDuringFault.get() >= CLIENTS || steps.get() >= total,
                    threads);
        } finally {
            faultActive = false;
            fault.repair().run();
            repaired.countDown();
        }
        for (Thread t : threads) {
            t.join(BOUND.toMillis());
            assertThat(t.isAlive())
                    .as("%s finished within %s", t.getName(), BOUND)
                    .isFalse();
        }
        for (Client c : clients) {
            if (c.crash != null) {
                throw new AssertionError("client " + c.id + " crashed", c.crash);
            }
        }
        return new Run(seed, fault.name(), clients, statuses);
    }

    private static void awaitState(String what, BooleanSupplier condition, List<Thread> threads)
            throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (threads.stream().noneMatch(Thread::isAlive)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never reached: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    // ---- the clients ----

    private enum Known {
        PRESENT,
        ABSENT,
        UNKNOWN
    }

    /** One zone as its client knows it: what was acknowledged, and what is still pending. */
    private static final class ZoneModel {
        final String name;
        Known state = Known.UNKNOWN;
        /** An operation whose answer was lost or a 5xx: "create" or "delete", sent again later. */
        String pending;
        /** label → address, acknowledged present (201/200). */
        final Map<String, String> records = new TreeMap<>();
        /** labels acknowledged removed. */
        final Set<String> removed = new TreeSet<>();

        final List<String> history = new ArrayList<>();

        ZoneModel(String name) {
            this.name = name;
        }
    }

    private final class Client implements Runnable {
        final int id;
        final Random random;
        final AtomicInteger steps;
        final AtomicInteger failuresDuringFault;
        final CountDownLatch repaired;
        final Map<Integer, AtomicInteger> statuses;
        final Map<String, ZoneModel> zones = new TreeMap<>();
        final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        volatile Throwable crash;
        int nextZone;
        int nextRecord;

        Client(
                int id,
                long seed,
                AtomicInteger steps,
                AtomicInteger failuresDuringFault,
                CountDownLatch repaired,
                Map<Integer, AtomicInteger> statuses) {
            this.id = id;
            this.random = new Random(seed);
            this.steps = steps;
            this.failuresDuringFault = failuresDuringFault;
            this.repaired = repaired;
            this.statuses = statuses;
        }

        @Override
        public void run() {
            try {
                for (int i = 0; i < STEPS; i++) {
                    step();
                    steps.incrementAndGet();
                }
                // Settle: once the fault is repaired, every pending request is sent again until answered.
                if (!repaired.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("the fault was never repaired");
                }
                for (int attempt = 0; attempt < 10; attempt++) {
                    List<ZoneModel> pending = zones.values().stream()
                            .filter(z -> z.pending != null)
                            .toList();
                    if (pending.isEmpty()) {
                        break;
                    }
                    for (ZoneModel z : pending) {
                        retry(z);
                    }
                }
            } catch (Throwable t) {
                crash = t;
            }
        }

        private void step() throws InterruptedException {
            List<ZoneModel> pending =
                    zones.values().stream().filter(z -> z.pending != null).toList();
            if (!pending.isEmpty() && random.nextInt(3) == 0) {
                retry(pending.get(random.nextInt(pending.size())));
                return;
            }
            List<ZoneModel> present = zones.values().stream()
                    .filter(z -> z.state == Known.PRESENT && z.pending == null)
                    .toList();
            int dice = random.nextInt(100);
            if (present.size() < 2 || dice < 30) {
                ZoneModel z = new ZoneModel("c" + id + "-z" + nextZone++ + ".faults.test");
                zones.put(z.name, z);
                create(z);
            } else if (dice < 70) {
                addRecord(present.get(random.nextInt(present.size())));
            } else if (dice < 85) {
                removeRecord(present.get(random.nextInt(present.size())));
            } else {
                delete(present.get(random.nextInt(present.size())));
            }
        }

        private void retry(ZoneModel z) throws InterruptedException {
            if ("create".equals(z.pending)) {
                create(z);
            } else {
                delete(z);
            }
        }

        private void create(ZoneModel z) throws InterruptedException {
            int status = call(z, "create", "POST", "/api/v1/zones", createBody(z.name));
            switch (status) {
                case 201, 409 -> {
                    // 409 to the only client that creates this name: an earlier attempt took effect
                    z.state = Known.PRESENT;
                    z.pending = null;
                    z.records.put("www", "192.0.2.80");
                }
                default -> {
                    if (!definitive(status)) {
                        z.state = Known.UNKNOWN;
                        z.pending = "create";
                    } else {
                        unexpected.add(z.name + ": create answered " + status + "; history: " + z.history);
                        z.pending = null;
                    }
                }
            }
        }

        private void delete(ZoneModel z) throws InterruptedException {
            int status = call(z, "delete", "DELETE", "/api/v1/zones/" + z.name, null);
            switch (status) {
                case 204, 404 -> {
                    z.state = Known.ABSENT;
                    z.pending = null;
                }
                default -> {
                    if (!definitive(status)) {
                        z.state = Known.UNKNOWN;
                        z.pending = "delete";
                    } else {
                        unexpected.add(z.name + ": delete answered " + status + "; history: " + z.history);
                        z.pending = null;
                    }
                }
            }
        }

        private void addRecord(ZoneModel z) throws InterruptedException {
            String label = "r" + nextRecord++;
            String address = "198.51.100." + (1 + random.nextInt(250));
            String body = "{\"name\":\"" + label + "\",\"type\":\"A\",\"value\":\"" + address + "\",\"ttl\":300}";
            int status = call(z, "add " + label, "POST", "/api/v1/zones/" + z.name + "/records", body);
            if (status == 201 || status == 200) {
                z.records.put(label, address);
                z.removed.remove(label);
            } else if (definitive(status)) {
                unexpected.add(z.name + ": add record " + label + " answered " + status + "; history: " + z.history);
            }
            // otherwise unknown: neither required nor forbidden afterwards
        }

        private void removeRecord(ZoneModel z) throws InterruptedException {
            List<String> labels =
                    z.records.keySet().stream().filter(l -> !l.equals("www")).toList();
            if (labels.isEmpty()) {
                addRecord(z);
                return;
            }
            String label = labels.get(random.nextInt(labels.size()));
            String address = z.records.get(label);
            String body = "{\"name\":\"" + label + "\",\"type\":\"A\",\"value\":\"" + address + "\"}";
            int status = call(z, "remove " + label, "DELETE", "/api/v1/zones/" + z.name + "/records", body);
            // the record leaves the acknowledged set whatever the answer: its removal may have happened
            z.records.remove(label);
            if (status == 200) {
                z.removed.add(label);
            } else if (definitive(status)) {
                unexpected.add(z.name + ": remove record " + label + " answered " + status + "; history: " + z.history);
            }
        }

        /** The status, or -1 when the HTTP exchange itself failed (the outcome is unknown). */
        private int call(ZoneModel z, String what, String method, String path, String json)
                throws InterruptedException {
            var request = HttpRequest.newBuilder(URI.create(server.url() + path))
                    .timeout(BOUND)
                    .header("Authorization", "Bearer " + TOKEN);
            if (json == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            int status;
            String detail;
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                detail = status >= 400 ? " " + Maps.shorten(response.body()) : "";
            } catch (IOException e) {
                status = -1;
                detail = " " + e;
            }
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (!definitive(status) && faultActive) {
                failuresDuringFault.incrementAndGet();
            }
            z.history.add(what + " → " + status + detail + (faultActive ? " (during the fault)" : ""));
            return status;
        }
    }

    /** 2xx and 4xx are answers; a 5xx or a lost exchange leaves the outcome unknown. */
    private static boolean definitive(int status) {
        return status >= 200 && status < 500;
    }

    private static String createBody(String zone) {
        return """
                {"zoneName":"%1$s","zoneType":"primary","updateKeyName":"%2$s",
                 "zoneConfig":{"ttl":300,"soa":{"primaryNs":"ns1.%1$s.","adminEmail":"hostmaster.%1$s.",
                   "serial":2026112101},"nameServers":["ns1.%1$s."],"nameServerIps":{"ns1.%1$s.":"192.0.2.53"},
                   "records":[{"name":"www","type":"A","value":"192.0.2.80"}]}}
                """.formatted(zone, NamedLauncher.UPDATE_KEY_NAME);
    }

    // ---- the checks ----

    /** A zone seen from one side. */
    private enum Seen {
        PRESENT,
        ABSENT,
        OTHER
    }

    private record Observation(
            Seen api, Seen status, Seen named, Seen dns, Seen file, Seen logged, String namedText, String dnsText) {
        List<Seen> all() {
            return List.of(api, status, named, dns, file, logged);
        }

        boolean agree() {
            return all().stream().distinct().count() == 1 && api != Seen.OTHER;
        }

        Seen verdict() {
            return agree() ? api : Seen.OTHER;
        }

        @Override
        public String toString() {
            return "api=" + api + " status=" + status + " named=" + named + "(" + namedText + ") dns=" + dns + "("
                    + dnsText + ") file=" + file + " zone log=" + logged;
        }
    }

    private void assertAgreement(Run run) throws Exception {
        List<ZoneModel> zones = run.zones();
        assertThat(run.unexpected())
                .as("answers no operator expects to valid requests; %s", run.describe())
                .isEmpty();
        assertThat(zones.stream().filter(z -> z.state == Known.PRESENT).count())
                .as("the run created zones; %s", run.describe())
                .isPositive();

        List<String> problems = new ArrayList<>();
        Set<String> present = new TreeSet<>();
        try (RndcClient rndc = rndcClient()) {
            for (ZoneModel z : zones) {
                Observation seen = observe(z.name, rndc);
                if (!seen.agree()) {
                    problems.add(z.name + ": the sides disagree: " + seen + "\n    expected " + z.state + ", history: "
                            + z.history);
                    continue;
                }
                if (z.state != Known.UNKNOWN && !seen.verdict().name().equals(z.state.name())) {
                    problems.add(z.name + ": acknowledged " + z.state + " but " + seen + "\n    history: " + z.history);
                    continue;
                }
                if (seen.verdict() == Seen.PRESENT) {
                    present.add(z.name);
                    problems.addAll(recordProblems(z));
                }
            }
            problems.addAll(directoryProblems(present));
            Set<String> listed = listedZones();
            if (!listed.equals(present)) {
                problems.add("GET /api/v1/zones lists " + difference(listed, present) + " that are not present, and"
                        + " misses " + difference(present, listed));
            }
        }
        assertThat(problems)
                .as("after the fault: %s%nnamed's log:%n%s", run.describe(), faults.logTail(30))
                .isEmpty();

        // named killed once more must start again from what is on disk and serve exactly the present zones
        faults.kill();
        faults.restart();
        List<String> afterRestart = new ArrayList<>();
        try (RndcClient rndc = rndcClient()) {
            for (ZoneModel z : zones) {
                Seen expected = present.contains(z.name) ? Seen.PRESENT : Seen.ABSENT;
                Seen namedSees = namedState(rndc, z.name).seen;
                Seen dnsSees = dnsState(z.name).seen;
                if (namedSees != expected || dnsSees != expected) {
                    afterRestart.add(z.name + ": expected " + expected + " after a restart, named " + namedSees
                            + ", DNS " + dnsSees + "; history: " + z.history);
                } else if (expected == Seen.PRESENT) {
                    afterRestart.addAll(recordProblems(z));
                }
            }
        }
        assertThat(afterRestart)
                .as("named started again after the run: %s%nnamed's log:%n%s", run.describe(), faults.logTail(30))
                .isEmpty();
    }

    private Observation observe(String zone, RndcClient rndc) throws Exception {
        Path dir = named.zoneDirectory();
        NamedState n = namedState(rndc, zone);
        DnsState d = dnsState(zone);
        return new Observation(
                httpSeen("/api/v1/zones/" + zone),
                httpSeen("/api/v1/zones/" + zone + "/status"),
                n.seen,
                d.seen,
                Files.exists(dir.resolve(zone + ".zone")) ? Seen.PRESENT : Seen.ABSENT,
                logged(dir, zone),
                n.text,
                d.text);
    }

    /**
     * What bindsmith's own durable record, the zone log {@code .bindsmith/zones.log} ({@code <op> <zone>
     * <type>} lines, the last one of a zone deciding), says of the zone: {@code +} (created, named not yet
     * confirmed) and {@code =} present; {@code ~} (delete begun), {@code -} or no line absent.
     */
    private static Seen logged(Path dir, String zone) throws IOException {
        Path log = dir.resolve(".bindsmith").resolve("zones.log");
        Seen seen = Seen.ABSENT;
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                String[] fields = line.split(" ");
                if (fields.length >= 2 && fields[1].equals(zone)) {
                    seen = fields[0].equals("+") || fields[0].equals("=") ? Seen.PRESENT : Seen.ABSENT;
                }
            }
        }
        return seen;
    }

    private Seen httpSeen(String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(BOUND)
                .header("Authorization", "Bearer " + TOKEN)
                .GET()
                .build();
        int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        return switch (status) {
            case 200 -> Seen.PRESENT;
            case 404 -> Seen.ABSENT;
            default -> Seen.OTHER;
        };
    }

    private record NamedState(Seen seen, String text) {}

    private static NamedState namedState(RndcClient rndc, String zone) {
        try {
            RndcReply reply = rndc.send("zonestatus " + zone);
            if (reply.ok()) {
                return new NamedState(Seen.PRESENT, "ok");
            }
            String err = reply.err().orElse("result " + reply.result());
            return new NamedState(err.contains("not found") ? Seen.ABSENT : Seen.OTHER, err);
        } catch (RndcException e) {
            return new NamedState(Seen.OTHER, e.getMessage());
        }
    }

    private record DnsState(Seen seen, String text) {}

    private DnsState dnsState(String zone) throws IOException {
        Message reply = query(zone + ".", Type.SOA);
        String text = Rcode.string(reply.getRcode()) + (reply.getHeader().getFlag(Flags.AA) ? " aa" : "");
        if (reply.getRcode() == Rcode.NOERROR
                && reply.getHeader().getFlag(Flags.AA)
                && reply.getSection(Section.ANSWER).size() == 1) {
            return new DnsState(Seen.PRESENT, text);
        }
        return new DnsState(reply.getRcode() == Rcode.REFUSED ? Seen.ABSENT : Seen.OTHER, text);
    }

    private List<String> recordProblems(ZoneModel z) throws IOException {
        List<String> problems = new ArrayList<>();
        for (var r : z.records.entrySet()) {
            List<String> answers = addresses(r.getKey() + "." + z.name + ".");
            if (!answers.contains(r.getValue())) {
                problems.add(z.name + ": acknowledged record " + r.getKey() + " A " + r.getValue()
                        + " is missing from DNS (answers " + answers + "); history: " + z.history);
            }
        }
        for (String label : z.removed) {
            List<String> answers = addresses(label + "." + z.name + ".");
            if (!answers.isEmpty()) {
                problems.add(z.name + ": record " + label + ", whose removal was acknowledged, still answers " + answers
                        + "; history: " + z.history);
            }
        }
        return problems;
    }

    private List<String> addresses(String name) throws IOException {
        return query(name, Type.A).getSection(Section.ANSWER).stream()
                .filter(ARecord.class::isInstance)
                .map(r -> ((ARecord) r).getAddress().getHostAddress())
                .toList();
    }

    /** Files in the zone directory that belong to no present zone. */
    private List<String> directoryProblems(Set<String> present) throws IOException {
        Path dir = named.zoneDirectory();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString();
                if (rel.startsWith(".bindsmith/") && !rel.endsWith(".json")) {
                    continue; // bindsmith's own state: the zone log, set-aside files, the audit log and its lock, the
                    // token file
                }
                String zone = rel.startsWith(".bindsmith/")
                        ? rel.substring(".bindsmith/".length()).replaceFirst("\\.json$", "")
                        : rel.replaceFirst("\\.zone(\\.jnl)?$", "");
                if (!present.contains(zone)) {
                    problems.add("orphan in the zone directory: " + rel);
                }
            }
        }
        return problems;
    }

    private Set<String> listedZones() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/zones"))
                .timeout(BOUND)
                .header("Authorization", "Bearer " + TOKEN)
                .GET()
                .build();
        String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        Set<String> names = new TreeSet<>();
        tree.path("zones")
                .forEach(z ->
                        names.add(z.isTextual() ? z.asText() : z.path("name").asText()));
        return names;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).collect(Collectors.toCollection(TreeSet::new));
    }

    private RndcClient rndcClient() {
        RndcKey key = RndcKey.ofBase64(
                named.rndcKey().name(),
                HmacAlgorithm.fromName(named.rndcKey().algorithm()).orElseThrow(),
                named.rndcKey().secret());
        return RndcClient.builder(key)
                .server("127.0.0.1", named.controlPort())
                .readTimeout(Duration.ofSeconds(30))
                .build();
    }

    private Message query(String name, int type) throws IOException {
        var resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(named.dnsPort());
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    /** Small helpers for failure messages. */
    private static final class Maps {
        static Map<Integer, Integer> counts(Map<Integer, AtomicInteger> m) {
            Map<Integer, Integer> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }

        static String shorten(String body) {
            String oneLine = body.replaceAll("\\s+", " ");
            return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
        }
    }
}
