package dev.bindsmith.http.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A token of the tokens file: its name (what the audit log and the answers call it), the SHA-256 of
 * the token (the token itself is never stored), its {@link Grant}, and when it was made.
 *
 * @param name    {@code [A-Za-z0-9._-]}, 1 to 64 characters, unique in the file
 * @param sha256  the token's SHA-256, 64 lower-case hex digits
 * @param grant   what it may do
 * @param created when {@code bindsmith token create} made it, when known
 */
public record ScopedToken(String name, String sha256, Grant grant, Optional<Instant> created) {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ScopedToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(created, "created");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a token name is 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 is 64 lower-case hex digits");
        }
    }

    /** The SHA-256 of a token as the file keeps it. */
    public static String sha256Of(String token) {
        return HexFormat.of().formatHex(digest(token));
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Constant time in the content: both are 32 bytes whatever the presented token was. */
    public boolean matches(byte[] presentedDigest) {
        return MessageDigest.isEqual(HexFormat.of().parseHex(sha256), presentedDigest);
    }
}
