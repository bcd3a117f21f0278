package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The fleet's zone commands: {@code zone propagation} (what the secondaries serve) and
 * {@code zone dnssec status|rollover|checkds}; and {@link #afterChange}, what {@code --wait} does after
 * a zone create or a record change.
 */
final class ZoneFleetCommands {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What {@code --wait} without a value waits. */
    static final String DEFAULT_WAIT = "30s";

    private ZoneFleetCommands() {}

    /**
     * Runs a change and, with {@code wait}, waits for every secondary to serve it: the change's reply
     * is printed first, then where each secondary stands. Exit code: the change's when it failed;
     * {@link ExitCodes#NOT_PROPAGATED} when the wait ran out; the propagation check's when it failed.
     * With {@code -o json} one object: the change's body with the check's under {@code propagation}.
     */
    static int afterChange(
            Cli cli,
            Function<Api, Reply> change,
            Function<JsonNode, String> human,
            String zone,
            Optional<String> wait) {
        if (wait.isEmpty()) {
            return cli.call(change, human);
        }
        return cli.withApi(api -> {
            Reply changed = change.apply(api);
            if (changed.problem().isPresent()) {
                return cli.print(changed, human);
            }
            Reply propagated = api.propagation(zone, wait);
            if (cli.global().json()) {
                ObjectNode both =
                        changed.json().isObject() ? ((ObjectNode) changed.json()).deepCopy() : NODES.objectNode();
                both.set("propagation", propagated.json());
                cli.printJson(both);
            } else {
                cli.out().print(human.apply(changed.json()));
            }
            if (propagated.problem().isPresent()) {
                cli.printFailure(propagated.problem().get());
                return propagated.exitCode();
            }
            if (!cli.global().json()) {
                cli.out().print(FleetViews.propagation(propagated.json()));
            }
            return propagated.json().path("inSync").asBoolean() ? ExitCodes.SUCCESS : ExitCodes.NOT_PROPAGATED;
        });
    }

    @Command(
            name = "propagation",
            description = {
                "What each secondary (BINDSMITH_SECONDARIES) serves of a zone, against the primary's serial.",
                "With --wait, asks again until every secondary matches or the time is up (exit code 10)."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith zone propagation example.com", "  bindsmith zone propagation example.com --wait 10s"
            })
    static final class Propagation implements Callable<Integer> {
        private final Cli cli;

        @Parameters(paramLabel = "NAME", description = "The zone.")
        String zone;

        @Option(
                names = "--wait",
                paramLabel = "DURATION",
                arity = "0..1",
                fallbackValue = DEFAULT_WAIT,
                description = "Wait until every secondary serves the primary's serial: 10s, 500ms, 2m (default 30s).")
        String wait;

        Propagation(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            return cli.withApi(api -> {
                Reply reply = api.propagation(zone, Optional.ofNullable(wait));
                int exit = cli.print(reply, FleetViews::propagation);
                return exit == ExitCodes.SUCCESS && !reply.json().path("inSync").asBoolean()
                        ? ExitCodes.NOT_PROPAGATED
                        : exit;
            });
        }
    }

    @Command(name = "dnssec", description = "A signed zone's keys (BIND backend): status, rollover, checkds.")
    static final class Dnssec implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Missing dnssec command: status, rollover or checkds");
        }

        @Command(
                name = "status",
                description = "Signed or not, the dnssec-policy, each key and its state, the DS for the parent.",
                footerHeading = "%nExamples:%n",
                footer = {"  bindsmith zone dnssec status example.com"})
        static final class Status implements Callable<Integer> {
            private final Cli cli;

            @Parameters(paramLabel = "NAME", description = "The zone.")
            String zone;

            Status(Cli cli) {
                this.cli = cli;
            }

            @Override
            public Integer call() {
                return cli.call(api -> api.dnssecStatus(zone), FleetViews::dnssec);
            }
        }

        @Command(
                name = "rollover",
                description = "Roll the key with this tag now (rndc dnssec -rollover -key).",
                footerHeading = "%nExamples:%n",
                footer = {"  bindsmith zone dnssec rollover example.com --key 39001"})
        static final class Rollover implements Callable<Integer> {
            private final Cli cli;

            @Parameters(paramLabel = "NAME", description = "The zone.")
            String zone;

            @Option(names = "--key", paramLabel = "TAG", required = true, description = "The key's tag.")
            long keyTag;

            Rollover(Cli cli) {
                this.cli = cli;
            }

            @Override
            public Integer call() {
                ObjectNode body = NODES.objectNode().put("keyTag", keyTag);
                return cli.call(
                        api -> api.dnssecCommand(zone, "rollover", body),
                        b -> Views.action(b, "Rollover of zone " + zone + " scheduled."));
            }
        }

        @Command(
                name = "checkds",
                description = "Say the DS is published at (or withdrawn from) the parent (rndc dnssec -checkds).",
                footerHeading = "%nExamples:%n",
                footer = {
                    "  bindsmith zone dnssec checkds example.com published",
                    "  bindsmith zone dnssec checkds example.com withdrawn --key 39001"
                })
        static final class Checkds implements Callable<Integer> {
            private final Cli cli;

            @Parameters(index = "0", paramLabel = "NAME", description = "The zone.")
            String zone;

            @Parameters(index = "1", paramLabel = "published|withdrawn", description = "The DS's state at the parent.")
            String state;

            @Option(names = "--key", paramLabel = "TAG", description = "Only this key (default: every KSK).")
            Long keyTag;

            Checkds(Cli cli) {
                this.cli = cli;
            }

            @Override
            public Integer call() {
                ObjectNode body = NODES.objectNode().put("state", state);
                if (keyTag != null) {
                    body.put("keyTag", keyTag);
                }
                return cli.call(
                        api -> api.dnssecCommand(zone, "checkds", body),
                        b -> Views.action(b, "DS state of zone " + zone + " recorded."));
            }
        }
    }
}
