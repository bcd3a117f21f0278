package dev.bindsmith.rndc.conf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.rndc.conf.RndcSettingsResolver.Resolution;
import dev.bindsmith.rndc.wire.HmacAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RndcSettingsResolverTest {

    private static final String SECRET_A = Base64.getEncoder().encodeToString("secret-a-0123456789".getBytes());
    private static final String SECRET_B = Base64.getEncoder().encodeToString("secret-b-0123456789".getBytes());

    @TempDir
    Path dir;

    private RndcSettingsResolver resolver() {
        return RndcSettingsResolver.withDefaultFiles(
                List.of(dir.resolve("etc-bind-rndc.conf"), dir.resolve("etc-rndc.conf")));
    }

    private Path conf(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static RndcSettings resolved(Resolution r) {
        assertThat(r).isInstanceOf(Resolution.Resolved.class);
        return ((Resolution.Resolved) r).settings();
    }

    /** The problems as the server reports them: each given field by its variable. */
    private static List<String> failed(Resolution r) {
        assertThat(r).isInstanceOf(Resolution.Failed.class);
        return ((Resolution.Failed) r)
                .problems().stream()
                        .map(p -> switch (p.field()) {
                            case SERVER -> "RNDC_SERVER " + p.message();
                            case ALGORITHM -> "RNDC_ALGORITHM " + p.message();
                            case SECRET -> "RNDC_SECRET " + p.message();
                            case KEY_NAME -> "RNDC_KEY_NAME " + p.message();
                            case FILE -> p.message();
                        })
                        .toList();
    }

    /** What the server's variables would give. */
    private static RndcSettingsResolver.Given given(Map<String, String> env) {
        return new RndcSettingsResolver.Given(
                Optional.ofNullable(env.get("RNDC_SERVER")),
                Optional.ofNullable(env.get("RNDC_ALGORITHM")),
                Optional.ofNullable(env.get("RNDC_SECRET")),
                Optional.ofNullable(env.get("RNDC_KEY_NAME")));
    }

    @Test
    void environmentAloneGivesSettingsWithDefaults() {
        RndcSettings s = resolved(resolver().resolve(given(Map.of("RNDC_SECRET", SECRET_A)), Optional.empty()));
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(953);
        assertThat(s.key().name()).isEqualTo("rndc-key");
        assertThat(s.key().algorithm()).isEqualTo(HmacAlgorithm.HMAC_SHA256);
        assertThat(s.key().secret()).isEqualTo("secret-a-0123456789".getBytes());
        assertThat(s.origin()).contains("secret from given").doesNotContain(SECRET_A);
        assertThat(s.toString()).doesNotContain(SECRET_A);
    }

    @Test
    void aGivenMd5OrSha1KeyIsRefusedWithAReasonInsteadOfUsedSilently() {
        for (String weak : List.of("hmac-md5", "hmac-sha1", "sha1")) {
            List<String> problems = failed(resolver()
                    .resolve(given(Map.of("RNDC_SECRET", SECRET_A, "RNDC_ALGORITHM", weak)), Optional.empty()));
            assertThat(problems)
                    .as(weak)
                    .singleElement()
                    .asString()
                    .startsWith("RNDC_ALGORITHM ")
                    .contains("weak")
                    .contains("hmac-sha256");
        }
    }

    @Test
    void aWeakAlgorithmIsUsedWhenTheCallerAllowsItExplicitly() throws Exception {
        Path f = conf("rndc.conf", """
                key "old-key" { algorithm hmac-md5; secret "%s"; };
                """.formatted(SECRET_B));

        RndcSettings fromFile = resolved(
                resolver().resolve(RndcSettingsResolver.Given.nothing().allowingWeakAlgorithms(), Optional.of(f)));
        RndcSettings given = resolved(resolver()
                .resolve(
                        given(Map.of("RNDC_SECRET", SECRET_A, "RNDC_ALGORITHM", "hmac-sha1"))
                                .allowingWeakAlgorithms(),
                        Optional.empty()));

        assertThat(fromFile.key().algorithm()).isEqualTo(HmacAlgorithm.HMAC_MD5);
        assertThat(given.key().algorithm()).isEqualTo(HmacAlgorithm.HMAC_SHA1);
    }

    @Test
    void aWeakAlgorithmFromTheRndcConfIsRefusedNamingTheFileAndTheKey() throws Exception {
        Path f = conf("rndc.conf", """
                key "old-key" { algorithm hmac-md5; secret "%s"; };
                """.formatted(SECRET_B));

        List<String> problems = failed(resolver().resolve(RndcSettingsResolver.Given.nothing(), Optional.of(f)));

        assertThat(problems)
                .singleElement()
                .asString()
                .contains(f.toString())
                .contains("old-key")
                .contains("weak");
    }

    @Test
    void everyVariableOverridesItsOwnParameterOnly() throws Exception {
        Path f = conf("rndc.conf", """
                key "file-key" { algorithm hmac-sha384; secret "%s"; };
                options { default-server 10.0.0.1; default-port 1953; default-key "file-key"; };
                """.formatted(SECRET_B));

        RndcSettings fileOnly = resolved(resolver().resolve(RndcSettingsResolver.Given.nothing(), Optional.of(f)));
        assertThat(fileOnly.host()).isEqualTo("10.0.0.1");
        assertThat(fileOnly.port()).isEqualTo(1953);
        assertThat(fileOnly.key().name()).isEqualTo("file-key");
        assertThat(fileOnly.key().algorithm()).isEqualTo(HmacAlgorithm.HMAC_SHA384);
        assertThat(fileOnly.key().secret()).isEqualTo("secret-b-0123456789".getBytes());

        RndcSettings serverFromEnv =
                resolved(resolver().resolve(given(Map.of("RNDC_SERVER", "127.0.0.2:8953")), Optional.of(f)));
        assertThat(serverFromEnv.host()).isEqualTo("127.0.0.2");
        assertThat(serverFromEnv.port()).isEqualTo(8953);
        assertThat(serverFromEnv.key().algorithm()).isEqualTo(HmacAlgorithm.HMAC_SHA384);

        RndcSettings hostOnly = resolved(resolver().resolve(given(Map.of("RNDC_SERVER", "127.0.0.3")), Optional.of(f)));
        assertThat(hostOnly.port()).isEqualTo(1953);

        RndcSettings algFromEnv =
                resolved(resolver().resolve(given(Map.of("RNDC_ALGORITHM", "sha512")), Optional.of(f)));
        assertThat(algFromEnv.key().algorithm()).isEqualTo(HmacAlgorithm.HMAC_SHA512);
        assertThat(algFromEnv.key().secret()).isEqualTo("secret-b-0123456789".getBytes());

        RndcSettings secretFromEnv = resolved(
                resolver().resolve(given(Map.of("RNDC_SECRET", SECRET_A, "RNDC_KEY_NAME", "env-key")), Optional.of(f)));
        assertThat(secretFromEnv.key().name()).isEqualTo("env-key");
        assertThat(secretFromEnv.key().secret()).isEqualTo("secret-a-0123456789".getBytes());
        assertThat(secretFromEnv.host()).isEqualTo("10.0.0.1");
    }

    @Test
    void defaultFilesAreTriedInOrderWhenNoSecretIsSet() throws Exception {
        conf("etc-rndc.conf", "key only { secret \"" + SECRET_B + "\"; };");
        RndcSettings second = resolved(resolver().resolve(RndcSettingsResolver.Given.nothing(), Optional.empty()));
        assertThat(second.key().name()).isEqualTo("only");

        conf("etc-bind-rndc.conf", "key first { secret \"" + SECRET_A + "\"; };");
        RndcSettings first = resolved(resolver().resolve(RndcSettingsResolver.Given.nothing(), Optional.empty()));
        assertThat(first.key().name()).isEqualTo("first");
        assertThat(first.origin()).contains("etc-bind-rndc.conf");
    }

    @Test
    void noSecretAndNoFileIsAnErrorNamingBoth() {
        List<String> errors = failed(resolver().resolve(given(Map.of("RNDC_SECRET", "  ")), Optional.empty()));
        assertThat(errors).singleElement().asString().contains("RNDC_SECRET").contains("etc-bind-rndc.conf");
    }

    @Test
    void severalKeysWithoutADefaultIsAnError() throws Exception {
        Path f = conf("rndc.conf", "key a { secret \"" + SECRET_A + "\"; }; key b { secret \"" + SECRET_B + "\"; };");
        assertThat(failed(resolver().resolve(RndcSettingsResolver.Given.nothing(), Optional.of(f))))
                .singleElement()
                .asString()
                .contains("several keys")
                .contains("default-key")
                .contains("name the key");
        assertThat(resolved(resolver().resolve(given(Map.of("RNDC_KEY_NAME", "b")), Optional.of(f)))
                        .key()
                        .secret())
                .isEqualTo("secret-b-0123456789".getBytes());
    }

    @Test
    void emptySecretIsAnError() throws Exception {
        Path f = conf("rndc.conf", "key a { algorithm hmac-sha256; secret \"\"; };");
        assertThat(failed(resolver().resolve(RndcSettingsResolver.Given.nothing(), Optional.of(f))))
                .singleElement()
                .asString()
                .contains("key \"a\" has an empty or missing secret");
    }

    @Test
    void unknownAlgorithmIsAnErrorNamingWhereItCameFrom() throws Exception {
        Path f = conf("rndc.conf", "key a { algorithm hmac-sha3; secret \"" + SECRET_A + "\"; };");
        assertThat(failed(resolver().resolve(RndcSettingsResolver.Given.nothing(), Optional.of(f))))
                .singleElement()
                .asString()
                .contains(f.toString())
                .contains("unsupported algorithm");
        assertThat(failed(resolver()
                        .resolve(given(Map.of("RNDC_SECRET", SECRET_A, "RNDC_ALGORITHM", "rot13")), Optional.empty())))
                .singleElement()
                .asString()
                .startsWith("RNDC_ALGORITHM");
    }

    @Test
    void badValuesAreAllReportedTogetherWithoutQuotingTheSecret() {
        String notBase64 = "not*base64*secret*value";
        List<String> errors = failed(resolver()
                .resolve(
                        given(Map.of("RNDC_SECRET", notBase64, "RNDC_SERVER", "host:99999", "RNDC_ALGORITHM", "md4")),
                        Optional.empty()));
        assertThat(errors).hasSize(3);
        assertThat(errors)
                .anyMatch(e -> e.startsWith("RNDC_SECRET"))
                .anyMatch(e -> e.startsWith("RNDC_SERVER"))
                .anyMatch(e -> e.startsWith("RNDC_ALGORITHM"));
        assertThat(String.join("\n", errors)).doesNotContain(notBase64);
    }

    @Test
    void defaultKeyThatIsNotDefinedIsAnError() throws Exception {
        Path f = conf("rndc.conf", "options { default-key ghost; }; key a { secret \"" + SECRET_A + "\"; };");
        assertThat(failed(resolver().resolve(RndcSettingsResolver.Given.nothing(), Optional.of(f))))
                .singleElement()
                .asString()
                .contains("key \"ghost\"");
    }

    @Test
    void serverBlockSuppliesKeyAndPortForItsServer() throws Exception {
        Path f = conf("rndc.conf", """
                key a { secret "%s"; };
                key b { algorithm hmac-sha384; secret "%s"; };
                options { default-server ns1; default-key a; };
                server ns1 { key b; port 1234; addresses { 127.0.0.9; }; };
                """.formatted(SECRET_A, SECRET_B));
        RndcSettings s = resolved(resolver().resolve(RndcSettingsResolver.Given.nothing(), Optional.of(f)));
        assertThat(s.host()).isEqualTo("127.0.0.9");
        assertThat(s.port()).isEqualTo(1234);
        assertThat(s.key().name()).isEqualTo("b");
        assertThat(s.key().algorithm()).isEqualTo(HmacAlgorithm.HMAC_SHA384);
    }

    @Test
    void parseErrorOfTheFileIsReportedWithItsPosition() throws Exception {
        Path f = conf("rndc.conf", "key a { secret \"" + SECRET_A + "\" };");
        assertThat(failed(resolver().resolve(RndcSettingsResolver.Given.nothing(), Optional.of(f))))
                .singleElement()
                .asString()
                .contains("rndc.conf:1:")
                .doesNotContain(SECRET_A);
    }

    @Test
    void serverValuesInAllAddressForms() {
        assertThat(RndcSettingsResolver.HostPort.parse("[::1]:953").orElseThrow())
                .isEqualTo(new RndcSettingsResolver.HostPort("::1", java.util.OptionalInt.of(953)));
        assertThat(RndcSettingsResolver.HostPort.parse("::1").orElseThrow().port())
                .isEmpty();
        assertThat(RndcSettingsResolver.HostPort.parse("bind.internal:953")
                        .orElseThrow()
                        .host())
                .isEqualTo("bind.internal");
        assertThat(RndcSettingsResolver.HostPort.parse("host:")).isEmpty();
        assertThat(RndcSettingsResolver.HostPort.parse("a b")).isEmpty();
    }
}
