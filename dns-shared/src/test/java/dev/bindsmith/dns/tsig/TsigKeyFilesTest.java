package dev.bindsmith.dns.tsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsigKeyFilesTest {
    private static final String SECRET = "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=";

    @TempDir
    Path dir;

    @Test
    void aGeneratedKeysStatementReadsBackAsTheSameKey() throws Exception {
        TsigKey made = TsigKey.generate("extdns", TsigKey.Algorithm.HMAC_SHA512, new SecureRandom());
        Path file = Files.writeString(dir.resolve("keys.conf"), made.statement());

        List<TsigKey> keys = TsigKeyFiles.read(file, false);

        assertThat(keys).containsExactly(made);
        assertThat(java.util.Base64.getDecoder().decode(made.secret())).hasSize(64);
    }

    @Test
    void everyKeyOfTheFileIsRead() throws Exception {
        String text = "key a { algorithm hmac-sha256; secret \"" + SECRET + "\"; };\n"
                + "key b { algorithm hmac-sha384; secret \"" + SECRET + "\"; };\n";

        assertThat(TsigKeyFiles.parse(text, "keys.conf", false))
                .extracting(TsigKey::name, TsigKey::algorithm)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", TsigKey.Algorithm.HMAC_SHA256),
                        org.assertj.core.groups.Tuple.tuple("b", TsigKey.Algorithm.HMAC_SHA384));
    }

    @Test
    void md5AndSha1KeysAreRefusedUnlessWeakAlgorithmsAreAllowed() throws Exception {
        String md5 = "key old { algorithm hmac-md5; secret \"" + SECRET + "\"; };\n";
        String sha1 = "key old { algorithm hmac-sha1; secret \"" + SECRET + "\"; };\n";

        assertThatThrownBy(() -> TsigKeyFiles.parse(md5, "keys.conf", false))
                .hasMessage("keys.conf:1: key 'old' uses hmac-md5, a weak algorithm (RFC 8945 §6); use hmac-sha256 or"
                        + " stronger, or allow weak algorithms explicitly");
        assertThatThrownBy(() -> TsigKeyFiles.parse(sha1, "keys.conf", false)).hasMessageContaining("hmac-sha1");
        assertThat(TsigKeyFiles.parse(md5, "keys.conf", true))
                .singleElement()
                .extracting(TsigKey::algorithm)
                .isEqualTo(TsigKey.Algorithm.HMAC_MD5);
    }

    @Test
    void aKeyWithoutAlgorithmOrSecretIsRefusedNamingIt() {
        assertThatThrownBy(() -> TsigKeyFiles.parse("\nkey k { secret \"" + SECRET + "\"; };", "f", false))
                .hasMessage("f:2: key 'k' has no algorithm (add 'algorithm hmac-sha256;')");
        assertThatThrownBy(() -> TsigKeyFiles.parse("key k { algorithm hmac-sha256; };", "f", false))
                .hasMessage("f:1: key 'k' has no secret");
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedWithoutQuotingIt() {
        String bad = "not*base64*" + SECRET;

        assertThatThrownBy(() ->
                        TsigKeyFiles.parse("key k { algorithm hmac-sha256; secret \"" + bad + "\"; };", "f", false))
                .hasMessage("f:1: key 'k': the TSIG secret of key 'k' is not valid base64")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void anUnknownAlgorithmIsRefused() {
        assertThatThrownBy(() -> TsigKeyFiles.parse(
                        "key k { algorithm hmac-whirlpool; secret \"" + SECRET + "\"; };", "f", false))
                .hasMessageContaining("unknown TSIG algorithm 'hmac-whirlpool'");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> TsigKeyFiles.read(dir.resolve("nope.conf"), false))
                .hasMessageEndingWith("nope.conf: no such file");
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() {
        assertThatThrownBy(() -> TsigKeyFiles.parse("key k {\n algorithm hmac-sha256\n};", "f", false))
                .hasMessage("f:3:1: expected ';' after the algorithm, found '}'");
    }
}
