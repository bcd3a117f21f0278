package dev.bindsmith.http;

/**
 * How many bits a token could hold at most: its length times the bits per character of the smallest
 * usual alphabet it is written in (decimal, hex, lower-case letters and digits, letters and digits,
 * base64/token68, printable ASCII). A random token of that alphabet has exactly this many; a word or a
 * pattern has far fewer, so this is an upper bound used to refuse tokens that are certainly too short,
 * together with a floor on the characters used, which catches repetition ({@code aaaa…}).
 */
final class TokenStrength {
    /** NIST SP 800-63B's floor for a look-up secret that must resist offline guessing, and what a UUIDv4 falls short of. */
    static final int MINIMUM_BITS = 128;

    private static final int MINIMUM_DISTINCT = 8;

    private TokenStrength() {}

    /** The bits {@code token} can hold at most, by its length and alphabet. */
    static double bits(String token) {
        return token.length() * log2(alphabet(token));
    }

    /** Why {@code token} is too weak to be accepted (never quoting it), or empty when it is strong enough. */
    static java.util.Optional<String> problem(String token) {
        double bits = bits(token);
        long distinct = token.chars().distinct().count();
        if (bits < MINIMUM_BITS || distinct < MINIMUM_DISTINCT) {
            return java.util.Optional.of("the token is too weak: it can hold at most " + Math.round(bits) + " bits"
                    + (distinct < MINIMUM_DISTINCT ? " and uses only " + distinct + " different characters" : "")
                    + "; a token needs at least " + MINIMUM_BITS + " bits of randomness, for example 32 random hex"
                    + " digits (openssl rand -hex 32), or let bindsmith make one");
        }
        return java.util.Optional.empty();
    }

    private static int alphabet(String token) {
        boolean digits = true;
        boolean hex = true;
        boolean lowerAlnum = true;
        boolean alnum = true;
        boolean token68 = true;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean lower = c >= 'a' && c <= 'z';
            boolean upper = c >= 'A' && c <= 'Z';
            digits &= digit;
            hex &= digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            lowerAlnum &= digit || lower;
            alnum &= digit || lower || upper;
            token68 &= digit || lower || upper || "-._~+/=".indexOf(c) >= 0;
        }
        if (digits) {
            return 10;
        }
        if (hex) {
            return 16;
        }
        if (lowerAlnum) {
            return 36;
        }
        if (alnum) {
            return 62;
        }
        return token68 ? 64 : 94;
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }
}
