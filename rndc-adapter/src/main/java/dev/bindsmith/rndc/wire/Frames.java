package dev.bindsmith.rndc.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * Length-prefixed framing: a u32 big-endian length counting every byte after itself (the u32
 * version, then the top-level table). Refuses a zero length and anything above the caller's cap
 * before allocating, so a hostile length cannot exhaust memory.
 */
public final class Frames {

    /** The largest frame length named accepts in a request. */
    public static final int MAX_REQUEST_LENGTH = 32_768;
    /** The default cap on a reply's frame length (the rndc binary's limit). */
    public static final int DEFAULT_MAX_REPLY_LENGTH = 1 << 20;
    /** The only protocol version. */
    public static final int VERSION = 1;

    private Frames() {}

    /** Prefixes {@code body} (version + contents) with its length. */
    public static byte[] frame(byte[] body) {
        return ByteBuffer.allocate(4 + body.length)
                .putInt(body.length)
                .put(body)
                .array();
    }

    /**
     * Reads one frame and returns its body (version + contents).
     *
     * @throws PeerClosedException when the stream ended or failed before the first byte
     * @throws SocketTimeoutException when the read timed out (before or during the frame)
     * @throws WireFormatException when the length is 0 or over {@code maxLength}, or the stream
     *     ended inside the frame
     */
    public static byte[] readFrame(InputStream in, int maxLength) throws IOException, WireFormatException {
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw new PeerClosedException("connection reset before a reply", e);
        }
        if (first < 0) {
            throw new PeerClosedException("connection closed before a reply", null);
        }
        byte[] rest = in.readNBytes(3);
        if (rest.length < 3) {
            throw new WireFormatException("isccc: connection closed inside the length prefix");
        }
        long length = ((long) first << 24) | ((rest[0] & 0xff) << 16) | ((rest[1] & 0xff) << 8) | (rest[2] & 0xff);
        if (length == 0) {
            throw new WireFormatException("isccc: frame length 0");
        }
        if (length > maxLength) {
            throw new WireFormatException("isccc: frame of " + length + " bytes exceeds the limit of " + maxLength);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new WireFormatException(
                    "isccc: connection closed after " + body.length + " of " + length + " bytes", new EOFException());
        }
        return body;
    }
}
