package dev.bindsmith.dns.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bindsmith.dns.conf.ConfToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one named.conf lexer. It replaces the BIND adapter's two ({@code bind/ConfTokens} for showzone
 * text, {@code conf/ConfLexer} for rndc.conf); where they disagreed, named 9.18's own lexer decided
 * ({@code named-checkconf -p} and {@code -z}, 2026-12-03).
 */
class ConfLexerTest {

    private static List<ConfToken> lex(String text) throws ConfSyntaxException {
        return ConfLexer.lex(text);
    }

    private static List<String> texts(String text) throws ConfSyntaxException {
        return lex(text).stream()
                .filter(t -> !t.is(Kind.END))
                .map(ConfToken::text)
                .toList();
    }

    private static String onlyString(String text) throws ConfSyntaxException {
        List<ConfToken> t = lex(text);
        assertThat(t).extracting(ConfToken::kind).containsExactly(Kind.STRING, Kind.END);
        return t.getFirst().text();
    }

    @Test
    void onlyAnEscapedQuoteIsUnescapedBecauseNamedKeepsEveryOtherBackslashAsWritten() throws ConfSyntaxException {
        // named -z opened the files we"ird, back\\slash and new\nline for these three; the showzone copy
        // read back\slash and newnline, the rndc.conf copy back\slash and a real newline
        assertThat(onlyString("\"we\\\"ird\"")).isEqualTo("we\"ird");
        assertThat(onlyString("\"back\\\\slash\"")).isEqualTo("back\\\\slash");
        assertThat(onlyString("\"new\\nline\"")).isEqualTo("new\\nline");
    }

    @Test
    void aDoubledBackslashBeforeAQuoteLeavesTheQuoteToCloseTheStringAsInNamed() throws ConfSyntaxException {
        assertThat(texts("\"a\\\\\" b")).containsExactly("a\\\\", "b");
    }

    @Test
    void commentsOfEveryStyleAreBlanksBecauseShowzoneTextIsNamedConfWhereAllThreeAreComments()
            throws ConfSyntaxException {
        // the showzone copy had no comments at all: "# x" became two words
        assertThat(texts("zone # shell\n\"a.test\" // c++\n{ /* c\n multi-line */ type primary; };"))
                .containsExactly("zone", "a.test", "{", "type", "primary", ";", "}", ";");
    }

    @Test
    void aHashOrADoubleSlashEndsAWordBecauseNamedStartsACommentThere() throws ConfSyntaxException {
        // named-checkconf: "dnssec-policy ab#cd" and "ab//cd" both name the policy 'ab'
        assertThat(texts("ab#cd\n;")).containsExactly("ab", ";");
        assertThat(texts("ab//cd\n;")).containsExactly("ab", ";");
        assertThat(texts("10.0.0.0/8; \"a#b//c\";")).containsExactly("10.0.0.0/8", ";", "a#b//c", ";");
    }

    @Test
    void everyTokenKnowsItsOffsetsForExactCopiesAndItsLineAndColumnForErrors() throws ConfSyntaxException {
        String text = "key \"k\" {\n  secret \"s\";\n};";
        List<ConfToken> t = lex(text);

        ConfToken secret = t.get(3);
        assertThat(secret.text()).isEqualTo("secret");
        assertThat(secret.position()).isEqualTo("2:3");
        assertThat(text.substring(t.get(4).start(), t.get(4).end())).isEqualTo("\"s\"");
        assertThat(t.getLast().kind()).isEqualTo(Kind.END);
        assertThat(t.getLast().position()).isEqualTo("3:3");
    }

    @Test
    void aQuotedStringMaySpanLinesAsNamedAllowsInItsConfiguration() throws ConfSyntaxException {
        assertThat(onlyString("\"a\nb\"")).isEqualTo("a\nb");
    }

    @Test
    void errorsGiveLineAndColumnAndNeverTheTextBecauseItMayBeASecret() {
        String secret = "c2VjcmV0LWRvLW5vdC1sZWFr";
        assertThatThrownBy(() -> lex("key k {\n  secret \"" + secret + ";\n};"))
                .isInstanceOf(ConfSyntaxException.class)
                .hasMessage("2:10: quoted string is never closed")
                .hasMessageNotContaining(secret.substring(0, 6));
        assertThatThrownBy(() -> lex("a;\n /* open")).hasMessage("2:2: comment is never closed");
        assertThat(new ConfToken(Kind.STRING, secret, 0, 26, 1, 1).toString()).isEqualTo("a quoted string at 1:1");
    }

    @Test
    void itemsAreTheSemicolonTerminatedStatementsAtTheTopBraceDepth() throws ConfSyntaxException {
        List<ConfToken> t = lex("{ type primary; allow-query { 10.0.0.1; key \"k\"; }; notify yes; }");
        int close = ConfLexer.matchingClose(t, 0);

        List<List<ConfToken>> items = ConfLexer.items(t, 1, close);

        assertThat(close).isEqualTo(t.size() - 2);
        assertThat(items).extracting(i -> i.getFirst().text()).containsExactly("type", "allow-query", "notify");
        assertThat(items.get(1)).hasSize(9);
    }

    @Test
    void itemsWithoutTheirSemicolonOrWithUnbalancedBracesAreErrorsAtTheirPlace() throws ConfSyntaxException {
        List<ConfToken> missing = lex("{ type primary }");
        assertThatThrownBy(() -> ConfLexer.items(missing, 1, 3)).hasMessage("1:3: missing ';'");
        List<ConfToken> unbalanced = lex("a { b; ");
        assertThatThrownBy(() -> ConfLexer.matchingClose(unbalanced, 1)).hasMessage("1:3: unbalanced '{'");
        List<ConfToken> empty = lex("{ ; }");
        assertThatThrownBy(() -> ConfLexer.items(empty, 1, 2)).hasMessage("1:3: empty statement");
    }
}
