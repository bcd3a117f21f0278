package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The root {@code ./bindsmith} script as a user runs it, as a process. Failsafe runs after
 * {@code package}, so the script finds the distribution up to date and does not build.
 */
class LauncherScriptIT {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path SCRIPT = ROOT.resolve("bindsmith");

    private static Process start(Path workDir, Map<String, String> env, String... args) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "no ./bindsmith at " + SCRIPT);
        Path jar = ROOT.resolve("cli-adapter/target/bindsmith.jar");
        Assumptions.assumeTrue(Files.exists(jar), "the distribution is not built (run mvn package first)");
        // Failsafe runs after package, so the distribution is current: the script's marker says so (it
        // would otherwise rebuild, slowly, inside this build). Not the jar's time: the AOT cache holds
        // the jar's, and a JVM ignores a cache whose jar has changed since.
        Path built = ROOT.resolve("cli-adapter/target/.bindsmith-built");
        if (!Files.exists(built)) {
            Files.createFile(built);
        }
        Files.setLastModifiedTime(built, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        List<String> command = new ArrayList<>();
        command.add(SCRIPT.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment()
                .keySet()
                .removeIf(k -> k.startsWith("RNDC_")
                        || k.startsWith("BIND")
                        || k.startsWith("API_")
                        || k.startsWith("NSUPDATE_")
                        || k.equals("DISABLE_AUTH")
                        || k.equals("XDG_DATA_HOME"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String[] run(Path workDir, Map<String, String> env, String... args) throws Exception {
        Process p = start(workDir, env, args);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String[] {Integer.toString(p.exitValue()), out, err};
    }

    @Test
    void helpWorks(@TempDir Path dir) throws Exception {
        String[] r = run(dir, Map.of(), "--help");

        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).startsWith("Usage: bindsmith").contains("Exit codes:");
    }

    @Test
    void aCommandStartsFromTheBuildsAotCacheWithPicocliInIt(@TempDir Path dir) throws Exception {
        Path cache = ROOT.resolve("cli-adapter/target/bindsmith.aot");
        Assumptions.assumeTrue(Files.exists(cache), "no AOT cache (built on JDK 25+ only): " + cache);

        String[] r = run(dir, Map.of("BINDSMITH_JAVA_OPTS", "-Xlog:class+load=info"), "zone", "list", "--help");

        assertThat(r[0]).as(r[2]).isEqualTo("0");
        // picocli is compiled for Java 5; the build rewrites its classes so that the cache can hold them
        assertThat(r[1]).contains("picocli.CommandLine source: shared objects file");
        assertThat(r[1]).contains("dev.bindsmith.cli.Cli source: shared objects file");
        assertThat(r[1]).doesNotContain("picocli.CommandLine source: file:");
    }

    @Test
    void aCommandBindsSlf4jToLogbackWithoutLookingForAProvider(@TempDir Path dir) throws Exception {
        String[] r = run(dir, Map.of("BINDSMITH_JAVA_OPTS", "-Xlog:class+init=info"), "--version");

        assertThat(r[0]).as(r[2]).isEqualTo("0");
        // DirectLogback, named by Main: neither SLF4J's ServiceLoader nor Logback's own provider ran
        assertThat(r[1]).contains("Initializing 'dev/bindsmith/cli/DirectLogback'");
        assertThat(r[1]).doesNotContain("Initializing 'ch/qos/logback/classic/spi/LogbackServiceProvider'");
        assertThat(r[1]).doesNotContain("Initializing 'ch/qos/logback/classic/util/ContextInitializer'");
        assertThat(r[2]).doesNotContain("SLF4J");
    }

    @Test
    void withoutAUsableJavaHomeTheNewestJdkInUsrLibJvmRunsTheCommandWithItsAotCache(@TempDir Path dir)
            throws Exception {
        Path cache = ROOT.resolve("cli-adapter/target/bindsmith.aot");
        Assumptions.assumeTrue(Files.exists(cache), "no AOT cache (built on JDK 25+ only): " + cache);
        Assumptions.assumeTrue(
                System.getProperty("java.home").startsWith("/usr/lib/jvm/")
                        && newestJdkInUsrLibJvm() == Runtime.version().feature(),
                "this build's JDK, which made the cache, is not the newest in /usr/lib/jvm, where the script looks");

        String[] r = run(
                dir,
                Map.of(
                        "JAVA_HOME",
                        dir.resolve("no-jdk-here").toString(),
                        "BINDSMITH_JAVA_OPTS",
                        "-Xlog:class+load=info"),
                "zone",
                "list",
                "--help");

        assertThat(r[0]).as(r[2]).isEqualTo("0");
        // the script read the version of the JDK it found, and passed the cache a JDK 25 takes
        assertThat(r[1]).contains("dev.bindsmith.cli.Cli source: shared objects file");
    }

    /** The newest feature version that a release file under /usr/lib/jvm names. */
    private static int newestJdkInUsrLibJvm() throws IOException {
        Pattern version = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
        int newest = 0;
        try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path jdk : jdks.toList()) {
                Path release = jdk.resolve("release");
                if (Files.isExecutable(jdk.resolve("bin/javac")) && Files.isReadable(release)) {
                    Matcher m = version.matcher(Files.readString(release));
                    if (m.find()) {
                        newest = Math.max(newest, Integer.parseInt(m.group(1)));
                    }
                }
            }
        }
        return newest;
    }

    @Test
    void aUsageErrorExits2(@TempDir Path dir) throws Exception {
        String[] r = run(dir, Map.of(), "zone", "frobnicate");

        assertThat(r[0]).isEqualTo("2");
    }

    @Test
    void zoneCommandsWorkOnTheEmbeddedBackendWithNoConfiguration(@TempDir Path dir) throws Exception {
        String[] created = run(
                dir,
                Map.of("BINDSMITH_BACKEND", "embedded"),
                "zone",
                "create",
                "example.com",
                "--ns",
                "ns1.example.com",
                "--ns-ip",
                "ns1.example.com=192.0.2.53");
        String[] list = run(dir, Map.of("BINDSMITH_BACKEND", "embedded"), "zone", "list");

        assertThat(created[0]).as(created[2]).isEqualTo("0");
        assertThat(created[2]).as("nothing on stderr but errors").isEmpty();
        assertThat(list[1]).contains("example.com  primary");
        assertThat(dir.resolve(".bindsmith/data")).isDirectory();
    }

    @Test
    void serveRunsTheApiAndDnsUntilSigterm(@TempDir Path dir) throws Exception {
        // the text a terminal shows (through a pipe, serve would write JSON lines: ServeLogIT)
        Process p = start(
                dir,
                Map.of(
                        "BINDSMITH_BACKEND",
                        "embedded",
                        "API_PORT",
                        "0",
                        "BINDSMITH_DNS_PORT",
                        "0",
                        "BINDSMITH_LOG_FORMAT",
                        "text"),
                "serve");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder banner = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("Stop with")) {
                banner.append(line).append('\n');
            }
            String text = banner.toString();
            Matcher url =
                    Pattern.compile("HTTP API on (http://127\\.0\\.0\\.1:\\d+)").matcher(text);
            Matcher dns = Pattern.compile("DNS on 127\\.0\\.0\\.1:(\\d+)").matcher(text);
            Matcher tokenFile = Pattern.compile("API token generated for this run, in (\\S+) ")
                    .matcher(text);
            assertThat(url.find() && dns.find() && tokenFile.find()).as(text).isTrue();
            // standard output is not a terminal here: the token is in the file, never in the output
            String token = Files.readString(Path.of(tokenFile.group(1))).strip();
            assertThat(token).matches("[0-9a-f]{64}");
            assertThat(text).doesNotContain(token);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(tokenFile.group(1)))))
                    .isEqualTo("rw-------");

            String body = "{\"zoneName\":\"served.example\",\"zoneType\":\"primary\",\"zoneConfig\":{\"ttl\":300,"
                    + "\"soa\":{\"primaryNs\":\"ns1.served.example\",\"adminEmail\":\"hostmaster.served.example\"},"
                    + "\"nameServers\":[\"ns1.served.example\"],\"nameServerIps\":{\"ns1.served.example\":\"192.0.2.53\"},"
                    + "\"records\":[{\"name\":\"www\",\"type\":\"A\",\"value\":\"192.0.2.80\"}]}}";
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> created = http.send(
                        HttpRequest.newBuilder(URI.create(url.group(1) + "/api/v1/zones"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }
            SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
            resolver.setPort(Integer.parseInt(dns.group(1)));
            resolver.setTimeout(Duration.ofSeconds(5));
            Message reply = resolver.send(
                    Message.newQuery(Record.newRecord(Name.fromString("www.served.example."), Type.A, DClass.IN)));
            assertThat(reply.getSection(Section.ANSWER))
                    .singleElement()
                    .satisfies(r -> assertThat(((ARecord) r).getAddress().getHostAddress())
                            .isEqualTo("192.0.2.80"));
        } finally {
            // SIGTERM to the JVM (the script execs java, so the pid is the JVM's).
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isEqualTo(143);
    }

    /**
     * SIGHUP re-reads the tokens file. The file is rewritten in place with its size and time kept, so the
     * server's own check for a changed file cannot see it: only the signal can make the new token work.
     */
    @Test
    void serveReReadsTheTokensFileOnSighup(@TempDir Path dir) throws Exception {
        String first = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";
        String second = "9f8e7d6c5b4a30291807f6e5d4c3b2a19f8e7d6c5b4a30291807f6e5d4c3b2a1";
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, tokensFile("one", first));
        var stamp = Files.getLastModifiedTime(tokens);
        Process p = start(
                dir,
                Map.of(
                        "BINDSMITH_BACKEND", "embedded",
                        "API_PORT", "0",
                        "BINDSMITH_DNS_PORT", "0",
                        "BINDSMITH_TOKENS_FILE", tokens.toString(),
                        "BINDSMITH_AUTH_FAILURE_LIMIT", "100000",
                        // the banner a terminal shows; through a pipe serve writes JSON lines
                        "BINDSMITH_LOG_FORMAT", "text"),
                "serve");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder banner = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("Stop with")) {
                banner.append(line).append('\n');
            }
            assertThat(line).isEqualTo("Stop with Ctrl-C; SIGHUP re-reads the tokens file.");
            Matcher url =
                    Pattern.compile("HTTP API on (http://127\\.0\\.0\\.1:\\d+)").matcher(banner);
            assertThat(url.find()).as(banner.toString()).isTrue();
            assertThat(banner.toString()).contains("audit log " + dir.resolve(".bindsmith/data/.bindsmith/audit.log"));
            assertThat(status(url.group(1), first)).isEqualTo(200);
            assertThat(status(url.group(1), second)).isEqualTo(401);

            Files.writeString(tokens, tokensFile("two", second));
            Files.setLastModifiedTime(tokens, stamp);
            assertThat(new ProcessBuilder("sh", "-c", "kill -HUP " + p.pid())
                            .start()
                            .waitFor())
                    .isZero();

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (status(url.group(1), second) != 200 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(status(url.group(1), second)).isEqualTo(200);
            assertThat(status(url.group(1), first)).isEqualTo(401);
        } finally {
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** One read token; "one" and "two" make files of the same length. */
    private static String tokensFile(String name, String token) throws Exception {
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        return "{\"tokens\": [{\"name\": \"" + name + "\", \"sha256\": \""
                + java.util.HexFormat.of().formatHex(sha) + "\", \"access\": \"read\"}]}\n";
    }

    private static int status(String url, String token) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url + "/api/v1/zones"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
