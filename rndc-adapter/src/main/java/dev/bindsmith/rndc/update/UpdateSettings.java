package dev.bindsmith.rndc.update;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where RFC 2136 updates and zone transfers go and how they are signed: the name server's address
 * and DNS port, the TSIG key, connect and read timeouts. {@link #toString()} never shows the secret.
 */
public record UpdateSettings(String server, int port, TsigKey key, Duration connectTimeout, Duration readTimeout) {

    public static final int DEFAULT_PORT = 53;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** The reference's last resort for the key name. */
    public static final String DEFAULT_KEY_NAME = "rndc-key";

    public UpdateSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (server.isBlank()) {
            throw new IllegalArgumentException("the update server must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the update port must be between 1 and 65535");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static UpdateSettings of(String server, int port, TsigKey key) {
        return new UpdateSettings(server, port, key, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /**
     * What the rndc configuration says, the fallback of every {@code NSUPDATE_*} variable: the rndc
     * server's host, the key name ({@code RNDC_KEY_NAME}, else the rndc.conf key), its algorithm and
     * secret. {@link #toString()} hides the secret.
     */
    public record RndcFallback(Optional<String> server, Optional<String> keyName, Optional<String> algorithm,
                               Optional<String> secret) {
        public RndcFallback {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(keyName, "keyName");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(secret, "secret");
        }

        /** The rndc settings as resolved (environment, rndc.conf, defaults): its host, key name, algorithm and secret. */
        public static RndcFallback of(dev.bindsmith.rndc.conf.RndcSettings rndc) {
            return new RndcFallback(Optional.of(rndc.host()), Optional.of(rndc.key().name()),
                    Optional.of(rndc.key().algorithm().confName()),
                    Optional.of(java.util.Base64.getEncoder().encodeToString(rndc.key().secret())));
        }

        public static RndcFallback none() {
            return new RndcFallback(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public String toString() {
            return "RndcFallback[server=" + server.orElse("") + ", keyName=" + keyName.orElse("") + ", algorithm="
                    + algorithm.orElse("") + ", secret=" + (secret.isPresent() ? "(hidden)" : "(none)") + "]";
        }
    }

    /**
     * The reference's resolution: {@code NSUPDATE_SERVER} (else the rndc server's host, else
     * 127.0.0.1), {@code NSUPDATE_PORT} (else 53), {@code NSUPDATE_KEY_NAME} (else {@code RNDC_KEY_NAME},
     * else the rndc.conf key, else {@code rndc-key}), {@code NSUPDATE_ALGORITHM} (else the rndc
     * algorithm, else hmac-sha256), {@code NSUPDATE_SECRET} (else the rndc secret). A value that does
     * not parse, or no secret at all, is an {@link IllegalArgumentException} naming the variable.
     */
    public static UpdateSettings fromEnvironment(Map<String, String> env, RndcFallback rndc) {
        String server = value(env, "NSUPDATE_SERVER").or(rndc::server).orElse("127.0.0.1");
        int port = value(env, "NSUPDATE_PORT").map(p -> parsePort(p)).orElse(DEFAULT_PORT);
        String keyName = value(env, "NSUPDATE_KEY_NAME").or(() -> value(env, "RNDC_KEY_NAME")).or(rndc::keyName)
                .orElse(DEFAULT_KEY_NAME);
        Optional<String> algorithmText = value(env, "NSUPDATE_ALGORITHM");
        TsigKey.Algorithm algorithm;
        try {
            algorithm = TsigKey.Algorithm.parse(algorithmText.or(rndc::algorithm).orElse("hmac-sha256"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((algorithmText.isPresent() ? "NSUPDATE_ALGORITHM" : "RNDC_ALGORITHM")
                    + ": " + e.getMessage(), e);
        }
        Optional<String> secretText = value(env, "NSUPDATE_SECRET");
        String secret = secretText.or(rndc::secret).orElseThrow(() -> new IllegalArgumentException(
                "NSUPDATE_SECRET: no TSIG secret for record updates (set NSUPDATE_SECRET or configure an rndc key)"));
        try {
            return of(server, port, new TsigKey(keyName, algorithm, secret));
        } catch (IllegalArgumentException e) {
            String variable = e.getMessage().contains("secret")
                    ? (secretText.isPresent() ? "NSUPDATE_SECRET" : "RNDC_SECRET") : "NSUPDATE_KEY_NAME";
            throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static int parsePort(String raw) {
        try {
            int port = Integer.parseInt(raw);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException("NSUPDATE_PORT: '" + raw + "' is not a port number (1-65535)");
    }

    @Override
    public String toString() {
        return "UpdateSettings[server=" + server + ", port=" + port + ", key=" + key + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
