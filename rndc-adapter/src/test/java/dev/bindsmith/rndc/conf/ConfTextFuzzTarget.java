package dev.bindsmith.rndc.conf;

import dev.bindsmith.dns.conf.ConfLexer;
import dev.bindsmith.dns.conf.ConfSyntaxException;
import dev.bindsmith.dns.conf.ConfToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzz target: rndc.conf / named.conf text as read from the disk — the shared lexer
 * ({@link ConfLexer#lex}, {@link ConfLexer#items}, {@link ConfLexer#matchingClose} on every brace) and
 * the rndc.conf parser ({@link RndcConfParser}). The file is placed in a directory that does not
 * exist, so a relative {@code include} reads nothing. Only {@link ConfSyntaxException} and
 * {@link RndcConfException} are refusals. Corpus: {@code fuzz/ConfTextFuzzTarget/} (named.conf and
 * rndc.conf as the launcher and Debian write them, key files, the parser tests' texts).
 */
public final class ConfTextFuzzTarget {
    private static final Path FILE = Path.of("/nonexistent-bindsmith-fuzz/rndc.conf");

    private ConfTextFuzzTarget() {}

    public static void fuzzerTestOneInput(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            List<ConfToken> tokens = ConfLexer.lex(text);
            ConfLexer.items(tokens, 0, tokens.size() - 1);
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).is(ConfToken.Kind.OPEN)) {
                    ConfLexer.matchingClose(tokens, i);
                }
            }
        } catch (ConfSyntaxException refused) {
            // malformed text
        }
        try {
            RndcConfParser.parse(text, FILE);
        } catch (RndcConfException refused) {
            // malformed or unusable rndc.conf
        }
    }
}
