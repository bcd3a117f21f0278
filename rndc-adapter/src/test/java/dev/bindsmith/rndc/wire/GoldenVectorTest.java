package dev.bindsmith.rndc.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deterministic request of docs/rndc-wire.md (a golden request), which the real rndc binary produces byte for byte. */
class GoldenVectorTest {

    private static final String SECRET = "c2VjcmV0LWtleS1mb3ItcmVhZG1lLXRlc3QtdmVjdG9yMDE=";

    static byte[] golden(String name) throws IOException {
        try (InputStream in = GoldenVectorTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] statusRequest(HmacAlgorithm alg) throws WireFormatException {
        RndcKey key = RndcKey.ofBase64("rndc-key", alg, SECRET);
        return RndcWire.encodeRequest(key, 12345, 1_700_000_000L, 1_700_000_060L, Optional.of("987654321"), "status");
    }

    @Test
    void hmacSha256StatusRequestMatchesTheReferenceFrameByteForByte() throws Exception {
        byte[] expected = golden("golden-status-hmac-sha256.bin");
        assertThat(expected).hasSize(232);
        assertThat(statusRequest(HmacAlgorithm.HMAC_SHA256)).isEqualTo(expected);
    }

    @Test
    void hmacMd5StatusRequestMatchesTheReferenceFrameByteForByte() throws Exception {
        byte[] expected = golden("golden-status-hmac-md5.bin");
        assertThat(expected).hasSize(165);
        assertThat(statusRequest(HmacAlgorithm.HMAC_MD5)).isEqualTo(expected);
    }

    @Test
    void goldenFramesVerifyWithTheirKeyAndNotWithAnother() throws Exception {
        for (HmacAlgorithm alg : new HmacAlgorithm[] {HmacAlgorithm.HMAC_SHA256, HmacAlgorithm.HMAC_MD5}) {
            String file =
                    alg == HmacAlgorithm.HMAC_MD5 ? "golden-status-hmac-md5.bin" : "golden-status-hmac-sha256.bin";
            byte[] body = Arrays.copyOfRange(golden(file), 4, golden(file).length);
            CcValue.Table t = RndcWire.decodeVerified(RndcKey.ofBase64("k", alg, SECRET), body);
            assertThat(t.table("_data").flatMap(d -> d.string("type"))).contains("status");
            assertThat(t.table("_ctrl").flatMap(c -> c.string("_nonce"))).contains("987654321");
            assertThatThrownBy(() -> RndcWire.decodeVerified(RndcKey.ofBase64("k", alg, "AAAA"), body))
                    .isInstanceOf(WireFormatException.class)
                    .hasMessageContaining("signature");
        }
    }

    @Test
    void capturedZonestatusReplyDecodesToNamedsFieldsInWireOrder() throws Exception {
        byte[] frame = golden("captured-reply-zonestatus-nosuch.bin");
        byte[] body = Frames.readFrame(new java.io.ByteArrayInputStream(frame), Frames.DEFAULT_MAX_REPLY_LENGTH);
        assertThat(body).hasSize(345);
        // Only decoded: the HMAC was made with that lab instance's session key, which is not recorded.
        CcValue.Table t = RndcWire.decodeUnverified(body);
        assertThat(t.entries().sequencedKeySet()).containsExactly("_auth", "_ctrl", "_data");
        CcValue.Table ctrl = t.table("_ctrl").orElseThrow();
        assertThat(ctrl.entries().sequencedKeySet()).containsExactly("_ser", "_tim", "_exp", "_rpl", "_nonce");
        assertThat(ctrl.string("_ser")).contains("3178283193");
        assertThat(ctrl.string("_tim")).contains("1795301022");
        assertThat(ctrl.string("_exp")).contains("1795301082");
        assertThat(ctrl.string("_rpl")).contains("1");
        assertThat(ctrl.string("_nonce")).contains("3312819239");
        CcValue.Table data = t.table("_data").orElseThrow();
        assertThat(data.entries().sequencedKeySet()).containsExactly("type", "result", "err", "text");
        assertThat(data.string("type")).contains("zonestatus nosuch.test");
        assertThat(data.string("result")).contains("23");
        assertThat(data.string("err")).contains("not found");
        assertThat(data.string("text")).contains("no matching zone 'nosuch.test' in any view");
        CcValue.Binary hsha =
                (CcValue.Binary) t.table("_auth").orElseThrow().get("hsha").orElseThrow();
        assertThat(hsha.length()).isEqualTo(89);
        assertThat(hsha.bytes()[0] & 0xff).isEqualTo(163);
    }
}
