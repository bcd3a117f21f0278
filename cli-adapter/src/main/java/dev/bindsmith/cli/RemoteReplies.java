package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running server's answer as a {@link Reply}: the status gives the exit code, the error envelope the
 * failure to report. A body that is not the envelope (the 429 sentence, a proxy's page) is reported by
 * its first line.
 */
final class RemoteReplies {
    /** The envelope's context keys, in the order the server writes them. */
    private static final List<String> CONTEXT_KEYS =
            List.of("zone", "command", "field", "path", "limit", "size", "expected", "received");

    private RemoteReplies() {}

    static Reply of(int status, Optional<String> retryAfter, byte[] body, ObjectMapper json) {
        JsonNode tree = parse(body, json);
        if (status == 204) {
            return Reply.success(MissingNode.getInstance());
        }
        if (status >= 200 && status < 300) {
            return Reply.success(tree.isMissingNode() ? JsonNodeFactory.instance.objectNode() : tree);
        }
        ObjectNode envelope;
        if (tree.isObject()) {
            envelope = (ObjectNode) tree;
        } else {
            envelope = JsonNodeFactory.instance.objectNode();
            String text = new String(body, StandardCharsets.UTF_8).strip();
            envelope.put("error", text.isEmpty() ? "HTTP " + status : firstLine(text));
            if (status == 429) {
                envelope.put("details", "Try again in " + retryAfter.orElse("1") + " s");
                envelope.put("code", "RATE_LIMITED");
            } else {
                // Not the 429 sentence: most likely --url points at something that is not bindsmith.
                envelope.put(
                        "details",
                        "the answer is not bindsmith's (no JSON error envelope); is --url the"
                                + " address of a bindsmith server?");
            }
        }
        Map<String, String> context = new LinkedHashMap<>();
        for (String key : CONTEXT_KEYS) {
            text(envelope, key).ifPresent(v -> context.put(key, v));
        }
        var problem = new Reply.Problem(
                text(envelope, "error").orElse("HTTP " + status),
                text(envelope, "details").orElse(""),
                text(envelope, "code").orElse("HTTP_" + status),
                context);
        return new Reply(ExitCodes.ofStatus(status), envelope, Optional.of(problem));
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() || v.isContainerNode() ? Optional.empty() : Optional.of(v.asText());
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
