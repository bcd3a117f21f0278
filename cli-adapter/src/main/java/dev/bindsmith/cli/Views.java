package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human view of each command's JSON body: the few lines a person wants, in the words a person
 * uses. Everything else is one {@code --output json} away. A body without the expected fields
 * (another server version) falls back to {@link HumanOutput#render}.
 */
final class Views {
    private Views() {}

    /** {@code zone create}: the sentence, then where the file is and what the name server said. */
    static String created(JsonNode body) {
        if (!body.path("message").isTextual()) {
            return HumanOutput.render(body);
        }
        Map<String, String> lines = new LinkedHashMap<>();
        text(body, "zoneType").ifPresent(v -> lines.put("type", v));
        text(body, "filePath").filter(v -> !v.isBlank()).ifPresent(v -> lines.put("file", v));
        text(body, "details").filter(v -> !v.isBlank()).ifPresent(v -> lines.put("server said", v.strip()));
        return body.path("message").asText() + "\n"
                + HumanOutput.indent(HumanOutput.keyValues(lines).stripTrailing(), "  ")
                + (lines.isEmpty() ? "" : "\n");
    }

    /** {@code zone show}: name, type, serial, file, when it was loaded, whether it is dynamic or signed. */
    static String zone(JsonNode body) {
        if (!body.path("name").isTextual()) {
            return HumanOutput.render(body);
        }
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("zone", body.path("name").asText());
        text(body, "zoneType").ifPresent(v -> lines.put("type", v));
        text(body, "serial").ifPresent(v -> lines.put("serial", v));
        text(body, "filePath").ifPresent(v -> lines.put("file", v));
        text(body, "lastLoaded").ifPresent(v -> lines.put("loaded", v));
        text(body, "dynamic").ifPresent(v -> lines.put("dynamic", yesNo(v)));
        text(body, "secure").ifPresent(v -> lines.put("signed", yesNo(v)));
        return HumanOutput.keyValues(lines);
    }

    /** {@code zone status}: the name server's own zonestatus text. */
    static String status(JsonNode body) {
        return text(body, "details")
                .filter(d -> !d.isBlank())
                .map(d -> d.strip() + "\n")
                .orElseGet(() -> HumanOutput.render(body));
    }

    /** A reconcile's report: the counts, then one row per zone that needed attention. */
    static String reconcile(JsonNode body) {
        StringBuilder out = new StringBuilder(body.path("message").asText("Reconciled.")).append('\n');
        JsonNode findings = body.path("findings");
        if (findings.isArray() && !findings.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            findings.forEach(f -> rows.add(List.of(
                    HumanOutput.cell(f.get("zone")),
                    HumanOutput.cell(f.get("problem")),
                    HumanOutput.cell(f.get("action")),
                    HumanOutput.cell(f.get("details")))));
            out.append(HumanOutput.table(List.of("zone", "problem", "action", "details"), rows));
        }
        return out.toString();
    }

    /** {@code server status}: the name server's own status text. */
    static String serverStatus(JsonNode body) {
        return text(body, "status")
                .filter(s -> !s.isBlank())
                .map(s -> s.strip() + "\n")
                .orElseGet(() -> HumanOutput.render(body));
    }

    /** A command's reply: the sentence, and what the name server said when it said something. */
    static String action(JsonNode body, String fallback) {
        if (!body.path("message").isTextual()) {
            return fallback + "\n" + HumanOutput.indent(HumanOutput.render(body), "  ");
        }
        String details = text(body, "details").map(String::strip).orElse("");
        return body.path("message").asText() + "\n"
                + (details.isEmpty() ? "" : HumanOutput.indent(details, "  ") + "\n");
    }

    private static java.util.Optional<String> text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() || v.isContainerNode()
                ? java.util.Optional.empty()
                : java.util.Optional.of(v.asText());
    }

    private static String yesNo(String v) {
        return v.equals("true") ? "yes" : v.equals("false") ? "no" : v;
    }
}
