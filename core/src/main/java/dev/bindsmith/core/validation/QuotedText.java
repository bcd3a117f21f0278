package dev.bindsmith.core.validation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads character-strings as a client may quote them in a value: {@code "…"} with {@code \"},
 * {@code \\} and zone-file {@code \DDD} escapes, several separated by spaces. The decoded text is
 * kept; the writer quotes it again on its own, so none of the client's quoting reaches a file.
 */
final class QuotedText {
    private QuotedText() {}

    /** Where a quoted string ended: its decoded text and the index just after the closing quote. */
    record Read(String text, int end) {}

    /** Every string of a value made of quoted strings separated by spaces ({@code "a" "b"}). */
    static Parsed<List<String>> strings(String what, String raw) {
        List<String> strings = new ArrayList<>();
        int i = skipSpaces(raw, 0);
        while (i < raw.length()) {
            if (raw.charAt(i) != '"') {
                return Parsed.malformed(what + " mixes quoted and unquoted text: quote every string (\"a\" \"b\"),"
                        + " or send the text without quotes to have it kept as one string");
            }
            Parsed<Read> read = quoted(what, raw, i);
            if (!(read instanceof Parsed.Value<Read>(Read r))) {
                return ((Parsed.Problem<Read>) read).as();
            }
            strings.add(r.text());
            if (r.end() < raw.length() && raw.charAt(r.end()) != ' ') {
                return Parsed.malformed(what + " needs a space between its quoted strings");
            }
            i = skipSpaces(raw, r.end());
        }
        return Parsed.of(strings);
    }

    /** One quoted string starting at {@code start} (which holds the opening quote). */
    static Parsed<Read> quoted(String what, String raw, int start) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = start + 1;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '"') {
                int end = i + 1;
                return decode(what, bytes.toByteArray()).map(text -> new Read(text, end));
            }
            if (c == '\\') {
                if (i + 1 >= raw.length()) {
                    break;
                }
                char next = raw.charAt(i + 1);
                if (isDigit(next)) {
                    if (i + 3 >= raw.length() || !isDigit(raw.charAt(i + 2)) || !isDigit(raw.charAt(i + 3))) {
                        return Parsed.malformed(what + " has a \\ followed by a digit that is not a \\DDD escape"
                                + " (three decimal digits); write \\\\ for a backslash");
                    }
                    int v = Integer.parseInt(raw.substring(i + 1, i + 4));
                    if (v > 255) {
                        return Parsed.malformed(what + " has the escape \\" + v + "; a \\DDD escape is at most \\255");
                    }
                    bytes.write(v);
                    i += 4;
                } else {
                    appendUtf8(bytes, raw, i + 1);
                    i += 1 + Character.charCount(raw.codePointAt(i + 1));
                }
                continue;
            }
            appendUtf8(bytes, raw, i);
            i += Character.charCount(raw.codePointAt(i));
        }
        return Parsed.malformed(
                what + " has a quoted string without its closing quote; write \\\" for a quote inside it");
    }

    private static Parsed<String> decode(String what, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return Parsed.malformed(what + " has \\DDD escapes that do not form UTF-8 text");
        }
        for (int i = 0; i < text.length(); i++) {
            if (TextRules.isControl(text.charAt(i))) {
                return Parsed.malformed(what + " must not contain control characters, also not as \\DDD escapes");
            }
        }
        return Parsed.of(text);
    }

    private static void appendUtf8(ByteArrayOutputStream bytes, String raw, int at) {
        bytes.writeBytes(Character.toString(raw.codePointAt(at)).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static int skipSpaces(String raw, int i) {
        while (i < raw.length() && raw.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
