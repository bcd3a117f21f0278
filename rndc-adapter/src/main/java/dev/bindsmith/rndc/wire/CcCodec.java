package dev.bindsmith.rndc.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Encoder and decoder of isccc values ({@code key := u8 len, bytes}; {@code value := u8 type, u32
 * length, payload}). The decoder refuses nesting deeper than {@link #MAX_DEPTH} (named's own limit
 * since CVE-2023-3341), type bytes other than 1–3, lengths that run past the enclosing value, and
 * type {@code 0x00}, which named never sends.
 */
public final class CcCodec {

    /** Deepest nesting accepted; the top-level table is depth 1. */
    public static final int MAX_DEPTH = 10;

    static final int TYPE_BINARY = 0x01;
    static final int TYPE_TABLE = 0x02;
    static final int TYPE_LIST = 0x03;

    private CcCodec() {}

    /** The wire form of a table's entries without a type byte or length (as the top level is sent). */
    public static byte[] encodeEntries(SequencedMap<String, CcValue> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeEntries(out, entries);
        return out.toByteArray();
    }

    /** The wire form of one key and its value. */
    public static byte[] encodeEntry(String key, CcValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeKey(out, key);
        writeValue(out, value);
        return out.toByteArray();
    }

    private static void writeEntries(ByteArrayOutputStream out, Map<String, CcValue> entries) {
        for (Map.Entry<String, CcValue> e : entries.entrySet()) {
            writeKey(out, e.getKey());
            writeValue(out, e.getValue());
        }
    }

    private static void writeKey(ByteArrayOutputStream out, String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        if (k.length > 255) {
            throw new IllegalArgumentException("isccc key longer than 255 bytes");
        }
        out.write(k.length);
        out.writeBytes(k);
    }

    private static void writeValue(ByteArrayOutputStream out, CcValue value) {
        switch (value) {
            case CcValue.Binary b -> {
                out.write(TYPE_BINARY);
                writeU32(out, b.length());
                out.writeBytes(b.bytes());
            }
            case CcValue.Table t -> {
                byte[] body = encodeEntries(t.entries());
                out.write(TYPE_TABLE);
                writeU32(out, body.length);
                out.writeBytes(body);
            }
            case CcValue.ListOf l -> {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                for (CcValue item : l.items()) {
                    writeValue(body, item);
                }
                out.write(TYPE_LIST);
                writeU32(out, body.size());
                out.writeBytes(body.toByteArray());
            }
        }
    }

    static void writeU32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >>> 24) & 0xff);
        out.write((int) (v >>> 16) & 0xff);
        out.write((int) (v >>> 8) & 0xff);
        out.write((int) v & 0xff);
    }

    /** Decodes a run of table entries occupying {@code buf[from, to)} at nesting depth 1. */
    public static CcValue.Table decodeEntries(byte[] buf, int from, int to) throws WireFormatException {
        return new Reader(buf, from, to).table(to, 1);
    }

    /** A cursor over an untrusted buffer; every read is bounds-checked against {@code limit}. */
    static final class Reader {
        private final byte[] buf;
        int pos;

        Reader(byte[] buf, int from, int to) throws WireFormatException {
            if (from < 0 || to > buf.length || from > to) {
                throw new WireFormatException("isccc: bad bounds");
            }
            this.buf = buf;
            this.pos = from;
        }

        int u8(int limit) throws WireFormatException {
            need(1, limit);
            return buf[pos++] & 0xff;
        }

        long u32(int limit) throws WireFormatException {
            need(4, limit);
            long v = ((long) (buf[pos] & 0xff) << 24)
                    | ((buf[pos + 1] & 0xff) << 16)
                    | ((buf[pos + 2] & 0xff) << 8)
                    | (buf[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        private void need(long n, int limit) throws WireFormatException {
            if (n > limit - pos) {
                throw new WireFormatException("isccc: truncated message");
            }
        }

        String key(int limit) throws WireFormatException {
            int len = u8(limit);
            need(len, limit);
            String k = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return k;
        }

        CcValue.Table table(int limit, int depth) throws WireFormatException {
            if (depth > MAX_DEPTH) {
                throw new WireFormatException("isccc: nesting deeper than " + MAX_DEPTH);
            }
            SequencedMap<String, CcValue> entries = new LinkedHashMap<>();
            while (pos < limit) {
                String k = key(limit);
                entries.put(k, value(limit, depth));
            }
            return new CcValue.Table(entries);
        }

        CcValue value(int limit, int depth) throws WireFormatException {
            int type = u8(limit);
            long len = u32(limit);
            need(len, limit);
            int end = pos + (int) len;
            return switch (type) {
                case TYPE_BINARY -> {
                    byte[] b = new byte[(int) len];
                    System.arraycopy(buf, pos, b, 0, (int) len);
                    pos = end;
                    yield new CcValue.Binary(b);
                }
                case TYPE_TABLE -> table(end, depth + 1);
                case TYPE_LIST -> list(end, depth + 1);
                default -> throw new WireFormatException("isccc: unknown value type " + type);
            };
        }

        private CcValue.ListOf list(int limit, int depth) throws WireFormatException {
            if (depth > MAX_DEPTH) {
                throw new WireFormatException("isccc: nesting deeper than " + MAX_DEPTH);
            }
            List<CcValue> items = new ArrayList<>();
            while (pos < limit) {
                items.add(value(limit, depth));
            }
            return new CcValue.ListOf(items);
        }
    }
}
