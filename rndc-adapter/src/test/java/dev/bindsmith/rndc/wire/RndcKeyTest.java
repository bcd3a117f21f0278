package dev.bindsmith.rndc.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RndcKeyTest {

    private static final String SECRET = "c2VjcmV0LWtleS1mb3ItcmVhZG1lLXRlc3QtdmVjdG9yMDE=";

    @Test
    void toStringRedactsTheSecret() {
        RndcKey key = RndcKey.ofBase64("rndc-key", HmacAlgorithm.HMAC_SHA256, SECRET);
        assertThat(key.toString()).isEqualTo("RndcKey[name=rndc-key, algorithm=hmac-sha256, secret=(redacted)]");
    }

    @Test
    void secretIsCopiedInAndOut() {
        byte[] secret = {1, 2, 3};
        RndcKey key = new RndcKey("k", HmacAlgorithm.HMAC_MD5, secret);
        secret[0] = 9;
        key.secret()[1] = 9;
        assertThat(key.secret()).containsExactly(1, 2, 3);
        assertThat(key).isEqualTo(new RndcKey("k", HmacAlgorithm.HMAC_MD5, new byte[] {1, 2, 3}));
    }

    @Test
    void invalidBase64IsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> RndcKey.ofBase64("k", HmacAlgorithm.HMAC_SHA256, "s3cr3t*not*base64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rndc key 'k': the secret is not valid base64");
    }

    @Test
    void emptySecretIsRefused() {
        assertThatThrownBy(() -> RndcKey.ofBase64("k", HmacAlgorithm.HMAC_SHA256, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty secret");
    }

    @Test
    void algorithmNamesParseInLongAndShortForm() {
        assertThat(HmacAlgorithm.fromName("hmac-sha384")).contains(HmacAlgorithm.HMAC_SHA384);
        assertThat(HmacAlgorithm.fromName("HMAC-MD5")).contains(HmacAlgorithm.HMAC_MD5);
        assertThat(HmacAlgorithm.fromName("sha1")).contains(HmacAlgorithm.HMAC_SHA1);
        assertThat(HmacAlgorithm.fromName("hmac-sha3")).isEmpty();
        assertThat(HmacAlgorithm.HMAC_SHA224.confName()).isEqualTo("hmac-sha224");
    }
}
