package dev.bindsmith.cli;

import dev.bindsmith.wiring.ApiServer;
import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the build's ahead-of-time cache (JDK 25, JEP 483/514): the commands a user runs
 * most, in one JVM, on a throw-away embedded data directory, so that the classes they load and link
 * are in the cache that {@code ./bindsmith} starts with; then {@code serve} itself, briefly, on a free
 * loopback port, answering the requests a client sends most (create, list, a page, status, a record, a
 * change set, delete, health, metrics), so that the HTTP server's classes are in the cache too, on the
 * embedded backend and on the BIND backend (whose named is not there: its requests fail, after
 * loading the rndc, update and zone-file classes a real one uses). Not a
 * command: the build runs it once, as
 * {@code java -XX:AOTCacheOutput=target/bindsmith.aot -cp target/bindsmith.jar dev.bindsmith.cli.AotTraining commands}
 * and again with {@code serve} for {@code target/bindsmith-serve.aot}: a JVM started with a cache loads
 * every class in it, so a command that took serve's cache would load Helidon for nothing.
 */
public final class AotTraining {
    private AotTraining() {}

    /** {@code commands}: the short commands, for {@code bindsmith.aot}; {@code serve}: serve, for {@code bindsmith-serve.aot}. */
    public static void main(String[] args) throws IOException {
        // as Main does: the cache is trained on the start-up that the command runs
        DirectLogback.bind();
        boolean serve = args.length > 0 && args[0].equals("serve");
        Path data = Files.createTempDirectory("bindsmith-aot-training");
        try {
            if (serve) {
                serve(
                        Map.of(
                                "BINDSMITH_BACKEND", "embedded",
                                "BINDSMITH_DATA_DIR", data.resolve("serve").toString(),
                                "BINDSMITH_DNS_PORT", "0"),
                        "");
                // the BIND backend's serve too, against a control channel and a DNS port nobody listens on:
                // every request fails at once, after loading what a real named's requests load
                serve(
                        Map.of(
                                BackendSettings.BACKEND, "bind",
                                BackendSettings.ZONE_DIR,
                                        Files.createDirectories(data.resolve("serve-bind"))
                                                .toString(),
                                BackendSettings.RNDC_SERVER, "127.0.0.1:1",
                                BackendSettings.RNDC_ALGORITHM, "hmac-sha256",
                                BackendSettings.RNDC_KEY_NAME, "training-key",
                                BackendSettings.RNDC_SECRET, "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=",
                                BackendSettings.NSUPDATE_SERVER, "127.0.0.1",
                                BackendSettings.NSUPDATE_PORT, "1"),
                        "aot-training-token-0123456789abcdef0123456789abcdef0123456789abcdef");
                return;
            }
            Map<String, String> env =
                    Map.of(BackendSettings.BACKEND, "embedded", BackendSettings.DATA_DIR, data.toString());
            for (List<String> command : List.of(
                    List.of("--help"),
                    List.of("--version"),
                    List.of(
                            "zone",
                            "create",
                            "training.example",
                            "--ns",
                            "ns1.training.example",
                            "--ns-ip",
                            "ns1.training.example=192.0.2.53",
                            "--record",
                            "www A 192.0.2.80",
                            "--update-key",
                            "training-key"),
                    List.of("zone", "list"),
                    List.of("zone", "list", "-o", "json"),
                    List.of("zone", "show", "training.example"),
                    List.of("zone", "status", "training.example"),
                    List.of("record", "add", "training.example", "api", "AAAA", "2001:db8::80"),
                    List.of("record", "list", "training.example"),
                    List.of("record", "remove", "training.example", "api", "AAAA", "2001:db8::80"),
                    List.of("zone", "show", "absent.example"),
                    List.of("zone", "delete", "training.example"),
                    List.of("--url", "http://127.0.0.1:1", "--timeout", "1", "zone", "list"))) {
                run(env, command);
            }
            bind(Files.createDirectories(data.resolve("bind-zones")));
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * {@code serve} on a backend (its {@code variables}) exactly as {@code bindsmith serve} starts it
     * (the console check, {@link Cli#run} with nothing but {@code serve}, its logging, {@link Serve},
     * {@link HttpLauncher}), and a client's usual requests while it waits to be stopped. Through the
     * command line and not {@link ApiServer} directly: that path's classes, lambdas and call sites were
     * otherwise loaded from the jars and linked at every start (57 of the 120 classes serve loaded
     * outside the cache; picocli's, which the command-line classes refer to, among them).
     * {@code token} empty: serve makes one and writes it to its state directory, as with no
     * {@code BIND_API_TOKEN}.
     */
    private static void serve(Map<String, String> variables, String token) {
        Map<String, String> env = new HashMap<>(variables);
        // JSON: serve's log format whenever standard output is not a terminal (a service's)
        env.putAll(Map.of("API_PORT", "0", "BIND_API_ADDRESS", "127.0.0.1", Logging.FORMAT, "json"));
        if (!token.isEmpty()) {
            env.put(Serve.API_TOKEN, token);
        }
        Main.isTerminal();
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        HttpLauncher http = new HttpLauncher();
        Serve.Launcher requests = new Serve.Launcher() {
            @Override
            public void prepare() {
                http.prepare();
            }

            @Override
            public Serve.Running start(
                    Backend backend, Map<String, String> variablesSeen, Map<String, String> overrides) {
                Serve.Running server = http.start(backend, variablesSeen, overrides);
                return new Serve.Running() {
                    @Override
                    public String url() {
                        return server.url();
                    }

                    @Override
                    public void awaitShutdown() {
                        try {
                            String bearer = token.isEmpty()
                                    ? Files.readString(BackendSettings.fromEnvironment(env)
                                                    .stateDirectory()
                                                    .resolve(Serve.TOKEN_FILE))
                                            .strip()
                                    : token;
                            requests(URI.create(server.url()), bearer);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void reloadTokens() {
                        server.reloadTokens();
                    }

                    @Override
                    public void close() {
                        server.close();
                    }
                };
            }
        };
        int code = new Cli(env, new ByteArrayInputStream(new byte[0]), nowhere, nowhere, Main.BACKENDS, requests)
                .terminal(false)
                .run("serve");
        if (code != ExitCodes.SUCCESS) {
            throw new IllegalStateException("the training's serve ended with exit code " + code);
        }
    }

    /** A client's usual requests, three times over. */
    private static void requests(URI base, String token) throws IOException {
        String zone = "{\"zoneName\":\"served.example\",\"zoneType\":\"primary\",\"zoneConfig\":{\"ttl\":3600,"
                + "\"soa\":{\"primaryNs\":\"ns1.served.example.\",\"adminEmail\":\"hostmaster.served.example.\"},"
                + "\"nameServers\":[\"ns1.served.example.\"],\"nameServerIps\":{\"ns1.served.example.\":\"192.0.2.53\"},"
                + "\"records\":[{\"name\":\"www\",\"type\":\"A\",\"value\":\"192.0.2.80\",\"ttl\":300}]},"
                + "\"updateKeyName\":\"training-key\"}";
        String record = "{\"name\":\"api\",\"type\":\"AAAA\",\"value\":\"2001:db8::80\"}";
        String changes = "{\"changes\":[{\"op\":\"add\",\"name\":\"a\",\"type\":\"A\",\"value\":\"192.0.2.1\"},"
                + "{\"op\":\"add\",\"name\":\"b\",\"type\":\"TXT\",\"value\":\"training\"}]}";
        List<List<String>> calls = List.of(
                List.of("GET", "/api/v1/health", ""),
                List.of("POST", "/api/v1/zones", zone),
                List.of("GET", "/api/v1/zones", ""),
                List.of("GET", "/api/v1/zones?limit=10", ""),
                List.of("GET", "/api/v1/zones/served.example", ""),
                List.of("GET", "/api/v1/zones/served.example/status", ""),
                List.of("POST", "/api/v1/zones/served.example/records", record),
                List.of("PATCH", "/api/v1/zones/served.example/records", changes),
                List.of("GET", "/api/v1/zones/served.example/records", ""),
                List.of("POST", "/api/v1/zones/served.example/reload", ""),
                List.of("POST", "/api/v1/zones", "{"),
                List.of("GET", "/api/v1/zones/absent.example", ""),
                List.of("DELETE", "/api/v1/zones/served.example", ""),
                // not /metrics: the JVM collectors it registers would then be loaded at every start
                List.of("GET", "/api/v1/ready", ""));
        for (int round = 0; round < 3; round++) {
            for (List<String> call : calls) {
                send(base, call.get(0), call.get(1), call.get(2), token);
            }
        }
    }

    /**
     * One request over a plain socket, its answer read to the end. Not the JDK's HTTP client: every
     * class the training loads is in the cache and loaded at each start, and that client brings some
     * 600 (its own and TLS's) that serve never uses.
     */
    private static void send(URI base, String method, String path, String body, String token) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\nContent-Length: "
                + content.length + "\r\n" + (content.length > 0 ? "Content-Type: application/json\r\n" : "")
                + "\r\n";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            readAnswer(socket.getInputStream());
        }
    }

    /** Reads the status line, the headers and a body of the Content-Length they give (every answer here has one). */
    private static void readAnswer(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            headers.append((char) b);
        }
        long length = 0;
        for (String line : headers.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        in.readNBytes((int) length);
    }

    /**
     * The BIND backend's start-up: its settings, the rndc.conf-less key, the zone directory's store and
     * an rndc client, with a control channel nobody listens on (the command fails at once, after the
     * classes a real one needs are loaded).
     */
    private static void bind(Path zones) {
        Map<String, String> env = Map.of(
                BackendSettings.BACKEND, "bind",
                BackendSettings.ZONE_DIR, zones.toString(),
                BackendSettings.RNDC_SERVER, "127.0.0.1:1",
                BackendSettings.RNDC_ALGORITHM, "hmac-sha256",
                BackendSettings.RNDC_KEY_NAME, "training-key",
                BackendSettings.RNDC_SECRET, "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=");
        for (List<String> command : List.of(
                List.of("zone", "list"),
                List.of("zone", "list", "-o", "json"),
                List.of("zone", "status", "training.example"),
                List.of("server", "status"))) {
            run(env, command);
        }
    }

    private static void run(Map<String, String> env, List<String> command) {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        new Cli(env, new ByteArrayInputStream(new byte[0]), nowhere, nowhere, Main.BACKENDS, new HttpLauncher())
                .run(command.toArray(String[]::new));
    }
}
