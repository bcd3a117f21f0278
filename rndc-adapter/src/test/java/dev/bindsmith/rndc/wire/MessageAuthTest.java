package dev.bindsmith.rndc.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.SequencedMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageAuthTest {

    private static final byte[] SECRET =
            "a shared secret of some length!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static byte[] body(byte[] frame) {
        return Arrays.copyOfRange(frame, 4, frame.length);
    }

    private static byte[] request(RndcKey key) throws WireFormatException {
        return RndcWire.encodeRequest(key, 4_000_000_000L, 1_800_000_000L, 1_800_000_060L, Optional.of("42"), "status");
    }

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void authEntryHasNamedsLayoutForEachAlgorithm(HmacAlgorithm alg) throws Exception {
        RndcKey key = new RndcKey("k", alg, SECRET);
        CcValue.Table auth =
                RndcWire.decodeUnverified(body(request(key))).table("_auth").orElseThrow();
        if (alg == HmacAlgorithm.HMAC_MD5) {
            assertThat(auth.entries().sequencedKeySet()).containsExactly("hmd5");
            String b64 = auth.string("hmd5").orElseThrow();
            assertThat(b64).hasSize(22).doesNotContain("=");
        } else {
            assertThat(auth.entries().sequencedKeySet()).containsExactly("hsha");
            byte[] v = ((CcValue.Binary) auth.get("hsha").orElseThrow()).bytes();
            assertThat(v).hasSize(89);
            assertThat(v[0] & 0xff).isEqualTo(alg.code());
            String text = new String(v, 1, 88, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "");
            int macLength = java.util.Base64.getDecoder().decode(text).length;
            assertThat(macLength)
                    .isEqualTo(
                            switch (alg) {
                                case HMAC_SHA1 -> 20;
                                case HMAC_SHA224 -> 28;
                                case HMAC_SHA256 -> 32;
                                case HMAC_SHA384 -> 48;
                                case HMAC_SHA512 -> 64;
                                case HMAC_MD5 -> throw new AssertionError();
                            });
        }
    }

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void signedMessageVerifiesAndAnyFlippedSignedByteBreaksIt(HmacAlgorithm alg) throws Exception {
        RndcKey key = new RndcKey("k", alg, SECRET);
        byte[] body = body(request(key));
        assertThat(RndcWire.decodeVerified(key, body).table("_ctrl").flatMap(c -> c.string("_ser")))
                .contains("4000000000");
        byte[] tampered = body.clone();
        tampered[tampered.length - 1] ^= 1; // last letter of "status"
        assertThatThrownBy(() -> RndcWire.decodeVerified(key, tampered)).isInstanceOf(WireFormatException.class);
    }

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void messageSignedWithAnotherAlgorithmOrSecretIsRefused(HmacAlgorithm alg) throws Exception {
        byte[] body = body(request(new RndcKey("k", alg, SECRET)));
        for (HmacAlgorithm other : HmacAlgorithm.values()) {
            if (other != alg) {
                assertThatThrownBy(() -> RndcWire.decodeVerified(new RndcKey("k", other, SECRET), body))
                        .isInstanceOf(WireFormatException.class);
            }
        }
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] ^= 1;
        assertThatThrownBy(() -> RndcWire.decodeVerified(new RndcKey("k", alg, otherSecret), body))
                .isInstanceOf(WireFormatException.class);
    }

    @ParameterizedTest
    @EnumSource(
            value = HmacAlgorithm.class,
            names = {"HMAC_SHA256", "HMAC_MD5"})
    void authNotFirstIsRefusedEvenWithAValidMac(HmacAlgorithm alg) throws Exception {
        RndcKey key = new RndcKey("k", alg, SECRET);
        SequencedMap<String, CcValue> ctrl = new LinkedHashMap<>();
        ctrl.put("_ser", CcValue.Binary.of("1"));
        byte[] signed = CcCodec.encodeEntry("_ctrl", new CcValue.Table(ctrl));
        CcValue.Table auth = MessageAuth.authTable(key, signed, 0, signed.length);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        CcCodec.writeU32(b, 1);
        b.writeBytes(signed);
        b.writeBytes(CcCodec.encodeEntry("_auth", auth));
        assertThatThrownBy(() -> RndcWire.decodeVerified(key, b.toByteArray()))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("not first");
    }

    @ParameterizedTest
    @EnumSource(value = HmacAlgorithm.class, names = "HMAC_MD5", mode = EnumSource.Mode.EXCLUDE)
    void hshaWithTheWrongAlgorithmByteIsRefused(HmacAlgorithm alg) throws Exception {
        RndcKey key = new RndcKey("k", alg, SECRET);
        byte[] body = body(request(key));
        // body: version(4) "_auth" key(6) table header(5) "hsha" key(5) binary header(5) → algorithm byte
        int algOffset = 4 + 6 + 5 + 5 + 5;
        assertThat(body[algOffset] & 0xff).isEqualTo(alg.code());
        body[algOffset] = (byte) (alg.code() == 165 ? 161 : alg.code() + 1);
        assertThatThrownBy(() -> RndcWire.decodeVerified(key, body)).isInstanceOf(WireFormatException.class);
    }
}
