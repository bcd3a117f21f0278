package dev.bindsmith.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted admin bearer token ({@code BIND_API_TOKEN}, a line of {@code BIND_API_TOKEN_FILE}), kept
 * only as its SHA-256 digest (the plain token is dropped as soon as it is read), with the name the audit
 * log gives it and an optional expiry.
 */
public final class ApiToken {
    private final String name;
    private final byte[] digest;
    private final Optional<Instant> expires;

    private ApiToken(String name, byte[] digest, Optional<Instant> expires) {
        this.name = Objects.requireNonNull(name, "name");
        this.digest = digest;
        this.expires = Objects.requireNonNull(expires, "expires");
    }

    /** {@code BIND_API_TOKEN}'s token. */
    public static ApiToken of(String token, Optional<Instant> expires) {
        return named("BIND_API_TOKEN", token, expires);
    }

    /** A token the audit log and answers call {@code name} (never the token itself). */
    public static ApiToken named(String name, String token, Optional<Instant> expires) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("a token is not empty");
        }
        return new ApiToken(name, sha256(token), expires);
    }

    public String name() {
        return name;
    }

    public Optional<Instant> expires() {
        return expires;
    }

    byte[] digest() {
        return digest.clone();
    }

    /** Constant time in the content: digests have a fixed length whatever the token's length. */
    boolean matches(byte[] presentedDigest) {
        return MessageDigest.isEqual(digest, presentedDigest);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiToken[" + name + ", expires="
                + expires.map(Instant::toString).orElse("never") + "]";
    }
}
