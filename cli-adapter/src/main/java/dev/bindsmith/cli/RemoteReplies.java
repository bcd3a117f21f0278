package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an HTTP status and body from a bindsmith server back into the {@link Outcome} case the server
 * mapped it from, so that remote mode exits and prints exactly as direct mode does. The error
 * envelope's {@code code} picks the {@link ErrorCode}; a code this client does not know (a newer
 * server) falls back to the status's usual one.
 */
final class RemoteReplies {
    /** The envelope's context keys, in the order the server writes them. */
    private static final List<String> CONTEXT_KEYS = List.of("zone", "command", "field", "path", "limit", "size",
            "expected", "received");
    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    private RemoteReplies() {
    }

    static Reply of(int status, Optional<String> location, Optional<String> retryAfter, byte[] body, ObjectMapper json) {
        JsonNode tree = parse(body, json);
        if (status == 204) {
            return new Reply(new Outcome.Deleted<>(), MissingNode.getInstance());
        }
        if (status >= 200 && status < 300) {
            JsonNode value = tree.isMissingNode() ? JsonNodeFactory.instance.objectNode() : tree;
            Outcome<JsonNode> outcome = status == 201
                    ? new Outcome.Created<>(value, location.orElse(""))
                    : new Outcome.Ok<>(value);
            return new Reply(outcome, value);
        }
        ObjectNode envelope;
        if (tree.isObject()) {
            envelope = (ObjectNode) tree;
        } else {
            // A body that is not the JSON envelope (the 429 sentence, a proxy's page): keep its text as the error.
            envelope = JsonNodeFactory.instance.objectNode();
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
            envelope.put("error", text.isEmpty() ? "HTTP " + status : firstLine(text));
            if (status != 429) {
                // Not the 429 sentence: most likely --url points at something that is not bindsmith.
                envelope.put("details", "the answer is not bindsmith's (no JSON error envelope); is --url the"
                        + " address of a bindsmith server?");
            }
        }
        return new Reply(failure(status, retryAfter, envelope), envelope);
    }

    private static Outcome<JsonNode> failure(int status, Optional<String> retryAfter, ObjectNode envelope) {
        String error = text(envelope, "error").orElse("HTTP " + status);
        String details = text(envelope, "details").orElse("");
        Optional<ErrorCode> code = text(envelope, "code").flatMap(RemoteReplies::errorCode);
        Map<String, String> context = new LinkedHashMap<>();
        for (String key : CONTEXT_KEYS) {
            text(envelope, key).ifPresent(v -> context.put(key, v));
        }
        return switch (status) {
            case 400 -> new Outcome.Invalid<>(code.orElse(ErrorCode.VALIDATION_FAILED), error,
                    violations(envelope, details.isEmpty() ? error : details, Violation.Kind.MALFORMED), context);
            case 401 -> new Outcome.Unauthenticated<>(code.orElse(ErrorCode.AUTH_FAILED), error, details);
            case 403 -> new Outcome.Forbidden<>(details.isEmpty() ? error : details);
            case 404 -> new Outcome.NotFound<>(code.orElse(context.containsKey("zone") ? ErrorCode.ZONE_NOT_FOUND
                    : ErrorCode.ENDPOINT_NOT_FOUND), error, details, context);
            case 405 -> new Outcome.NotFound<>(code.orElse(ErrorCode.METHOD_NOT_ALLOWED), error, details, context);
            case 409 -> new Outcome.Conflict<>(code.orElse(ErrorCode.ZONE_EXISTS), error, details, context);
            case 413 -> new Outcome.TooLarge<>(number(context.get("limit")), number(context.get("size")));
            case 415 -> new Outcome.UnsupportedMediaType<>(context.getOrDefault("expected", "application/json"),
                    context.getOrDefault("received", ""));
            case 422 -> new Outcome.Unprocessable<>(code.orElse(ErrorCode.INVALID_ZONE_CONFIGURATION), error,
                    violations(envelope, details.isEmpty() ? error : details, Violation.Kind.SEMANTIC), context);
            case 429 -> new Outcome.RateLimited<>(Duration.ofSeconds(retryAfter.map(RemoteReplies::number).orElse(1L)));
            case 503 -> new Outcome.Unavailable<>(code.orElse(ErrorCode.UNAVAILABLE), details.isEmpty() ? error : details);
            default -> status >= 400 && status < 500
                    ? new Outcome.Invalid<>(code.orElse(ErrorCode.VALIDATION_FAILED), error,
                            List.of(Violation.malformed("", details.isEmpty() ? error : details)), context)
                    : new Outcome.BackendFailed<>(code.orElse(ErrorCode.INTERNAL_ERROR), error,
                            context.getOrDefault("command", ""), details, context);
        };
    }

    /** The envelope's {@code violations} when it lists them, otherwise one violation carrying {@code details}. */
    private static List<Violation> violations(ObjectNode envelope, String details, Violation.Kind kind) {
        List<Violation> list = new ArrayList<>();
        JsonNode array = envelope.path("violations");
        for (JsonNode v : array) {
            String message = v.path("message").asText("");
            if (!message.isEmpty()) {
                list.add(new Violation(v.path("field").asText(""), message, kind));
            }
        }
        if (list.isEmpty()) {
            list.add(new Violation(envelope.path("field").asText(""), details, kind));
        }
        return list;
    }

    private static Optional<ErrorCode> errorCode(String raw) {
        for (ErrorCode c : ErrorCode.values()) {
            if (c.name().equals(raw)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() || v.isContainerNode() ? Optional.empty() : Optional.of(v.asText());
    }

    private static long number(String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = NUMBER.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static JsonNode parse(byte[] body, ObjectMapper json) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode tree = json.readTree(body);
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
