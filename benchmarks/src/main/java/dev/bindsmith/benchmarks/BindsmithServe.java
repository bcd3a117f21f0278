package dev.bindsmith.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./bindsmith serve} as a user starts it: the repository's script (its JVM flags and the
 * build's AOT cache), a process of its own, on loopback, with a token. The rate limiter is switched off
 * (RATE_LIMIT_ENABLED=false): at its default of 100 requests a minute it would measure itself.
 */
final class BindsmithServe implements ManagementApi {
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    /** The modules the distribution is made of: what ./bindsmith checks before it decides to rebuild. */
    static final List<String> DISTRIBUTION =
            List.of("core", "dns-shared", "rndc-adapter", "embedded-adapter", "http-adapter", "wiring", "cli-adapter");

    private final String label;
    private final Path root;
    private final Map<String, String> env;
    private final Path log;
    private final String token;
    private final URI base;
    private final String updateKeyName;
    private Process process;
    private Duration startUp = Duration.ZERO;

    /**
     * A server over the backend {@code backendEnv} describes; {@code updateKeyName} is the TSIG key the
     * zones are created to take updates with (named's update key, or any name for the embedded server).
     */
    BindsmithServe(String label, Path root, Map<String, String> backendEnv, String updateKeyName, Path work)
            throws IOException, InterruptedException {
        this.label = label;
        this.root = root;
        this.updateKeyName = updateKeyName;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
        int port = Machine.freePort();
        this.base = URI.create("http://127.0.0.1:" + port + "/api/v1");
        Files.createDirectories(work);
        this.log = work.resolve("serve.log");
        Map<String, String> e = new LinkedHashMap<>(backendEnv);
        e.put("API_PORT", Integer.toString(port));
        e.put("BIND_API_ADDRESS", "127.0.0.1");
        e.put("BIND_API_TOKEN", token);
        e.put("RATE_LIMIT_ENABLED", "false");
        e.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        e.put("HOME", work.toString());
        e.put("JAVA_HOME", System.getProperty("java.home"));
        this.env = e;
        start();
    }

    /**
     * Refuses to measure a distribution older than the sources: {@code ./bindsmith} would rebuild it
     * (with Maven, beside the Maven that runs this benchmark) and the start would time the build.
     */
    static void requireFreshDistribution(Path root) throws IOException {
        Path jar = root.resolve("cli-adapter/target/bindsmith.jar");
        Path built = root.resolve("cli-adapter/target/.bindsmith-built");
        if (!Files.exists(jar) || !Files.exists(built)) {
            throw new IllegalStateException(
                    "build the distribution first: ./mvnw -B -ntp -DskipTests package -pl"
                            + " cli-adapter -am && touch cli-adapter/target/.bindsmith-built (or run ./bindsmith --version once)");
        }
        long stamp = Files.getLastModifiedTime(built).toMillis();
        if (Files.getLastModifiedTime(root.resolve("pom.xml")).toMillis() > stamp) {
            throw stale(root.resolve("pom.xml"));
        }
        for (String module : DISTRIBUTION) {
            Path pom = root.resolve(module).resolve("pom.xml");
            if (Files.getLastModifiedTime(pom).toMillis() > stamp) {
                throw stale(pom);
            }
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (Files.getLastModifiedTime(f).toMillis() > stamp) {
                        throw stale(f);
                    }
                }
            }
        }
    }

    private static IllegalStateException stale(Path newer) {
        return new IllegalStateException("the distribution is older than " + newer
                + ": run ./bindsmith --version once (it rebuilds), then the benchmark");
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Duration startUp() {
        return startUp;
    }

    private void start() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("bindsmith").toString(), "serve")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().clear();
        pb.environment().putAll(env);
        long launched = System.nanoTime();
        process = pb.start();
        startUp = ManagementApi.awaitFirstAnswer(
                // one zone: the first answer, not the transfer of a list that may hold 100 000 zones
                // (the JDK client's timeout ends at the headers: a stalled body would wait for ever)
                process, launched, URI.create(base + "/zones?limit=1"), auth(), log, START_LIMIT);
    }

    @Override
    public void restart() throws IOException, InterruptedException {
        stop();
        start();
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + token);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private HttpRequest json(String method, String path, String body) {
        return request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    @Override
    public void createZone(HttpClient client, String zone) throws IOException, InterruptedException {
        String body = """
                {"zoneName":"%1$s","zoneType":"primary","zoneConfig":{"ttl":3600,
                 "soa":{"primaryNs":"ns1.%1$s.","adminEmail":"hostmaster.%1$s."},
                 "nameServers":["ns1.%1$s."],"nameServerIps":{"ns1.%1$s.":"192.0.2.53"},
                 "records":[{"name":"www","type":"A","value":"192.0.2.80","ttl":300}]},
                 "updateKeyName":"%2$s"}""".formatted(zone, updateKeyName);
        ManagementApi.send(client, json("POST", "/zones", body), 201);
    }

    @Override
    public void addRecord(HttpClient client, String zone, String owner, String address)
            throws IOException, InterruptedException {
        String body = "{\"name\":\"" + owner + "\",\"type\":\"A\",\"value\":\"" + address + "\",\"ttl\":300}";
        ManagementApi.send(client, json("POST", "/zones/" + zone + "/records", body), 201);
    }

    @Override
    public void addRecords(HttpClient client, String zone, Map<String, String> owners)
            throws IOException, InterruptedException {
        String changes = owners.entrySet().stream()
                .map(e -> "{\"op\":\"add\",\"name\":\"" + e.getKey() + "\",\"type\":\"A\",\"value\":\"" + e.getValue()
                        + "\",\"ttl\":300}")
                .collect(Collectors.joining(","));
        ManagementApi.send(
                client, json("PATCH", "/zones/" + zone + "/records", "{\"changes\":[" + changes + "]}"), 200);
    }

    /**
     * Every zone, as a client that reads the body as it arrives: the bytes are counted and {@code count}
     * is read from them, but no 15 MB string is built. Decoding the body into a {@code String}
     * ({@code BodyHandlers.ofString}), as this did until 2026-12-04, was 30–150 ms of the client's own
     * work per listing at 100 000 zones, more than the server's part (curl took 17–23 ms for the
     * same listing); the benchmark measures the server and the connection, not the client's decoding.
     */
    @Override
    public int listZones(HttpClient client) throws IOException, InterruptedException {
        try {
            // bounded: the request's timeout ends at the headers, and a body may stall (100 000 zones did)
            HttpResponse<BodyCount> r = client.sendAsync(
                            request("/zones").GET().build(),
                            info -> HttpResponse.BodySubscribers.fromSubscriber(new BodyCount(), BodyCount::self))
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
            if (r.statusCode() != 200) {
                throw new IOException("GET /zones answered " + r.statusCode());
            }
            long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (r.body().bytes() != declared) {
                throw new IOException("GET /zones: " + r.body().bytes() + " bytes of " + declared);
            }
            return r.body().count();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("GET /zones failed: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("GET /zones: the whole body did not arrive within 60 s", e);
        }
    }

    /** Counts a list's bytes as they arrive and reads its {@code "count":} on the way (it follows the names). */
    private static final class BodyCount implements java.util.concurrent.Flow.Subscriber<List<java.nio.ByteBuffer>> {
        private static final byte[] COUNT = "\"count\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private long bytes;
        private int matched;
        private int count = -1;
        private boolean inCount;

        BodyCount self() {
            return this;
        }

        long bytes() {
            return bytes;
        }

        int count() {
            return count;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> buffers) {
            for (java.nio.ByteBuffer b : buffers) {
                bytes += b.remaining();
                // once the count is read the rest is only counted
                for (int i = b.position(); i < b.limit() && (count < 0 || inCount); i++) {
                    byte c = b.get(i);
                    if (inCount) {
                        if (c >= '0' && c <= '9') {
                            count = Math.max(count, 0) * 10 + (c - '0');
                        } else {
                            inCount = false;
                        }
                    } else if (c == COUNT[matched]) {
                        matched++;
                        if (matched == COUNT.length) {
                            inCount = true;
                        }
                    } else {
                        matched = c == COUNT[0] ? 1 : 0;
                    }
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // the response's future fails with it
        }

        @Override
        public void onComplete() {
            // the response's future completes with this
        }
    }

    /**
     * Every zone {@code runs} times with curl, one after the other on one connection, each read to its
     * end and thrown away: the time at a client that costs next to nothing (ms, each run), or empty
     * when there is no curl. The JDK client of {@link #listZones} spends 10–40 ms of its own on 15 MB.
     */
    java.util.Optional<double[]> listZonesWithCurl(int runs) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                "curl", "-s", "-f", "-H", "Authorization: Bearer " + token, "-w", "%{time_total} %{size_download}\\n"));
        for (int i = 0; i < runs; i++) {
            command.addAll(List.of("-o", "/dev/null", base + "/zones"));
        }
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noCurl) {
            return java.util.Optional.empty();
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("curl failed: " + out);
        }
        return java.util.Optional.of(out.lines()
                .mapToDouble(l -> Double.parseDouble(l.split(" ")[0]) * 1000)
                .toArray());
    }

    /** One page of {@code limit} zones after {@code cursor} (empty for the first); the next cursor or "". */
    String listPage(HttpClient client, String cursor, int limit) throws IOException, InterruptedException {
        String body = ManagementApi.send(
                client,
                request("/zones?limit=" + limit + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                        .GET()
                        .build(),
                200);
        int at = body.indexOf("\"nextCursor\":\"");
        return at < 0 ? "" : body.substring(at + 14, body.indexOf('"', at + 14));
    }

    @Override
    public void deleteZone(HttpClient client, String zone) throws IOException, InterruptedException {
        ManagementApi.send(client, request("/zones/" + zone).DELETE().build(), 204);
    }

    /** {@code GET /metrics}, for "where the time goes". */
    String metrics(HttpClient client) throws IOException, InterruptedException {
        return ManagementApi.send(
                client,
                HttpRequest.newBuilder(URI.create(base.resolve("/metrics").toString()))
                        .GET()
                        .build(),
                200);
    }

    Path log() {
        return log;
    }

    private void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: the server's own graceful stop
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
