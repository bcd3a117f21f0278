package dev.bindsmith.rndc.update;

import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

/**
 * A TSIG key: its name, its HMAC algorithm and its base64 secret. The secret never appears in
 * {@link #toString()} or in an exception message.
 */
public record TsigKey(String name, Algorithm algorithm, String secret) {

    /** The HMAC algorithms of RFC 8945 that named accepts for TSIG. */
    public enum Algorithm {
        HMAC_MD5("hmac-md5", TSIG.HMAC_MD5, "HmacMD5"),
        HMAC_SHA1("hmac-sha1", TSIG.HMAC_SHA1, "HmacSHA1"),
        HMAC_SHA224("hmac-sha224", TSIG.HMAC_SHA224, "HmacSHA224"),
        HMAC_SHA256("hmac-sha256", TSIG.HMAC_SHA256, "HmacSHA256"),
        HMAC_SHA384("hmac-sha384", TSIG.HMAC_SHA384, "HmacSHA384"),
        HMAC_SHA512("hmac-sha512", TSIG.HMAC_SHA512, "HmacSHA512");

        private final String text;
        private final Name dnsName;
        private final String mac;

        Algorithm(String text, Name dnsName, String mac) {
            this.text = text;
            this.dnsName = dnsName;
            this.mac = mac;
        }

        /** {@code hmac-sha256}, {@code sha256}, {@code HMAC-SHA256}: lower-cased, {@code hmac-} added when missing. */
        public static Algorithm parse(String raw) {
            String s = Objects.requireNonNull(raw, "algorithm").trim().toLowerCase(Locale.ROOT);
            if (s.equals("hmac-md5.sig-alg.reg.int")) {
                return HMAC_MD5;
            }
            if (!s.startsWith("hmac-")) {
                s = "hmac-" + s;
            }
            for (Algorithm a : values()) {
                if (a.text.equals(s)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown TSIG algorithm '" + raw.trim()
                    + "'; expected one of hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, hmac-sha384, hmac-sha512");
        }

        /** The name as in named.conf ({@code hmac-sha256}). */
        public String text() {
            return text;
        }

        Name dnsName() {
            return dnsName;
        }
    }

    public TsigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(secret, "secret");
        nameProblem(name).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        secretProblem(name, secret).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        secret = secret.trim();
    }

    /** Why {@code name} cannot name a TSIG key, if it cannot. */
    public static Optional<String> nameProblem(String name) {
        if (name.isEmpty()
                || name.length() > 253
                || !name.chars()
                        .allMatch(c -> (c >= 'a' && c <= 'z')
                                || (c >= 'A' && c <= 'Z')
                                || (c >= '0' && c <= '9')
                                || c == '.'
                                || c == '-'
                                || c == '_')) {
            return Optional.of("a TSIG key name is 1 to 253 letters, digits, dots, hyphens or underscores");
        }
        return Optional.empty();
    }

    /** Why {@code secret} (base64) cannot be the secret of key {@code name}, if it cannot; never quotes it. */
    public static Optional<String> secretProblem(String name, String secret) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret.trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("the TSIG secret of key '" + name + "' is not valid base64");
        }
        return bytes.length == 0 ? Optional.of("the TSIG secret of key '" + name + "' is empty") : Optional.empty();
    }

    /** dnsjava's signer for this key, its time taken from {@code clock}. */
    TSIG signer(Clock clock) {
        try {
            return new TSIG(
                    algorithm.dnsName(),
                    Name.fromString(name, Name.root),
                    new SecretKeySpec(Base64.getDecoder().decode(secret), algorithm.mac),
                    clock);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("the TSIG key name '" + name + "' is not a DNS name", e);
        }
    }

    @Override
    public String toString() {
        return "TsigKey[name=" + name + ", algorithm=" + algorithm.text() + ", secret=(hidden)]";
    }
}
