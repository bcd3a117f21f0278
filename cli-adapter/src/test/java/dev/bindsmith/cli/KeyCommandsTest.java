package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bindsmith key create}: a key as tsig-keygen makes one, into a private key file or onto standard output. */
class KeyCommandsTest {
    private static final Pattern STATEMENT = Pattern.compile(
            "key \"(?<name>[^\"]+)\" \\{\\n\\talgorithm (?<alg>[a-z0-9-]+);\\n\\tsecret \"(?<secret>[A-Za-z0-9+/=]+)\";\\n};\\n");

    @TempDir
    Path dir;

    @Test
    void withoutAFileTheStatementIsPrintedAsTsigKeygenPrintsIt() {
        CliRun r = CliRun.run("key", "create", "ddns-key");

        assertThat(r.exitCode()).isZero();
        Matcher m = STATEMENT.matcher(r.out());
        assertThat(m.matches()).as(r.out()).isTrue();
        assertThat(m.group("name")).isEqualTo("ddns-key");
        assertThat(m.group("alg")).isEqualTo("hmac-sha256");
        assertThat(java.util.Base64.getDecoder().decode(m.group("secret"))).hasSize(32);
    }

    @Test
    void withAFileTheKeyIsWrittenPrivatelyAndItsSecretNotPrinted() throws Exception {
        Path file = dir.resolve("keys.conf");

        CliRun r = CliRun.run("key", "create", "external-dns", "--algorithm", "hmac-sha512", "--file", file.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("Key 'external-dns' (hmac-sha512) written to new key file " + file + " (mode 0600).\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        Matcher m = STATEMENT.matcher(Files.readString(file));
        assertThat(m.matches()).isTrue();
        assertThat(r.out() + r.err()).doesNotContain(m.group("secret"));
        assertThat(java.util.Base64.getDecoder().decode(m.group("secret"))).hasSize(64);
    }

    @Test
    void aSecondKeyIsAddedAndANameTheFileHoldsIsRefused() throws Exception {
        Path file = dir.resolve("keys.conf");
        CliRun.run("key", "create", "a", "--file", file.toString());

        CliRun second = CliRun.run("key", "create", "b", "--file", file.toString());
        String before = Files.readString(file);
        CliRun again = CliRun.run("key", "create", "A.", "--file", file.toString());

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).startsWith("Key 'b' (hmac-sha256) added to ");
        assertThat(before).contains("key \"a\"").contains("key \"b\"");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("bindsmith: " + file + " holds a key named 'A.' already\n");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aFileOthersMayReadIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("keys.conf"), "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        CliRun r = CliRun.run("key", "create", "a", "--file", file.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("may be read by others (rw-r--r--)").contains("chmod 600");
        assertThat(Files.readString(file)).isEmpty();
    }

    @Test
    void weakAlgorithmsNeedToBeAllowed() {
        CliRun refused = CliRun.run("key", "create", "old", "--algorithm", "hmac-md5");
        CliRun allowed = CliRun.run("key", "create", "old", "--algorithm", "hmac-md5", "--allow-weak");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("hmac-md5 is a weak algorithm");
        assertThat(allowed.exitCode()).isZero();
        assertThat(allowed.out()).contains("algorithm hmac-md5;");
    }

    @Test
    void aNameThatCannotNameAKeyIsRefused() {
        CliRun r = CliRun.run("key", "create", "bad name;");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("a TSIG key name is 1 to 253 letters, digits, dots, hyphens or underscores");
    }
}
