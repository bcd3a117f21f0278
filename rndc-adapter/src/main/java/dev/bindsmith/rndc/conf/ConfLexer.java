package dev.bindsmith.rndc.conf;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits named.conf-style text into tokens with their line and column: quoted strings (escapes
 * {@code \" \\ \n \r \t}), bare words, {@code { } ;}. Skips {@code //}, {@code #} and {@code /* *}{@code /}
 * comments. Errors name a position only, never the text around it.
 */
final class ConfLexer {

    enum Kind {
        STRING("a quoted string"),
        WORD("a word"),
        OPEN("'{'"),
        CLOSE("'}'"),
        SEMI("';'"),
        END("the end of the file");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    record Token(Kind kind, String text, int line, int column) {
        @Override
        public String toString() {
            return kind.description + " at " + line + ":" + column; // never the text: it may be a secret
        }
    }

    private final String src;
    private final String where;
    private int pos;
    private int line = 1;
    private int col = 1;

    private ConfLexer(String src, String where) {
        this.src = src;
        this.where = where;
    }

    static List<Token> tokenize(String src, String where) throws RndcConfException {
        return new ConfLexer(src, where).run();
    }

    private List<Token> run() throws RndcConfException {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipBlanksAndComments();
            if (pos >= src.length()) {
                out.add(new Token(Kind.END, "", line, col));
                return out;
            }
            int l = line;
            int c = col;
            char ch = src.charAt(pos);
            switch (ch) {
                case '{' -> {
                    advance();
                    out.add(new Token(Kind.OPEN, "{", l, c));
                }
                case '}' -> {
                    advance();
                    out.add(new Token(Kind.CLOSE, "}", l, c));
                }
                case ';' -> {
                    advance();
                    out.add(new Token(Kind.SEMI, ";", l, c));
                }
                case '"' -> out.add(new Token(Kind.STRING, quoted(l, c), l, c));
                default -> {
                    StringBuilder w = new StringBuilder();
                    while (pos < src.length() && !isDelimiter(src.charAt(pos)) && !atCommentStart()) {
                        w.append(src.charAt(pos));
                        advance();
                    }
                    out.add(new Token(Kind.WORD, w.toString(), l, c));
                }
            }
        }
    }

    private static boolean isDelimiter(char ch) {
        return Character.isWhitespace(ch) || ch == '{' || ch == '}' || ch == ';' || ch == '"' || ch == '#';
    }

    private boolean atCommentStart() {
        return src.startsWith("//", pos) || src.startsWith("/*", pos);
    }

    private String quoted(int l, int c) throws RndcConfException {
        advance(); // opening quote
        StringBuilder s = new StringBuilder();
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            advance();
            if (ch == '"') {
                return s.toString();
            }
            if (ch == '\\') {
                if (pos >= src.length()) {
                    break;
                }
                char e = src.charAt(pos);
                advance();
                s.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                s.append(ch);
            }
        }
        throw new RndcConfException(where + ":" + l + ":" + c + ": quoted string is never closed");
    }

    private void skipBlanksAndComments() throws RndcConfException {
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
                    throw new RndcConfException(where + ":" + l + ":" + c + ": comment is never closed");
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
