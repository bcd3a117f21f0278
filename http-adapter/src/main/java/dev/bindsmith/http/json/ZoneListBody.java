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
import java.util.ArrayList;
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
 * is written into chunks of 1000 zones that are kept for the next listing, which after a change writes
 * only the chunk the change fell in ({@code Kept}). The CLI's direct mode,
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
     * chunks, which are kept for the next listing.
     */
    static final int KEEP_ZONES = 2 * ZoneService.MAX_LIMIT;
    /**
     * Zones a kept body holds in one chunk: a change writes the chunk its zone falls in again (about
     * 120 KB at this size), and copies no other.
     */
    static final int CHUNK_ZONES = 1000;
    /**
     * Chunks looked at before a body gives up keeping itself when none of them could be kept as it
     * was: a store that builds its zones afresh for every list has no zone the same instance as before.
     */
    private static final int CHUNKS_SOUGHT = 4;

    /**
     * A run of consecutive zones of a kept list and their bytes: their names, each quoted, and their
     * items, each separated from the next by a comma (none before the first or after the last).
     * Immutable once built: a kept body's chunks are shared by the bodies after it.
     */
    private record Chunk(StoredZone[] zones, byte[] names, byte[] items) {
        StoredZone first() {
            return zones[0];
        }
    }

    /**
     * The last long list's body, as chunks of {@link #CHUNK_ZONES} zones, with the list it was written
     * for. A store that keeps its list between listings (both stores do) answers the same immutable
     * list until a zone changes, so the same list is the same body: it is sent again from these chunks.
     * After a change, a chunk whose zones are all still there, the same instances, one after the
     * other, is kept as it is, and only the chunk a change falls in is written again: a change costs
     * about one chunk and a walk over the list comparing references, not a new 15 MB array (which,
     * under serve's serial collector and 2.4 MB young generation, went straight to the old generation
     * at every change and filled it). Written from the strings, the whole body took 50–80 ms of CPU at
     * 100 000 zones, most of it waiting on memory: the strings lie all over the heap. Softly held: the
     * collector may take it back when the heap runs short. No chunks (and no length): the list was
     * streamed, and only the list is kept ({@link #keep}).
     */
    private record Kept(List<StoredZone> zones, Optional<String> nextCursor, List<Chunk> chunks, int length) {}

    private static volatile SoftReference<Kept> kept = new SoftReference<>(null);

    private final List<StoredZone> zones;
    private final Optional<String> nextCursor;
    /** Reckoned once, with the strings that need Jackson's quoting (rare: a file path with an odd character). */
    private Layout layout;
    /** A long list's body, once made or found kept; empty when it is streamed instead. */
    private Optional<Kept> mine;
    /** How many zones this body wrote afresh into chunks rather than taking their chunk from the kept body. */
    private int writtenZones;

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
        Optional<byte[]> cursor = cursor();
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

    private Optional<byte[]> cursor() {
        return nextCursor.map(c -> plain(c) ? quote(c) : Json.jackson(c));
    }

    @Override
    public long length() {
        Optional<Kept> k = keep();
        return k.isPresent() ? k.get().length() : layout().size();
    }

    /** How many zones this body wrote afresh into its chunks; the others' chunks it took from the body kept before. */
    int writtenZones() {
        keep();
        return writtenZones;
    }

    /** Whether this body is sent from chunks kept for the next listing (a long list), not streamed. */
    boolean isKept() {
        return keep().isPresent();
    }

    /**
     * A long list's body in chunks: the one kept for this very list (the same instance: an immutable
     * list), or made now, taking every chunk it can from the one kept, and kept in its place. A list
     * none of whose first chunks can be taken from the kept body is streamed instead, and only the list
     * is kept (with no chunks): a store that builds its zones afresh for every list streams every one,
     * and a store that keeps its list has its body kept at its next listing.
     */
    private Optional<Kept> keep() {
        if (mine != null) {
            return mine;
        }
        Kept last = kept.get();
        if (zones.size() < KEEP_ZONES) {
            mine = Optional.empty();
            return mine;
        }
        boolean sameList =
                last != null && last.zones() == zones && last.nextCursor().equals(nextCursor);
        if (sameList && !last.chunks().isEmpty()) {
            mine = Optional.of(last);
            return mine;
        }
        Optional<List<Chunk>> chunks;
        if (sameList || last == null) {
            chunks = chunks(List.of());
        } else if (last.chunks().isEmpty()) {
            // the list before was streamed: so is this other one
            chunks = Optional.empty();
        } else {
            chunks = chunks(last.chunks());
        }
        Kept fresh = chunks.isPresent() ? kept(chunks.get()) : new Kept(zones, nextCursor, List.of(), -1);
        kept = new SoftReference<>(fresh);
        mine = chunks.isPresent() ? Optional.of(fresh) : Optional.empty();
        return mine;
    }

    /**
     * This list in chunks, taking from {@code before} (the kept body's) each chunk whose zones are the
     * next ones of this list, the same instances; the zones between two such chunks are written into
     * new chunks. Which chunk a zone lands in does not change the bytes (the chunks are joined in
     * order), so the list's order decides only how much is kept: in name order, as the stores list,
     * the zones before the next kept chunk's first name are those a change fell among, and go into one
     * chunk written again. Empty when {@code before} had chunks and none of the first
     * {@link #CHUNKS_SOUGHT} could be kept.
     */
    private Optional<List<Chunk>> chunks(List<Chunk> before) {
        int n = zones.size();
        List<Chunk> chunks = new ArrayList<>(n / CHUNK_ZONES + 2);
        int i = 0;
        int keptChunks = 0;
        int c = 0;
        for (; c < before.size() && i < n; c++) {
            if (c == CHUNKS_SOUGHT && keptChunks == 0) {
                return Optional.empty();
            }
            Chunk old = before.get(c);
            if (sameZonesAt(i, old)) {
                chunks.add(old);
                keptChunks++;
                i += old.zones().length;
                continue;
            }
            // the zones that come before the next chunk's first replace this chunk
            int end = n;
            if (c + 1 < before.size()) {
                StoredZone next = before.get(c + 1).first();
                end = i;
                while (end < n
                        && zones.get(end) != next
                        && zones.get(end).name().compareTo(next.name()) < 0) {
                    end++;
                }
            }
            written(i, end, chunks);
            i = end;
        }
        if (keptChunks == 0 && c > 0) {
            // a short kept body, none of whose chunks could be kept: as above
            return Optional.empty();
        }
        written(i, n, chunks);
        return Optional.of(chunks);
    }

    /** Whether this list's zones from {@code at} on are the chunk's zones, the same instances. */
    private boolean sameZonesAt(int at, Chunk chunk) {
        StoredZone[] z = chunk.zones();
        if (at + z.length > zones.size()) {
            return false;
        }
        for (int k = 0; k < z.length; k++) {
            if (zones.get(at + k) != z[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Zones {@code [from, to)} written into new chunks of at most {@link #CHUNK_ZONES}, added to
     * {@code chunks}; of even sizes, so that a chunk that grew by a zone does not leave one of a zone.
     */
    private void written(int from, int to, List<Chunk> chunks) {
        int pieces = (to - from + CHUNK_ZONES - 1) / CHUNK_ZONES;
        for (int p = 0; p < pieces; p++) {
            int start = from + (int) ((long) (to - from) * p / pieces);
            int end = from + (int) ((long) (to - from) * (p + 1) / pieces);
            chunks.add(chunk(zones.subList(start, end)));
        }
        writtenZones += to - from;
    }

    private static Chunk chunk(List<StoredZone> run) {
        int n = run.size();
        // each name quoted, with a comma after all but the last; each item likewise
        long names = n - 1L;
        long items = n - 1L;
        byte[][] quotedFiles = new byte[n][];
        for (int k = 0; k < n; k++) {
            StoredZone z = run.get(k);
            names += z.name().value().length() + 2;
            items += z.name().value().length() + 2 + z.type().wireName().length() + 2 + ITEM_OVERHEAD;
            String file = z.file();
            if (plain(file)) {
                items += file.length() + 2;
            } else {
                quotedFiles[k] = Json.jackson(file);
                items += quotedFiles[k].length;
            }
        }
        if (items > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a chunk of " + n + " zones is " + items + " bytes of JSON");
        }
        Writer nameOut = new Writer(new byte[(int) names], TOO_SHORT);
        Writer itemOut = new Writer(new byte[(int) items], TOO_SHORT);
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                nameOut.put((byte) ',');
                itemOut.put((byte) ',');
            }
            StoredZone z = run.get(k);
            nameOut.plain(z.name().value());
            item(z, quotedFiles[k], itemOut);
        }
        if (nameOut.pos != names || itemOut.pos != items) {
            throw new IllegalStateException("a chunk reckoned " + names + " + " + items + " bytes and wrote "
                    + nameOut.pos + " + " + itemOut.pos);
        }
        return new Chunk(run.toArray(StoredZone[]::new), nameOut.buf, itemOut.buf);
    }

    /** The kept body of this list made of {@code chunks}, with its length. */
    private Kept kept(List<Chunk> chunks) {
        String count = Integer.toString(zones.size());
        long size = ZONES.length + COUNT.length + count.length() + ITEMS.length + 2L;
        for (int c = 0; c < chunks.size(); c++) {
            // the comma before every chunk but the first, in each array
            size += chunks.get(c).names().length + chunks.get(c).items().length + (c > 0 ? 2 : 0);
        }
        Optional<byte[]> cursor = cursor();
        if (cursor.isPresent()) {
            size += NEXT_CURSOR.length + cursor.get().length;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a list of " + zones.size() + " zones is " + size + " bytes of JSON");
        }
        return new Kept(zones, nextCursor, List.copyOf(chunks), (int) size);
    }

    /** A kept body: its chunks joined, between the fields around them. */
    private void write(Kept body, Writer out) {
        out.raw(ZONES);
        List<Chunk> chunks = body.chunks();
        for (int c = 0; c < chunks.size(); c++) {
            if (c > 0) {
                out.put((byte) ',');
            }
            out.raw(chunks.get(c).names());
        }
        out.raw(COUNT);
        out.plainUnquoted(Integer.toString(body.zones().size()));
        out.raw(ITEMS);
        for (int c = 0; c < chunks.size(); c++) {
            if (c > 0) {
                out.put((byte) ',');
            }
            out.raw(chunks.get(c).items());
        }
        out.put((byte) ']');
        Optional<byte[]> cursor = cursor();
        if (cursor.isPresent()) {
            out.raw(NEXT_CURSOR);
            out.raw(cursor.get());
        }
        out.put((byte) '}');
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
        Optional<Kept> k = keep();
        int size = k.isPresent() ? k.get().length() : layout().size();
        Writer w = new Writer(new byte[Math.min(PIECE, size)], out);
        try {
            if (k.isPresent()) {
                // copied a piece at a time: Helidon 4.4.0's stream writes a piece that does not start its
                // array wrongly (FixedBufferData.writeTo passes the end for the length; fixed after 4.4.0)
                write(k.get(), w);
            } else {
                write(layout(), w);
            }
            w.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (w.written != size) {
            // the Content-Length was sent: a body of another length must not pass as this one
            throw new IllegalStateException("the list reckoned " + size + " bytes and wrote " + w.written);
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
