package dev.bindsmith.dns.conf;

import dev.bindsmith.dns.conf.ConfToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code key} statement of named.conf, rndc.conf and the files {@code tsig-keygen} and
 * {@code rndc-confgen} write, read in one place for every reader: the rndc.conf parser (which allows
 * more statements around it) and TSIG key files (which hold only keys).
 *
 * <pre>{@code
 * key "extdns" {
 *         algorithm hmac-sha256;
 *         secret "c2VjcmV0IHNlY3JldCBzZWNyZXQgc2VjcmV0IQ==";
 * };
 * }</pre>
 *
 * Errors give {@code line:column} and what was expected, never the text (it may hold a secret).
 */
public final class KeyStatements {
    private KeyStatements() {}

    /**
     * The rest of a {@code key} statement, the word {@code key} having been consumed: its name, the
     * block and the closing {@code ;}. An unknown clause in the block is an error, as named says.
     */
    public static KeyStatement body(ConfCursor c, int line) throws ConfSyntaxException {
        ConfToken name = c.name("the key name");
        c.expect(Kind.OPEN, "'{' after the key name");
        Optional<String> algorithm = Optional.empty();
        Optional<String> secret = Optional.empty();
        while (c.peek().kind() != Kind.CLOSE) {
            ConfToken opt = c.expect(Kind.WORD, "'algorithm', 'secret' or '}' in the key");
            switch (opt.text()) {
                case "algorithm" -> {
                    algorithm = Optional.of(c.name("the algorithm name").text());
                    c.semi("the algorithm");
                }
                case "secret" -> {
                    secret = Optional.of(
                            c.expect(Kind.STRING, "the quoted secret").text());
                    c.semi("the secret");
                }
                default -> throw c.error(opt, "unknown clause in a key; expected 'algorithm' or 'secret'");
            }
        }
        c.expect(Kind.CLOSE, "'}'");
        c.semi("the key statement");
        return new KeyStatement(name.text(), algorithm, secret, line);
    }

    /**
     * Every statement of a file that holds only {@code key} statements (and comments), in order; a
     * name defined twice is an error, as named refuses it.
     */
    public static List<KeyStatement> parseKeyFile(String text) throws ConfSyntaxException {
        ConfCursor c = ConfCursor.of(text);
        List<KeyStatement> keys = new ArrayList<>();
        while (!c.atEnd()) {
            ConfToken word = c.expect(Kind.WORD, "a key statement");
            if (!word.text().equals("key")) {
                throw c.error(word, "expected a key statement; a key file holds only 'key \"name\" { … };'");
            }
            ConfToken at = c.peek();
            KeyStatement key = body(c, word.line());
            if (keys.stream().anyMatch(k -> sameName(k.name(), key.name()))) {
                throw c.error(at, "the key is defined twice");
            }
            keys.add(key);
        }
        return keys;
    }

    /** Key names are DNS names: case does not count, nor a trailing dot. */
    public static boolean sameName(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
