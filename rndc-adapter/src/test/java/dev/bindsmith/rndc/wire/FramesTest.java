package dev.bindsmith.rndc.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FramesTest {

    private static final RndcKey KEY = new RndcKey("k", HmacAlgorithm.HMAC_SHA256, new byte[] {1, 2, 3});

    private static InputStream in(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new ByteArrayInputStream(b);
    }

    @Test
    void endOfStreamBeforeTheFirstByteIsPeerClosed() {
        assertThatThrownBy(() -> Frames.readFrame(in(), 100)).isInstanceOf(PeerClosedException.class);
    }

    @Test
    void resetBeforeTheFirstByteIsPeerClosed() {
        InputStream reset = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new java.net.SocketException("Connection reset");
            }
        };
        assertThatThrownBy(() -> Frames.readFrame(reset, 100)).isInstanceOf(PeerClosedException.class);
    }

    @Test
    void zeroLengthIsRefused() {
        assertThatThrownBy(() -> Frames.readFrame(in(0, 0, 0, 0), 100)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void lengthOverTheCapIsRefusedBeforeReadingTheBody() {
        assertThatThrownBy(() -> Frames.readFrame(in(0xff, 0xff, 0xff, 0xff), Frames.DEFAULT_MAX_REPLY_LENGTH))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("exceeds the limit of 1048576");
        assertThatThrownBy(() -> Frames.readFrame(in(0, 0, 0, 101), 100)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void streamEndingInsideTheFrameIsAFormatErrorNotPeerClosed() {
        assertThatThrownBy(() -> Frames.readFrame(in(0, 0, 0, 8, 0, 0, 0, 1), 100))
                .isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> Frames.readFrame(in(0, 0), 100)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void frameAtTheCapIsRead() throws Exception {
        assertThat(Frames.readFrame(in(0, 0, 0, 4, 0, 0, 0, 1), 4)).containsExactly(0, 0, 0, 1);
    }

    @Test
    void requestsUpToNamedsLimitAreEncodedAndLargerOnesRefused() throws Exception {
        byte[] small = RndcWire.encodeRequest(KEY, 1, 2, 62, Optional.of("n"), "");
        int overhead = small.length - 4;
        String fits = "x".repeat(Frames.MAX_REQUEST_LENGTH - overhead);
        assertThat(RndcWire.encodeRequest(KEY, 1, 2, 62, Optional.of("n"), fits))
                .hasSize(4 + Frames.MAX_REQUEST_LENGTH);
        assertThatThrownBy(() -> RndcWire.encodeRequest(KEY, 1, 2, 62, Optional.of("n"), fits + "x"))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("32768");
    }

    @Test
    void unsupportedVersionIsRefused() {
        assertThatThrownBy(() -> RndcWire.decodeUnverified(new byte[] {0, 0, 0, 2}))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("version");
    }
}
