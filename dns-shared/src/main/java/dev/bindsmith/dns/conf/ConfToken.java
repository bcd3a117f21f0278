package dev.bindsmith.dns.conf;

import java.util.Objects;

/**
 * One token of named.conf text with its place: the offsets {@code [start, end)} into the text (so
 * that a statement can be kept byte for byte) and the line and column where it starts (for errors).
 * {@code text} is a word as written, or a quoted string's value without its quotes.
 */
public record ConfToken(Kind kind, String text, int start, int end, int line, int column) {

    /** What a token is, with how an error message names it. */
    public enum Kind {
        WORD("a word"),
        STRING("a quoted string"),
        OPEN("'{'"),
        CLOSE("'}'"),
        SEMI("';'"),
        END("the end of the text");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** {@code a quoted string}, {@code '{'} …: for "expected …, found …". */
        public String description() {
            return description;
        }
    }

    public ConfToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    /** A word or a quoted string: something that names or holds a value. */
    public boolean isValue() {
        return kind == Kind.WORD || kind == Kind.STRING;
    }

    /** {@code line:column}, both from 1. */
    public String position() {
        return line + ":" + column;
    }

    /** What and where, never the text: it may be a secret. */
    @Override
    public String toString() {
        return kind.description + " at " + position();
    }
}
