package dev.bindsmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line built for one command (only its path) against the whole tree. */
class CommandTreeTest {

    /** A command line that must not open a backend or start a server, writing to {@code out} and {@code err}. */
    private static Cli cli(StringWriter out, StringWriter err) {
        return new Cli(
                Map.of(),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                (settings, dns) -> {
                    throw new AssertionError("no backend expected");
                },
                (backend, env, overrides) -> {
                    throw new AssertionError("no server expected");
                });
    }

    private static Cli cli() {
        return cli(new StringWriter(), new StringWriter());
    }

    /** Every command of the whole tree, as the words that name it. */
    private static List<List<String>> everyCommand(CommandLine line, List<String> words, List<List<String>> into) {
        for (var sub : line.getSubcommands().entrySet()) {
            if (!sub.getValue().getCommandSpec().name().equals(sub.getKey())) {
                continue; // an alias
            }
            List<String> path = new ArrayList<>(words);
            path.add(sub.getKey());
            into.add(path);
            everyCommand(sub.getValue(), path, into);
        }
        return into;
    }

    private static CommandLine find(CommandLine top, List<String> words) {
        CommandLine line = top;
        for (String word : words) {
            line = line.getSubcommands().get(word);
            assertNotNull(line, () -> "no command " + words);
        }
        return line;
    }

    @Test
    void everyCommandBuiltAloneHasTheOptionsAndHelpItHasInTheWholeTree() {
        CommandLine whole = cli().wholeCommandLine();
        List<List<String>> commands = everyCommand(whole, List.of(), new ArrayList<>());
        assertTrue(commands.size() > 35, () -> "only " + commands.size() + " commands: " + commands);
        for (List<String> words : commands) {
            if (words.getFirst().equals("completion")) {
                continue; // not part of the declared tree: its own script covers every command
            }
            CommandLine alone = find(cli().commandLine(words.toArray(String[]::new)), words);
            CommandLine inWhole = find(whole, words);
            assertEquals(inWhole.getUsageMessage(), alone.getUsageMessage(), () -> "help of " + words);
            assertEquals(
                    inWhole.getCommandSpec().options().stream()
                            .map(o -> o.longestName() + " " + o.scopeType() + " " + o.inherited())
                            .toList(),
                    alone.getCommandSpec().options().stream()
                            .map(o -> o.longestName() + " " + o.scopeType() + " " + o.inherited())
                            .toList(),
                    () -> "options of " + words);
        }
    }

    @Test
    void aCommandLineThatNamesOneCommandBuildsOnlyThatCommandOnEachLevel() {
        CommandLine line = cli().commandLine("--output", "json", "zone", "list", "--limit", "10");
        assertEquals(List.of("zone"), List.copyOf(line.getSubcommands().keySet()));
        assertEquals(
                List.of("list"),
                List.copyOf(line.getSubcommands().get("zone").getSubcommands().keySet()));
    }

    /** The exit code, output and error of {@code args} run through the whole tree. */
    private static CliRun runOnTheWholeTree(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = cli(out, err).wholeCommandLine().execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--url record zone list", // a command's name where an option wants its value
                "--output zone zone list",
                "zone lst",
                "zone",
                "zone dnssec",
                "record add",
                "zone list --limit many",
                "zone list -- record",
                "server status extra",
                "token revoke",
                "nosuch",
                "zone --help",
                "zone dnssec --help",
                "--version",
                "--help",
                "completion --help"
            })
    void aCommandLineGetsWhatTheWholeTreeGivesIt(String line) {
        String[] args = line.split(" ");
        CliRun whole = runOnTheWholeTree(args);
        CliRun run = CliRun.run(args);
        assertEquals(whole, run);
    }

    @Test
    void aZoneNamedLikeACommandIsAPositionalOfTheCommandBeforeIt() {
        CommandLine line = cli().commandLine("zone", "show", "list");
        assertEquals(
                List.of("show"),
                List.copyOf(line.getSubcommands().get("zone").getSubcommands().keySet()));
        CommandLine.ParseResult parsed = line.parseArgs("zone", "show", "list");
        assertEquals("list", parsed.subcommand().subcommand().matchedPositionalValue(0, ""));
    }

    @Test
    void aGroupWithoutItsSubcommandListsThemAll() {
        CliRun run = CliRun.run("zone");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::err);
        assertTrue(run.err().contains("Missing zone command"), run::err);
        assertTrue(run.err().contains("dnssec"), run::err);
    }
}
