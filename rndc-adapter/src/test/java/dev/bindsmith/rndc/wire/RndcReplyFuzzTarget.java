package dev.bindsmith.rndc.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Fuzz target: bytes from named's control channel as the client reads them — one frame
 * ({@link Frames#readFrame}), its isccc tree (unverified, and verified with a fixed key), and the
 * fields the client reads from a reply ({@code _ctrl}: {@code _rpl}, {@code _ser}, {@code _nonce};
 * {@code _data}: {@code result}, {@code err}, {@code text}). The input is also decoded as a frame body
 * without its length prefix, so that mutations reach the tree decoder directly. Only
 * {@link WireFormatException} and {@link PeerClosedException} are refusals; anything else escaping is
 * a crash. Corpus: {@code fuzz/RndcReplyFuzzTarget/} (the golden requests and a reply captured
 * from named 9.18).
 */
public final class RndcReplyFuzzTarget {
    private static final RndcKey KEY =
            RndcKey.ofBase64("rndc-key", HmacAlgorithm.HMAC_SHA256, "c2VjcmV0LWtleS1mb3ItcmVhZG1lLXRlc3QtdmVjdG9yMDE=");

    private RndcReplyFuzzTarget() {}

    public static void fuzzerTestOneInput(byte[] input) {
        try {
            decode(Frames.readFrame(new ByteArrayInputStream(input), Frames.DEFAULT_MAX_REPLY_LENGTH));
        } catch (WireFormatException | PeerClosedException refused) {
            // a refusal of the frame
        } catch (IOException e) {
            // a byte array cannot fail to read: any other IOException is a defect of the framing
            throw new IllegalStateException("readFrame threw " + e, e);
        }
        decode(input);
    }

    private static void decode(byte[] body) {
        try {
            read(RndcWire.decodeUnverified(body));
        } catch (WireFormatException refused) {
            // a refusal of the tree
        }
        try {
            read(RndcWire.decodeVerified(KEY, body));
        } catch (WireFormatException refused) {
            // unsigned, badly signed or malformed
        }
    }

    /** What the client reads from a reply (Session#exchange and #roundTrip). */
    private static void read(CcValue.Table reply) {
        Optional<CcValue.Table> ctrl = reply.table("_ctrl");
        ctrl.flatMap(c -> c.string("_rpl"));
        ctrl.flatMap(c -> c.string("_ser"));
        ctrl.flatMap(c -> c.string("_nonce"));
        reply.table("_data").ifPresent(data -> {
            data.string("result").map(String::trim).ifPresent(r -> {
                try {
                    Long.parseUnsignedLong(r);
                } catch (NumberFormatException refused) {
                    // "the reply has no numeric result"
                }
            });
            data.string("err");
            data.string("text");
        });
    }
}
