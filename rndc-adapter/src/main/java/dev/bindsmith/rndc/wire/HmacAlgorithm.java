package dev.bindsmith.rndc.wire;

import java.util.Locale;
import java.util.Optional;

/**
 * The six HMAC algorithms named accepts on its control channel. {@code code} is the DST algorithm
 * number that the {@code hsha} layout carries in its first byte (MD5 uses {@code hmd5}, which carries
 * none).
 */
public enum HmacAlgorithm {
    HMAC_MD5("hmac-md5", "HmacMD5", 157),
    HMAC_SHA1("hmac-sha1", "HmacSHA1", 161),
    HMAC_SHA224("hmac-sha224", "HmacSHA224", 162),
    HMAC_SHA256("hmac-sha256", "HmacSHA256", 163),
    HMAC_SHA384("hmac-sha384", "HmacSHA384", 164),
    HMAC_SHA512("hmac-sha512", "HmacSHA512", 165);

    private final String confName;
    private final String jcaName;
    private final int code;

    HmacAlgorithm(String confName, String jcaName, int code) {
        this.confName = confName;
        this.jcaName = jcaName;
        this.code = code;
    }

    /** The name used in named.conf and rndc.conf, e.g. {@code hmac-sha256}. */
    public String confName() {
        return confName;
    }

    String jcaName() {
        return jcaName;
    }

    int code() {
        return code;
    }

    /** hmac-md5 and hmac-sha1: named still accepts them, but they are deprecated for keys (RFC 8945 §6). */
    public boolean isWeak() {
        return this == HMAC_MD5 || this == HMAC_SHA1;
    }

    boolean isMd5() {
        return this == HMAC_MD5;
    }

    /**
     * Parses a configuration name: {@code hmac-sha256}, {@code HMAC-SHA256} or the short form
     * {@code sha256} (which bindcar's RNDC_ALGORITHM accepted).
     */
    public static Optional<HmacAlgorithm> fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (!n.startsWith("hmac-")) {
            n = "hmac-" + n;
        }
        for (HmacAlgorithm a : values()) {
            if (a.confName.equals(n)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return confName;
    }
}
