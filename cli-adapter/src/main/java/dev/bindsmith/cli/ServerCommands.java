package dev.bindsmith.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code bindsmith server …}: the name server as a whole. */
@Command(
        name = "server",
        description = "The name server as a whole: its status, or a reload of everything.",
        subcommands = {ServerCommands.Status.class, ServerCommands.Reload.class})
final class ServerCommands implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing server command: status or reload");
    }

    @Command(
            name = "status",
            description = "Show the name server's status (rndc status).",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith server status", "  bindsmith server status -o json"})
    static final class Status implements Callable<Integer> {
        private final Cli cli;

        Status(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            return cli.call(Api::serverStatus, Views::serverStatus);
        }
    }

    @Command(
            name = "reload",
            description = "Reload the configuration and every zone (rndc reload).",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith server reload"})
    static final class Reload implements Callable<Integer> {
        private final Cli cli;

        Reload(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            return cli.call(Api::reloadServer, body -> Views.action(body, "Reloaded the server."));
        }
    }
}
