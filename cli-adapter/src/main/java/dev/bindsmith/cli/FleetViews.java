package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The human views of the fleet's bodies: the catalog, a reconciliation, propagation, DNSSEC. */
final class FleetViews {
    private FleetViews() {}

    /** {@code catalog list}: the catalog's name and serial, then one row per member. */
    static String catalog(JsonNode body) {
        if (!body.path("members").isArray()) {
            return HumanOutput.render(body);
        }
        StringBuilder out = new StringBuilder();
        out.append("Catalog ")
                .append(body.path("catalog").asText())
                .append(", serial ")
                .append(body.path("serial").asText())
                .append(", ")
                .append(body.path("total").asText())
                .append(" members\n");
        if (!body.path("members").isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            body.path("members")
                    .forEach(m -> rows.add(List.of(
                            HumanOutput.cell(m.get("zone")),
                            HumanOutput.cell(m.get("group")),
                            HumanOutput.cell(m.get("id")))));
            out.append(HumanOutput.table(List.of("ZONE", "GROUP", "ID"), rows));
        }
        if (body.path("nextCursor").isTextual()) {
            out.append("More: --cursor ")
                    .append(body.path("nextCursor").asText())
                    .append('\n');
        }
        return out.toString();
    }

    /** {@code catalog reconcile}: what changed. */
    static String reconciliation(JsonNode body) {
        if (!body.path("message").isTextual()) {
            return HumanOutput.render(body);
        }
        Map<String, String> lines = new LinkedHashMap<>();
        if (body.path("created").asBoolean()) {
            lines.put("created", "the catalog zone");
        }
        lines.put(
                "serial",
                body.path("serialBefore").asText() + " -> "
                        + body.path("serialAfter").asText());
        lines.put("added", names(body.path("added")));
        lines.put("removed", names(body.path("removed")));
        if (!body.path("moved").isEmpty()) {
            lines.put(
                    "moved",
                    names(body.path("moved")) + " (from "
                            + body.path("movedFrom").asText() + ")");
        }
        return body.path("message").asText() + "\n"
                + HumanOutput.indent(HumanOutput.keyValues(lines).stripTrailing(), "  ") + "\n";
    }

    private static String names(JsonNode array) {
        if (array.isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return String.join(", ", out);
    }

    /** {@code zone propagation}: in sync or not, then one row per secondary. */
    static String propagation(JsonNode body) {
        if (!body.path("secondaries").isArray()) {
            return HumanOutput.render(body);
        }
        StringBuilder out = new StringBuilder();
        int n = body.path("secondaries").size();
        String serial = body.path("primarySerial").asText("(none)");
        if (body.path("inSync").asBoolean()) {
            out.append("In sync: ")
                    .append(n)
                    .append(n == 1 ? " secondary serves" : " secondaries serve")
                    .append(" serial ")
                    .append(serial);
        } else {
            out.append("Not in sync: the primary serves serial ").append(serial);
        }
        long waited = body.path("waitedMs").asLong();
        out.append(
                        waited >= 100
                                ? " (waited " + String.format(java.util.Locale.ROOT, "%.1f", waited / 1000.0) + " s)"
                                : "")
                .append('\n');
        List<List<String>> rows = new ArrayList<>();
        body.path("secondaries")
                .forEach(s -> rows.add(List.of(
                        HumanOutput.cell(s.get("server")),
                        HumanOutput.cell(s.get("state")),
                        HumanOutput.cell(s.get("serial")),
                        HumanOutput.cell(s.get("detail")))));
        out.append(HumanOutput.table(List.of("SECONDARY", "STATE", "SERIAL", "ANSWER"), rows));
        return out.toString();
    }

    /** {@code zone dnssec status}: signed or not, the keys, the DS to publish. */
    static String dnssec(JsonNode body) {
        if (!body.path("keys").isArray()) {
            return HumanOutput.render(body);
        }
        StringBuilder out = new StringBuilder();
        String zone = body.path("zone").asText();
        if (!body.path("signed").asBoolean() && body.path("keys").isEmpty()) {
            return "Zone " + zone + " is not signed (no dnssec-policy).\n";
        }
        out.append("Zone ")
                .append(zone)
                .append(body.path("signed").asBoolean() ? " is signed" : " is not signed yet")
                .append(
                        body.path("policy").isTextual()
                                ? " (dnssec-policy " + body.path("policy").asText() + ")"
                                : "")
                .append('\n');
        List<List<String>> rows = new ArrayList<>();
        body.path("keys")
                .forEach(k -> rows.add(List.of(
                        HumanOutput.cell(k.get("tag")),
                        HumanOutput.cell(k.get("role")),
                        HumanOutput.cell(k.get("algorithm")),
                        k.path("published").asBoolean() ? "yes" : "no",
                        HumanOutput.cell(k.path("states").get("goal")),
                        HumanOutput.cell(k.get("nextEvent")))));
        out.append(HumanOutput.table(List.of("TAG", "ROLE", "ALGORITHM", "PUBLISHED", "GOAL", "NEXT"), rows));
        if (!body.path("ds").isEmpty()) {
            out.append("DS for the parent:\n");
            body.path("ds")
                    .forEach(d ->
                            out.append("  ").append(d.path("record").asText()).append('\n'));
        }
        return out.toString();
    }
}
