package dev.bindsmith.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code docs/openapi.yaml} says an operation answers, checked against what the server did answer:
 * the status is described, the content type is the described one, and a JSON body is valid against the
 * described schema (networknt's validator, OpenAPI 3.0 dialect). Every exchange of the HTTP tests goes
 * through {@link #check} ({@link Exchange.Request#send}), so the description cannot drift from the
 * server's answers without a test failing.
 */
final class OpenApiResponses {
    private static final String DOC_URI = "https://bindsmith.dev/api/v1/openapi.json";
    static final OpenApiResponses DOCS = new OpenApiResponses(OpenApiRoutes.load());

    private record Operation(String template, String method, Map<String, Object> responses) {}

    private final Map<String, Object> doc;
    private final Map<Pattern, String> templates = new LinkedHashMap<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    OpenApiResponses(String yaml) {
        this.doc = new Yaml().load(yaml);
        paths().keySet().forEach(t -> templates.put(Pattern.compile(t.replaceAll("\\{[^/]+}", "[^/]+")), t));
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        this.registry =
                SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(DOC_URI, json)));
    }

    /** Fails when the answer to {@code method path} is not what the description says of that operation. */
    static void check(String method, String path, Exchange.Response response) {
        List<String> problems = DOCS.problems(method, path, response);
        if (!problems.isEmpty()) {
            throw new AssertionError("docs/openapi.yaml does not describe the answer to " + method + " " + path + " ("
                    + response + "): " + problems);
        }
    }

    /** What is wrong with the answer; empty when it is described, or when no operation is (404/405 paths). */
    List<String> problems(String method, String path, Exchange.Response response) {
        Optional<Operation> found = operation(method, path);
        if (found.isEmpty()) {
            return List.of();
        }
        Operation op = found.get();
        String code = Integer.toString(response.status());
        String pointer = "/paths/" + escape(op.template()) + "/" + op.method() + "/responses/" + code;
        Object described = op.responses().get(code);
        if (described == null) {
            return List.of("status " + code + " is not described");
        }
        Map<String, Object> answer = map(described);
        if (answer.containsKey("$ref")) {
            pointer = ((String) answer.get("$ref")).substring(1);
            answer = at(pointer);
        }
        Map<String, Object> content = map(answer.getOrDefault("content", Map.of()));
        if (content.isEmpty()) {
            return response.body().isEmpty() ? List.of() : List.of("a body where none is described");
        }
        String type = response.header("Content-Type")
                .map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT))
                .orElse("");
        if (!content.containsKey(type)) {
            return List.of("content type '" + type + "' is not one of " + content.keySet());
        }
        if (!type.equals("application/json")) {
            return List.of();
        }
        String schemaPointer = pointer + "/content/application~1json/schema";
        Schema schema =
                schemas.computeIfAbsent(schemaPointer, p -> registry.getSchema(SchemaLocation.of(DOC_URI + "#" + p)));
        List<String> problems = new ArrayList<>();
        schema.validate(response.body(), InputFormat.JSON).forEach(e -> problems.add(e.toString()));
        return problems;
    }

    /** Every operation as {@code METHOD template}. */
    List<String> operations() {
        List<String> all = new ArrayList<>();
        paths().forEach((t, item) -> map(item).keySet().stream()
                .filter(OpenApiResponses::isMethod)
                .forEach(m -> all.add(m.toUpperCase(Locale.ROOT) + " " + t)));
        return all;
    }

    Map<String, Object> paths() {
        return map(doc.get("paths"));
    }

    private Optional<Operation> operation(String method, String path) {
        String bare = path.split("\\?", 2)[0];
        String m = method.toLowerCase(Locale.ROOT);
        for (var e : templates.entrySet()) {
            if (e.getKey().matcher(bare).matches()) {
                Object item = map(paths().get(e.getValue())).get(m);
                return item == null
                        ? Optional.empty()
                        : Optional.of(
                                new Operation(e.getValue(), m, map(map(item).get("responses"))));
            }
        }
        return Optional.empty();
    }

    private Map<String, Object> at(String pointer) {
        Object node = doc;
        for (String part : pointer.substring(1).split("/")) {
            node = map(node).get(part.replace("~1", "/").replace("~0", "~"));
        }
        return map(node);
    }

    static boolean isMethod(String key) {
        return List.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
                .contains(key);
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
