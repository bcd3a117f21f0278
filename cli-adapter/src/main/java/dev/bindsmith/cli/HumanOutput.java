package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Human output: aligned tables and {@code key: value} blocks made from the JSON body the API returns.
 * Rendering from the JSON (not from Java values) is what makes direct and remote mode print the same.
 */
final class HumanOutput {
    private HumanOutput() {}

    /**
     * Any body: an action's {@code message} (and its {@code details}), otherwise every field as an
     * aligned {@code key: value} line, lists of objects as tables.
     */
    static String render(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return "";
        }
        if (!body.isObject()) {
            return scalarOrList(body);
        }
        StringBuilder out = new StringBuilder();
        JsonNode message = body.get("message");
        if (message != null && message.isTextual()) {
            out.append(message.asText()).append('\n');
            JsonNode details = body.get("details");
            if (details != null && details.isTextual() && !details.asText().isBlank()) {
                out.append(indent(details.asText().strip(), "  ")).append('\n');
            }
            Map<String, JsonNode> rest = fields(body, Set.of("message", "details", "success"));
            if (details != null && details.isObject()) {
                rest.putAll(fields(details, Set.of()));
            }
            out.append(indent(block(rest), "  "));
            return out.toString();
        }
        return block(fields(body, Set.of()));
    }

    /** A block of aligned {@code key: value} lines; nested objects flatten to {@code key.sub}, lists of objects become tables. */
    static String block(Map<String, JsonNode> fields) {
        Map<String, String> lines = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        flatten("", fields, lines, tables);
        StringBuilder out = new StringBuilder(keyValues(lines));
        for (String t : tables) {
            out.append(t);
        }
        return out.toString();
    }

    static String keyValues(Map<String, String> lines) {
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        StringBuilder out = new StringBuilder();
        lines.forEach((k, v) -> {
            String label = k + ":";
            String value = v.contains("\n") ? "\n" + indent(v.strip(), "    ") : v;
            out.append(v.contains("\n") ? label : pad(label, width) + " ")
                    .append(value)
                    .append('\n');
        });
        return out.toString();
    }

    /** An aligned table with upper-case headers; the last column is not padded. */
    static String table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, headers.stream().map(h -> h.toUpperCase(Locale.ROOT)).toList(), widths);
        for (List<String> row : rows) {
            appendRow(out, row, widths);
        }
        return out.toString();
    }

    /** A list of objects as a table, columns in the order their keys first appear; nested values as JSON text. */
    static String tableOf(JsonNode array) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode item : array) {
            item.fieldNames().forEachRemaining(columns::add);
        }
        List<String> headers = new ArrayList<>(columns);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode item : array) {
            List<String> row = new ArrayList<>();
            for (String c : headers) {
                row.add(cell(item.get(c)));
            }
            rows.add(row);
        }
        return table(headers.stream().map(HumanOutput::words).toList(), rows);
    }

    static String cell(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "-";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(cell(e)));
            return parts.isEmpty() ? "-" : String.join(",", parts);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static void flatten(
            String prefix, Map<String, JsonNode> fields, Map<String, String> lines, List<String> tables) {
        fields.forEach((k, v) -> {
            String key = prefix + k;
            if (v.isObject()) {
                if (v.isEmpty()) {
                    lines.put(key, "-");
                } else {
                    flatten(key + ".", fields(v, Set.of()), lines, tables);
                }
            } else if (v.isArray() && !v.isEmpty() && v.get(0).isObject()) {
                tables.add("\n" + key + ":\n" + indent(tableOf(v), "  ") + "\n");
            } else {
                lines.put(key, cell(v));
            }
        });
    }

    private static Map<String, JsonNode> fields(JsonNode object, Set<String> except) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (!except.contains(e.getKey())) {
                map.put(e.getKey(), e.getValue());
            }
        }
        return map;
    }

    private static String scalarOrList(JsonNode v) {
        if (v.isArray()) {
            if (!v.isEmpty() && v.get(0).isObject()) {
                return tableOf(v);
            }
            StringBuilder out = new StringBuilder();
            v.forEach(e -> out.append(cell(e)).append('\n'));
            return out.toString();
        }
        return v.asText() + "\n";
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == cells.size() - 1 ? cells.get(i) : pad(cells.get(i), widths[i]) + "  ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** {@code filePath} → {@code file path}: a JSON key as a column header. */
    static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String indent(String text, String by) {
        if (text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.isEmpty() ? "" : by + line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
