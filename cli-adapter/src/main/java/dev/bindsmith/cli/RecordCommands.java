package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bindsmith record …}: the record routes of the API (RFC 2136 updates underneath). Names are
 * relative to the zone ({@code www}, {@code @} for the apex) or absolute with a trailing dot.
 */
@Command(
        name = "record",
        description = "List, add, change and remove the records of a zone (RFC 2136 dynamic updates).")
final class RecordCommands implements Runnable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing record command: list, add, update, remove or apply");
    }

    @Command(
            name = "list",
            description = "List a zone's records, optionally of one name and type (a page at a time).",
            footerHeading = "%nExamples:%n",
            footer = {
                "  bindsmith record list example.com",
                "  bindsmith record list example.com --name www --type A",
                "  bindsmith record list example.com --all -o json"
            })
    static final class ListRecords implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", paramLabel = "ZONE", description = "The zone.")
        String zone;

        @Option(
                names = "--name",
                paramLabel = "NAME",
                description = "Only this owner name (www, @, or absolute with a dot).")
        String name;

        @Option(names = "--type", paramLabel = "TYPE", description = "Only this type (A, MX …).")
        String type;

        @Option(names = "--limit", paramLabel = "N", description = "Records per page (default 100, at most 1000).")
        Integer limit;

        @Option(
                names = "--cursor",
                paramLabel = "CURSOR",
                description = "Where the previous page ended (its nextCursor).")
        String cursor;

        @Option(
                names = "--all",
                description = "Every page, as one list (the JSON is one page's shape with every record).")
        boolean all;

        ListRecords(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Map<String, String> query = new LinkedHashMap<>();
            Optional.ofNullable(name).ifPresent(v -> query.put("name", v));
            Optional.ofNullable(type).ifPresent(v -> query.put("type", v));
            Optional.ofNullable(limit).ifPresent(v -> query.put("limit", Integer.toString(v)));
            Optional.ofNullable(cursor).ifPresent(v -> query.put("cursor", v));
            if (!all) {
                return cli.call(api -> api.listRecords(zone, query), RecordCommands::recordTable);
            }
            return cli.withApi(api -> {
                ArrayNode records = NODES.arrayNode();
                Optional<String> next = Optional.ofNullable(cursor);
                while (true) {
                    next.ifPresent(c -> query.put("cursor", c));
                    Reply page = api.listRecords(zone, query);
                    if (!page.ok()) {
                        return cli.print(page, RecordCommands::recordTable);
                    }
                    records.addAll((ArrayNode) page.json().path("records"));
                    Optional<String> following = Optional.ofNullable(page.json().get("nextCursor"))
                            .filter(JsonNode::isTextual)
                            .map(JsonNode::asText);
                    if (following.isEmpty() || following.equals(next)) {
                        ObjectNode merged = NODES.objectNode()
                                .put("zone", page.json().path("zone").asText(zone));
                        merged.set("records", records);
                        merged.put("count", records.size());
                        return cli.print(Reply.success(merged), RecordCommands::recordTable);
                    }
                    next = following;
                }
            });
        }
    }

    @Command(
            name = "add",
            description = "Add a record (an RFC 2136 update; adding one that is there changes nothing).",
            footerHeading = "%nExamples:%n",
            footer = {
                "  bindsmith record add example.com www A 192.0.2.80",
                "  bindsmith record add example.com @ MX 'mail.example.com.' --priority 10 --ttl 300",
                "  bindsmith record add example.com txt TXT '\"v=spf1 -all\"'",
                "  bindsmith record add example.com www A 192.0.2.81 --wait 10s"
            })
    static final class Add implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", paramLabel = "ZONE", description = "The zone.")
        String zone;

        @Parameters(
                index = "1",
                paramLabel = "NAME",
                description = "The owner: www, @, or absolute with a trailing dot.")
        String name;

        @Parameters(index = "2", paramLabel = "TYPE", description = "A, AAAA, CNAME, MX, TXT, SRV, CAA …")
        String type;

        @Parameters(index = "3", paramLabel = "VALUE", description = "The data in zone-file form.")
        String value;

        @Option(names = "--ttl", paramLabel = "SECONDS", description = "The TTL (default 3600).")
        Long ttl;

        @Option(names = "--priority", paramLabel = "N", description = "MX/SRV priority, when not in VALUE.")
        Long priority;

        @Option(
                names = "--wait",
                paramLabel = "DURATION",
                arity = "0..1",
                fallbackValue = ZoneFleetCommands.DEFAULT_WAIT,
                description =
                        "Then wait until every secondary serves the change: 10s, 2m (default 30s; exit code 10 if not).")
        String wait;

        Add(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ObjectNode body =
                    NODES.objectNode().put("name", name).put("type", type).put("value", value);
            putIfSet(body, "ttl", ttl);
            putIfSet(body, "priority", priority);
            return ZoneFleetCommands.afterChange(
                    cli,
                    api -> api.changeRecord(zone, "POST", body),
                    RecordCommands::changed,
                    zone,
                    java.util.Optional.ofNullable(wait));
        }
    }

    @Command(
            name = "update",
            description = "Replace one record's value (removes CURRENT and adds NEW in one update).",
            footerHeading = "%nExamples:%n",
            footer = {"  bindsmith record update example.com www A 192.0.2.80 192.0.2.81"})
    static final class Update implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", paramLabel = "ZONE", description = "The zone.")
        String zone;

        @Parameters(
                index = "1",
                paramLabel = "NAME",
                description = "The owner: www, @, or absolute with a trailing dot.")
        String name;

        @Parameters(index = "2", paramLabel = "TYPE", description = "The record type.")
        String type;

        @Parameters(index = "3", paramLabel = "CURRENT", description = "The value to replace.")
        String currentValue;

        @Parameters(index = "4", paramLabel = "NEW", description = "The new value.")
        String newValue;

        @Option(names = "--ttl", paramLabel = "SECONDS", description = "The new record's TTL (default 3600).")
        Long ttl;

        @Option(names = "--priority", paramLabel = "N", description = "MX/SRV priority, when not in the values.")
        Long priority;

        Update(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ObjectNode body = NODES.objectNode()
                    .put("name", name)
                    .put("type", type)
                    .put("currentValue", currentValue)
                    .put("newValue", newValue);
            putIfSet(body, "ttl", ttl);
            putIfSet(body, "priority", priority);
            return cli.call(api -> api.changeRecord(zone, "PUT", body), RecordCommands::changed);
        }
    }

    @Command(
            name = "remove",
            description = "Remove one record, or with no VALUE every record of NAME and TYPE.",
            footerHeading = "%nExamples:%n",
            footer = {
                "  bindsmith record remove example.com www A 192.0.2.80",
                "  bindsmith record remove example.com www A"
            })
    static final class Remove implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", paramLabel = "ZONE", description = "The zone.")
        String zone;

        @Parameters(
                index = "1",
                paramLabel = "NAME",
                description = "The owner: www, @, or absolute with a trailing dot.")
        String name;

        @Parameters(index = "2", paramLabel = "TYPE", description = "The record type.")
        String type;

        @Parameters(
                index = "3",
                paramLabel = "VALUE",
                arity = "0..1",
                description = "The value (default: every record of NAME and TYPE).")
        String value;

        Remove(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ObjectNode body = NODES.objectNode().put("name", name).put("type", type);
            if (value != null) {
                body.put("value", value);
            }
            return cli.call(api -> api.changeRecord(zone, "DELETE", body), RecordCommands::changed);
        }
    }

    @Command(
            name = "apply",
            description = {
                "Apply a change set atomically: every change or none (one RFC 2136 update).",
                "The file is the API's PATCH body, {\"changes\": [{\"op\": \"add\"|\"update\"|\"remove\", …}]}, or just the list."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  bindsmith record apply example.com -f changes.json --dry-run",
                "  bindsmith record apply example.com -f changes.json"
            })
    static final class Apply implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", paramLabel = "ZONE", description = "The zone.")
        String zone;

        @Option(
                names = {"-f", "--file"},
                paramLabel = "FILE",
                required = true,
                description = "The change set, as JSON ('-' reads standard input).")
        String file;

        @Option(names = "--dry-run", description = "Judge the change set and show what it would do; change nothing.")
        boolean dryRun;

        Apply(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            JsonInput.Read<JsonNode> read = JsonInput.readOne(cli, file);
            if (read.value().isEmpty()) {
                return read.failureExitCode();
            }
            JsonNode json = read.value().get();
            JsonNode body = json.isArray() ? NODES.objectNode().set("changes", json) : json;
            return cli.call(api -> api.applyRecords(zone, body, dryRun), RecordCommands::changeSet);
        }
    }

    // ---- human views ----

    /** A page of records as a zone-file-like table, and how to get the next page. */
    static String recordTable(JsonNode body) {
        JsonNode records = body.path("records");
        if (!records.isArray()) {
            return HumanOutput.render(body);
        }
        if (records.isEmpty()) {
            return "No records.\n";
        }
        List<List<String>> rows = new ArrayList<>();
        records.forEach(r -> rows.add(List.of(
                HumanOutput.cell(r.get("name")),
                HumanOutput.cell(r.get("ttl")),
                HumanOutput.cell(r.get("type")),
                HumanOutput.cell(r.get("value")))));
        String table = HumanOutput.table(List.of("name", "ttl", "type", "value"), rows);
        JsonNode next = body.get("nextCursor");
        return next != null && next.isTextual() ? table + "(more: --cursor " + next.asText() + ")\n" : table;
    }

    /** An add, update or remove: the sentence, then what went (-) and what came (+). */
    static String changed(JsonNode body) {
        if (!body.path("message").isTextual()) {
            return HumanOutput.render(body);
        }
        return body.path("message").asText() + "\n" + diff(body, "  ");
    }

    /** A change set: the sentence, then each change with what went and came. */
    static String changeSet(JsonNode body) {
        if (!body.path("message").isTextual()) {
            return HumanOutput.render(body);
        }
        StringBuilder out = new StringBuilder(body.path("message").asText()).append('\n');
        for (JsonNode c : body.path("changes")) {
            out.append("  ")
                    .append(c.path("operation").asText())
                    .append(' ')
                    .append(c.path("name").asText())
                    .append(' ')
                    .append(c.path("type").asText())
                    .append('\n')
                    .append(diff(c, "    "));
        }
        return out.toString();
    }

    private static String diff(JsonNode node, String indent) {
        StringBuilder out = new StringBuilder();
        node.path("removed")
                .forEach(r -> out.append(indent).append("- ").append(line(r)).append('\n'));
        node.path("added")
                .forEach(r -> out.append(indent).append("+ ").append(line(r)).append('\n'));
        return out.toString();
    }

    private static String line(JsonNode r) {
        return r.path("name").asText() + (r.has("ttl") ? " " + r.path("ttl").asText() : "") + " "
                + r.path("type").asText() + " " + r.path("value").asText();
    }

    private static void putIfSet(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
