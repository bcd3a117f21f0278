package dev.bindsmith.http.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one JSON mapper of the API, and parsing a request body into a tree with the parser's position
 * on error. The HTTP routes and the CLI's direct mode both read and write JSON through it.
 */
public final class Json {
    /** In a holder: a caller that only builds trees ({@link #tree}) never starts the mapper. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Positions in error messages, without echoing the (possibly secret-bearing) input.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** Jackson names a start marker by its whole location ("[Source: REDACTED (…); line: 1, column: 1]"). */
    private static final Pattern EMBEDDED_LOCATION =
            Pattern.compile("\\(start marker at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]\\)");

    private Json() {}

    /** The body as a JSON tree; {@code INVALID_JSON} (400) with line and column when it does not parse. */
    public static Outcome<JsonNode> parse(byte[] body) {
        if (body.length == 0) {
            return invalid("Request body is empty: send a JSON object", "1", "1");
        }
        try {
            JsonNode node = Mapper.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                return invalid("Request body is empty: send a JSON object", "1", "1");
            }
            return new Outcome.Ok<>(node);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String line = at == null ? "?" : Integer.toString(at.getLineNr());
            String column = at == null ? "?" : Integer.toString(at.getColumnNr());
            String reason = firstLine(e.getOriginalMessage());
            return invalid(reason + " at line " + line + " column " + column, line, column);
        } catch (IOException e) {
            // bytes in memory fail to read only as text: an encoding Jackson detected (UTF-16 or UTF-32)
            // with a character it cannot hold (found by JsonBodyFuzzTarget; it was a 500)
            return invalid("Request body is not JSON text: " + firstLine(e.getMessage()), "?", "?");
        }
    }

    /**
     * A body the server writes to the connection a piece at a time, with its length sent first: the
     * list of every zone (15 MB for 100 000 zones), whose bytes in one array, and Helidon's copy of
     * them, cost more than the rest of the listing. Its bytes are those {@link #write} gives.
     */
    public sealed interface Streamed permits ZoneListBody {
        /** The body's length in bytes: its {@code Content-Length}. */
        long length();

        /** Writes exactly {@link #length()} bytes to {@code out}, and keeps none of its arrays after a write. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** The body as a {@link Streamed} when it is one that is sent a piece at a time. */
    public static Optional<Streamed> streamed(Object value) {
        return value instanceof Streamed streamed ? Optional.of(streamed) : Optional.empty();
    }

    /** A body (maps, lists, strings, numbers) as JSON bytes. */
    public static byte[] write(Object value) {
        if (value instanceof ZoneListBody zones) {
            return zones.toJson();
        }
        return jackson(value);
    }

    /** A value as Jackson writes it: a list of zones writes its odd strings with this, as every other body does. */
    static byte[] jackson(Object value) {
        try {
            return Mapper.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response body always serialises", e);
        }
    }

    /** A value as indented JSON text, for files people read (the tokens file). */
    public static String pretty(Object value) {
        try {
            return Mapper.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }

    /**
     * A body (maps, lists, strings, numbers, booleans) as a JSON tree, for a caller that prints it its
     * own way. Built node by node: the CLI's direct mode shows a body without starting Jackson's
     * serializers, a tenth of a second of a short command's life.
     */
    public static JsonNode tree(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (value) {
            case null -> nodes.nullNode();
            case Map<?, ?> map -> {
                ObjectNode object = nodes.objectNode();
                map.forEach((k, v) -> object.set(String.valueOf(k), tree(v)));
                yield object;
            }
            case Collection<?> list -> {
                ArrayNode array = nodes.arrayNode();
                list.forEach(v -> array.add(tree(v)));
                yield array;
            }
            case String text -> nodes.textNode(text);
            case Boolean bool -> nodes.booleanNode(bool);
            case Integer n -> nodes.numberNode(n);
            case Long n -> nodes.numberNode(n);
            case Double n -> nodes.numberNode(n);
            case BigDecimal n -> nodes.numberNode(n);
            case BigInteger n -> nodes.numberNode(n);
            case JsonNode node -> node;
            case ZoneListBody zones -> zones.tree();
            default -> Mapper.MAPPER.valueToTree(value);
        };
    }

    private static String firstLine(String message) {
        String m = message == null ? "malformed JSON" : message;
        int nl = m.indexOf('\n');
        String first = nl < 0 ? m : m.substring(0, nl);
        return EMBEDDED_LOCATION.matcher(first).replaceAll("(started at line $1 column $2)");
    }

    private static <T> Outcome<T> invalid(String details, String line, String column) {
        return new Outcome.Invalid<>(
                ErrorCode.INVALID_JSON,
                "Invalid JSON in request body",
                List.of(Violation.malformed("body", details)),
                Outcome.orderedPairs("line", line, "column", column));
    }
}
