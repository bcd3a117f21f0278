package dev.bindsmith.http;

import dev.bindsmith.core.net.IpNetwork;
import dev.bindsmith.http.access.TokensFile;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP server's settings. Each comes from an environment variable (the reference
 * implementation's names where it had one) and can be overridden by a command-line flag
 * ({@link Setting#flag()}). A value that cannot be parsed is a {@link ConfigException} naming the
 * variable, never a silent default.
 *
 * @param host            listen address ({@code BIND_API_ADDRESS}, default 127.0.0.1)
 * @param port            listen port ({@code API_PORT}, default 8080; 0 picks a free one)
 * @param tokens          accepted bearer tokens ({@code BIND_API_TOKEN}, {@code BIND_API_TOKEN_FILE})
 * @param authDisabled    {@code DISABLE_AUTH}
 * @param allowInsecure   {@code BINDSMITH_ALLOW_INSECURE}: listen beyond loopback without authentication
 * @param rateLimit       {@code RATE_LIMIT_*}
 * @param trustedProxies  {@code TRUSTED_PROXIES}: peers whose X-Forwarded-For / X-Real-IP are believed
 * @param maxBodyBytes    {@code BINDSMITH_MAX_BODY_BYTES} (default 16 MiB)
 * @param shutdownGrace   {@code BINDSMITH_SHUTDOWN_GRACE_SECS}: how long in-flight requests may finish
 * @param pages           {@code BINDSMITH_ENABLE_CONSOLE} (the web console at /ui/, on by default) and
 *                        {@code BIND_ENABLE_DOCS} (Swagger UI at /api/v1/docs, off by default)
 * @param authFailureLimit {@code BINDSMITH_AUTH_FAILURE_LIMIT}: failed authentications a client may have per
 *                        minute (at most half of them at once) before it is refused with 429
 * @param allowedHosts    {@code BINDSMITH_ALLOWED_HOSTS}: with authentication off, the host names (besides IP
 *                        addresses and localhost) a request may name in {@code Host}
 * @param maxConnections  {@code BINDSMITH_MAX_CONNECTIONS}: open TCP connections the listener accepts at once
 * @param maxConcurrentRequests {@code BINDSMITH_MAX_CONCURRENT_REQUESTS}: requests handled at once; one more
 *                        is answered 503 at once
 * @param tokensFile      {@code BINDSMITH_TOKENS_FILE}: the scoped tokens ({@link dev.bindsmith.http.access.TokensFile}),
 *                        re-read when it changes
 */
public record HttpServerConfig(
        String host,
        int port,
        List<ApiToken> tokens,
        boolean authDisabled,
        boolean allowInsecure,
        RateLimit rateLimit,
        List<String> trustedProxies,
        long maxBodyBytes,
        Duration shutdownGrace,
        int authFailureLimit,
        List<String> allowedHosts,
        int maxConnections,
        int maxConcurrentRequests,
        Optional<Path> tokensFile,
        Pages pages) {

    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

    /** GCRA parameters: {@code requests} per {@code period}, at most {@code burst} at once. */
    public record RateLimit(boolean enabled, int requests, Duration period, int burst) {
        public RateLimit {
            Objects.requireNonNull(period, "period");
            if (requests <= 0 || burst <= 0 || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("requests, period and burst are positive");
            }
        }

        public static RateLimit defaults() {
            return new RateLimit(true, 100, Duration.ofSeconds(60), 10);
        }
    }

    /** The pages for people the server serves besides the API: the web console and Swagger UI. */
    public record Pages(boolean console, boolean docs) {}

    /** One setting: its environment variable, its command-line flag, and what it means. */
    public record Setting(String variable, String flag, String description) {}

    public static final List<Setting> SETTINGS = List.of(
            new Setting("BIND_API_ADDRESS", "--api-address", "listen address (default 127.0.0.1)"),
            new Setting("API_PORT", "--api-port", "listen port (default 8080; 0 = any free port)"),
            new Setting("BIND_API_TOKEN", "--api-token", "the admin bearer token clients must send"),
            new Setting(
                    "BINDSMITH_TOKENS_FILE",
                    "--tokens-file",
                    "a JSON file of scoped tokens (bindsmith token create); re-read when it changes and on SIGHUP"),
            new Setting(
                    "BIND_API_TOKEN_FILE",
                    "--api-token-file",
                    "a file of accepted tokens, one per line: <token> [expires=<ISO-8601 instant>]"),
            new Setting("DISABLE_AUTH", "--disable-auth", "true: no authentication (loopback only, unless allowed)"),
            new Setting(
                    "BINDSMITH_ALLOW_INSECURE",
                    "--allow-insecure",
                    "true: allow a non-loopback address without authentication (logged)"),
            new Setting("RATE_LIMIT_ENABLED", "--rate-limit-enabled", "per-client rate limiting (default true)"),
            new Setting("RATE_LIMIT_REQUESTS", "--rate-limit-requests", "requests per period (default 100)"),
            new Setting("RATE_LIMIT_PERIOD_SECS", "--rate-limit-period-secs", "the period in seconds (default 60)"),
            new Setting("RATE_LIMIT_BURST", "--rate-limit-burst", "requests allowed at once (default 10)"),
            new Setting(
                    "TRUSTED_PROXIES",
                    "--trusted-proxies",
                    "comma-separated IPs/CIDRs whose X-Forwarded-For / X-Real-IP are used"),
            new Setting("BINDSMITH_MAX_BODY_BYTES", "--max-body-bytes", "request body limit (default 16777216)"),
            new Setting(
                    "BINDSMITH_SHUTDOWN_GRACE_SECS",
                    "--shutdown-grace-secs",
                    "seconds in-flight requests may take to finish on shutdown (default 10)"),
            new Setting("BINDSMITH_ENABLE_CONSOLE", "--enable-console", "the web console at /ui/ (default true)"),
            new Setting("BIND_ENABLE_DOCS", "--enable-docs", "Swagger UI at /api/v1/docs (default false)"),
            new Setting(
                    "BINDSMITH_AUTH_FAILURE_LIMIT",
                    "--auth-failure-limit",
                    "failed authentications per client per minute before it gets 429 (default 10)"),
            new Setting(
                    "BINDSMITH_ALLOWED_HOSTS",
                    "--allowed-hosts",
                    "with authentication off: comma-separated host names besides IP addresses and localhost that"
                            + " requests may use (cross-site and rebound requests are refused)"),
            new Setting(
                    "BINDSMITH_MAX_CONNECTIONS",
                    "--max-connections",
                    "TCP connections the listener keeps open at once (default 1000)"),
            new Setting(
                    "BINDSMITH_MAX_CONCURRENT_REQUESTS",
                    "--max-concurrent-requests",
                    "requests handled at once; more are answered 503 (default 200)"));

    public HttpServerConfig {
        Objects.requireNonNull(host, "host");
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(rateLimit, "rateLimit");
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(pages, "pages");
        allowedHosts = List.copyOf(allowedHosts);
        Objects.requireNonNull(tokensFile, "tokensFile");
    }

    /** The defaults: 127.0.0.1:8080, no token (so authentication is off, loopback only), 100/60 s burst 10. */
    public static HttpServerConfig defaults() {
        return parse(Map.of(), Map.of());
    }

    /** The bucket of failed authentications: {@link #authFailureLimit} a minute, half of them at once. */
    public RateLimit authFailures() {
        return new RateLimit(true, authFailureLimit, Duration.ofMinutes(1), Math.max(1, authFailureLimit / 2));
    }

    /** Whether requests to protected routes must carry a token. */
    public boolean authRequired() {
        return !authDisabled && (!tokens.isEmpty() || tokensFile.isPresent());
    }

    /** Whether the operator's explicit override is what allows this listen address (the server logs it). */
    public boolean insecureOverrideInEffect() {
        return !authRequired() && !isLoopback(host);
    }

    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost")
                || ClientAddresses.literal(host)
                        .map(InetAddress::isLoopbackAddress)
                        .orElse(false);
    }

    /**
     * Reads the settings from {@code env}, with {@code overrides} winning; an override is keyed by the
     * variable ({@code API_PORT}) or by the flag ({@code --api-port}).
     */
    public static HttpServerConfig parse(Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        for (Setting s : SETTINGS) {
            if (env.containsKey(s.variable())) {
                values.put(s.variable(), env.get(s.variable()));
            }
        }
        overrides.forEach((key, value) -> {
            String variable = SETTINGS.stream()
                    .filter(s -> s.variable().equals(key) || s.flag().equals(key))
                    .map(Setting::variable)
                    .findFirst()
                    .orElseThrow(() -> new ConfigException(key, "unknown setting"));
            values.put(variable, value);
        });
        return new Parser(values).parse();
    }

    private record Parser(Map<String, String> values) {

        HttpServerConfig parse() {
            String host = text("BIND_API_ADDRESS").orElse("127.0.0.1");
            if (host.isBlank()) {
                throw new ConfigException("BIND_API_ADDRESS", "must not be empty");
            }
            int port = (int) number("API_PORT", 8080, 0, 65535);
            List<ApiToken> tokens = new ArrayList<>();
            text("BIND_API_TOKEN").ifPresent(t -> {
                if (t.isBlank() || t.strip().contains(" ")) {
                    throw new ConfigException("BIND_API_TOKEN", "must be one non-empty token without spaces");
                }
                TokenStrength.problem(t.strip()).ifPresent(problem -> {
                    throw new ConfigException("BIND_API_TOKEN", problem);
                });
                tokens.add(ApiToken.of(t.strip(), Optional.empty()));
            });
            text("BIND_API_TOKEN_FILE").ifPresent(f -> tokens.addAll(tokenFile(f)));
            boolean authDisabled = bool("DISABLE_AUTH", false);
            boolean allowInsecure = bool("BINDSMITH_ALLOW_INSECURE", false);
            RateLimit rateLimit = new RateLimit(
                    bool("RATE_LIMIT_ENABLED", true),
                    (int) number("RATE_LIMIT_REQUESTS", 100, 1, Integer.MAX_VALUE),
                    Duration.ofSeconds(number("RATE_LIMIT_PERIOD_SECS", 60, 1, 86_400L * 365)),
                    (int) number("RATE_LIMIT_BURST", 10, 1, Integer.MAX_VALUE));
            List<String> proxies = new ArrayList<>();
            text("TRUSTED_PROXIES").ifPresent(list -> {
                for (String p : list.split(",")) {
                    if (p.isBlank()) {
                        continue;
                    }
                    if (IpNetwork.parse(p.strip()).isEmpty()) {
                        throw new ConfigException(
                                "TRUSTED_PROXIES",
                                "'" + p.strip() + "' is not an IP address or CIDR network"
                                        + " (no host bits after the prefix: 10.0.0.0/8, not 10.0.0.1/8)");
                    }
                    proxies.add(p.strip());
                }
            });
            long maxBody = number("BINDSMITH_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, 1, Long.MAX_VALUE);
            Duration grace = Duration.ofSeconds(number("BINDSMITH_SHUTDOWN_GRACE_SECS", 10, 0, 3600));
            var pages = new Pages(bool("BINDSMITH_ENABLE_CONSOLE", true), bool("BIND_ENABLE_DOCS", false));
            int authFailures = (int) number("BINDSMITH_AUTH_FAILURE_LIMIT", 10, 1, 100_000);
            List<String> allowedHosts = new ArrayList<>();
            text("BINDSMITH_ALLOWED_HOSTS").ifPresent(list -> {
                for (String h : list.split(",")) {
                    String name = h.strip();
                    if (name.isEmpty()) {
                        continue;
                    }
                    if (!name.matches("[A-Za-z0-9._-]{1,253}")) {
                        throw new ConfigException(
                                "BINDSMITH_ALLOWED_HOSTS", "'" + name + "' is not a host name (no port, no scheme)");
                    }
                    allowedHosts.add(name);
                }
            });
            var config = new HttpServerConfig(
                    host.strip(),
                    port,
                    tokens,
                    authDisabled,
                    allowInsecure,
                    rateLimit,
                    proxies,
                    maxBody,
                    grace,
                    authFailures,
                    allowedHosts,
                    (int) number("BINDSMITH_MAX_CONNECTIONS", 1000, 1, 1_000_000),
                    (int) number("BINDSMITH_MAX_CONCURRENT_REQUESTS", 200, 1, 1_000_000),
                    tokensFile(),
                    pages);
            if (config.insecureOverrideInEffect() && !allowInsecure) {
                throw new ConfigException(
                        "BIND_API_ADDRESS",
                        "listening on " + host
                                + " needs authentication: set BIND_API_TOKEN (or BINDSMITH_TOKENS_FILE), or "
                                + "BINDSMITH_ALLOW_INSECURE=true to accept an unauthenticated non-loopback listener");
            }
            return config;
        }

        /** The tokens file, which must parse at start: later a bad version keeps the tokens in force. */
        private Optional<Path> tokensFile() {
            Optional<String> raw = text("BINDSMITH_TOKENS_FILE").filter(v -> !v.isBlank());
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            Path file;
            try {
                file = Path.of(raw.get().strip()).toAbsolutePath();
            } catch (java.nio.file.InvalidPathException e) {
                throw new ConfigException("BINDSMITH_TOKENS_FILE", "not a valid path");
            }
            if (Files.exists(file) && !Files.isReadable(file)) {
                throw new ConfigException("BINDSMITH_TOKENS_FILE", "cannot read " + file);
            }
            if (TokensFile.read(file) instanceof TokensFile.Read.Problems p) {
                throw new ConfigException(
                        "BINDSMITH_TOKENS_FILE", file + " does not parse: " + String.join("; ", p.problems()));
            }
            return Optional.of(file);
        }

        private Optional<String> text(String variable) {
            return Optional.ofNullable(values.get(variable));
        }

        private long number(String variable, long defaultValue, long min, long max) {
            Optional<String> raw = text(variable);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            long value;
            try {
                value = Long.parseLong(raw.get().strip());
            } catch (NumberFormatException e) {
                throw new ConfigException(variable, "'" + raw.get() + "' is not a whole number");
            }
            if (value < min || value > max) {
                throw new ConfigException(variable, value + " is out of range [" + min + ", " + max + "]");
            }
            return value;
        }

        private boolean bool(String variable, boolean defaultValue) {
            Optional<String> raw = text(variable);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            return switch (raw.get().strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new ConfigException(variable, "'" + raw.get() + "' is not true or false");
            };
        }

        private static List<ApiToken> tokenFile(String file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new ConfigException("BIND_API_TOKEN_FILE", "cannot read the token file");
            }
            List<ApiToken> tokens = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                Optional<Instant> expires = Optional.empty();
                // Messages name the line, never its content: the line holds a secret.
                if (parts.length > 2) {
                    throw new ConfigException(
                            "BIND_API_TOKEN_FILE",
                            "line " + (i + 1) + ": expected '<token>' or '<token> expires=<ISO-8601 instant>'");
                }
                if (parts.length == 2) {
                    if (!parts[1].startsWith("expires=")) {
                        throw new ConfigException(
                                "BIND_API_TOKEN_FILE",
                                "line " + (i + 1) + ": the second field must be expires=<ISO-8601 instant>");
                    }
                    try {
                        expires = Optional.of(Instant.parse(parts[1].substring("expires=".length())));
                    } catch (DateTimeParseException e) {
                        throw new ConfigException(
                                "BIND_API_TOKEN_FILE",
                                "line " + (i + 1)
                                        + ": the expiry is not an ISO-8601 instant such as 2027-01-31T00:00:00Z");
                    }
                }
                Optional<String> weak = TokenStrength.problem(parts[0]);
                if (weak.isPresent()) {
                    throw new ConfigException("BIND_API_TOKEN_FILE", "line " + (i + 1) + ": " + weak.get());
                }
                tokens.add(ApiToken.named("BIND_API_TOKEN_FILE:" + (i + 1), parts[0], expires));
            }
            if (tokens.isEmpty()) {
                throw new ConfigException("BIND_API_TOKEN_FILE", "the file holds no token");
            }
            return tokens;
        }
    }
}
