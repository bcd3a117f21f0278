package dev.bindsmith.rndc.update;

import dev.bindsmith.dns.tsig.TsigKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static UpdateSettings of(String server, int port, TsigKey key) {
        return new UpdateSettings(server, port, key, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /**
     * What the rndc configuration says, the fallback of every update parameter not given: the rndc
     * server's host, the key's name, its algorithm and secret. {@link #toString()} hides the secret.
     */
    public record RndcFallback(
            Optional<String> server, Optional<String> keyName, Optional<String> algorithm, Optional<String> secret) {
        public RndcFallback {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(keyName, "keyName");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(secret, "secret");
        }

        /** The rndc settings as resolved (environment, rndc.conf, defaults): its host, key name, algorithm and secret. */
        public static RndcFallback of(dev.bindsmith.rndc.conf.RndcSettings rndc) {
            return new RndcFallback(
                    Optional.of(rndc.host()),
                    Optional.of(rndc.key().name()),
                    Optional.of(rndc.key().algorithm().confName()),
                    Optional.of(java.util.Base64.getEncoder()
                            .encodeToString(rndc.key().secret())));
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

    /** What the caller was given for each parameter; an absent one falls back to the rndc key's, then a default. */
    public record Given(
            Optional<String> server,
            OptionalInt port,
            Optional<String> keyName,
            Optional<String> algorithm,
            Optional<String> secret) {
        public Given {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(keyName, "keyName");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(secret, "secret");
        }

        public static Given nothing() {
            return new Given(
                    Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Never shows the secret, only whether there is one. */
        @Override
        public String toString() {
            return "Given[server=" + server + ", port=" + port + ", keyName=" + keyName + ", algorithm=" + algorithm
                    + ", secret=" + (secret.isPresent() ? "(set)" : "(unset)") + "]";
        }
    }

    /** Which parameter a problem is about. */
    public enum Field {
        SERVER,
        PORT,
        KEY_NAME,
        ALGORITHM,
        SECRET
    }

    /** Whether the value at fault was given for updates, or taken over from the rndc key. */
    public enum Source {
        GIVEN,
        RNDC
    }

    /** Why there are no settings; {@code message} reads after the parameter's name and never holds a secret. */
    public record Problem(Field field, Source source, String message) {
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Either settings or the reason there are none. */
    public sealed interface Resolution {
        record Resolved(UpdateSettings settings) implements Resolution {}

        record Failed(Problem problem) implements Resolution {}
    }

    /**
     * The reference's resolution: the given server (else the rndc server's host, else 127.0.0.1), port
     * (else 53), key name (else the rndc key's name, else {@code rndc-key}), algorithm (else the rndc
     * key's, else hmac-sha256) and secret (else the rndc key's; there is no default).
     */
    public static Resolution resolve(Given given, RndcFallback rndc) {
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(rndc, "rndc");
        String server = given.server().or(rndc::server).orElse("127.0.0.1");
        int port = given.port().orElse(DEFAULT_PORT);
        if (port < 1 || port > 65535) {
            return failed(Field.PORT, Source.GIVEN, "'" + port + "' is not a port number (1-65535)");
        }
        String keyName = given.keyName().or(rndc::keyName).orElse(DEFAULT_KEY_NAME);
        Source algorithmSource = given.algorithm().isPresent() ? Source.GIVEN : Source.RNDC;
        TsigKey.Algorithm algorithm;
        try {
            algorithm = TsigKey.Algorithm.parse(
                    given.algorithm().or(rndc::algorithm).orElse("hmac-sha256"));
        } catch (IllegalArgumentException e) {
            return failed(Field.ALGORITHM, algorithmSource, e.getMessage());
        }
        Source secretSource = given.secret().isPresent() ? Source.GIVEN : Source.RNDC;
        Optional<String> secret = given.secret().or(rndc::secret);
        if (secret.isEmpty()) {
            return failed(
                    Field.SECRET,
                    Source.GIVEN,
                    "no TSIG secret for record updates (give one, or configure an rndc key to sign with)");
        }
        Optional<String> badName = TsigKey.nameProblem(keyName);
        if (badName.isPresent()) {
            return failed(Field.KEY_NAME, given.keyName().isPresent() ? Source.GIVEN : Source.RNDC, badName.get());
        }
        Optional<String> badSecret = TsigKey.secretProblem(keyName, secret.get());
        if (badSecret.isPresent()) {
            return failed(Field.SECRET, secretSource, badSecret.get());
        }
        return new Resolution.Resolved(of(server, port, new TsigKey(keyName, algorithm, secret.get())));
    }

    private static Resolution failed(Field field, Source source, String message) {
        return new Resolution.Failed(new Problem(field, source, message));
    }

    @Override
    public String toString() {
        return "UpdateSettings[server=" + server + ", port=" + port + ", key=" + key + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
