package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpServerConfigTest {
    /** 256 random bits, as {@code bindsmith serve} makes them. */
    static final String STRONG = "9c1e5b0f4a7d2e8c3b6f1a9d0e4c7b2a5f8e1d3c6b9a0f2e4d7c1b8a3e6f0d5c";

    @Test
    void theDefaultsListenOnLoopback8080WithTheReferencesRateLimit() {
        var c = HttpServerConfig.defaults();
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.rateLimit()).isEqualTo(new HttpServerConfig.RateLimit(true, 100, Duration.ofSeconds(60), 10));
        assertThat(c.maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(c.authRequired()).isFalse();
        assertThat(c.trustedProxies()).isEmpty();
    }

    @Test
    void everyVariableIsRead() {
        var c = HttpServerConfig.parse(
                Map.of(
                        "BIND_API_ADDRESS",
                        "0.0.0.0",
                        "API_PORT",
                        "9090",
                        "BIND_API_TOKEN",
                        STRONG,
                        "RATE_LIMIT_ENABLED",
                        "false",
                        "RATE_LIMIT_REQUESTS",
                        "5",
                        "RATE_LIMIT_PERIOD_SECS",
                        "2",
                        "RATE_LIMIT_BURST",
                        "3",
                        "TRUSTED_PROXIES",
                        "10.0.0.1, 10.1.0.0/16",
                        "BINDSMITH_MAX_BODY_BYTES",
                        "1024",
                        "BINDSMITH_SHUTDOWN_GRACE_SECS",
                        "3"),
                Map.of());
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.authRequired()).isTrue();
        assertThat(c.rateLimit()).isEqualTo(new HttpServerConfig.RateLimit(false, 5, Duration.ofSeconds(2), 3));
        assertThat(c.trustedProxies()).containsExactly("10.0.0.1", "10.1.0.0/16");
        assertThat(c.maxBodyBytes()).isEqualTo(1024);
        assertThat(c.shutdownGrace()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aFlagOverridesTheEnvironmentByFlagOrVariableName() {
        var env = Map.of("API_PORT", "9090", "RATE_LIMIT_BURST", "3");
        var c = HttpServerConfig.parse(env, Map.of("--api-port", "7070", "RATE_LIMIT_BURST", "4"));
        assertThat(c.port()).isEqualTo(7070);
        assertThat(c.rateLimit().burst()).isEqualTo(4);
        assertThatThrownBy(() -> HttpServerConfig.parse(env, Map.of("--no-such-flag", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--no-such-flag");
    }

    @Test
    void aBadValueIsAStartupErrorNamingTheVariable() {
        Map<String, String> bad = Map.of(
                "API_PORT",
                "80a",
                "RATE_LIMIT_REQUESTS",
                "0",
                "RATE_LIMIT_BURST",
                "0",
                "RATE_LIMIT_PERIOD_SECS",
                "-1",
                "RATE_LIMIT_ENABLED",
                "maybe",
                "DISABLE_AUTH",
                "yes please",
                "TRUSTED_PROXIES",
                "proxy.example.com",
                "BINDSMITH_MAX_BODY_BYTES",
                "0",
                "BIND_API_TOKEN",
                " ");
        bad.forEach((variable, value) -> assertThatThrownBy(
                        () -> HttpServerConfig.parse(Map.of(variable, value), Map.of()))
                .as(variable)
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.variable()).isEqualTo(variable)));
        assertThatThrownBy(() -> HttpServerConfig.parse(Map.of("API_PORT", "65536"), Map.of()))
                .hasMessageStartingWith("API_PORT: ");
    }

    @Test
    void aNonLoopbackAddressWithoutATokenIsRefusedUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> HttpServerConfig.parse(Map.of("BIND_API_ADDRESS", "0.0.0.0"), Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.variable()).isEqualTo("BIND_API_ADDRESS"));
        assertThatThrownBy(() -> HttpServerConfig.parse(
                        Map.of("BIND_API_ADDRESS", "0.0.0.0", "BIND_API_TOKEN", STRONG, "DISABLE_AUTH", "true"),
                        Map.of()))
                .isInstanceOf(ConfigException.class);
        var allowed = HttpServerConfig.parse(
                Map.of("BIND_API_ADDRESS", "0.0.0.0", "BINDSMITH_ALLOW_INSECURE", "true"), Map.of());
        assertThat(allowed.insecureOverrideInEffect()).isTrue();
        assertThat(HttpServerConfig.parse(Map.of("BIND_API_ADDRESS", "::1"), Map.of())
                        .insecureOverrideInEffect())
                .isFalse();
        assertThat(HttpServerConfig.parse(Map.of("BIND_API_ADDRESS", "0.0.0.0", "BIND_API_TOKEN", STRONG), Map.of())
                        .insecureOverrideInEffect())
                .isFalse();
    }

    @Test
    void aTokenFileGivesTokensWithExpiries(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(
                file,
                "# comment\n\n" + STRONG + "\n" + STRONG.toUpperCase(java.util.Locale.ROOT)
                        + " expires=2027-01-31T00:00:00Z\n");
        var c = HttpServerConfig.parse(Map.of("BIND_API_TOKEN_FILE", file.toString()), Map.of());
        assertThat(c.tokens())
                .extracting(ApiToken::expires)
                .containsExactly(Optional.empty(), Optional.of(Instant.parse("2027-01-31T00:00:00Z")));
    }

    @Test
    void aBadTokenFileNamesTheLineButNeverShowsItsSecret(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokens");
        Files.writeString(file, STRONG + "\nsuper-secret-value-0123456789abcdef expires=tomorrow\n");
        assertThatThrownBy(() -> HttpServerConfig.parse(Map.of("BIND_API_TOKEN_FILE", file.toString()), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("BIND_API_TOKEN_FILE")
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("super-secret-value");
        assertThatThrownBy(() -> HttpServerConfig.parse(
                        Map.of("BIND_API_TOKEN_FILE", dir.resolve("none").toString()), Map.of()))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void aTokenOfLessThan128BitsIsRefusedAtStartWithoutShowingIt(@TempDir Path dir) throws IOException {
        for (String weak : new String[] {"hunter2", "test-token-0123456789", "0123456789abcdef0123456789abcde"}) {
            assertThatThrownBy(() -> HttpServerConfig.parse(Map.of("BIND_API_TOKEN", weak), Map.of()))
                    .as(weak)
                    .isInstanceOfSatisfying(
                            ConfigException.class, e -> assertThat(e.variable()).isEqualTo("BIND_API_TOKEN"))
                    .hasMessageContaining("128 bits")
                    .hasMessageNotContaining(weak);
        }
        Path file = dir.resolve("tokens");
        Files.writeString(file, STRONG + "\nshort-one\n");
        assertThatThrownBy(() -> HttpServerConfig.parse(Map.of("BIND_API_TOKEN_FILE", file.toString()), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("128 bits")
                .hasMessageNotContaining("short-one");
    }

    @Test
    void aRandomTokenOf128BitsOrMoreIsAccepted() {
        // 32 hex digits: 128 bits; 22 base64url characters: 132 bits
        for (String strong : new String[] {"0f1e2d3c4b5a69788796a5b4c3d2e1f0", "q7Zp0-LmX3vR_9sTgB2wKe", STRONG}) {
            assertThat(HttpServerConfig.parse(Map.of("BIND_API_TOKEN", strong), Map.of())
                            .authRequired())
                    .as(strong)
                    .isTrue();
        }
    }

    @Test
    void everySettingHasAFlag() {
        assertThat(HttpServerConfig.SETTINGS)
                .allSatisfy(s -> assertThat(s.flag()).startsWith("--"));
        assertThat(HttpServerConfig.SETTINGS)
                .extracting(HttpServerConfig.Setting::variable)
                .contains(
                        "API_PORT",
                        "BIND_API_ADDRESS",
                        "BIND_API_TOKEN",
                        "DISABLE_AUTH",
                        "RATE_LIMIT_ENABLED",
                        "RATE_LIMIT_REQUESTS",
                        "RATE_LIMIT_PERIOD_SECS",
                        "RATE_LIMIT_BURST",
                        "TRUSTED_PROXIES",
                        "BINDSMITH_MAX_BODY_BYTES",
                        "BINDSMITH_ALLOW_INSECURE");
    }
}
