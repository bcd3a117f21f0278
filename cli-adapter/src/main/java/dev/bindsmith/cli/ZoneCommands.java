package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bindsmith zone …}: the zone routes of the API, one subcommand each. */
@Command(
        name = "zone",
        description = "List, show, create, change and delete zones; reload, freeze, thaw, notify, retransfer;"
                + " propagation to the secondaries; DNSSEC keys.")
final class ZoneCommands implements Runnable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing zone command: list, show, status, create, modify, delete, reload, freeze, thaw, notify,"
                        + " retransfer, propagation or dnssec");
    }

    @Command(
            name = "list",
            description = "List the zones bindsmith manages (all of them, or a page at a time with --limit).",
            footerHeading = "%nExamples:%n",
            footer = {
                "  bindsmith zone list",
                "  bindsmith zone list -o json",
                "  bindsmith zone list --limit 1000",
                "  bindsmith zone list --limit 1000 --cursor <nextCursor of the page before>"
            })
    static final class ListZones implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--limit", paramLabel = "N", description = "Zones per page (default 100, at most 1000).")
        Integer limit;

        @Option(
                names = "--cursor",
                paramLabel = "CURSOR",
                description = "Where the previous page ended (its nextCursor).")
        String cursor;

        ListZones(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            if (limit == null && cursor == null) {
                return cli.call(Api::listZones, ZoneCommands::zoneTable);
            }
            java.util.Map<String, String> query = new java.util.LinkedHashMap<>();
            java.util.Optional.ofNullable(limit).ifPresent(v -> query.put("limit", Integer.toString(v)));
            java.util.Optional.ofNullable(cursor).ifPresent(v -> query.put("cursor", v));
            return cli.call(api -> api.listZones(query), ZoneCommands::zoneTable);
        }
    }

    @Command(
            name = "show",
            description = "Show one zone: its type, serial and file.",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith zone show example.com"})
    static final class Show implements Callable<Integer> {
        private final Cli cli;

        @Parameters(paramLabel = "NAME", description = "The zone.")
        String zone;

        Show(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            return cli.call(api -> api.getZone(zone), Views::zone);
        }
    }

    @Command(
            name = "status",
            description = "Show the name server's status of one zone (rndc zonestatus).",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith zone status example.com"})
    static final class Status implements Callable<Integer> {
        private final Cli cli;

        @Parameters(paramLabel = "NAME", description = "The zone.")
        String zone;

        Status(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            return cli.call(api -> api.zoneStatus(zone), Views::status);
        }
    }

    @Command(
            name = "modify",
            description = {
                "Change who is notified, who may transfer and who may update a zone (rndc modzone).",
                "A list given replaces the zone's; a --clear-… option removes it; what is not named stays as it is."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  bindsmith zone modify example.com --also-notify 192.0.2.7:5353 \\",
                "      --allow-transfer 192.0.2.7",
                "  bindsmith zone modify example.com --clear-allow-update",
                "  bindsmith zone modify example.com -f patch.json"
            })
    static final class Modify implements Callable<Integer> {
        private final Cli cli;

        @Parameters(paramLabel = "NAME", description = "The zone.")
        String zone;

        @Option(
                names = "--also-notify",
                paramLabel = "IP[:PORT]",
                description = "Send NOTIFY to this server too (repeatable).")
        List<String> alsoNotify;

        @Option(
                names = "--allow-transfer",
                paramLabel = "ADDRESS",
                description = "Allow zone transfers to this address, network or key (repeatable).")
        List<String> allowTransfer;

        @Option(
                names = "--allow-update",
                paramLabel = "ADDRESS",
                description =
                        "Allow dynamic updates from this address or network (repeatable); key-based updates are kept.")
        List<String> allowUpdate;

        @Option(names = "--clear-also-notify", description = "Remove also-notify.")
        boolean clearAlsoNotify;

        @Option(names = "--clear-allow-transfer", description = "Remove allow-transfer.")
        boolean clearAllowTransfer;

        @Option(names = "--clear-allow-update", description = "Remove the address elements of allow-update.")
        boolean clearAllowUpdate;

        @Option(
                names = {"-f", "--file"},
                paramLabel = "FILE",
                description = "The PATCH body the HTTP API takes, as JSON ('-' reads standard input).")
        String file;

        @Spec
        CommandLine.Model.CommandSpec spec;

        Modify(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ObjectNode patch;
            if (file != null) {
                if (alsoNotify != null
                        || allowTransfer != null
                        || allowUpdate != null
                        || clearAlsoNotify
                        || clearAllowTransfer
                        || clearAllowUpdate) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "Give either -f or the list options, not both");
                }
                JsonInput.Read<JsonNode> read = JsonInput.readOne(cli, file);
                if (read.value().isEmpty()) {
                    return read.failureExitCode();
                }
                if (!read.value().get().isObject()) {
                    cli.err().println("bindsmith: " + file + " must hold one JSON object");
                    return ExitCodes.INVALID;
                }
                patch = (ObjectNode) read.value().get();
            } else {
                patch = NODES.objectNode();
                list(patch, "alsoNotify", alsoNotify, clearAlsoNotify);
                list(patch, "allowTransfer", allowTransfer, clearAllowTransfer);
                list(patch, "allowUpdate", allowUpdate, clearAllowUpdate);
            }
            return cli.call(
                    api -> api.modifyZone(zone, patch), body -> Views.action(body, "Modified zone " + zone + "."));
        }

        private void list(ObjectNode patch, String field, List<String> values, boolean clear) {
            if (values != null && clear) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "Give either the list or its --clear option, not both");
            }
            if (values != null || clear) {
                ArrayNode array = patch.putArray(field);
                (values == null ? List.<String>of() : values).forEach(array::add);
            }
        }
    }

    @Command(
            name = "delete",
            description = "Stop serving a zone and remove its files (rndc delzone).",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith zone delete example.com"})
    static final class Delete implements Callable<Integer> {
        private final Cli cli;

        @Parameters(paramLabel = "NAME", description = "The zone.")
        String zone;

        Delete(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            return cli.call(
                    api -> api.deleteZone(zone),
                    body -> body.isMissingNode()
                            ? "Deleted zone " + zone + ".\n"
                            : Views.action(body, "Deleted zone " + zone + "."));
        }
    }

    /** The commands that only name a zone. */
    abstract static class ActionCommand implements Callable<Integer> {
        private final Cli cli;
        private final ZoneAction action;

        @Parameters(paramLabel = "NAME", description = "The zone.")
        String zone;

        ActionCommand(Cli cli, ZoneAction action) {
            this.cli = cli;
            this.action = action;
        }

        @Override
        public Integer call() {
            return cli.call(
                    api -> api.zoneAction(zone, action),
                    body -> Views.action(body, action.pastTense() + " zone " + zone + "."));
        }
    }

    @Command(
            name = "reload",
            description = "Reload a zone from its file (rndc reload).",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith zone reload example.com"})
    static final class Reload extends ActionCommand {
        Reload(Cli cli) {
            super(cli, ZoneAction.RELOAD);
        }
    }

    @Command(
            name = "freeze",
            description = "Suspend dynamic updates and write the journal into the zone file (rndc freeze).",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith zone freeze example.com"})
    static final class Freeze extends ActionCommand {
        Freeze(Cli cli) {
            super(cli, ZoneAction.FREEZE);
        }
    }

    @Command(
            name = "thaw",
            description = "Reload a frozen zone and resume dynamic updates (rndc thaw).",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith zone thaw example.com"})
    static final class Thaw extends ActionCommand {
        Thaw(Cli cli) {
            super(cli, ZoneAction.THAW);
        }
    }

    @Command(
            name = "notify",
            description = "Send NOTIFY to the zone's secondaries (rndc notify).",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith zone notify example.com"})
    static final class Notify extends ActionCommand {
        Notify(Cli cli) {
            super(cli, ZoneAction.NOTIFY);
        }
    }

    @Command(
            name = "retransfer",
            description = "Transfer a secondary zone again from its primaries (rndc retransfer).",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith zone retransfer example.org"})
    static final class Retransfer extends ActionCommand {
        Retransfer(Cli cli) {
            super(cli, ZoneAction.RETRANSFER);
        }
    }

    /** {@code zone list}'s table: one row per zone (name, type, file), or the names when that is all the body has. */
    static String zoneTable(JsonNode body) {
        JsonNode zones = body.path("zones");
        JsonNode items = body.path("items");
        if (!zones.isArray() && !items.isArray()) {
            return HumanOutput.render(body);
        }
        if (zones.isEmpty() && items.isEmpty()) {
            return "No zones.\n";
        }
        List<List<String>> rows = new ArrayList<>();
        if (items.isArray() && !items.isEmpty()) {
            items.forEach(z -> rows.add(List.of(
                    HumanOutput.cell(z.get("name")),
                    HumanOutput.cell(z.get("zoneType")),
                    HumanOutput.cell(z.get("filePath")))));
            return HumanOutput.table(List.of("name", "type", "file"), rows) + nextPage(body);
        }
        zones.forEach(z -> rows.add(List.of(z.isObject() ? HumanOutput.cell(z.get("name")) : z.asText())));
        return HumanOutput.table(List.of("name"), rows) + nextPage(body);
    }

    /** The line that says how to get the next page, when there is one. */
    private static String nextPage(JsonNode body) {
        JsonNode next = body.get("nextCursor");
        return next != null && next.isTextual() ? "More zones follow: --cursor " + next.asText() + "\n" : "";
    }
}
