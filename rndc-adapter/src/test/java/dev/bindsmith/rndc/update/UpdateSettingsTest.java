package dev.bindsmith.rndc.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.rndc.update.UpdateSettings.Field;
import dev.bindsmith.rndc.update.UpdateSettings.Given;
import dev.bindsmith.rndc.update.UpdateSettings.Problem;
import dev.bindsmith.rndc.update.UpdateSettings.Resolution;
import dev.bindsmith.rndc.update.UpdateSettings.Source;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The reference's resolution of the update settings, with the rndc configuration as fallback. */
class UpdateSettingsTest {
    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=";
    private static final String RNDC_SECRET = "cm5kYy1zZWNyZXQtcm5kYy1zZWNyZXQtcm5kYy0xMjM=";

    private static UpdateSettings.RndcFallback rndc(String keyName, String algorithm) {
        return new UpdateSettings.RndcFallback(
                Optional.of("10.0.0.5"), Optional.of(keyName), Optional.of(algorithm), Optional.of(RNDC_SECRET));
    }

    private static Given secretOnly(String secret) {
        return new Given(
                Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.of(secret));
    }

    private static UpdateSettings resolved(Resolution r) {
        assertThat(r).isInstanceOf(Resolution.Resolved.class);
        return ((Resolution.Resolved) r).settings();
    }

    private static Problem failed(Resolution r) {
        assertThat(r).isInstanceOf(Resolution.Failed.class);
        return ((Resolution.Failed) r).problem();
    }

    @Test
    void everyGivenValueWinsOverTheRndcSetting() {
        UpdateSettings s = resolved(UpdateSettings.resolve(
                new Given(
                        Optional.of("192.0.2.53"),
                        OptionalInt.of(5353),
                        Optional.of("bindy-operator"),
                        Optional.of("sha512"),
                        Optional.of(SECRET)),
                rndc("rndc-conf-key", "hmac-sha256")));

        assertThat(s.server()).isEqualTo("192.0.2.53");
        assertThat(s.port()).isEqualTo(5353);
        assertThat(s.key().name()).isEqualTo("bindy-operator");
        assertThat(s.key().algorithm()).isEqualTo(TsigKey.Algorithm.HMAC_SHA512);
        assertThat(s.key().secret()).isEqualTo(SECRET);
    }

    @Test
    void withNothingGivenTheRndcKeyIsUsed() {
        UpdateSettings s = resolved(UpdateSettings.resolve(Given.nothing(), rndc("rndc-conf-key", "hmac-sha384")));

        assertThat(s.server()).isEqualTo("10.0.0.5");
        assertThat(s.port()).isEqualTo(53);
        assertThat(s.key().name()).isEqualTo("rndc-conf-key");
        assertThat(s.key().algorithm()).isEqualTo(TsigKey.Algorithm.HMAC_SHA384);
        assertThat(s.key().secret()).isEqualTo(RNDC_SECRET);
    }

    @Test
    void theResolvedRndcSettingsAreTheFallback() {
        var rndcSettings = new dev.bindsmith.rndc.conf.RndcSettings(
                "192.0.2.9",
                953,
                dev.bindsmith.rndc.wire.RndcKey.ofBase64(
                        "conf-key", dev.bindsmith.rndc.wire.HmacAlgorithm.HMAC_SHA512, RNDC_SECRET),
                "test");

        UpdateSettings s =
                resolved(UpdateSettings.resolve(Given.nothing(), UpdateSettings.RndcFallback.of(rndcSettings)));

        assertThat(s.server()).isEqualTo("192.0.2.9");
        assertThat(s.key().name()).isEqualTo("conf-key");
        assertThat(s.key().algorithm()).isEqualTo(TsigKey.Algorithm.HMAC_SHA512);
        assertThat(s.key().secret()).isEqualTo(RNDC_SECRET);
    }

    @Test
    void withNothingConfiguredButASecretTheDefaultsAreLoopbackRndcKeyAndHmacSha256() {
        UpdateSettings s = resolved(UpdateSettings.resolve(secretOnly(SECRET), UpdateSettings.RndcFallback.none()));

        assertThat(s.server()).isEqualTo("127.0.0.1");
        assertThat(s.key().name()).isEqualTo("rndc-key");
        assertThat(s.key().algorithm()).isEqualTo(TsigKey.Algorithm.HMAC_SHA256);
    }

    @Test
    void noSecretAnywhereIsAProblemOfTheGivenSecret() {
        Problem p = failed(UpdateSettings.resolve(Given.nothing(), UpdateSettings.RndcFallback.none()));

        assertThat(p.field()).isEqualTo(Field.SECRET);
        assertThat(p.source()).isEqualTo(Source.GIVEN);
        assertThat(p.message()).contains("no TSIG secret");
    }

    @Test
    void aPortOutOfRangeIsAProblemOfThePort() {
        Problem p = failed(UpdateSettings.resolve(
                new Given(
                        Optional.empty(),
                        OptionalInt.of(70000),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(SECRET)),
                UpdateSettings.RndcFallback.none()));

        assertThat(p.field()).isEqualTo(Field.PORT);
    }

    @Test
    void anUnknownAlgorithmIsAProblemOfWhereItCameFrom() {
        Problem given = failed(UpdateSettings.resolve(
                new Given(
                        Optional.empty(),
                        OptionalInt.empty(),
                        Optional.empty(),
                        Optional.of("hmac-sha3"),
                        Optional.of(SECRET)),
                UpdateSettings.RndcFallback.none()));
        Problem fromRndc = failed(UpdateSettings.resolve(Given.nothing(), rndc("k", "hmac-sha3")));

        assertThat(given.field()).isEqualTo(Field.ALGORITHM);
        assertThat(given.source()).isEqualTo(Source.GIVEN);
        assertThat(fromRndc.field()).isEqualTo(Field.ALGORITHM);
        assertThat(fromRndc.source()).isEqualTo(Source.RNDC);
    }

    @Test
    void aSecretThatIsNotBase64IsAProblemThatDoesNotEchoIt() {
        Problem p = failed(UpdateSettings.resolve(secretOnly("not*base64!"), UpdateSettings.RndcFallback.none()));

        assertThat(p.field()).isEqualTo(Field.SECRET);
        assertThat(p.message()).doesNotContain("not*base64!");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        UpdateSettings s = resolved(UpdateSettings.resolve(secretOnly(SECRET), rndc("k", "hmac-sha256")));

        assertThat(s.toString()).doesNotContain(SECRET).contains("hidden");
        assertThat(s.key().toString()).doesNotContain(SECRET);
        assertThat(rndc("k", "hmac-sha256").toString()).doesNotContain(RNDC_SECRET);
        assertThat(secretOnly(SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void algorithmNamesAreAcceptedInEveryCommonSpelling() {
        assertThat(TsigKey.Algorithm.parse("HMAC-SHA256")).isEqualTo(TsigKey.Algorithm.HMAC_SHA256);
        assertThat(TsigKey.Algorithm.parse("sha1")).isEqualTo(TsigKey.Algorithm.HMAC_SHA1);
        assertThat(TsigKey.Algorithm.parse("hmac-md5.sig-alg.reg.int")).isEqualTo(TsigKey.Algorithm.HMAC_MD5);
    }
}
