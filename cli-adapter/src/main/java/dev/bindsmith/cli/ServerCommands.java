package dev.bindsmith.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code bindsmith server …}: the name server as a whole. */
@Command(
        name = "server",
        description =
                "The name server as a whole: its status, a reload of everything, a reconcile with the zone files.")
final class ServerCommands implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing server command: status, reload or reconcile");
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

    @Command(
            name = "reconcile",
            description = {
                "Settle the zone files with the name server: finish or undo creates and deletes that were cut off,"
                        + " adopt zone files the server serves, report zones it does not serve.",
                "Files are never removed unless bindsmith wrote them for a change the server never took;"
                        + " --set-aside moves the files of zones nobody serves into .bindsmith/set-aside/."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith server reconcile", "  bindsmith server reconcile --set-aside -o json"})
    static final class Reconcile implements Callable<Integer> {
        private final Cli cli;

        @CommandLine.Option(
                names = "--set-aside",
                description = "Move the files of zones the name server does not serve aside (kept), instead of only"
                        + " reporting them.")
        boolean setAside;

        @CommandLine.Option(
                names = "--unfinished-only",
                description = "Only the zones whose create or delete was cut off, and files no create wrote (what the"
                        + " server does at start); not every zone.")
        boolean unfinishedOnly;

        Reconcile(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            return cli.call(api -> api.reconcile(!unfinishedOnly, setAside), Views::reconcile);
        }
    }
}
