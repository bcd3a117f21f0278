package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bindsmith audit}: the audit log, oldest first — read from the file in direct mode, from
 * {@code GET /api/v1/audit} with {@code --url} (where the token sees only what its scope covers).
 */
@Command(
        name = "audit",
        description = {
            "Show the audit log: who changed what, from where, with the zone's serial before and after.",
            "Direct mode reads the log beside the zones (BINDSMITH_AUDIT_LOG); with --url the server's, as far"
                    + " as the token may see."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bindsmith audit --since 1h",
            "  bindsmith audit --zone example.com --since 2026-12-01T00:00:00Z -o json",
            "  bindsmith --url http://127.0.0.1:8080 audit --zone example.com"
        })
final class AuditCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Only this zone's entries.")
    String zone;

    @Option(names = "--since", paramLabel = "WHEN", description = "From then on: 1h, 30m, 7d, or an ISO-8601 instant.")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Before then: 1h (ago), or an ISO-8601 instant.")
    String until;

    @Option(names = "--limit", paramLabel = "N", description = "At most N entries (1-1000, default 100).")
    Integer limit;

    @Option(
            names = "--cursor",
            paramLabel = "CURSOR",
            description = "Continue after the page that printed this cursor.")
    String cursor;

    AuditCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Map<String, String> query = new LinkedHashMap<>();
        Clock clock = Clock.systemUTC();
        if (zone != null) {
            query.put("zone", zone);
        }
        for (var p : List.of(
                Map.entry("since", Optional.ofNullable(since)), Map.entry("until", Optional.ofNullable(until)))) {
            if (p.getValue().isPresent()) {
                Optional<Instant> at = Durations.instant(p.getValue().get(), clock, false);
                if (at.isEmpty()) {
                    cli.err()
                            .println("bindsmith: --" + p.getKey() + " must be like 1h, 30m, 7d or an ISO-8601 instant");
                    return ExitCodes.USAGE;
                }
                query.put(p.getKey(), at.get().toString());
            }
        }
        if (limit != null) {
            query.put("limit", limit.toString());
        }
        if (cursor != null) {
            query.put("cursor", cursor);
        }
        return cli.call(api -> api.audit(query), AuditCommand::table);
    }

    /** One line per entry: when, who, from where, what, which zone, the serials, the outcome. */
    static String table(JsonNode body) {
        JsonNode entries = body.path("entries");
        if (!entries.isArray()) {
            return HumanOutput.render(body);
        }
        if (entries.isEmpty()) {
            return "No audit entries.\n";
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode e : entries) {
            String who = e.path("token").isTextual()
                    ? e.path("token").asText()
                    : e.path("via").asText()
                            + (e.path("user").isTextual() ? ":" + e.path("user").asText() : "");
            String serials =
                    e.path("serialBefore").isNull() && e.path("serialAfter").isNull()
                            ? "-"
                            : text(e.path("serialBefore")) + "→" + text(e.path("serialAfter"));
            rows.add(List.of(
                    e.path("time").asText(),
                    who,
                    e.path("client").asText(),
                    e.path("operation").asText(),
                    text(e.path("zone")),
                    serials,
                    e.path("outcome").path("status").asText() + " "
                            + e.path("outcome").path("code").asText()));
        }
        String more = body.path("nextCursor").isTextual()
                ? "more: --cursor " + body.path("nextCursor").asText() + "\n"
                : "";
        return HumanOutput.table(List.of("time", "who", "client", "operation", "zone", "serial", "outcome"), rows)
                + more;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? "-" : v.asText();
    }
}
