package dev.bindsmith.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bindsmith catalog …}: the catalog zone (RFC 9432) that secondaries consume. */
@Command(
        name = "catalog",
        description = "The catalog zone secondaries consume (BINDSMITH_CATALOG_ZONE): list its members, reconcile it.")
final class CatalogCommands implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing catalog command: list or reconcile");
    }

    @Command(
            name = "list",
            description = "The catalog's serial and members (zone, group, id), a page at a time.",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith catalog list", "  bindsmith catalog list --limit 1000 -o json"})
    static final class ListMembers implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--limit", paramLabel = "N", description = "Members per page (1-1000, default 100).")
        String limit;

        @Option(names = "--cursor", paramLabel = "CURSOR", description = "The next page: the cursor a page ended with.")
        String cursor;

        ListMembers(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Map<String, String> query = new LinkedHashMap<>();
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            if (limit != null) {
                query.put("limit", limit);
            }
            return cli.call(api -> api.catalog(query), FleetViews::catalog);
        }
    }

    @Command(
            name = "reconcile",
            description = {
                "Make the catalog agree with the zones bindsmith manages: add what is missing, remove what is "
                        + "not managed, move zones from BINDSMITH_CATALOG_MOVE_FROM (coo). Also done at every start of serve."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith catalog reconcile", "  bindsmith --url http://127.0.0.1:8080 catalog reconcile"})
    static final class Reconcile implements Callable<Integer> {
        private final Cli cli;

        Reconcile(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            return cli.call(Api::reconcileCatalog, FleetViews::reconciliation);
        }
    }
}
