package dev.bindsmith.rndc.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.rndc.conf.RndcConf.Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RndcConfParserTest {

    static final String SECRET = "R2VoZWltZXNTZWtyZXQtZG8tbm90LWxlYWstbWU=";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsKeysOptionsAndServersWithAllCommentStyles() throws Exception {
        Path f = write("rndc.conf", """
                # hash comment
                key "rndc-key" {   // line comment
                    algorithm hmac-sha512;
                    secret "%s";
                };
                /* block
                   comment */
                options {
                    default-server 127.0.0.1;
                    default-key "rndc-key";
                    default-port 9530;
                    default-source-address 127.0.0.1;
                };
                server ns1.example.test {
                    key rndc-key;
                    port 1953;
                    addresses { 192.0.2.1 port 953; 2001:db8::1; };
                };
                """.formatted(SECRET));

        RndcConf conf = RndcConfParser.parse(f);

        assertThat(conf.keys()).containsOnlyKeys("rndc-key");
        assertThat(conf.keys().get("rndc-key").algorithm()).contains("hmac-sha512");
        assertThat(conf.keys().get("rndc-key").secretBase64()).contains(SECRET);
        assertThat(conf.options().defaultServer()).contains("127.0.0.1");
        assertThat(conf.options().defaultKey()).contains("rndc-key");
        assertThat(conf.options().defaultPort()).hasValue(9530);
        RndcConf.ServerClause s = conf.servers().get("ns1.example.test");
        assertThat(s.key()).contains("rndc-key");
        assertThat(s.port()).hasValue(1953);
        assertThat(s.addresses())
                .containsExactly(
                        new Address("192.0.2.1", OptionalInt.of(953)), new Address("2001:db8::1", OptionalInt.empty()));
    }

    @Test
    void aQuotedStringUnescapesOnlyAQuoteBecauseRndcReadsItWithNamedsLexerWhichKeepsEveryOtherBackslash()
            throws Exception {
        // this parser's copy of the lexer read "x\\y" as x\y; rndc and named read x\\y (named-checkconf 9.18)
        RndcConf conf = RndcConfParser.parse("key \"a\\\"b\" { secret \"x\\\\y\"; };", dir.resolve("x.conf"));
        assertThat(conf.keys().get("a\"b").secretBase64()).contains("x\\\\y");
    }

    @Test
    void relativeIncludeResolvesAgainstTheIncludingFilesDirectory() throws Exception {
        write("keys/rndc.key", "key \"k\" { algorithm hmac-md5; secret \"" + SECRET + "\"; };");
        write("sub/other.conf", "include \"../keys/rndc.key\";");
        Path main = write("rndc.conf", "include \"sub/other.conf\"; options { default-key k; };");

        RndcConf conf = RndcConfParser.parse(main);

        assertThat(conf.keys()).containsOnlyKeys("k");
        assertThat(conf.keys().get("k").definedIn()).isEqualTo(dir.resolve("sub/../keys/rndc.key"));
    }

    @Test
    void definitionsOfTheIncludingFileWinOverIncludedOnes() throws Exception {
        write(
                "inc.conf",
                "key k { algorithm hmac-md5; secret \"AAAA\"; }; options { default-port 1; default-key k; };");
        Path main = write("rndc.conf", """
                key k { algorithm hmac-sha1; secret "BBBB"; };
                include "inc.conf";
                options { default-port 2; };
                """);

        RndcConf conf = RndcConfParser.parse(main);

        assertThat(conf.keys().get("k").algorithm()).contains("hmac-sha1");
        assertThat(conf.options().defaultPort()).hasValue(2);
        assertThat(conf.options().defaultKey()).contains("k");
    }

    @Test
    void includeCycleIsAnErrorNamingTheFile() throws Exception {
        write("a.conf", "include \"b.conf\";");
        write("b.conf", "include \"a.conf\";");
        assertThatThrownBy(() -> RndcConfParser.parse(dir.resolve("a.conf")))
                .isInstanceOf(RndcConfException.class)
                .hasMessageContaining("include cycle")
                .hasMessageContaining("a.conf");
    }

    @Test
    void selfIncludeIsACycle() throws Exception {
        Path a = write("self.conf", "include \"self.conf\";");
        assertThatThrownBy(() -> RndcConfParser.parse(a)).hasMessageContaining("include cycle");
    }

    @Test
    void includesNestedTooDeeplyAreRefused() throws Exception {
        for (int i = 0; i < 40; i++) {
            write("d" + i + ".conf", "include \"d" + (i + 1) + ".conf\";");
        }
        write("d40.conf", "key k { secret \"AAAA\"; };");
        assertThatThrownBy(() -> RndcConfParser.parse(dir.resolve("d0.conf"))).hasMessageContaining("deeper than 32");
        assertThat(RndcConfParser.parse(dir.resolve("d10.conf")).keys()).containsOnlyKeys("k");
    }

    @Test
    void missingIncludeNamesThePathAndWhereItWasIncluded() throws Exception {
        Path main = write("rndc.conf", "\n  include \"nope.key\";");
        assertThatThrownBy(() -> RndcConfParser.parse(main))
                .hasMessageContaining("nope.key: no such file")
                .hasMessageContaining("rndc.conf:2:11");
    }

    @Test
    void parseErrorGivesLineAndColumn() throws Exception {
        Path f = write("rndc.conf", "key k {\n  algorithm hmac-sha256\n};\n");
        assertThatThrownBy(() -> RndcConfParser.parse(f))
                .isInstanceOf(RndcConfException.class)
                .hasMessage(f + ":3:1: expected ';' after the algorithm, found '}'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "key k { algorithm hmac-sha256; secret \"%s\" };", // missing ';' after the secret
                "key k { algorithm hmac-sha256; secret %s; };", // unquoted secret
                "key k { algorithm hmac-sha256; secret \"%s;\n};", // unterminated string
                "%s", // bare secret as a statement
                "key k { algorithm hmac-sha256; secret \"x\"; }; %s {", // garbage after a valid key
                "options { default-key %s }; ", // secret where a name goes, then error
                "key k { %s \"%s\"; };", // secret as a clause name
            })
    void parseErrorsNeverEchoTheSecret(String template) throws Exception {
        Path f = write("broken.conf", template.replace("%s", SECRET));
        assertThatThrownBy(() -> RndcConfParser.parse(f))
                .isInstanceOf(RndcConfException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).matches(".*broken\\.conf:\\d+:\\d+: .*");
                    assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 8));
                });
    }

    @Test
    void keyClauseToStringRedactsTheSecret() throws Exception {
        RndcConf conf = RndcConfParser.parse("key k { secret \"" + SECRET + "\"; };", dir.resolve("x.conf"));
        assertThat(conf.toString()).doesNotContain(SECRET).contains("redacted");
    }

    @Test
    void unknownTopLevelStatementIsAnError() throws Exception {
        assertThatThrownBy(() -> RndcConfParser.parse("zone x { };", dir.resolve("x.conf")))
                .hasMessageContaining("x.conf:1:1: unknown statement");
    }

    @Test
    void portOutOfRangeIsAnError() {
        assertThatThrownBy(() -> RndcConfParser.parse("options { default-port 70000; };", dir.resolve("x.conf")))
                .hasMessageContaining("1:24: a port must be a number from 1 to 65535");
    }

    @Test
    void unterminatedCommentIsAnError() {
        assertThatThrownBy(() -> RndcConfParser.parse("key k {};\n /* open", dir.resolve("x.conf")))
                .hasMessageContaining("x.conf:2:2: comment is never closed");
    }

    @Test
    void emptyFileDefinesNothing() throws Exception {
        RndcConf conf = RndcConfParser.parse("// nothing\n", dir.resolve("x.conf"));
        assertThat(conf.keys()).isEmpty();
        assertThat(conf.options().defaultServer()).isEqualTo(Optional.empty());
    }
}
