package dev.bindsmith.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.service.ZoneService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code GET /zones}: {@code zones} (the names), {@code count}, {@code items} (name, type,
 * file of each) and, for a page that has one after it, {@code nextCursor}.
 *
 * <p>A list of 100 000 zones is 15 MB of JSON. Built as maps and records and written by Jackson it took
 * 120–160 ms and a few hundred thousand objects; this class writes the same bytes itself (issue 11:
 * every zone in ≤ 50 ms). It copies ASCII text as it is and leaves every other string (a quote, a
 * backslash, a control or non-ASCII character) to Jackson's generator, so the bytes are those Jackson
 * writes for the same fields. Its length is reckoned first ({@link #length()}), so that the server can
 * send it with its {@code Content-Length} a piece at a time ({@link #writeTo}): an array of 15 MB per
 * listing, and Helidon's copy of it with the headers in front, were most of what the collector had
 * to do, and its pauses most of a listing's time over HTTP. A long list's body is the exception: it
 * is written into one array that is kept for the next listing ({@code Kept}). The CLI's direct mode,
 * which reads a body as a tree, gets the same fields from {@link #tree()}.
 */
final class ZoneListBody implements Json.Streamed {
    /** The piece {@link #writeTo} fills and hands to the stream: large enough that a write is a memcpy away from the socket. */
    static final int PIECE = 64 * 1024;

    private static final byte[] ZONES = ascii("{\"zones\":[");
    private static final byte[] COUNT = ascii("],\"count\":");
    private static final byte[] ITEMS = ascii(",\"items\":[");
    private static final byte[] NAME = ascii("{\"name\":");
    private static final byte[] ZONE_TYPE = ascii(",\"zoneType\":");
    private static final byte[] FILE_PATH = ascii(",\"filePath\":");
    private static final byte[] NEXT_CURSOR = ascii(",\"nextCursor\":");
    /** The bytes an item adds to its strings and its comma: the names of its fields and its braces. */
    private static final int ITEM_OVERHEAD = NAME.length + ZONE_TYPE.length + FILE_PATH.length + 1;

    /**
     * A list this long (more than a page can hold: every zone of a server with many) is written into
     * one array, which is kept for the next listing.
     */
    static final int KEEP_ZONES = 2 * ZoneService.MAX_LIMIT;
    /** Zones looked at before a body gives up copying from the kept one when none was the same instance. */
    private static final int SAME_ZONES_SOUGHT = 1000;

    /**
     * The last long list's body, with the list it was written for and where each zone's name and item
     * lie in it ({@code [start, end)} pairs). A store that keeps its list between listings (the BIND
     * store does) answers the same immutable list until a zone changes, so the same list is the same
     * body: it is sent again from this array. After a change, the zones that are the same instances
     * as in the kept list are copied from it and only the others are written. Written from the
     * strings, the body took 50–80 ms of CPU at 100 000 zones, most of it waiting on memory: the
     * strings lie all over the heap. Softly held: the collector may take it back when the heap runs short.
     */
    private record Kept(List<StoredZone> zones, Optional<String> nextCursor, byte[] body, int[] names, int[] items) {}

    private static volatile SoftReference<Kept> kept = new SoftReference<>(null);

    private final List<StoredZone> zones;
    private final Optional<String> nextCursor;
    /** Reckoned once, with the strings that need Jackson's quoting (rare: a file path with an odd character). */
    private Layout layout;
    /** A long list's body, once written or found kept; empty when it is streamed instead. */
    private Optional<Kept> mine;

    ZoneListBody(List<StoredZone> zones, Optional<String> nextCursor) {
        this.zones = List.copyOf(zones);
        this.nextCursor = nextCursor;
    }

    /**
     * How many bytes the body is, and each string that is not plain ASCII as Jackson quotes it. A zone
     * name and a zone type need no look: a {@link dev.bindsmith.core.zone.ZoneName} holds only letters,
     * digits, {@code - _ .}, a type's wire name is a word; the file paths and the cursor are looked at.
     */
    private Layout layout() {
        if (layout != null) {
            return layout;
        }
        String count = Integer.toString(zones.size());
        // a comma fewer than zones in each array
        long size = ZONES.length + COUNT.length + count.length() + ITEMS.length + 2L - (zones.isEmpty() ? 0 : 2);
        byte[][] quotedFiles = null;
        for (int i = 0; i < zones.size(); i++) {
            StoredZone z = zones.get(i);
            // the name twice (quoted, with a comma, in "zones" and in its item), the type, the file
            size += 2L * (z.name().value().length() + 3) + z.type().wireName().length() + 2 + ITEM_OVERHEAD;
            String file = z.file();
            if (plain(file)) {
                size += file.length() + 2;
            } else {
                if (quotedFiles == null) {
                    quotedFiles = new byte[zones.size()][];
                }
                quotedFiles[i] = Json.jackson(file);
                size += quotedFiles[i].length;
            }
        }
        Optional<byte[]> cursor = nextCursor.map(c -> plain(c) ? quote(c) : Json.jackson(c));
        if (cursor.isPresent()) {
            size += NEXT_CURSOR.length + cursor.get().length;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a list of " + zones.size() + " zones is " + size + " bytes of JSON");
        }
        layout = new Layout((int) size, count, quotedFiles, cursor);
        return layout;
    }

    private record Layout(int size, String count, byte[][] quotedFiles, Optional<byte[]> cursor) {}

    @Override
    public long length() {
        Optional<Kept> k = keep();
        return k.isPresent() ? k.get().body().length : layout().size();
    }

    /**
     * A long list's body in one array: the one kept for this very list (the same instance: an immutable
     * list), or written now, copying what it can from the one kept, and kept in its place.
     */
    private Optional<Kept> keep() {
        if (mine != null) {
            return mine;
        }
        Kept last = kept.get();
        if (zones.size() < KEEP_ZONES) {
            mine = Optional.empty();
        } else if (last != null && last.zones() == zones && last.nextCursor().equals(nextCursor)) {
            mine = Optional.of(last);
        } else {
            int[] from = sameAsKept(Optional.ofNullable(last));
            if (last != null && Arrays.stream(from).allMatch(j -> j < 0)) {
                // a store that builds its zones afresh (the embedded one): a kept body would never be
                // sent again nor copied from; streamed, the body needs no array of its size
                mine = Optional.empty();
            } else {
                Kept fresh = render(Optional.ofNullable(last), from);
                kept = new SoftReference<>(fresh);
                mine = Optional.of(fresh);
            }
        }
        return mine;
    }

    /**
     * For each zone, its index in the kept list when it is the same instance there, or -1. Both lists
     * are in name order: names are compared only where the instances differ. A store that builds its
     * zones afresh for every list (the embedded one) has none the same: the search stops early.
     */
    private int[] sameAsKept(Optional<Kept> last) {
        int[] from = new int[zones.size()];
        Arrays.fill(from, -1);
        if (last.isEmpty()) {
            return from;
        }
        List<StoredZone> before = last.get().zones();
        int j = 0;
        int same = 0;
        for (int i = 0; i < zones.size() && j < before.size(); i++) {
            if (i == SAME_ZONES_SOUGHT && same == 0) {
                break;
            }
            StoredZone z = zones.get(i);
            while (j < before.size()
                    && before.get(j) != z
                    && before.get(j).name().compareTo(z.name()) < 0) {
                j++;
            }
            if (j < before.size() && before.get(j) == z) {
                from[i] = j++;
                same++;
            }
        }
        return from;
    }

    /** The body in one array with where each zone lies in it; the zones the same as in {@code last} are copied from it. */
    private Kept render(Optional<Kept> last, int[] from) {
        int n = zones.size();
        String count = Integer.toString(n);
        long size = ZONES.length + COUNT.length + count.length() + ITEMS.length + 2L - (n == 0 ? 0 : 2);
        byte[][] quotedFiles = new byte[n][];
        for (int i = 0; i < n; i++) {
            int j = from[i];
            if (j >= 0) {
                int[] names = last.get().names();
                int[] items = last.get().items();
                // each with its comma
                size += names[2 * j + 1] - names[2 * j] + items[2 * j + 1] - items[2 * j] + 2;
            } else {
                StoredZone z = zones.get(i);
                size += 2L * (z.name().value().length() + 3)
                        + z.type().wireName().length()
                        + 2
                        + ITEM_OVERHEAD;
                String file = z.file();
                if (plain(file)) {
                    size += file.length() + 2;
                } else {
                    quotedFiles[i] = Json.jackson(file);
                    size += quotedFiles[i].length;
                }
            }
        }
        Optional<byte[]> cursor = nextCursor.map(c -> plain(c) ? quote(c) : Json.jackson(c));
        if (cursor.isPresent()) {
            size += NEXT_CURSOR.length + cursor.get().length;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a list of " + n + " zones is " + size + " bytes of JSON");
        }
        Writer out = new Writer(new byte[(int) size], TOO_SHORT);
        int[] names = new int[2 * n];
        int[] items = new int[2 * n];
        out.raw(ZONES);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            names[2 * i] = out.pos;
            int j = from[i];
            if (j >= 0) {
                out.slice(
                        last.get().body(), last.get().names()[2 * j], last.get().names()[2 * j + 1]);
            } else {
                out.plain(zones.get(i).name().value());
            }
            names[2 * i + 1] = out.pos;
        }
        out.raw(COUNT);
        out.plainUnquoted(count);
        out.raw(ITEMS);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            items[2 * i] = out.pos;
            int j = from[i];
            if (j >= 0) {
                out.slice(
                        last.get().body(), last.get().items()[2 * j], last.get().items()[2 * j + 1]);
            } else {
                item(zones.get(i), quotedFiles[i], out);
            }
            items[2 * i + 1] = out.pos;
        }
        out.put((byte) ']');
        if (cursor.isPresent()) {
            out.raw(NEXT_CURSOR);
            out.raw(cursor.get());
        }
        out.put((byte) '}');
        if (out.pos != size) {
            throw new IllegalStateException("the list reckoned " + size + " bytes and wrote " + out.pos);
        }
        return new Kept(zones, nextCursor, out.buf, names, items);
    }

    /** One zone's item; {@code quotedFile} is its path as Jackson quotes it, or null when the path is plain. */
    private static void item(StoredZone z, byte[] quotedFile, Writer out) {
        out.raw(NAME);
        out.plain(z.name().value());
        out.raw(ZONE_TYPE);
        out.plain(z.type().wireName());
        out.raw(FILE_PATH);
        if (quotedFile != null) {
            out.raw(quotedFile);
        } else {
            out.plain(z.file());
        }
        out.put((byte) '}');
    }

    /** The body as the API sends it, in one array: the bytes Jackson writes for the same fields. */
    byte[] toJson() {
        Layout l = layout();
        Writer out = new Writer(new byte[l.size()], TOO_SHORT);
        write(l, out);
        if (out.pos != l.size()) {
            throw new IllegalStateException("the list reckoned " + l.size() + " bytes and wrote " + out.pos);
        }
        return out.buf;
    }

    /**
     * Writes the body to {@code out} in pieces of {@link #PIECE} bytes, each from the start of one
     * array that is filled again once the stream has taken it (an {@code OutputStream} may not keep it).
     * Exactly {@link #length()} bytes.
     */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (keep().isPresent()) {
            // copied a piece at a time: Helidon 4.4.0's stream writes a piece that does not start its
            // array wrongly (FixedBufferData.writeTo passes the end for the length; fixed after 4.4.0)
            byte[] body = keep().get().body();
            byte[] piece = new byte[Math.min(PIECE, body.length)];
            for (int from = 0; from < body.length; from += piece.length) {
                int n = Math.min(piece.length, body.length - from);
                System.arraycopy(body, from, piece, 0, n);
                out.write(piece, 0, n);
            }
            return;
        }
        Layout l = layout();
        Writer w = new Writer(new byte[Math.min(PIECE, l.size())], out);
        try {
            write(l, w);
            w.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (w.written != l.size()) {
            // the Content-Length was sent: a body of another length must not pass as this one
            throw new IllegalStateException("the list reckoned " + l.size() + " bytes and wrote " + w.written);
        }
    }

    private void write(Layout l, Writer out) {
        out.raw(ZONES);
        for (int i = 0; i < zones.size(); i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            out.plain(zones.get(i).name().value());
        }
        out.raw(COUNT);
        out.plainUnquoted(l.count());
        out.raw(ITEMS);
        for (int i = 0; i < zones.size(); i++) {
            StoredZone z = zones.get(i);
            if (i > 0) {
                out.put((byte) ',');
            }
            item(z, l.quotedFiles() == null ? null : l.quotedFiles()[i], out);
        }
        out.put((byte) ']');
        if (l.cursor().isPresent()) {
            out.raw(NEXT_CURSOR);
            out.raw(l.cursor().get());
        }
        out.put((byte) '}');
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

    /** Where {@link #toJson} would hand a full array: never, unless the length was reckoned short. */
    private static final OutputStream TOO_SHORT = new OutputStream() {
        @Override
        public void write(int b) {
            throw new IllegalStateException("the list was reckoned shorter than it is");
        }
    };

    /** Whether Jackson writes {@code text} as it is between quotes: ASCII with no quote, backslash or control character. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7F || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static byte[] quote(String plain) {
        return ascii('"' + plain + '"');
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * An array filled and, when full, handed to a stream and filled again. For {@link #toJson} the array
     * is the body's exact size and is never handed on.
     */
    private static final class Writer {
        private final byte[] buf;
        private final OutputStream sink;
        private int pos;
        private long written;

        Writer(byte[] buf, OutputStream sink) {
            this.buf = buf;
            this.sink = sink;
        }

        void put(byte b) {
            if (pos == buf.length) {
                flush();
            }
            buf[pos++] = b;
        }

        void raw(byte[] bytes) {
            slice(bytes, 0, bytes.length);
        }

        /** {@code bytes[from, to)}. */
        void slice(byte[] bytes, int from, int to) {
            while (from < to) {
                if (pos == buf.length) {
                    flush();
                }
                int n = Math.min(to - from, buf.length - pos);
                System.arraycopy(bytes, from, buf, pos, n);
                pos += n;
                from += n;
            }
        }

        /** A string known to be plain ASCII, between quotes. */
        void plain(String text) {
            put((byte) '"');
            plainUnquoted(text);
            put((byte) '"');
        }

        // String.getBytes(int, int, byte[], int) is deprecated for dropping each char's high byte, which
        // is what plain ASCII text wants: it is one array copy, where a loop over chars was the writer's cost
        @SuppressWarnings("deprecation")
        void plainUnquoted(String text) {
            int from = 0;
            int length = text.length();
            while (from < length) {
                if (pos == buf.length) {
                    flush();
                }
                int n = Math.min(length - from, buf.length - pos);
                text.getBytes(from, from + n, buf, pos);
                pos += n;
                from += n;
            }
        }

        void flush() {
            if (pos == 0) {
                return;
            }
            try {
                sink.write(buf, 0, pos);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written += pos;
            pos = 0;
        }
    }
}
