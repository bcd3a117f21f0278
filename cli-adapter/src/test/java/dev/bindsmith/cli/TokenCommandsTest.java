package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.http.access.Access;
import dev.bindsmith.http.access.ScopedToken;
import dev.bindsmith.http.access.TokensFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bindsmith token create|list|revoke} on a tokens file, each change in the audit log. */
class TokenCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(
                Map.of(
                        "BINDSMITH_TOKENS_FILE", dir.resolve("tokens.json").toString(),
                        "BINDSMITH_DATA_DIR", dir.resolve("data").toString(),
                        "USER", "alice"),
                (settings, dns) -> {
                    throw new AssertionError("token commands open no backend");
                },
                (backend, env, overrides) -> {
                    throw new AssertionError("no server expected");
                },
                "",
                args);
    }

    private List<ScopedToken> tokens() {
        return ((TokensFile.Read.Tokens) TokensFile.read(dir.resolve("tokens.json"))).tokens();
    }

    @Test
    void createShowsTheTokenOnceAndKeepsOnlyItsDigestWithTheGrant() throws Exception {
        CliRun r = run(
                "token",
                "create",
                "--name",
                "ci",
                "--access",
                "write",
                "--zones",
                "*.dev.example.com",
                "--types",
                "A,AAAA,TXT",
                "--expires",
                "30d",
                "--allow-from",
                "10.0.0.0/8");

        assertThat(r.exitCode()).as(r.err()).isZero();
        Matcher shown = Pattern.compile("\n  ([0-9a-f]{64})\n").matcher(r.out());
        assertThat(shown.find()).as(r.out()).isTrue();
        String token = shown.group(1);
        assertThat(r.out())
                .contains(
                        "Token ci added to " + dir.resolve("tokens.json"),
                        "write on *.dev.example.com; record types A, AAAA, TXT; from 10.0.0.0/8; expires ");
        ScopedToken kept = tokens().getFirst();
        assertThat(kept.sha256()).isEqualTo(ScopedToken.sha256Of(token));
        assertThat(kept.grant().access()).isEqualTo(Access.WRITE);
        assertThat(kept.grant().recordTypes()).containsExactlyInAnyOrder(RecordType.A, RecordType.AAAA, RecordType.TXT);
        assertThat(kept.grant().expires()).isPresent();
        assertThat(Files.readString(dir.resolve("tokens.json"))).doesNotContain(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tokens.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void listShowsWhatEachTokenMayDoButNeverTheTokenOrItsDigest() {
        run("token", "create", "--name", "ci", "--access", "write", "--zones", "*.dev.example.com,example.org");
        run("token", "create", "--name", "ops", "--access", "admin");

        CliRun list = run("token", "list");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEqualTo("""
                NAME  ACCESS  ZONES                          TYPES  FROM  EXPIRES
                ci    write   *.dev.example.com,example.org  *      *     never
                ops   admin   *                              *      *     never
                """);
        assertThat(list.out()).doesNotContain(tokens().getFirst().sha256());
    }

    @Test
    void aSecondTokenOfTheSameNameIsAConflictAndRevokeRemovesItOnce() {
        assertThat(run("token", "create", "--name", "ci", "--access", "read").exitCode())
                .isZero();

        CliRun again = run("token", "create", "--name", "ci", "--access", "read");
        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(again.err()).contains("a token named ci exists");
        assertThat(again.out()).doesNotContainPattern("[0-9a-f]{64}");

        assertThat(run("token", "revoke", "ci").exitCode()).isZero();
        assertThat(tokens()).isEmpty();
        CliRun gone = run("token", "revoke", "ci");
        assertThat(gone.exitCode()).isEqualTo(4);
        assertThat(gone.err()).contains("no token named ci");
    }

    @Test
    void badOptionsAreUsageErrorsAndChangeNothing() {
        CliRun r = run(
                "token",
                "create",
                "--name",
                "bad name",
                "--access",
                "root",
                "--zones",
                "a*.example.com",
                "--types",
                "SOA",
                "--allow-from",
                "10.0.0.1/8",
                "--expires",
                "yesterday");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--name", "--access", "--zones", "--types", "--allow-from", "--expires");
        assertThat(Files.exists(dir.resolve("tokens.json"))).isFalse();
        assertThat(run("token", "create", "--name", "x", "--access", "admin", "--zones", "example.com")
                        .err())
                .contains("an admin token covers every zone");
    }

    @Test
    void creatingAndRevokingAreAuditedWithoutTheToken() throws Exception {
        CliRun created = run("token", "create", "--name", "ci", "--access", "read", "--zones", "example.com");
        run("token", "revoke", "ci");

        List<String> lines = Files.readAllLines(dir.resolve("data/.bindsmith/audit.log"));
        assertThat(lines).hasSize(2);
        JsonNode create = JSON.readTree(lines.get(0));
        assertThat(create.path("operation").asText()).isEqualTo("token.create");
        assertThat(create.path("user").asText()).isEqualTo("alice");
        assertThat(create.path("details").path("name").asText()).isEqualTo("ci");
        assertThat(create.path("details").path("zones").toString()).isEqualTo("[\"example.com\"]");
        assertThat(JSON.readTree(lines.get(1)).path("operation").asText()).isEqualTo("token.revoke");
        String token = created.out()
                .lines()
                .filter(l -> l.matches("  [0-9a-f]{64}"))
                .findFirst()
                .orElseThrow()
                .strip();
        assertThat(String.join("\n", lines)).doesNotContain(token).doesNotContain(ScopedToken.sha256Of(token));
    }

    @Test
    void withoutATokensFileTheCommandSaysHowToNameOne() {
        CliRun r = CliRun.run("token", "list");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--tokens-file or BINDSMITH_TOKENS_FILE");
    }
}
