package dev.bindsmith.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bindsmith.core.port.StoredZone;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code GET /zones}: {@code zones} (the names), {@code count}, {@code items} (name, type,
 * file of each) and, for a page that has one after it, {@code nextCursor}.
 *
 * <p>A list of 100 000 zones is 15 MB of JSON. Built as maps and records and written by Jackson it took
 * 120–160 ms and a few hundred thousand objects; {@link #toJson()} writes the same bytes straight into
 * one array sized from the strings' lengths (issue 11: every zone in ≤ 50 ms). It copies ASCII text as
 * it is and leaves every other string (a quote, a backslash, a control or non-ASCII character) to
 * Jackson's generator, so the bytes are those Jackson writes for the same fields. The CLI's direct
 * mode, which reads a body as a tree, gets the same fields from {@link #tree()}; {@link Json} sends
 * the list to one or the other.
 */
final class ZoneListBody {
    private static final byte[] ZONES = ascii("{\"zones\":[");
    private static final byte[] COUNT = ascii("],\"count\":");
    private static final byte[] ITEMS = ascii(",\"items\":[");
    private static final byte[] NAME = ascii("{\"name\":");
    private static final byte[] ZONE_TYPE = ascii(",\"zoneType\":");
    private static final byte[] FILE_PATH = ascii(",\"filePath\":");
    private static final byte[] NEXT_CURSOR = ascii(",\"nextCursor\":");
    /** The bytes an item adds to its three strings: the names of its fields, six quotes, braces, a comma. */
    private static final int ITEM_OVERHEAD = NAME.length + ZONE_TYPE.length + FILE_PATH.length + 6 + 2;

    private final List<StoredZone> zones;
    private final Optional<String> nextCursor;

    ZoneListBody(List<StoredZone> zones, Optional<String> nextCursor) {
        this.zones = List.copyOf(zones);
        this.nextCursor = nextCursor;
    }

    /** The body as the API sends it: the bytes Jackson writes for the same fields. */
    byte[] toJson() {
        String count = Integer.toString(zones.size());
        // exact when every string is plain ASCII (the writer grows for the rest): the name twice, in
        // "zones" (quoted, a comma) and in its item; a comma fewer than zones in each array
        long size = ZONES.length + COUNT.length + count.length() + ITEMS.length + 2L - (zones.isEmpty() ? 0 : 2);
        for (StoredZone z : zones) {
            size += 2L * z.name().value().length()
                    + z.type().wireName().length()
                    + z.file().length()
                    + ITEM_OVERHEAD
                    + 3;
        }
        if (nextCursor.isPresent()) {
            size += NEXT_CURSOR.length + nextCursor.get().length() + 2;
        }
        Writer out = new Writer((int) Math.min(size, Integer.MAX_VALUE - 16));
        out.raw(ZONES);
        for (int i = 0; i < zones.size(); i++) {
            if (i > 0) {
                out.comma();
            }
            out.string(zones.get(i).name().value());
        }
        out.raw(COUNT);
        out.ascii(count);
        out.raw(ITEMS);
        for (int i = 0; i < zones.size(); i++) {
            StoredZone z = zones.get(i);
            if (i > 0) {
                out.comma();
            }
            out.raw(NAME);
            out.string(z.name().value());
            out.raw(ZONE_TYPE);
            out.string(z.type().wireName());
            out.raw(FILE_PATH);
            out.string(z.file());
            out.close('}');
        }
        out.close(']');
        if (nextCursor.isPresent()) {
            out.raw(NEXT_CURSOR);
            out.string(nextCursor.get());
        }
        out.close('}');
        return out.bytes();
    }

    /**
     * The same fields as a tree, built node by node: the CLI's direct mode shows a list without starting
     * Jackson's serializers, a tenth of a second of a short command's life.
     */
    JsonNode tree() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode body = nodes.objectNode();
        ArrayNode names = body.putArray("zones");
        zones.forEach(z -> names.add(z.name().value()));
        body.put("count", zones.size());
        ArrayNode items = body.putArray("items");
        for (StoredZone z : zones) {
            items.addObject()
                    .put("name", z.name().value())
                    .put("zoneType", z.type().wireName())
                    .put("filePath", z.file());
        }
        nextCursor.ifPresent(cursor -> body.put("nextCursor", cursor));
        return body;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** An array that grows only when a string needed escaping or was not ASCII. */
    private static final class Writer {
        private byte[] buf;
        private int pos;

        Writer(int capacity) {
            buf = new byte[capacity];
        }

        void raw(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, pos, bytes.length);
            pos += bytes.length;
        }

        void comma() {
            close(',');
        }

        void close(char c) {
            ensure(1);
            buf[pos++] = (byte) c;
        }

        /** Text known to be plain ASCII (a number). */
        void ascii(String text) {
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                buf[pos++] = (byte) text.charAt(i);
            }
        }

        /** A JSON string: ASCII copied as it is, anything else quoted by Jackson as its generator does. */
        // String.getBytes(int, int, byte[], int) is deprecated for dropping each char's high byte, which
        // is what ASCII text wants: it is one array copy, where a loop over chars was the writer's cost
        @SuppressWarnings("deprecation")
        void string(String text) {
            int length = text.length();
            ensure(length + 2);
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c > 0x7F || c == '"' || c == '\\') {
                    quoted(text);
                    return;
                }
            }
            buf[pos++] = '"';
            // every char is below 0x80: this copies the string's bytes as they are
            text.getBytes(0, length, buf, pos);
            pos += length;
            buf[pos++] = '"';
        }

        /** Jackson's own generator: its escapes, and a surrogate pair written as two escaped chars (not as UTF-8). */
        private void quoted(String text) {
            raw(Json.jackson(text));
        }

        private void ensure(int more) {
            if (pos + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(pos + more, buf.length + (buf.length >> 1) + 16));
            }
        }

        byte[] bytes() {
            return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
        }
    }
}
