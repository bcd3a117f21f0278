package dev.bindsmith.rndc.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random truncations and mutations of real frames: the decoder must end every one with its
 * own error type (or a result), never another exception and never an allocation the size of a
 * made-up length.
 */
class HostileInputFuzzTest {

    private static final RndcKey KEY =
            RndcKey.ofBase64("k", HmacAlgorithm.HMAC_SHA256, "c2VjcmV0LWtleS1mb3ItcmVhZG1lLXRlc3QtdmVjdG9yMDE=");

    private static void decodeAll(byte[] frame) {
        try {
            byte[] body = Frames.readFrame(new ByteArrayInputStream(frame), Frames.DEFAULT_MAX_REPLY_LENGTH);
            RndcWire.decodeUnverified(body);
            RndcWire.decodeVerified(KEY, body);
        } catch (WireFormatException | PeerClosedException expected) {
            // the only acceptable failures
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            fail("decoder crashed with %s on %s", e, java.util.HexFormat.of().formatHex(frame));
        }
        try {
            if (frame.length >= 4) {
                CcCodec.decodeEntries(frame, 4, frame.length);
            }
        } catch (WireFormatException expected) {
            // fine
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            fail(
                    "entry decoder crashed with %s on %s",
                    e, java.util.HexFormat.of().formatHex(frame));
        }
    }

    @Test
    void truncatedAndMutatedFramesOnlyEverRaiseWireFormatErrors() throws Exception {
        byte[][] seeds = {
            GoldenVectorTest.golden("golden-status-hmac-sha256.bin"),
            GoldenVectorTest.golden("golden-status-hmac-md5.bin"),
            GoldenVectorTest.golden("captured-reply-zonestatus-nosuch.bin"),
        };
        SplittableRandom random = new SplittableRandom(20261121L);
        int decodedIntact = 0;
        for (byte[] seed : seeds) {
            for (int cut = 0; cut <= seed.length; cut++) {
                decodeAll(Arrays.copyOf(seed, cut));
            }
            for (int round = 0; round < 6_000; round++) {
                byte[] m = seed.clone();
                int mutations = 1 + random.nextInt(4);
                for (int i = 0; i < mutations; i++) {
                    int at = random.nextInt(m.length);
                    switch (random.nextInt(3)) {
                        case 0 -> m[at] = (byte) random.nextInt(256);
                        case 1 -> m[at] = (byte) 0xff;
                        default -> m[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                if (random.nextInt(4) == 0) {
                    m = Arrays.copyOf(m, random.nextInt(m.length + 1));
                }
                decodeAll(m);
            }
            decodeAll(seed);
            decodedIntact++;
        }
        for (int round = 0; round < 5_000; round++) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            decodeAll(noise);
        }
        assertThat(decodedIntact).isEqualTo(seeds.length);
    }
}
