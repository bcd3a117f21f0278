package dev.bindsmith.rndc.update;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference's resolution of the NSUPDATE_* variables, with the rndc configuration as fallback. */
class UpdateSettingsTest {
    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=";
    private static final String RNDC_SECRET = "cm5kYy1zZWNyZXQtcm5kYy1zZWNyZXQtcm5kYy0xMjM=";

    private static UpdateSettings.RndcFallback rndc(String keyName, String algorithm) {
        return new UpdateSettings.RndcFallback(Optional.of("10.0.0.5"), Optional.of(keyName), Optional.of(algorithm),
                Optional.of(RNDC_SECRET));
    }

    @Test
    void everyNsupdateVariableWinsOverTheRndcSetting() {
        UpdateSettings s = UpdateSettings.fromEnvironment(Map.of("NSUPDATE_SERVER", "192.0.2.53", "NSUPDATE_PORT",
                "5353", "NSUPDATE_KEY_NAME", "bindy-operator", "NSUPDATE_ALGORITHM", "sha512", "NSUPDATE_SECRET",
                SECRET), rndc("rndc-conf-key", "hmac-sha256"));

        assertThat(s.server()).isEqualTo("192.0.2.53");
        assertThat(s.port()).isEqualTo(5353);
        assertThat(s.key().name()).isEqualTo("bindy-operator");
        assertThat(s.key().algorithm()).isEqualTo(TsigKey.Algorithm.HMAC_SHA512);
        assertThat(s.key().secret()).isEqualTo(SECRET);
    }

    @Test
    void withoutNsupdateVariablesTheRndcKeyIsUsed() {
        UpdateSettings s = UpdateSettings.fromEnvironment(Map.of(), rndc("rndc-conf-key", "hmac-sha384"));

        assertThat(s.server()).isEqualTo("10.0.0.5");
        assertThat(s.port()).isEqualTo(53);
        assertThat(s.key().name()).isEqualTo("rndc-conf-key");
        assertThat(s.key().algorithm()).isEqualTo(TsigKey.Algorithm.HMAC_SHA384);
        assertThat(s.key().secret()).isEqualTo(RNDC_SECRET);
    }

    @Test
    void theResolvedRndcSettingsAreTheFallback() {
        var rndcSettings = new dev.bindsmith.rndc.conf.RndcSettings("192.0.2.9", 953,
                dev.bindsmith.rndc.wire.RndcKey.ofBase64("conf-key", dev.bindsmith.rndc.wire.HmacAlgorithm.HMAC_SHA512,
                        RNDC_SECRET), "test");

        UpdateSettings s = UpdateSettings.fromEnvironment(Map.of(), UpdateSettings.RndcFallback.of(rndcSettings));

        assertThat(s.server()).isEqualTo("192.0.2.9");
        assertThat(s.key().name()).isEqualTo("conf-key");
        assertThat(s.key().algorithm()).isEqualTo(TsigKey.Algorithm.HMAC_SHA512);
        assertThat(s.key().secret()).isEqualTo(RNDC_SECRET);
    }

    @Test
    void rndcKeyNameComesBeforeTheRndcConfKey() {
        UpdateSettings s = UpdateSettings.fromEnvironment(Map.of("RNDC_KEY_NAME", "env-key"),
                rndc("rndc-conf-key", "hmac-sha256"));

        assertThat(s.key().name()).isEqualTo("env-key");
    }

    @Test
    void withNothingConfiguredButASecretTheDefaultsAreLoopbackRndcKeyAndHmacSha256() {
        UpdateSettings s = UpdateSettings.fromEnvironment(Map.of("NSUPDATE_SECRET", SECRET),
                UpdateSettings.RndcFallback.none());

        assertThat(s.server()).isEqualTo("127.0.0.1");
        assertThat(s.key().name()).isEqualTo("rndc-key");
        assertThat(s.key().algorithm()).isEqualTo(TsigKey.Algorithm.HMAC_SHA256);
    }

    @Test
    void noSecretAnywhereIsAnErrorNamingTheVariable() {
        assertThatThrownBy(() -> UpdateSettings.fromEnvironment(Map.of(), UpdateSettings.RndcFallback.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("NSUPDATE_SECRET");
    }

    @Test
    void anUnparsablePortIsAnErrorNamingTheVariable() {
        assertThatThrownBy(() -> UpdateSettings.fromEnvironment(Map.of("NSUPDATE_PORT", "53x", "NSUPDATE_SECRET",
                SECRET), UpdateSettings.RndcFallback.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("NSUPDATE_PORT");
    }

    @Test
    void anUnknownAlgorithmIsAnErrorNamingTheVariable() {
        assertThatThrownBy(() -> UpdateSettings.fromEnvironment(Map.of("NSUPDATE_ALGORITHM", "hmac-sha3",
                "NSUPDATE_SECRET", SECRET), UpdateSettings.RndcFallback.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("NSUPDATE_ALGORITHM");
    }

    @Test
    void aSecretThatIsNotBase64IsAnErrorThatDoesNotEchoIt() {
        assertThatThrownBy(() -> UpdateSettings.fromEnvironment(Map.of("NSUPDATE_SECRET", "not*base64!"),
                UpdateSettings.RndcFallback.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("NSUPDATE_SECRET")
                .hasMessageNotContaining("not*base64!");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        UpdateSettings s = UpdateSettings.fromEnvironment(Map.of("NSUPDATE_SECRET", SECRET),
                rndc("k", "hmac-sha256"));

        assertThat(s.toString()).doesNotContain(SECRET).contains("hidden");
        assertThat(s.key().toString()).doesNotContain(SECRET);
        assertThat(rndc("k", "hmac-sha256").toString()).doesNotContain(RNDC_SECRET);
    }

    @Test
    void algorithmNamesAreAcceptedInEveryCommonSpelling() {
        assertThat(TsigKey.Algorithm.parse("HMAC-SHA256")).isEqualTo(TsigKey.Algorithm.HMAC_SHA256);
        assertThat(TsigKey.Algorithm.parse("sha1")).isEqualTo(TsigKey.Algorithm.HMAC_SHA1);
        assertThat(TsigKey.Algorithm.parse("hmac-md5.sig-alg.reg.int")).isEqualTo(TsigKey.Algorithm.HMAC_MD5);
    }
}
