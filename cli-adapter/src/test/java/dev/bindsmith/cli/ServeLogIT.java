package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code ./bindsmith serve} writes, as a process whose output is read through pipes (as a container
 * runtime or {@code | jq} reads it): nothing a client sends can start a line of its own.
 */
class ServeLogIT {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path SCRIPT = ROOT.resolve("bindsmith");
    private static final String TOKEN = "serve-log-it-token-0123456789abcdef";
    /** The API's address in a text line, or in a JSON one (where Logback writes "/" as "\/"). */
    private static final Pattern URL = Pattern.compile("http:(?:\\\\?/){2}127\\.0\\.0\\.1:(\\d+)");

    /** A running {@code serve} whose standard output and error are collected line by line. */
    private static final class Served {
        final Process process;
        final List<String> out = new CopyOnWriteArrayList<>();
        final List<String> err = new CopyOnWriteArrayList<>();
        private final List<Thread> readers = new ArrayList<>();

        Served(Path dir, Map<String, String> env) throws IOException {
            Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "no ./bindsmith at " + SCRIPT);
            Path jar = ROOT.resolve("cli-adapter/target/bindsmith.jar");
            Assumptions.assumeTrue(Files.exists(jar), "the distribution is not built (run mvn package first)");
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
            ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "serve").directory(dir.toFile());
            pb.environment()
                    .keySet()
                    .removeIf(k -> k.startsWith("RNDC_")
                            || k.startsWith("BIND")
                            || k.startsWith("API_")
                            || k.startsWith("NSUPDATE_")
                            || k.equals("DISABLE_AUTH"));
            pb.environment()
                    .putAll(Map.of(
                            "BINDSMITH_BACKEND", "embedded",
                            "API_PORT", "0",
                            "BINDSMITH_DNS_PORT", "0",
                            "BIND_API_TOKEN", TOKEN));
            pb.environment().putAll(env);
            process = pb.start();
            process.getOutputStream().close();
            readers.add(collect(process.getInputStream(), out));
            readers.add(collect(process.getErrorStream(), err));
        }

        private static Thread collect(InputStream in, List<String> lines) {
            return Thread.ofPlatform().daemon().start(() -> {
                try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        List<String> all() {
            List<String> all = new ArrayList<>(out);
            all.addAll(err);
            return all;
        }

        /** Waits (on the output, bounded) until some line matches. */
        String awaitLine(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                for (String line : all()) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                assertThat(process.isAlive()).as("serve ended early: %s", all()).isTrue();
                Thread.sleep(50);
            }
            throw new AssertionError("no such line within 90 s: " + all());
        }

        String url() throws InterruptedException {
            Matcher m = URL.matcher(awaitLine(l -> URL.matcher(l).find()));
            assertThat(m.find()).isTrue();
            return "http://127.0.0.1:" + m.group(1);
        }

        /** SIGTERM, and waits for the process to end. */
        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            for (Thread reader : readers) {
                reader.join(Duration.ofSeconds(30)); // each ends when its pipe closes
            }
        }
    }

    private static HttpResponse<String> createZone(String url, String body, String requestId) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url + "/api/v1/zones"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .header("Content-Type", "application/json")
                            .header("X-Request-Id", requestId)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static final String HOSTILE_BODY =
            "{\"zoneName\":\"forged.example\",\"zoneType\":\"primary\",\"x\\nSEVERE: forged\":1,"
                    + "\"zoneConfig\":{\"ttl\":300,\"soa\":{\"primaryNs\":\"ns1.forged.example\","
                    + "\"adminEmail\":\"hostmaster.forged.example\"},\"nameServers\":[\"ns1.forged.example\"],"
                    + "\"nameServerIps\":{\"ns1.forged.example\":\"192.0.2.53\"}}}";

    @ParameterizedTest
    @ValueSource(strings = {"auto", "text"})
    void aFieldNameWithANewlineCannotForgeALogLine(String format, @TempDir Path dir) throws Exception {
        var served = new Served(dir, Map.of("BINDSMITH_LOG_FORMAT", format));
        try {
            var r = createZone(served.url(), HOSTILE_BODY, "forge-1");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            served.awaitLine(l -> l.contains("forge-1") && l.contains("201"));
        } finally {
            served.stop();
        }
        List<String> lines = served.all();
        assertThat(lines).as("the unknown field was logged").anyMatch(l -> l.contains("SEVERE: forged"));
        assertThat(lines).noneMatch(l -> l.strip().startsWith("SEVERE: forged"));
    }

    @Test
    void throughAPipeEveryLineOnStandardOutputIsOneJsonObject(@TempDir Path dir) throws Exception {
        var served = new Served(dir, Map.of());
        try {
            var r = createZone(served.url(), HOSTILE_BODY, "json-1");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            served.awaitLine(l -> l.contains("json-1") && l.contains("201"));
        } finally {
            served.stop();
        }
        ObjectMapper json = new ObjectMapper();
        assertThat(served.out).isNotEmpty();
        for (String line : served.out) {
            JsonNode event = json.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.path("level").isTextual()).as(line).isTrue();
            assertThat(event.path("loggerName").isTextual()).as(line).isTrue();
        }
        assertThat(served.out)
                .anyMatch(l -> l.contains("\"loggerName\":\"io.helidon"))
                .anyMatch(l -> l.contains("\"loggerName\":\"dev.bindsmith.embedded"))
                .anyMatch(l -> l.contains("\"loggerName\":\"dev.bindsmith.http.access\"") && l.contains("json-1"));
    }
}
