package dev.bindsmith.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PowerDNS Authoritative (Debian's {@code pdns-server}, 4.7) with its HTTP API and the gsqlite3 backend,
 * configured as its documentation says for a small installation: the SQLite database made from the
 * packaged schema, the API on loopback with a key, DNS on a loopback port, no security poll. Installed
 * with apt-get when missing (as root), as {@code .ci/run} installs BIND.
 */
final class PowerDns implements ManagementApi {
    static final List<String> PACKAGES = List.of("pdns-server", "pdns-backend-sqlite3", "sqlite3");
    private static final Path SCHEMA = Path.of("/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql");

    private final Path dir;
    private final String key;
    private final URI base;
    private final int dnsPort;
    private final Path log;
    private Process process;
    private Duration startUp = Duration.ZERO;

    PowerDns(Path dir) throws IOException, InterruptedException {
        this.dir = Files.createDirectories(dir);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.key = HexFormat.of().formatHex(secret);
        int apiPort = Machine.freePort();
        this.dnsPort = Machine.freePort();
        this.base = URI.create("http://127.0.0.1:" + apiPort + "/api/v1/servers/localhost");
        this.log = dir.resolve("pdns.log");
        Path db = dir.resolve("pdns.sqlite3");
        Files.deleteIfExists(db);
        run(List.of("sh", "-c", "sqlite3 '" + db + "' < '" + SCHEMA + "'"));
        Files.writeString(
                dir.resolve("pdns.conf"),
                String.join(
                        "\n",
                        "launch=gsqlite3",
                        "gsqlite3-database=" + db,
                        "local-address=127.0.0.1",
                        "local-port=" + dnsPort,
                        "api=yes",
                        "api-key=" + key,
                        "webserver=yes",
                        "webserver-address=127.0.0.1",
                        "webserver-port=" + apiPort,
                        "webserver-allow-from=127.0.0.0/8",
                        "daemon=no",
                        "guardian=no",
                        "socket-dir=" + dir,
                        "security-poll-suffix=",
                        "loglevel=4",
                        ""));
        start();
    }

    /** Installs PowerDNS with apt-get when {@code pdns_server} is missing; false (with why) when it cannot. */
    static Optional<String> ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(Path.of("/usr/sbin/pdns_server"))
                && Files.exists(SCHEMA)
                && Files.isExecutable(Path.of("/usr/bin/sqlite3"))) {
            return Optional.empty();
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of(
                    "PowerDNS is not installed and this is not root: apt-get install -y " + String.join(" ", PACKAGES));
        }
        System.out.println("installing " + String.join(" ", PACKAGES) + " with apt-get ...");
        ProcessBuilder pb = new ProcessBuilder(
                        "apt-get",
                        "install",
                        "-y",
                        "--no-install-recommends",
                        PACKAGES.get(0),
                        PACKAGES.get(1),
                        PACKAGES.get(2))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        if (pb.start().waitFor() != 0) {
            // the package lists may be missing on a fresh machine
            new ProcessBuilder("apt-get", "update")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
            if (pb.start().waitFor() != 0) {
                return Optional.of("apt-get install " + String.join(" ", PACKAGES) + " failed");
            }
        }
        return Optional.empty();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public String label() {
        return "PowerDNS 4.7 API";
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
        ProcessBuilder pb = new ProcessBuilder("/usr/sbin/pdns_server", "--config-dir=" + dir)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long launched = System.nanoTime();
        process = pb.start();
        startUp = ManagementApi.awaitFirstAnswer(
                process, launched, URI.create(base + "/zones"), Map.of("X-API-Key", key), log, Duration.ofSeconds(60));
    }

    @Override
    public void restart() throws IOException, InterruptedException {
        stop();
        start();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-API-Key", key);
    }

    private HttpRequest json(String method, String path, String body) {
        return request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String rrset(String name, String address) {
        return "{\"name\":\"" + name + "\",\"type\":\"A\",\"ttl\":300,\"changetype\":\"REPLACE\",\"records\":"
                + "[{\"content\":\"" + address + "\",\"disabled\":false}]}";
    }

    /** The same zone as bindsmith's: SOA (made by PowerDNS), NS ns1, ns1's A, www's A. */
    @Override
    public void createZone(HttpClient client, String zone) throws IOException, InterruptedException {
        String body = "{\"name\":\"" + zone + ".\",\"kind\":\"Native\",\"nameservers\":[\"ns1." + zone + ".\"],"
                + "\"rrsets\":[" + rrset("ns1." + zone + ".", "192.0.2.53") + ","
                + rrset("www." + zone + ".", "192.0.2.80")
                + "]}";
        ManagementApi.send(client, json("POST", "/zones", body), 201);
    }

    @Override
    public void addRecord(HttpClient client, String zone, String owner, String address)
            throws IOException, InterruptedException {
        String body = "{\"rrsets\":[" + rrset(owner + "." + zone + ".", address) + "]}";
        ManagementApi.send(client, json("PATCH", "/zones/" + zone + ".", body), 204);
    }

    @Override
    public void addRecords(HttpClient client, String zone, Map<String, String> owners)
            throws IOException, InterruptedException {
        String rrsets = owners.entrySet().stream()
                .map(e -> rrset(e.getKey() + "." + zone + ".", e.getValue()))
                .collect(Collectors.joining(","));
        ManagementApi.send(client, json("PATCH", "/zones/" + zone + ".", "{\"rrsets\":[" + rrsets + "]}"), 204);
    }

    @Override
    public int listZones(HttpClient client) throws IOException, InterruptedException {
        String body = ManagementApi.send(client, request("/zones").GET().build(), 200);
        int count = 0;
        for (int at = body.indexOf("\"kind\""); at >= 0; at = body.indexOf("\"kind\"", at + 1)) {
            count++;
        }
        return count;
    }

    @Override
    public void deleteZone(HttpClient client, String zone) throws IOException, InterruptedException {
        ManagementApi.send(client, request("/zones/" + zone + ".").DELETE().build(), 204);
    }

    int dnsPort() {
        return dnsPort;
    }

    private void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
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
