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
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bindsmith zone create}: one zone from options, or the create body(ies) the HTTP API takes
 * from {@code -f}. Options become exactly that body, so both paths are validated by the same code.
 * Several bodies (JSON lines, or an array) create zone after zone, stopping at the first failure
 * unless {@code --keep-going}, and end with an exact account of what was and was not created.
 */
@Command(
        name = "create",
        sortOptions = false,
        description = {
            "Create a zone: write its file and add it to the name server (rndc addzone).",
            "Give the essentials as options, or the JSON body of POST /api/v1/zones with -f: one object, "
                    + "or a JSON-lines file (one object a line) to create many zones."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bindsmith zone create example.com --ns ns1.example.com \\",
            "      --ns-ip ns1.example.com=192.0.2.53 \\",
            "      --record 'www A 192.0.2.80' --record '@ MX 10 mail.example.com.'",
            "  bindsmith zone create example.org --type secondary --primary 192.0.2.1",
            "  bindsmith zone create -f zone.json",
            "  bindsmith zone create -f zones.jsonl --keep-going",
            "  bindsmith zone create example.net --ns ns1.example.net. --catalog-group blue --wait 10s",
            "  generate-zones | bindsmith zone create -f -"
        })
final class ZoneCreate implements Callable<Integer> {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Cli cli;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The zone (not with -f).")
    String zone;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description =
                    "Create from the JSON the HTTP API takes: one object, a JSON-lines file or an array ('-' reads standard input).")
    String file;

    @Option(names = "--keep-going", description = "With several zones: go on after a failure instead of stopping.")
    boolean keepGoing;

    @Option(
            names = "--wait",
            paramLabel = "DURATION",
            arity = "0..1",
            fallbackValue = ZoneFleetCommands.DEFAULT_WAIT,
            description =
                    "Then wait until every secondary serves the zone: 10s, 2m (default 30s; exit code 10 if not). One zone only.")
    String wait;

    @Option(
            names = "--catalog-group",
            paramLabel = "GROUP",
            description = "The group of the zone's catalog member (RFC 9432), which consumers map to a template.")
    String catalogGroup;

    @Option(
            names = "--type",
            paramLabel = "primary|secondary",
            defaultValue = "primary",
            description = "The zone type (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(
            names = "--ttl",
            paramLabel = "SECONDS",
            defaultValue = "3600",
            description = "The zone's default TTL (default: ${DEFAULT-VALUE}).")
    long ttl;

    @Option(
            names = "--ns",
            paramLabel = "HOST",
            description = {
                "A name server of the zone (repeatable); the first is the SOA's primary unless --soa-primary-ns.",
                "As in a zone file, a name outside the zone ends with a dot: ns1.example.net."
            })
    List<String> nameServers = new ArrayList<>();

    @Option(
            names = "--ns-ip",
            paramLabel = "HOST=IP",
            description = "Glue: the address of a name server inside the zone (repeatable).")
    Map<String, String> nameServerIps = new LinkedHashMap<>();

    @Option(
            names = "--soa-primary-ns",
            paramLabel = "HOST",
            description = "The SOA's primary name server (default: the first --ns).")
    String soaPrimaryNs;

    @Option(
            names = "--soa-admin",
            paramLabel = "MAILBOX",
            description = "The SOA's admin mailbox, dotted (default: hostmaster.NAME.).")
    String soaAdmin;

    @Option(names = "--soa-serial", paramLabel = "N", description = "The SOA serial (default: today's YYYYMMDD01).")
    Long soaSerial;

    @Option(names = "--soa-refresh", paramLabel = "SECONDS", description = "SOA refresh (default 3600).")
    Long soaRefresh;

    @Option(names = "--soa-retry", paramLabel = "SECONDS", description = "SOA retry (default 600).")
    Long soaRetry;

    @Option(names = "--soa-expire", paramLabel = "SECONDS", description = "SOA expire (default 604800).")
    Long soaExpire;

    @Option(
            names = "--soa-negative-ttl",
            paramLabel = "SECONDS",
            description = "SOA negative-caching TTL (default 86400).")
    Long soaNegativeTtl;

    @Option(
            names = "--record",
            paramLabel = "'NAME [TTL] TYPE VALUE'",
            description = "A record of the new zone (repeatable): 'www A 192.0.2.80', '@ 300 MX 10 mail'.")
    List<String> records = new ArrayList<>();

    @Option(
            names = "--primary",
            paramLabel = "IP[:PORT]",
            description = "A primary to transfer a secondary from (repeatable).")
    List<String> primaries = new ArrayList<>();

    @Option(
            names = "--also-notify",
            paramLabel = "IP[:PORT]",
            description = "Also send NOTIFY to this server (repeatable).")
    List<String> alsoNotify = new ArrayList<>();

    @Option(
            names = "--allow-transfer",
            paramLabel = "ADDRESS",
            description = "Allow zone transfers to this address (repeatable).")
    List<String> allowTransfer = new ArrayList<>();

    @Option(
            names = "--update-key",
            paramLabel = "KEY",
            description = "Allow dynamic updates signed with this TSIG key.")
    String updateKey;

    @Option(names = "--dnssec-policy", paramLabel = "POLICY", description = "Sign the zone with this dnssec-policy.")
    String dnssecPolicy;

    @Option(
            names = "--inline-signing",
            paramLabel = "true|false",
            arity = "0..1",
            fallbackValue = "true",
            description = "Set inline-signing.")
    Boolean inlineSigning;

    ZoneCreate(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (file != null && zone != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Give either NAME with options or -f FILE, not both");
        }
        if (file == null && zone == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing NAME (or -f FILE)");
        }
        if (file == null) {
            JsonNode body = body();
            return ZoneFleetCommands.afterChange(
                    cli, api -> api.createZone(body), Views::created, zone, Optional.ofNullable(wait));
        }
        JsonInput.Read<List<JsonNode>> read = JsonInput.read(cli, file);
        if (read.value().isEmpty()) {
            return read.failureExitCode();
        }
        List<JsonNode> bodies = read.value().get();
        if (bodies.size() == 1) {
            JsonNode only = bodies.getFirst();
            return ZoneFleetCommands.afterChange(
                    cli, api -> api.createZone(only), Views::created, nameOf(only, 0), Optional.ofNullable(wait));
        }
        if (wait != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--wait waits for one zone; with several, run zone propagation for each");
        }
        return cli.withApi(api -> bulk(api, bodies));
    }

    /** The create body of POST /api/v1/zones that the options describe. */
    ObjectNode body() {
        ObjectNode body = NODES.objectNode();
        body.put("zoneName", zone);
        body.put("zoneType", type);
        ObjectNode config = body.putObject("zoneConfig");
        config.put("ttl", ttl);
        ObjectNode soa = config.putObject("soa");
        Optional<String> primaryNs =
                Optional.ofNullable(soaPrimaryNs).or(() -> nameServers.stream().findFirst());
        boolean secondary = "secondary".equals(type);
        // A secondary's SOA comes by transfer; the API still wants one, and never writes it.
        primaryNs
                .or(() -> secondary ? Optional.of("ns." + zone + ".") : Optional.empty())
                .ifPresent(ns -> soa.put("primaryNs", ns));
        soa.put("adminEmail", Optional.ofNullable(soaAdmin).orElse("hostmaster." + zone + "."));
        putIfSet(soa, "serial", soaSerial);
        putIfSet(soa, "refresh", soaRefresh);
        putIfSet(soa, "retry", soaRetry);
        putIfSet(soa, "expire", soaExpire);
        putIfSet(soa, "negativeTtl", soaNegativeTtl);
        strings(config.putArray("nameServers"), nameServers);
        ObjectNode ips = config.putObject("nameServerIps");
        nameServerIps.forEach(ips::put);
        ArrayNode recordArray = config.putArray("records");
        for (String r : records) {
            recordArray.add(record(r));
        }
        if (!primaries.isEmpty()) {
            strings(config.putArray("primaries"), primaries);
        }
        if (!alsoNotify.isEmpty()) {
            strings(config.putArray("alsoNotify"), alsoNotify);
        }
        if (!allowTransfer.isEmpty()) {
            strings(config.putArray("allowTransfer"), allowTransfer);
        }
        if (dnssecPolicy != null) {
            config.put("dnssecPolicy", dnssecPolicy);
        }
        if (inlineSigning != null) {
            config.put("inlineSigning", inlineSigning);
        }
        if (updateKey != null) {
            body.put("updateKeyName", updateKey);
        }
        if (catalogGroup != null) {
            body.put("catalogGroup", catalogGroup);
        }
        return body;
    }

    /** {@code NAME [TTL] TYPE VALUE…} as the API's record object; the value is the rest of the text, spaces kept. */
    private ObjectNode record(String text) {
        String[] parts = text.strip().split("\\s+", 3);
        if (parts.length < 3) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--record needs NAME [TTL] TYPE VALUE, got '" + text + "'");
        }
        ObjectNode r = NODES.objectNode();
        r.put("name", parts[0]);
        if (NUMBER.matcher(parts[1]).matches()) {
            String[] rest = parts[2].split("\\s+", 2);
            if (rest.length < 2) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--record needs NAME [TTL] TYPE VALUE, got '" + text + "'");
            }
            r.put("ttl", Long.parseLong(parts[1]));
            r.put("type", rest[0]);
            r.put("value", rest[1]);
        } else {
            r.put("type", parts[1]);
            r.put("value", parts[2]);
        }
        return r;
    }

    /**
     * Creates zone after zone, showing progress on standard error, and ends with which were created,
     * which failed and which were never tried. The exit code is the first failure's.
     */
    private int bulk(Api api, List<JsonNode> bodies) {
        int total = bodies.size();
        List<String> created = new ArrayList<>();
        List<Map.Entry<String, Reply>> failed = new ArrayList<>();
        List<String> notAttempted = new ArrayList<>();
        ArrayNode createdJson = NODES.arrayNode();
        ArrayNode failedJson = NODES.arrayNode();
        int exit = ExitCodes.SUCCESS;
        for (int i = 0; i < total; i++) {
            JsonNode body = bodies.get(i);
            String name = nameOf(body, i);
            if (exit != ExitCodes.SUCCESS && !keepGoing) {
                notAttempted.add(name);
                continue;
            }
            Reply reply = api.createZone(body);
            String progress = "[" + (i + 1) + "/" + total + "] " + name + ": ";
            if (reply.problem().isPresent()) {
                cli.err().println(progress + "FAILED: " + reply.problem().get().oneLine());
                failed.add(Map.entry(name, reply));
                ObjectNode f = failedJson.addObject();
                f.put("zone", name);
                f.set("error", reply.json());
                if (exit == ExitCodes.SUCCESS) {
                    exit = reply.exitCode();
                }
            } else {
                cli.err().println(progress + "created");
                created.add(name);
                ObjectNode c = createdJson.addObject();
                c.put("zone", name);
                c.set("response", reply.json());
            }
        }
        cli.err().flush();
        if (cli.global().json()) {
            ObjectNode summary = NODES.objectNode();
            summary.put("total", total);
            summary.set("created", createdJson);
            summary.set("failed", failedJson);
            strings(summary.putArray("notAttempted"), notAttempted);
            cli.printJson(summary);
            return exit;
        }
        StringBuilder out = new StringBuilder();
        out.append("Created ")
                .append(created.size())
                .append(" of ")
                .append(total)
                .append(" zones.\n");
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Created", created.isEmpty() ? "none" : String.join(", ", created));
        if (!failed.isEmpty()) {
            List<String> f = new ArrayList<>();
            failed.forEach(e -> f.add(
                    e.getKey() + " (" + e.getValue().problem().orElseThrow().oneLine() + ")"));
            lines.put("Failed", String.join(", ", f));
        }
        if (!notAttempted.isEmpty()) {
            lines.put(
                    "Not attempted",
                    String.join(", ", notAttempted) + " (stopped at the first failure; --keep-going tries them all)");
        }
        out.append(HumanOutput.keyValues(lines));
        cli.out().print(out);
        return exit;
    }

    private static String nameOf(JsonNode body, int index) {
        JsonNode n = body.path("zoneName");
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : "(entry " + (index + 1) + ", no zoneName)";
    }

    private static void putIfSet(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
