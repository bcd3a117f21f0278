package dev.bindsmith.http.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.http.json.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One change, as the audit log keeps it: when, who (the token's name, never the token; or the CLI's
 * user), from where, the request's id, the operation and its zone, the zone's serial before and after,
 * the records removed and added (as the API shows records), and the outcome (HTTP status and code).
 *
 * @param id        unique, for paging
 * @param details   what else the operation is about (a token's name and grant for {@code token.create})
 */
public record AuditEntry(
        String id,
        Instant time,
        String via,
        Optional<String> token,
        Optional<String> user,
        String client,
        String requestId,
        String operation,
        Optional<String> zone,
        OptionalLong serialBefore,
        OptionalLong serialAfter,
        List<Map<String, Object>> removed,
        List<Map<String, Object>> added,
        int status,
        String code,
        Map<String, Object> details) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(serialBefore, "serialBefore");
        Objects.requireNonNull(serialAfter, "serialAfter");
        removed = List.copyOf(removed);
        added = List.copyOf(added);
        Objects.requireNonNull(code, "code");
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    private static final SecureRandom IDS = new SecureRandom();

    /** A new entry id: 96 random bits, hex. */
    public static String newId() {
        byte[] id = new byte[12];
        IDS.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** The entry as its JSON line and the API show it, in a fixed key order. */
    public Map<String, Object> toJson() {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", id);
        map.put("time", time.toString());
        map.put("via", via);
        map.put("token", token.orElse(null));
        user.ifPresent(u -> map.put("user", u));
        map.put("client", client);
        map.put("requestId", requestId);
        map.put("operation", operation);
        map.put("zone", zone.orElse(null));
        map.put("serialBefore", serialBefore.isPresent() ? serialBefore.getAsLong() : null);
        map.put("serialAfter", serialAfter.isPresent() ? serialAfter.getAsLong() : null);
        map.put("removed", removed);
        map.put("added", added);
        var outcome = new LinkedHashMap<String, Object>();
        outcome.put("status", status);
        outcome.put("code", code);
        map.put("outcome", outcome);
        if (!details.isEmpty()) {
            map.put("details", details);
        }
        return map;
    }

    /** One line of the file, without its newline. */
    byte[] line() {
        return Json.write(toJson());
    }

    /** An entry from its JSON line; empty when the line is not one (a torn last line after a crash). */
    static Optional<AuditEntry> fromJson(JsonNode n) {
        try {
            if (!n.isObject()
                    || !n.path("id").isTextual()
                    || !n.path("operation").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new AuditEntry(
                    n.get("id").asText(),
                    Instant.parse(n.path("time").asText()),
                    n.path("via").asText(),
                    text(n, "token"),
                    text(n, "user"),
                    n.path("client").asText(),
                    n.path("requestId").asText(),
                    n.get("operation").asText(),
                    text(n, "zone"),
                    number(n, "serialBefore"),
                    number(n, "serialAfter"),
                    records(n.path("removed")),
                    records(n.path("added")),
                    n.path("outcome").path("status").asInt(),
                    n.path("outcome").path("code").asText(),
                    n.path("details").isObject() ? map(n.path("details")) : Map.of()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? Optional.empty() : Optional.of(v.asText());
    }

    private static OptionalLong number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isIntegralNumber() ? OptionalLong.empty() : OptionalLong.of(v.asLong());
    }

    private static List<Map<String, Object>> records(JsonNode list) {
        List<Map<String, Object>> records = new ArrayList<>();
        if (list.isArray()) {
            for (JsonNode r : list) {
                if (r.isObject()) {
                    records.add(map(r));
                }
            }
        }
        return records;
    }

    private static Map<String, Object> map(JsonNode object) {
        var map = new LinkedHashMap<String, Object>();
        object.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
        return map;
    }

    private static Object value(JsonNode v) {
        if (v.isObject()) {
            return map(v);
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(e -> list.add(value(e)));
            return list;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.isNull() ? null : v.asText();
    }
}
