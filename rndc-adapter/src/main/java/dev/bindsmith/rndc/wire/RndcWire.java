package dev.bindsmith.rndc.wire;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * Whole rndc messages: signed encoding of requests (and, for test servers, replies) and verified
 * decoding. A verifier hashes the bytes exactly as received after the {@code _auth} entry; it never
 * re-serialises the parsed tree.
 */
public final class RndcWire {

    private RndcWire() {}

    /**
     * A signed request frame (length prefix included) carrying {@code _ctrl = {_ser, _tim, _exp[,
     * _nonce]}} and {@code _data = {type: command}}.
     *
     * @throws WireFormatException when the frame would exceed named's 32 768-byte request limit
     */
    public static byte[] encodeRequest(
            RndcKey key, long serial, long time, long expires, Optional<String> nonce, String command)
            throws WireFormatException {
        SequencedMap<String, CcValue> ctrl = new LinkedHashMap<>();
        ctrl.put("_ser", CcValue.Binary.of(Long.toUnsignedString(serial & 0xffff_ffffL)));
        ctrl.put("_tim", CcValue.Binary.of(Long.toString(time)));
        ctrl.put("_exp", CcValue.Binary.of(Long.toString(expires)));
        nonce.ifPresent(n -> ctrl.put("_nonce", CcValue.Binary.of(n)));
        SequencedMap<String, CcValue> data = new LinkedHashMap<>();
        data.put("type", CcValue.Binary.of(command));
        SequencedMap<String, CcValue> top = new LinkedHashMap<>();
        top.put("_ctrl", new CcValue.Table(ctrl));
        top.put("_data", new CcValue.Table(data));
        byte[] frame = encodeSigned(key, top);
        if (frame.length - 4 > Frames.MAX_REQUEST_LENGTH) {
            throw new WireFormatException("rndc: a request of " + (frame.length - 4)
                    + " bytes exceeds named's limit of " + Frames.MAX_REQUEST_LENGTH);
        }
        return frame;
    }

    /** A signed frame: length, version, {@code _auth} first, then {@code entries} in order. */
    public static byte[] encodeSigned(RndcKey key, SequencedMap<String, CcValue> entries) {
        if (entries.containsKey(MessageAuth.AUTH)) {
            throw new IllegalArgumentException("_auth is computed, not given");
        }
        byte[] signed = CcCodec.encodeEntries(entries);
        byte[] auth = CcCodec.encodeEntry(MessageAuth.AUTH, MessageAuth.authTable(key, signed, 0, signed.length));
        ByteArrayOutputStream body = new ByteArrayOutputStream(4 + auth.length + signed.length);
        CcCodec.writeU32(body, Frames.VERSION);
        body.writeBytes(auth);
        body.writeBytes(signed);
        return Frames.frame(body.toByteArray());
    }

    /**
     * Decodes a frame body (version + contents) and verifies its signature with {@code key}.
     *
     * @throws WireFormatException when the bytes are malformed, {@code _auth} is missing or not first,
     *     or the signature does not match
     */
    public static CcValue.Table decodeVerified(RndcKey key, byte[] body) throws WireFormatException {
        Parsed p = parse(body);
        if (p.authEnd < 0) {
            throw new WireFormatException("rndc: the message is not signed (_auth missing or not first)");
        }
        if (!MessageAuth.verify(key, p.auth, body, p.authEnd, body.length)) {
            throw new WireFormatException("rndc: the signature does not verify with key '" + key.name() + "'");
        }
        return p.table;
    }

    /** Decodes a frame body without checking any signature (for diagnostics and tests). */
    public static CcValue.Table decodeUnverified(byte[] body) throws WireFormatException {
        return parse(body).table;
    }

    private record Parsed(CcValue.Table table, int authEnd, CcValue auth) {}

    private static Parsed parse(byte[] body) throws WireFormatException {
        CcCodec.Reader r = new CcCodec.Reader(body, 0, body.length);
        long version = r.u32(body.length);
        if (version != Frames.VERSION) {
            throw new WireFormatException("isccc: unsupported version " + version);
        }
        SequencedMap<String, CcValue> entries = new LinkedHashMap<>();
        int authEnd = -1;
        CcValue auth = null;
        boolean first = true;
        while (r.pos < body.length) {
            String k = r.key(body.length);
            CcValue v = r.value(body.length, 1);
            if (first && k.equals(MessageAuth.AUTH)) {
                authEnd = r.pos;
                // Kept apart: a later duplicate "_auth" key must not stand in for the signed one.
                auth = v;
            }
            first = false;
            entries.put(k, v);
        }
        return new Parsed(new CcValue.Table(entries), authEnd, auth);
    }
}
