package dev.bindsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpAndUsageTest {

    @Test
    void helpListsTheCommandsExamplesAndExitCodes() {
        CliRun r = CliRun.run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains(
                        "Usage: bindsmith",
                        "serve",
                        "zone",
                        "record",
                        "server",
                        "completion",
                        "Examples:",
                        "Exit codes:",
                        "4  not found (404)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "serve",
                "zone",
                "zone list",
                "zone show",
                "zone status",
                "zone create",
                "zone modify",
                "zone delete",
                "zone reload",
                "zone freeze",
                "zone thaw",
                "zone notify",
                "zone retransfer",
                "record",
                "record list",
                "record add",
                "record update",
                "record remove",
                "record apply",
                "server",
                "server status",
                "server reload",
                "key",
                "key create",
                "completion"
            })
    void everyCommandHasHelpWithAnExample(String command) {
        String[] args = (command + " --help").split(" ");
        CliRun r = CliRun.run(args);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: bindsmith " + command);
        if (!command.equals("zone")
                && !command.equals("server")
                && !command.equals("record")
                && !command.equals("key")) {
            assertThat(r.out()).containsPattern("(?i)example");
        }
    }

    @Test
    void versionNamesTheProgramAndJava() {
        CliRun r = CliRun.run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("bindsmith ")
                .contains("Java " + Runtime.version().feature());
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithExitCode2() {
        CliRun r = CliRun.run("zone", "explode", "example.com");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument").contains("Did you mean");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun r = CliRun.run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing command");
    }

    @Test
    void aMissingZoneNameIsAUsageError() {
        CliRun r = CliRun.run("zone", "show");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'NAME'");
    }

    @Test
    void createWithBothANameAndAFileIsAUsageError() {
        CliRun r = CliRun.run("zone", "create", "example.com", "-f", "zone.json");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("either NAME with options or -f FILE");
    }

    @Test
    void aUrlThatIsNotHttpIsAUsageError() {
        CliRun r = CliRun.run("zone", "list", "--url", "ftp://127.0.0.1:8080");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("bindsmith: --url must look like http://host:port\n");
    }

    @Test
    void completionPrintsABashAndZshScript() {
        CliRun r = CliRun.run("completion");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("complete -F", "bindsmith", "zone", "retransfer", "compinit");
    }

    @Test
    void aBadOutputFormatIsAUsageError() {
        CliRun r = CliRun.run("zone", "list", "--output", "yaml");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--output");
    }
}
