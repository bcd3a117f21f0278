package dev.bindsmith.testing.named;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class NamedKeyTest {

    @Test
    void toStringNeverShowsTheSecret() {
        NamedKey key = new NamedKey("rndc-key", "hmac-sha256", "c2VjcmV0LWtleS1mb3ItcmVhZG1lLXRlc3QtdmVjdG9yMDE=");

        assertThat(key.toString()).doesNotContain("c2VjcmV0").contains("rndc-key", "hmac-sha256");
    }

    @Test
    void statementIsANamedConfKeyClause() {
        NamedKey key = new NamedKey("update-key", "hmac-sha512", "AAAA");

        assertThat(key.statement())
                .isEqualTo("key \"update-key\" {\n\talgorithm hmac-sha512;\n\tsecret \"AAAA\";\n};\n");
    }

    @Test
    void generatedSecretsHaveTheDigestLengthOfTheirAlgorithm() {
        SecureRandom rng = new SecureRandom();
        for (String alg : NamedKey.ALGORITHMS) {
            NamedKey key = new NamedKey("k", alg, NamedLauncher.secret(rng, alg));
            assertThat(key.secretBytes()).hasSize(NamedKey.digestBytes(alg));
        }
        assertThat(NamedKey.digestBytes("hmac-sha256")).isEqualTo(32);
        assertThat(NamedKey.digestBytes("hmac-md5")).isEqualTo(16);
    }

    @Test
    void unknownAlgorithmsAndNamesThatCouldBreakOutOfQuotesAreRefused() {
        assertThatThrownBy(() -> new NamedKey("k", "hmac-sha3", "AAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NamedKey("k\"; };", "hmac-sha256", "AAAA"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NamedLauncher.create().rndcAlgorithm("sha256"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
