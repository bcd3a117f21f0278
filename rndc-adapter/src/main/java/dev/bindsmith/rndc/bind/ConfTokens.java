package dev.bindsmith.rndc.bind;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexical level of named.conf text as named prints it back ({@code showzone}): words, quoted
 * strings (with backslash escapes), braces and semicolons, each with its place in the input so that
 * a statement can be kept byte for byte.
 */
final class ConfTokens {
    private ConfTokens() {
    }

    enum Kind { WORD, STRING, OPEN, CLOSE, SEMI }

    /** {@code text} is a word as written, or a string's content without quotes and escapes. */
    record Token(Kind kind, String text, int start, int end) {
        boolean is(Kind k) {
            return kind == k;
        }

        /** A word or a string: something that names or holds a value. */
        boolean isValue() {
            return kind == Kind.WORD || kind == Kind.STRING;
        }
    }

    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    static List<Token> lex(String s) throws SyntaxError {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '{') {
                out.add(new Token(Kind.OPEN, "{", i, i + 1));
                i++;
            } else if (c == '}') {
                out.add(new Token(Kind.CLOSE, "}", i, i + 1));
                i++;
            } else if (c == ';') {
                out.add(new Token(Kind.SEMI, ";", i, i + 1));
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = s.charAt(j);
                    if (d == '\\' && j + 1 < n) {
                        sb.append(s.charAt(j + 1));
                        j += 2;
                    } else if (d == '"') {
                        closed = true;
                        j++;
                        break;
                    } else {
                        sb.append(d);
                        j++;
                    }
                }
                if (!closed) {
                    throw new SyntaxError("unterminated quoted string at offset " + i);
                }
                out.add(new Token(Kind.STRING, sb.toString(), i, j));
                i = j;
            } else {
                int j = i;
                while (j < n) {
                    char d = s.charAt(j);
                    if (Character.isWhitespace(d) || d == '{' || d == '}' || d == ';' || d == '"') {
                        break;
                    }
                    j++;
                }
                out.add(new Token(Kind.WORD, s.substring(i, j), i, j));
                i = j;
            }
        }
        return out;
    }

    /**
     * Splits {@code tokens[from, to)} into semicolon-terminated items at brace depth 0 (statements of
     * a block, or elements of a list). Each item includes its {@code ;}.
     */
    static List<List<Token>> items(List<Token> tokens, int from, int to) throws SyntaxError {
        List<List<Token>> items = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case OPEN -> depth++;
                case CLOSE -> {
                    depth--;
                    if (depth < 0) {
                        throw new SyntaxError("unbalanced '}' at offset " + t.start());
                    }
                }
                case SEMI -> {
                    if (depth == 0) {
                        if (i == start) {
                            throw new SyntaxError("empty statement at offset " + t.start());
                        }
                        items.add(List.copyOf(tokens.subList(start, i + 1)));
                        start = i + 1;
                    }
                }
                case WORD, STRING -> {
                    // part of the current item
                }
            }
        }
        if (depth != 0) {
            throw new SyntaxError("unbalanced '{'");
        }
        if (start != to) {
            throw new SyntaxError("missing ';' at offset " + tokens.get(start).start());
        }
        return items;
    }

    /** The index of the {@code }} that closes the {@code {} at {@code open}. */
    static int matchingClose(List<Token> tokens, int open) throws SyntaxError {
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
        throw new SyntaxError("unbalanced '{' at offset " + tokens.get(open).start());
    }
}
