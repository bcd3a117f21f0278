package dev.bindsmith.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.RecordRequest;
import dev.bindsmith.core.service.ZoneConfigRequest;
import dev.bindsmith.core.service.ZoneRequest;
import dev.bindsmith.core.service.ZoneRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client text cannot start a directive, a comment, a parenthesis group or a new line in a zone file.
 * Hostile values go through validation and the writer together, as in a create request: each is
 * either refused by validation, or written so that the file is lexically clean (checked here by a
 * small independent lexer) and an independent parser (dnsjava) reads back exactly the records of the
 * spec, with text values unchanged.
 */
class ZoneFileSafetyTest {

    static final List<String> HOSTILE = List.of(
            "\n$INCLUDE /etc/passwd",
            "$INCLUDE /etc/bind/rndc.key",
            "$ORIGIN evil.",
            "$TTL 0",
            "$GENERATE 1-9 x A 1.2.3.$",
            "; comment",
            "x ; y",
            "(",
            ")",
            "( 1\n2 )",
            "\"",
            "\\",
            "\\\"",
            "x\" ; (",
            "\"unterminated",
            "a\rb",
            "a\u0000b",
            "a\u2028b",
            "a\tb",
            "\u007f",
            "@",
            "*",
            ".",
            "..",
            "x..y",
            "-x",
            "x y",
            "日本語",
            "a\\010b",
            "\"a\\010b\"",
            "\"a\" \"b\" ; c",
            "x\nupdate delete example.com. ANY");

    static Stream<String> hostile() {
        return HOSTILE.stream();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileTextInAnyPlaceOfARequestIsRefusedOrWrittenHarmlessly(String h) throws Exception {
        List<RecordRequest> candidates = new ArrayList<>();
        for (String type : List.of(
                "A", "AAAA", "CNAME", "DNAME", "NS", "PTR", "MX", "TXT", "SRV", "CAA", "DS", "TLSA", "SSHFP", "SVCB",
                "HTTPS")) {
            candidates.add(GoldenZones.rec(h, type, "192.0.2.1"));
            candidates.add(GoldenZones.rec("x", type, h));
        }
        candidates.add(GoldenZones.rec("x", "MX", h, -1, 10));
        candidates.add(GoldenZones.rec("x", "CAA", "0 issue " + h));
        candidates.add(GoldenZones.rec("x", "CAA", "0 issue \"" + h + "\""));
        candidates.add(GoldenZones.rec("x", "HTTPS", "1 . alpn=" + h));
        for (RecordRequest record : candidates) {
            check(request(List.of("ns1.example.net."), Map.of(), List.of(record)));
        }
        check(request(List.of("ns1.example.net.", h), Map.of(), List.of()));
        check(request(List.of("ns1.example.com."), Map.of("ns1.example.com.", "192.0.2.1", h, "192.0.2.2"), List.of()));
        check(request(List.of("ns1.example.com."), Map.of("ns1.example.com.", h), List.of()));
    }

    @Test
    void randomTextMadeOfDangerousCharactersSurvivesAsOneTxtValueOrIsRefused() throws Exception {
        Random random = new Random(20261121);
        String alphabet = "ab $;()\"\\@*.{}#é";
        String controls = "\n\r\t\u0000\u2028";
        int accepted = 0;
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(40);
            for (int j = 0; j < n; j++) {
                sb.append(
                        random.nextInt(100) == 0
                                ? controls.charAt(random.nextInt(controls.length()))
                                : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = sb.toString();
            Outcome<ZoneSpec> outcome = ZoneRequests.validate(
                    request(List.of("ns1.example.net."), Map.of(), List.of(GoldenZones.rec("x", "TXT", value))),
                    GoldenZones.CLOCK);
            if (outcome instanceof Outcome.Ok<ZoneSpec>(ZoneSpec spec)) {
                accepted++;
                String file = ZoneFileWriter.render(spec);
                assertLexicallyClean(file);
                List<String> parsed = ZoneFileRoundTripTest.parse(file, spec.name());
                assertThat(parsed).containsExactlyElementsOf(ZoneFileRoundTripTest.expected(spec));
                if (!value.stripLeading().startsWith("\"")) {
                    assertThat(parsed.get(parsed.size() - 1)).endsWith(" TXT " + value);
                }
            }
        }
        assertThat(accepted)
                .as("some random values are valid text and were written")
                .isGreaterThan(50);
    }

    @Test
    void theLexerOfThisTestCatchesWhatItMustCatch() {
        String head = "; zone example.com. written by bindsmith\n$ORIGIN example.com.\n$TTL 1\n";
        for (String bad : List.of(
                "x IN TXT \"a\" ; b\n",
                "x IN TXT (\"a\")\n",
                "$INCLUDE /etc/passwd\n",
                " x IN A 1.2.3.4\n",
                "x IN TXT \"a\n",
                "x IN TXT \"a\\q\"\n")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertLexicallyClean(head + bad))
                    .as(bad)
                    .isInstanceOf(AssertionError.class);
        }
        assertLexicallyClean(head + "x IN TXT \"a \\\"; ( \\\\ \\195\"\n");
    }

    static void check(ZoneRequest request) throws Exception {
        Outcome<ZoneSpec> outcome = ZoneRequests.validate(request, GoldenZones.CLOCK);
        if (outcome instanceof Outcome.Ok<ZoneSpec>(ZoneSpec spec)) {
            String file = ZoneFileWriter.render(spec);
            assertLexicallyClean(file);
            assertThat(ZoneFileRoundTripTest.parse(file, spec.name()))
                    .containsExactlyElementsOf(ZoneFileRoundTripTest.expected(spec));
        } else {
            assertThat(outcome).isInstanceOfAny(Outcome.Invalid.class, Outcome.Unprocessable.class);
        }
    }

    static ZoneRequest request(List<String> nameServers, Map<String, String> glue, List<RecordRequest> records) {
        return new ZoneRequest(
                Optional.of("example.com"),
                Optional.of("primary"),
                Optional.of(new ZoneConfigRequest(
                        OptionalLong.of(3600),
                        Optional.of(GoldenZones.soa("ns1.example.net.", "hostmaster.example.com.", OptionalLong.of(1))),
                        nameServers,
                        glue,
                        records,
                        List.of(),
                        List.of(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty())),
                Optional.empty());
    }

    /**
     * The file's shape: our header comment, {@code $ORIGIN}, {@code $TTL}, then blank lines and record
     * lines only; a record line starts with an owner character, and outside quoted strings holds no
     * {@code ;}, {@code (}, {@code )}, {@code $} or control character; inside them every backslash starts
     * {@code \"}, {@code \\} or {@code \DDD}; every quote is closed on its line.
     */
    static void assertLexicallyClean(String file) {
        String[] lines = file.split("\n", -1);
        assertThat(file).endsWith("\n");
        assertThat(lines[0]).startsWith("; zone ").endsWith(" written by bindsmith");
        assertThat(lines[1]).matches("\\$ORIGIN [a-z0-9_.-]+\\.");
        assertThat(lines[2]).matches("\\$TTL [0-9]+");
        for (int n = 3; n < lines.length; n++) {
            String line = lines[n];
            if (line.isEmpty()) {
                continue;
            }
            assertThat(line.charAt(0))
                    .as("line %d starts an owner name: %s", n, line)
                    .matches(c -> (c >= 'a' && c <= 'z')
                            || (c >= '0' && c <= '9')
                            || c == '_'
                            || c == '*'
                            || c == '@'
                            || c == '-');
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                assertThat(c >= 0x20 && c < 0x7f)
                        .as("printable ASCII in line %d: %s", n, line)
                        .isTrue();
                if (quoted) {
                    if (c == '\\') {
                        char next = line.charAt(i + 1);
                        boolean ok = next == '"'
                                || next == '\\'
                                || (i + 3 < line.length()
                                        && Character.isDigit(next)
                                        && Character.isDigit(line.charAt(i + 2))
                                        && Character.isDigit(line.charAt(i + 3)));
                        assertThat(ok)
                                .as("escape at %d in line %d: %s", i, n, line)
                                .isTrue();
                        i += Character.isDigit(next) ? 3 : 1;
                    } else if (c == '"') {
                        quoted = false;
                    }
                } else {
                    assertThat(";()$\\".indexOf(c))
                            .as("unquoted '%s' in line %d: %s", c, n, line)
                            .isEqualTo(-1);
                    if (c == '"') {
                        quoted = true;
                    }
                }
            }
            assertThat(quoted).as("quote closed in line %d: %s", n, line).isFalse();
        }
    }
}
