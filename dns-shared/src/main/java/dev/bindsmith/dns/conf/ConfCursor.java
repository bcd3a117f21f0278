package dev.bindsmith.dns.conf;

import dev.bindsmith.dns.conf.ConfToken.Kind;
import java.util.List;
import java.util.Objects;

/**
 * Walks the tokens of named.conf text for a recursive-descent parser: what to expect next, and an
 * error at the token where it went wrong ({@code line:column: expected …, found …}), never quoting
 * the text. Shared by every reader of named.conf syntax (rndc.conf, key files), so that a
 * {@code key} statement reads the same everywhere ({@link KeyStatements}).
 */
public final class ConfCursor {
    private final List<ConfToken> tokens;
    private int i;

    /** Over {@code tokens} as {@link ConfLexer#lex} returns them (the last one of kind END). */
    public ConfCursor(List<ConfToken> tokens) {
        this.tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
        if (this.tokens.isEmpty() || this.tokens.getLast().kind() != Kind.END) {
            throw new IllegalArgumentException("the tokens must end with an END token");
        }
    }

    /** The tokens of {@code text}. */
    public static ConfCursor of(String text) throws ConfSyntaxException {
        return new ConfCursor(ConfLexer.lex(text));
    }

    /** The next token, not consumed. */
    public ConfToken peek() {
        return tokens.get(i);
    }

    /** True when the next token is the word {@code word}. */
    public boolean peekWord(String word) {
        return peek().kind() == Kind.WORD && peek().text().equals(word);
    }

    public boolean atEnd() {
        return peek().kind() == Kind.END;
    }

    /** The next token, consumed (END is never consumed). */
    public ConfToken next() {
        ConfToken t = tokens.get(i);
        if (t.kind() != Kind.END) {
            i++;
        }
        return t;
    }

    /** The next token, which must be of {@code kind}; {@code what} names it in the error. */
    public ConfToken expect(Kind kind, String what) throws ConfSyntaxException {
        ConfToken t = next();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + ", found " + t.kind().description());
        }
        return t;
    }

    /** A word or a quoted string: a name or value. */
    public ConfToken name(String what) throws ConfSyntaxException {
        ConfToken t = next();
        if (t.kind() != Kind.WORD && t.kind() != Kind.STRING) {
            throw error(t, "expected " + what + ", found " + t.kind().description());
        }
        return t;
    }

    /** The {@code ;} that ends what came before ({@code after} names it in the error). */
    public void semi(String after) throws ConfSyntaxException {
        expect(Kind.SEMI, "';' after " + after);
    }

    public ConfSyntaxException error(ConfToken t, String message) {
        return new ConfSyntaxException(t, message);
    }
}
