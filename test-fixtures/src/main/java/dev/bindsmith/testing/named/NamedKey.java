package dev.bindsmith.testing.named;

import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * An HMAC key as named.conf declares it: {@code key "<name>" { algorithm <algorithm>; secret "<secret>"; };}.
 * {@code secret} is base64. {@link #toString()} leaves the secret out, so a key printed by a failing
 * assertion never lands in a test report.
 */
public record NamedKey(String name, String algorithm, String secret) {

    /** The algorithms named's control channel and TSIG accept. */
    public static final Set<String> ALGORITHMS =
            Set.of("hmac-md5", "hmac-sha1", "hmac-sha224", "hmac-sha256", "hmac-sha384", "hmac-sha512");

    public NamedKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(secret, "secret");
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("unsupported key algorithm: " + algorithm);
        }
        if (!name.matches("[A-Za-z0-9._-]{1,253}")) {
            throw new IllegalArgumentException("invalid key name");
        }
        Base64.getDecoder().decode(secret);
    }

    /** The secret as bytes (what the HMAC is keyed with). */
    public byte[] secretBytes() {
        return Base64.getDecoder().decode(secret);
    }

    /** The named.conf / rndc.conf {@code key} statement. */
    public String statement() {
        return "key \"" + name + "\" {\n\talgorithm " + algorithm + ";\n\tsecret \"" + secret + "\";\n};\n";
    }

    /** The digest length of the algorithm in bytes: the secret length tsig-keygen uses. */
    static int digestBytes(String algorithm) {
        return switch (algorithm) {
            case "hmac-md5" -> 16;
            case "hmac-sha1" -> 20;
            case "hmac-sha224" -> 28;
            case "hmac-sha256" -> 32;
            case "hmac-sha384" -> 48;
            case "hmac-sha512" -> 64;
            default -> throw new IllegalArgumentException("unsupported key algorithm: " + algorithm);
        };
    }

    @Override
    public String toString() {
        return "NamedKey[name=" + name + ", algorithm=" + algorithm + ", secret=<hidden>]";
    }
}
