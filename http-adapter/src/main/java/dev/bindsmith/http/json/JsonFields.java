package dev.bindsmith.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.validation.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed fields out of a JSON tree, collecting a violation for every field of the wrong type
 * (named by its path, e.g. {@code zoneConfig.soa.serial}) instead of stopping at the first. A JSON
 * {@code null} counts as absent, as in the reference. Unknown fields are collected, not rejected.
 */
final class JsonFields {
    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> unknown = new TreeSet<>();

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    Set<String> unknown() {
        return Set.copyOf(unknown);
    }

    /** The object at the root, or a violation when the body is not a JSON object. */
    Optional<JsonNode> root(JsonNode node) {
        if (!node.isObject()) {
            violations.add(Violation.malformed("body", "Invalid field type: the request body must be a JSON object"));
            return Optional.empty();
        }
        return Optional.of(node);
    }

    /** Records every member of {@code object} that is not in {@code known}. */
    void expect(JsonNode object, String path, Set<String> known) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                unknown.add(join(path, name));
            }
        }
    }

    Optional<String> string(JsonNode object, String path, String name) {
        JsonNode v = present(object, name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            wrongType(join(path, name), "a string");
            return Optional.empty();
        }
        return Optional.of(v.textValue());
    }

    OptionalLong integer(JsonNode object, String path, String name) {
        JsonNode v = present(object, name);
        if (v == null) {
            return OptionalLong.empty();
        }
        if (!v.isIntegralNumber()) {
            wrongType(join(path, name), "a whole number");
            return OptionalLong.empty();
        }
        if (!v.canConvertToLong()) {
            // A whole number beyond 64 bits is of the right type and out of every field's range: the
            // validation that follows names the range (a 422), as it does for 4294967296.
            return OptionalLong.of(v.bigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
        return OptionalLong.of(v.longValue());
    }

    Optional<Boolean> bool(JsonNode object, String path, String name) {
        JsonNode v = present(object, name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            wrongType(join(path, name), "true or false");
            return Optional.empty();
        }
        return Optional.of(v.booleanValue());
    }

    Optional<JsonNode> object(JsonNode object, String path, String name) {
        JsonNode v = present(object, name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            wrongType(join(path, name), "an object");
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** A list of strings; a non-string element is a violation naming its index and is left out. */
    Optional<List<String>> strings(JsonNode object, String path, String name) {
        JsonNode v = present(object, name);
        if (v == null) {
            return Optional.empty();
        }
        String field = join(path, name);
        if (!v.isArray()) {
            wrongType(field, "an array of strings");
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isTextual()) {
                out.add(v.get(i).textValue());
            } else {
                wrongType(field + "[" + i + "]", "a string");
            }
        }
        return Optional.of(out);
    }

    /** A list of objects, each handed to the caller with its path ({@code records[2]}). */
    List<Map.Entry<String, JsonNode>> objects(JsonNode object, String path, String name) {
        JsonNode v = present(object, name);
        if (v == null) {
            return List.of();
        }
        String field = join(path, name);
        if (!v.isArray()) {
            wrongType(field, "an array of objects");
            return List.of();
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isObject()) {
                out.add(Map.entry(field + "[" + i + "]", v.get(i)));
            } else {
                wrongType(field + "[" + i + "]", "an object");
            }
        }
        return out;
    }

    /** An object whose every value is a string ({@code nameServerIps}). */
    Map<String, String> stringMap(JsonNode object, String path, String name) {
        JsonNode v = present(object, name);
        if (v == null) {
            return Map.of();
        }
        String field = join(path, name);
        if (!v.isObject()) {
            wrongType(field, "an object of strings");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.properties().forEach(e -> {
            if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
            } else {
                wrongType(field + "." + e.getKey(), "a string");
            }
        });
        return out;
    }

    private static JsonNode present(JsonNode object, String name) {
        JsonNode v = object.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private void wrongType(String field, String expected) {
        violations.add(Violation.malformed(field, "Invalid field type: " + field + " must be " + expected));
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
