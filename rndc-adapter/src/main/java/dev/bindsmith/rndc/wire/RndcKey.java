package dev.bindsmith.rndc.wire;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A control-channel key: its name (as in named.conf's {@code key "name"}), algorithm and the decoded
 * secret bytes. {@link #toString()} never shows the secret; {@link #secret()} returns a copy.
 */
public record RndcKey(String name, HmacAlgorithm algorithm, byte[] secret) {

    public RndcKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(secret, "secret");
        if (name.isBlank()) {
            throw new IllegalArgumentException("rndc key name is empty");
        }
        if (secret.length == 0) {
            throw new IllegalArgumentException("rndc key '" + name + "' has an empty secret");
        }
        secret = secret.clone();
    }

    /**
     * A key from the base64 text found in a {@code secret "…";} clause.
     *
     * @throws IllegalArgumentException when the text is not base64 (the message does not quote it)
     */
    public static RndcKey ofBase64(String name, HmacAlgorithm algorithm, String secretBase64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(secretBase64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rndc key '" + name + "': the secret is not valid base64");
        }
        return new RndcKey(name, algorithm, decoded);
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RndcKey k
                && name.equals(k.name)
                && algorithm == k.algorithm
                && MessageDigest.isEqual(secret, k.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, algorithm, Arrays.hashCode(secret));
    }

    @Override
    public String toString() {
        return "RndcKey[name=" + name + ", algorithm=" + algorithm + ", secret=(redacted)]";
    }
}
