package dev.bindsmith.dns.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyStatementsTest {
    private static final String SECRET = "UdOKqP64CwQvz/XnIrW1nnmHgHZiorikOnAmEQg7jyc=";

    @Test
    void readsWhatTsigKeygenPrints() throws Exception {
        // tsig-keygen sample (BIND 9.18), byte for byte
        String text = "key \"sample\" {\n\talgorithm hmac-sha256;\n\tsecret \"" + SECRET + "\";\n};\n";

        List<KeyStatement> keys = KeyStatements.parseKeyFile(text);

        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.name()).isEqualTo("sample");
            assertThat(k.algorithm()).contains("hmac-sha256");
            assertThat(k.secret()).contains(SECRET);
            assertThat(k.line()).isEqualTo(1);
        });
    }

    @Test
    void severalKeysWithCommentsOfEveryStyleAreReadInOrder() throws Exception {
        String text = "# keys for the embedded server\nkey a { algorithm hmac-sha256; secret \"" + SECRET + "\"; };\n"
                + "// another\n/* and a block\n comment */ key \"b.example.\" { secret \"" + SECRET
                + "\"; algorithm hmac-sha512; };\n";

        List<KeyStatement> keys = KeyStatements.parseKeyFile(text);

        assertThat(keys).extracting(KeyStatement::name).containsExactly("a", "b.example.");
        assertThat(keys.get(1).line()).isEqualTo(5);
    }

    @Test
    void aStatementOtherThanKeyIsAnErrorWithItsPlace() {
        assertThatThrownBy(() -> KeyStatements.parseKeyFile("options { directory \"/tmp\"; };"))
                .isInstanceOf(ConfSyntaxException.class)
                .hasMessage("1:1: expected a key statement; a key file holds only 'key \"name\" { … };'");
    }

    @Test
    void aKeyDefinedTwiceIsAnErrorWhateverTheCaseOrTrailingDot() {
        String text = "key k { secret \"" + SECRET + "\"; };\nkey \"K.\" { secret \"" + SECRET + "\"; };\n";

        assertThatThrownBy(() -> KeyStatements.parseKeyFile(text))
                .isInstanceOf(ConfSyntaxException.class)
                .hasMessage("2:5: the key is defined twice");
    }

    @Test
    void anUnknownClauseIsAnErrorThatNeverQuotesTheText() {
        String text = "key k { secret \"" + SECRET + "\"; flavour " + SECRET + "; };";

        assertThatThrownBy(() -> KeyStatements.parseKeyFile(text))
                .hasMessageContaining("unknown clause in a key")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aSecretThatIsNotQuotedIsAnErrorThatNeverQuotesIt() {
        assertThatThrownBy(() -> KeyStatements.parseKeyFile("key k { secret " + SECRET + "; };"))
                .hasMessage("1:16: expected the quoted secret, found a word")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void anEmptyFileHasNoKeys() throws Exception {
        assertThat(KeyStatements.parseKeyFile("# nothing yet\n")).isEmpty();
    }

    @Test
    void theStatementsToStringHidesTheSecret() throws Exception {
        KeyStatement k = KeyStatements.parseKeyFile("key k { secret \"" + SECRET + "\"; };")
                .getFirst();

        assertThat(k.toString()).doesNotContain(SECRET).contains("redacted");
    }
}
