package dev.bindsmith.http.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.zone.RecordType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensFileTest {
    private static final String SHA = ScopedToken.sha256Of("0123456789abcdef0123456789abcdef");

    private static TokensFile.Read parse(String json) {
        return TokensFile.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(String json) {
        return ((TokensFile.Read.Problems) parse(json)).problems();
    }

    @Test
    void aTokenWithEveryFieldIsRead() {
        var read = (TokensFile.Read.Tokens) parse("""
                {"tokens": [{"name": "ci", "sha256": "%s", "access": "write",
                  "zones": ["*.dev.example.com", "Example.ORG."], "recordTypes": ["a", "TXT"],
                  "allowFrom": ["10.0.0.0/8", "2001:db8::/32"], "expires": "2027-01-31T00:00:00Z"}]}
                """.formatted(SHA));

        ScopedToken t = read.tokens().getFirst();
        assertThat(t.name()).isEqualTo("ci");
        assertThat(t.grant().access()).isEqualTo(Access.WRITE);
        assertThat(t.grant().zones()).extracting(ZonePattern::text).containsExactly("*.dev.example.com", "example.org");
        assertThat(t.grant().recordTypes()).containsExactlyInAnyOrder(RecordType.A, RecordType.TXT);
        assertThat(t.grant().allowFrom()).extracting(Object::toString).containsExactly("10.0.0.0/8", "2001:db8::/32");
        assertThat(t.grant().expires()).hasValue(Instant.parse("2027-01-31T00:00:00Z"));
    }

    /** A restriction that was meant but misspelt must not silently become no restriction. */
    @Test
    void aMisspeltOrEmptyRestrictionIsAProblemNotIgnored() {
        assertThat(problems("""
                {"tokens": [{"name": "ci", "sha256": "%s", "access": "write", "zone": ["dev.example.com"]}]}
                """.formatted(SHA)))
                .singleElement()
                .asString()
                .contains("tokens[0] (ci)", "unknown field 'zone'");
        assertThat(problems("""
                {"tokens": [{"name": "ci", "sha256": "%s", "access": "write", "allowFrom": []}]}
                """.formatted(SHA)))
                .singleElement()
                .asString()
                .contains("allowFrom must be a non-empty list");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnceByTokenAndField() {
        List<String> problems = problems("""
                {"tokens": [
                  {"name": "bad name!", "sha256": "abc", "access": "root"},
                  {"name": "ci", "sha256": "%s", "access": "admin", "zones": ["x.example"]},
                  {"name": "ro", "sha256": "%s", "access": "read", "recordTypes": ["A"]},
                  {"name": "nets", "sha256": "%s", "access": "read", "allowFrom": ["10.0.0.1/8"], "expires": "soon"},
                  {"name": "ci", "sha256": "%s", "access": "read"}]}
                """.formatted(SHA, SHA, SHA, SHA));

        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("tokens[0]", "name must be"))
                .anySatisfy(p -> assertThat(p).contains("tokens[0]", "sha256 must be"))
                .anySatisfy(p -> assertThat(p).contains("tokens[0]", "access must be read, write or admin"))
                .anySatisfy(p -> assertThat(p).contains("tokens[1] (ci)", "admin token covers every zone"))
                .anySatisfy(p -> assertThat(p).contains("tokens[2] (ro)", "a read token changes nothing"))
                .anySatisfy(p -> assertThat(p).contains("tokens[3] (nets)", "allowFrom: '10.0.0.1/8'"))
                .anySatisfy(p -> assertThat(p).contains("tokens[3] (nets)", "expires must be"))
                .anySatisfy(p -> assertThat(p).contains("tokens[4] (ci)", "used by another token"));
        assertThat(problems("not json")).singleElement().asString().startsWith("not JSON");
    }

    @Test
    void whatIsWrittenReadsBackTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.json");
        ScopedToken token = new ScopedToken(
                "ci",
                SHA,
                new Grant(
                        Access.WRITE,
                        List.of(new ZonePattern("*.dev.example.com")),
                        Set.of(RecordType.TXT, RecordType.A),
                        List.of(dev.bindsmith.core.net.IpNetwork.parse("10.0.0.0/8")
                                .orElseThrow()),
                        Optional.of(Instant.parse("2027-01-31T00:00:00Z"))),
                Optional.of(Instant.parse("2026-12-01T00:00:00Z")));

        TokensFile.update(file, tokens -> TokensFile.Change.write(List.of(token), "done"));

        assertThat(TokensFile.read(file)).isEqualTo(new TokensFile.Read.Tokens(List.of(token)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("0123456789abcdef0123456789abcdef");
    }

    @Test
    void concurrentUpdatesDoNotLoseOneAnother(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.json");
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "t" + i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    TokensFile.update(file, tokens -> {
                        List<ScopedToken> next = new ArrayList<>(tokens);
                        next.add(new ScopedToken(name, SHA, Grant.admin(), Optional.empty()));
                        return TokensFile.Change.write(next, null);
                    });
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(((TokensFile.Read.Tokens) TokensFile.read(file)).tokens()).hasSize(8);
    }

    @Test
    void aFileThatDoesNotExistHoldsNoToken(@TempDir Path dir) {
        assertThat(TokensFile.read(dir.resolve("none.json"))).isEqualTo(new TokensFile.Read.Tokens(List.of()));
    }
}
