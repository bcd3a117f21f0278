package dev.bindsmith.dns.conf;

import dev.bindsmith.dns.conf.ConfToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The lexical level of named.conf syntax, shared by rndc.conf, key files and the zone statements
 * named prints back ({@code showzone}), read as named's own lexer reads them:
 *
 * <ul>
 * <li>words, quoted strings, {@code { } ;}; comments in all three styles ({@code #}, {@code //},
 *     {@code /* *}{@code /}) are blanks, and {@code #} or {@code //} ends a word;</li>
 * <li>inside quotes only {@code \"} is an escape (the backslash goes, the quote stays); every other
 *     backslash is kept as written, so {@code "a\\b"} is {@code a\\b} and {@code "a\nb"} is
 *     {@code a\nb}, as named opens exactly those file names; a string may span lines.</li>
 * </ul>
 *
 * Errors give {@code line:column} and never the text around it.
 *
 * <pre>{@code
 * List<ConfToken> tokens = ConfLexer.lex("key \"rndc-key\" { secret \"c2VjcmV0\"; };");
 * // WORD key, STRING rndc-key, OPEN, WORD secret, STRING c2VjcmV0, SEMI, CLOSE, SEMI, END
 * }</pre>
 */
public final class ConfLexer {
    private final String src;
    private int pos;
    private int line = 1;
    private int col = 1;

    private ConfLexer(String src) {
        this.src = src;
    }

    /** The tokens of {@code text}, the last one of kind {@link Kind#END}. */
    public static List<ConfToken> lex(String text) throws ConfSyntaxException {
        return new ConfLexer(text).run();
    }

    /**
     * Splits {@code tokens[from, to)} into semicolon-terminated items at brace depth 0 (the statements
     * of a block, or the elements of a list). Each item includes its {@code ;}.
     */
    public static List<List<ConfToken>> items(List<ConfToken> tokens, int from, int to) throws ConfSyntaxException {
        List<List<ConfToken>> items = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            ConfToken t = tokens.get(i);
            switch (t.kind()) {
                case OPEN -> depth++;
                case CLOSE -> {
                    depth--;
                    if (depth < 0) {
                        throw new ConfSyntaxException(t, "unbalanced '}'");
                    }
                }
                case SEMI -> {
                    if (depth == 0) {
                        if (i == start) {
                            throw new ConfSyntaxException(t, "empty statement");
                        }
                        items.add(List.copyOf(tokens.subList(start, i + 1)));
                        start = i + 1;
                    }
                }
                case WORD, STRING, END -> {
                    // part of the current item
                }
            }
        }
        if (depth != 0) {
            throw new ConfSyntaxException(tokens.get(Math.min(from, tokens.size() - 1)), "unbalanced '{'");
        }
        if (start != to) {
            throw new ConfSyntaxException(tokens.get(start), "missing ';'");
        }
        return items;
    }

    /** The index of the {@code }} that closes the {@code {} at {@code open}. */
    public static int matchingClose(List<ConfToken> tokens, int open) throws ConfSyntaxException {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Kind k = tokens.get(i).kind();
            if (k == Kind.OPEN) {
                depth++;
            } else if (k == Kind.CLOSE) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new ConfSyntaxException(tokens.get(open), "unbalanced '{'");
    }

    private List<ConfToken> run() throws ConfSyntaxException {
        List<ConfToken> out = new ArrayList<>();
        while (true) {
            skipBlanksAndComments();
            int start = pos;
            int l = line;
            int c = col;
            if (pos >= src.length()) {
                out.add(new ConfToken(Kind.END, "", start, start, l, c));
                return out;
            }
            char ch = src.charAt(pos);
            switch (ch) {
                case '{' -> out.add(single(Kind.OPEN, start, l, c));
                case '}' -> out.add(single(Kind.CLOSE, start, l, c));
                case ';' -> out.add(single(Kind.SEMI, start, l, c));
                case '"' -> {
                    String value = quoted(l, c);
                    out.add(new ConfToken(Kind.STRING, value, start, pos, l, c));
                }
                default -> {
                    while (pos < src.length()
                            && !isDelimiter(src.charAt(pos))
                            && !src.startsWith("//", pos)
                            && !src.startsWith("/*", pos)) {
                        advance();
                    }
                    out.add(new ConfToken(Kind.WORD, src.substring(start, pos), start, pos, l, c));
                }
            }
        }
    }

    private ConfToken single(Kind kind, int start, int l, int c) {
        advance();
        return new ConfToken(kind, src.substring(start, pos), start, pos, l, c);
    }

    private static boolean isDelimiter(char ch) {
        return Character.isWhitespace(ch) || ch == '{' || ch == '}' || ch == ';' || ch == '"' || ch == '#';
    }

    /** named's rule: a backslash marks the next character, and only a marked quote is taken literally. */
    private String quoted(int l, int c) throws ConfSyntaxException {
        advance(); // the opening quote
        StringBuilder value = new StringBuilder();
        boolean escaped = false;
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            advance();
            if (ch == '"') {
                if (!escaped) {
                    return value.toString();
                }
                value.setCharAt(value.length() - 1, '"');
                escaped = false;
            } else {
                escaped = ch == '\\' && !escaped;
                value.append(ch);
            }
        }
        throw new ConfSyntaxException(l, c, "quoted string is never closed");
    }

    private void skipBlanksAndComments() throws ConfSyntaxException {
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            if (Character.isWhitespace(ch)) {
                advance();
            } else if (ch == '#' || src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    advance();
                }
            } else if (src.startsWith("/*", pos)) {
                int l = line;
                int c = col;
                advance();
                advance();
                while (pos < src.length() && !src.startsWith("*/", pos)) {
                    advance();
                }
                if (pos >= src.length()) {
                    throw new ConfSyntaxException(l, c, "comment is never closed");
                }
                advance();
                advance();
            } else {
                return;
            }
        }
    }

    private void advance() {
        if (src.charAt(pos) == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        pos++;
    }
}
