package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.wiring.Backend;
import dev.bindsmith.wiring.BackendSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bindsmith serve} in-process on the in-memory backend: what it prints, the token it makes, and that the API answers. */
class ServeTest {
    private final InMemoryBackend backend = new InMemoryBackend();
    private final List<Boolean> answerDns = new ArrayList<>();
    private final Map<String, String> overrides = new HashMap<>();
    private final List<Integer> statusWithToken = new ArrayList<>();
    private final List<Integer> statusWithoutToken = new ArrayList<>();

    /** The real launcher; instead of waiting for SIGTERM, it calls the running API once with and once without the token. */
    private Serve.Launcher probingLauncher() {
        return (Backend b, Map<String, String> env, Map<String, String> o) -> {
            overrides.putAll(o);
            Serve.Running running = new HttpLauncher().start(b, env, o);
            return new Serve.Running() {
                @Override
                public String url() {
                    return running.url();
                }

                @Override
                public void awaitShutdown() throws InterruptedException {
                    String token = o.getOrDefault("BIND_API_TOKEN", env.getOrDefault("BIND_API_TOKEN", "none"));
                    statusWithToken.add(get(running.url(), token));
                    statusWithoutToken.add(get(running.url(), null));
                }

                @Override
                public void close() {
                    running.close();
                }
            };
        };
    }

    /** serve with its text output (a terminal's), unless the test chooses the format. */
    private CliRun serve(Map<String, String> env, String... args) {
        return serve(false, env, args);
    }

    private CliRun serve(boolean terminal, Map<String, String> env, String... args) {
        env = new HashMap<>(env);
        env.putIfAbsent("BINDSMITH_LOG_FORMAT", "text");
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(
                terminal,
                env,
                (settings, dns) -> {
                    answerDns.add(dns);
                    return backend.open();
                },
                probingLauncher(),
                "",
                all);
    }

    @Test
    void withoutATokenItGeneratesOneAndOnATerminalShowsItOnceAndTheApiRequiresIt(@TempDir Path data) {
        CliRun r = serve(true, Map.of("BINDSMITH_DATA_DIR", data.toString()), "--api-port", "0");

        assertThat(r.exitCode()).isZero();
        String token = overrides.get("BIND_API_TOKEN");
        assertThat(token).matches("[0-9a-f]{64}");
        assertThat(r.out().split(token, -1)).hasSize(2);
        assertThat(r.err()).doesNotContain(token);
        assertThat(r.out())
                .containsPattern("HTTP API on http://127\\.0\\.0\\.1:\\d+\\n")
                .contains(
                        "backend: embedded (no rndc key configured: RNDC_SECRET unset and no rndc.conf found)",
                        "in-memory (test)",
                        "generated for this run");
        assertThat(statusWithToken).containsExactly(200);
        assertThat(statusWithoutToken).containsExactly(401);
        assertThat(answerDns).containsExactly(true);
    }

    /** Bare {@code serve} (the environment alone) takes a shorter path than serve with flags: it must generate too. */
    @Test
    void bareServeWithoutATokenGeneratesOneAndTheApiRequiresIt(@TempDir Path data) {
        CliRun r = serve(Map.of("API_PORT", "0", "BINDSMITH_DATA_DIR", data.toString()));

        assertThat(r.exitCode()).isZero();
        String token = overrides.get("BIND_API_TOKEN");
        assertThat(token).matches("[0-9a-f]{64}");
        assertThat(statusWithToken).containsExactly(200);
        assertThat(statusWithoutToken).containsExactly(401);
    }

    /**
     * Standard output of a server ends up in container and service logs: the generated token goes to a
     * file only its owner can read, and standard output says where.
     */
    @Test
    void aGeneratedTokenIsWrittenToAnOwnerOnlyFileAndNotToStandardOutput(@TempDir Path data) throws Exception {
        CliRun r = serve(Map.of("BINDSMITH_DATA_DIR", data.toString()), "--api-port", "0");

        assertThat(r.exitCode()).isZero();
        String token = overrides.get("BIND_API_TOKEN");
        assertThat(token).matches("[0-9a-f]{64}");
        assertThat(r.out() + r.err()).doesNotContain(token);
        Path file = data.resolve(".bindsmith").resolve("api-token");
        assertThat(r.out()).contains(file.toAbsolutePath().toString());
        assertThat(Files.readString(file)).isEqualTo(token + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(statusWithToken).containsExactly(200);
    }

    @Test
    void withATokensFileNoTokenIsMadeAndTheBannerSaysWhereTokensComeFrom(@TempDir Path dir) throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, "{\"tokens\": []}");

        CliRun r = serve(
                Map.of("BINDSMITH_DATA_DIR", dir.toString(), "BINDSMITH_TOKENS_FILE", tokens.toString()),
                "--api-port",
                "0");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(overrides).doesNotContainKey("BIND_API_TOKEN");
        assertThat(r.out()).contains("Scoped tokens from " + tokens + " (re-read when it changes)");
        assertThat(r.out()).doesNotContain("generated");
        assertThat(Files.exists(dir.resolve(".bindsmith/api-token"))).isFalse();
        assertThat(statusWithoutToken).containsExactly(401);
    }

    @Test
    void twoRunsGenerateDifferentTokens(@TempDir Path data) {
        serve(Map.of("BINDSMITH_DATA_DIR", data.toString()), "--api-port", "0");
        String first = overrides.get("BIND_API_TOKEN");
        serve(Map.of("BINDSMITH_DATA_DIR", data.toString()), "--api-port", "0");

        assertThat(overrides.get("BIND_API_TOKEN")).isNotEqualTo(first);
    }

    @Test
    void aConfiguredTokenIsUsedAndNeverPrinted() {
        CliRun r = serve(Map.of("BIND_API_TOKEN", "configured-secret-token-8e1b4d7a0c3f6e9b", "API_PORT", "0"));

        assertThat(r.exitCode()).isZero();
        assertThat(overrides).doesNotContainKey("BIND_API_TOKEN");
        assertThat(r.out() + r.err())
                .doesNotContain("configured-secret-token-8e1b4d7a0c3f6e9b")
                .doesNotContain("generated");
        assertThat(statusWithToken).containsExactly(200);
        assertThat(statusWithoutToken).containsExactly(401);
    }

    @Test
    void theLauncherPreparesBeforeTheBackendOpensAndItsServerAnswersOnceStarted() {
        List<String> order = new ArrayList<>();
        HttpLauncher http = new HttpLauncher();
        String token = "configured-secret-token-8e1b4d7a0c3f6e9b";
        Serve.Launcher recording = new Serve.Launcher() {
            @Override
            public void prepare() {
                order.add("prepare");
                http.prepare();
            }

            @Override
            public Serve.Running start(Backend b, Map<String, String> env, Map<String, String> o) {
                order.add("start");
                Serve.Running running = http.start(b, env, o);
                return new Serve.Running() {
                    @Override
                    public String url() {
                        return running.url();
                    }

                    @Override
                    public void awaitShutdown() {
                        statusWithToken.add(get(running.url(), token));
                    }

                    @Override
                    public void close() {
                        running.close();
                    }
                };
            }
        };

        CliRun r = CliRun.run(
                false,
                Map.of("BIND_API_TOKEN", token, "API_PORT", "0", "BINDSMITH_LOG_FORMAT", "text"),
                (settings, dns) -> {
                    order.add("backend");
                    return backend.open();
                },
                recording,
                "",
                "serve");

        assertThat(r.exitCode()).isZero();
        assertThat(order).containsExactly("prepare", "backend", "start");
        assertThat(statusWithToken).containsExactly(200);
    }

    @Test
    void withAuthenticationDisabledNoTokenIsMade() {
        CliRun r = serve(Map.of(), "--api-port", "0", "--disable-auth");

        assertThat(r.exitCode()).isZero();
        assertThat(overrides).containsEntry("DISABLE_AUTH", "true").doesNotContainKey("BIND_API_TOKEN");
        assertThat(r.out()).contains("Authentication is disabled");
        assertThat(statusWithoutToken).containsExactly(200);
    }

    @Test
    void aBadServerSettingExits1NamingTheVariable() {
        CliRun r = serve(Map.of(), "--api-port", "eighty");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("bindsmith: API_PORT: ");
        assertThat(r.out()).doesNotContain("HTTP API on");
    }

    @Test
    void theEmbeddedServersFlagsReachItsSettings(@TempDir Path dir) throws Exception {
        Path keys = Files.writeString(dir.resolve("keys.conf"), "");
        List<BackendSettings> seen = new ArrayList<>();

        CliRun r = CliRun.run(
                Map.of(),
                (settings, dns) -> {
                    seen.add(settings);
                    return backend.open();
                },
                probingLauncher(),
                "",
                "serve",
                "--api-port",
                "0",
                "--tsig-keys",
                keys.toString(),
                "--notify",
                "192.0.2.53,192.0.2.54:5353",
                "--transfer-key",
                "fleet-xfr",
                "--tsig-allow-weak");

        assertThat(r.exitCode()).as(r.err()).isZero();
        BackendSettings.Embedded e = seen.getFirst().embedded();
        assertThat(e.tsigKeys()).contains(keys);
        assertThat(e.notifyTargets()).extracting(Object::toString).containsExactly("192.0.2.53", "192.0.2.54:5353");
        assertThat(e.transferKey()).contains("fleet-xfr");
        assertThat(e.allowWeakTsig()).isTrue();
    }

    @Test
    void aNotifyFlagThatIsNotAnAddressExits1NamingTheVariable() {
        CliRun r = serve(Map.of(), "--api-port", "0", "--notify", "secondary.example.com");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("bindsmith: BINDSMITH_NOTIFY: ");
    }

    @Test
    void helpListsEveryServerSettingAsAnOption() {
        CliRun r = CliRun.run("serve", "--help");

        assertThat(r.out())
                .contains(
                        "--api-port",
                        "--api-address",
                        "--api-token-file",
                        "--disable-auth",
                        "--rate-limit-requests",
                        "--trusted-proxies",
                        "$API_PORT",
                        "--tsig-keys",
                        "--notify",
                        "--transfer-key",
                        "$BINDSMITH_TSIG_KEYS");
    }

    private static int get(String url, String token) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + "/api/v1/zones"));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
