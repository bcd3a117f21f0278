package dev.bindsmith.dns.tsig;

import java.security.SecureRandom;
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
 * A TSIG key (RFC 8945): its name, its HMAC algorithm and its base64 secret — what a
 * {@code key "name" { algorithm …; secret "…"; };} statement defines, for the BIND adapter's signed
 * updates and transfers and for the embedded server's verification of signed requests. The secret
 * never appears in {@link #toString()} or in an exception message.
 */
public record TsigKey(String name, Algorithm algorithm, String secret) {

    /** The HMAC algorithms of RFC 8945 that named accepts for TSIG. */
    public enum Algorithm {
        HMAC_MD5("hmac-md5", TSIG.HMAC_MD5, "HmacMD5", 16),
        HMAC_SHA1("hmac-sha1", TSIG.HMAC_SHA1, "HmacSHA1", 20),
        HMAC_SHA224("hmac-sha224", TSIG.HMAC_SHA224, "HmacSHA224", 28),
        HMAC_SHA256("hmac-sha256", TSIG.HMAC_SHA256, "HmacSHA256", 32),
        HMAC_SHA384("hmac-sha384", TSIG.HMAC_SHA384, "HmacSHA384", 48),
        HMAC_SHA512("hmac-sha512", TSIG.HMAC_SHA512, "HmacSHA512", 64);

        private final String text;
        private final Name dnsName;
        private final String mac;
        private final int digestBytes;

        Algorithm(String text, Name dnsName, String mac, int digestBytes) {
            this.text = text;
            this.dnsName = dnsName;
            this.mac = mac;
            this.digestBytes = digestBytes;
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

        /** The algorithm a TSIG record names ({@code hmac-sha256.}), if it is one of these. */
        public static Optional<Algorithm> of(Name dnsName) {
            for (Algorithm a : values()) {
                if (a.dnsName.equals(dnsName)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }

        /** The name as in named.conf ({@code hmac-sha256}). */
        public String text() {
            return text;
        }

        /** The name in a TSIG record ({@code hmac-sha256.}). */
        public Name dnsName() {
            return dnsName;
        }

        /**
         * MD5 and SHA-1: broken or deprecated hashes (RFC 8945 §6 makes HMAC-SHA256 mandatory and MD5
         * optional), accepted only where a user allows them explicitly.
         */
        public boolean weak() {
            return this == HMAC_MD5 || this == HMAC_SHA1;
        }

        /** The size of the algorithm's digest, which is the size of a key {@link #generate} makes. */
        public int digestBytes() {
            return digestBytes;
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

    /** A new key with a random secret as long as the algorithm's digest, as {@code tsig-keygen} makes one. */
    public static TsigKey generate(String name, Algorithm algorithm, SecureRandom random) {
        byte[] secret = new byte[algorithm.digestBytes()];
        random.nextBytes(secret);
        return new TsigKey(name, algorithm, Base64.getEncoder().encodeToString(secret));
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

    /** The key's name as a DNS name, as a TSIG record carries it. */
    public Name dnsName() {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("the TSIG key name '" + name + "' is not a DNS name", e);
        }
    }

    /** dnsjava's signer and verifier for this key, its time taken from {@code clock}. */
    public TSIG signer(Clock clock) {
        return new TSIG(
                algorithm.dnsName(),
                dnsName(),
                new SecretKeySpec(Base64.getDecoder().decode(secret), algorithm.mac),
                clock);
    }

    /**
     * The key as a statement of named.conf and key files, as {@code tsig-keygen} prints it. It holds
     * the secret: write it to a private file, never to a log.
     */
    public String statement() {
        return "key \"" + name + "\" {\n\talgorithm " + algorithm.text() + ";\n\tsecret \"" + secret + "\";\n};\n";
    }

    @Override
    public String toString() {
        return "TsigKey[name=" + name + ", algorithm=" + algorithm.text() + ", secret=(hidden)]";
    }
}
