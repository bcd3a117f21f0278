package dev.bindsmith.dns.conf;

/**
 * named.conf text that does not lex or parse. The message is {@code line:column: problem}; it never
 * quotes the text, so a secret in an rndc.conf cannot leak through it.
 */
public final class ConfSyntaxException extends Exception {
    private final int line;
    private final int column;
    private final String problem;

    public ConfSyntaxException(int line, int column, String problem) {
        super(line + ":" + column + ": " + problem, null, false, false);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** At {@code token}'s place. */
    public ConfSyntaxException(ConfToken token, String problem) {
        this(token.line(), token.column(), problem);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position. */
    public String problem() {
        return problem;
    }
}
