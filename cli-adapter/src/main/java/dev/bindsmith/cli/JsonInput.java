package dev.bindsmith.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bindsmith.core.outcome.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code -f FILE} ({@code -} is standard input) and parses it: every top-level JSON value, so
 * that one object, a JSON-lines file and a sequence of objects all work, or exactly one value. A file
 * that cannot be read (exit code 1) or parsed (exit code 3, as the API's 400) is reported on standard
 * error, and the result is then empty; {@link #read} and {@link #readOne} return that exit code.
 */
final class JsonInput {
    /** Jackson names a start marker by its whole location ("[Source: …; line: 1, column: 1]"), which may quote the input. */
    private static final Pattern EMBEDDED_LOCATION =
            Pattern.compile("\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");

    private JsonInput() {}

    /** Every top-level value of {@code bytes} (read from {@code file}); a top-level array counts as its elements. */
    static Optional<List<JsonNode>> parseAll(Cli cli, String file, byte[] bytes) {
        String name = nameOf(file);
        List<JsonNode> values = new ArrayList<>();
        try (MappingIterator<JsonNode> it = cli.json().readerFor(JsonNode.class).readValues(bytes)) {
            while (it.hasNextValue()) {
                JsonNode v = it.nextValue();
                if (v.isArray()) {
                    v.forEach(values::add);
                } else {
                    values.add(v);
                }
            }
        } catch (JsonProcessingException e) {
            notJson(cli, name, e);
            return Optional.empty();
        } catch (IOException e) {
            cli.err().println("bindsmith: cannot read " + name + ": " + e.getMessage());
            return Optional.empty();
        }
        if (values.isEmpty()) {
            invalid(cli, name + " holds no JSON", Optional.empty());
            return Optional.empty();
        }
        return Optional.of(values);
    }

    /** Exactly one JSON value (an object or an array, kept as it is). */
    static Optional<JsonNode> parseOne(Cli cli, String file, byte[] bytes) {
        return Optional.of(bytes).flatMap(b -> {
            try {
                JsonNode node = cli.json()
                        .readerFor(JsonNode.class)
                        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .readValue(b);
                if (node == null || node.isMissingNode()) {
                    invalid(cli, nameOf(file) + " holds no JSON", Optional.empty());
                    return Optional.empty();
                }
                return Optional.of(node);
            } catch (JsonProcessingException e) {
                notJson(cli, nameOf(file), e);
                return Optional.empty();
            } catch (IOException e) {
                cli.err().println("bindsmith: cannot read " + nameOf(file) + ": " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** The bytes of {@code file} ({@code -}: standard input); empty, after saying why, when it cannot be read. */
    static Optional<byte[]> bytes(Cli cli, String file) {
        String name = nameOf(file);
        try {
            return Optional.of(file.equals("-") ? readAll(cli.in()) : Files.readAllBytes(Path.of(file)));
        } catch (NoSuchFileException e) {
            cli.err().println("bindsmith: " + name + ": no such file");
        } catch (IOException | RuntimeException e) {
            cli.err().println("bindsmith: cannot read " + name + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The values of {@code file}, or the exit code of why there are none. */
    static Read<List<JsonNode>> read(Cli cli, String file) {
        Optional<byte[]> bytes = bytes(cli, file);
        if (bytes.isEmpty()) {
            return new Read<>(Optional.empty(), ExitCodes.ERROR);
        }
        return new Read<>(parseAll(cli, file, bytes.get()), ExitCodes.INVALID);
    }

    /** The one value of {@code file}, or the exit code of why there is none. */
    static Read<JsonNode> readOne(Cli cli, String file) {
        Optional<byte[]> bytes = bytes(cli, file);
        if (bytes.isEmpty()) {
            return new Read<>(Optional.empty(), ExitCodes.ERROR);
        }
        return new Read<>(parseOne(cli, file, bytes.get()), ExitCodes.INVALID);
    }

    /** What was read, or (when empty) the exit code that says why not. */
    record Read<T>(Optional<T> value, int failureExitCode) {}

    private static String nameOf(String file) {
        return file.equals("-") ? "standard input" : file;
    }

    private static void notJson(Cli cli, String name, JsonProcessingException e) {
        String reason = Objects.requireNonNullElse(e.getOriginalMessage(), "malformed JSON");
        int nl = reason.indexOf('\n');
        reason = EMBEDDED_LOCATION
                .matcher(nl < 0 ? reason : reason.substring(0, nl))
                .replaceAll("(started at line $1, column $2)");
        invalid(cli, name + " is not valid JSON: " + reason + location(e), Optional.ofNullable(e.getLocation()));
    }

    /**
     * One line on standard error and, with {@code --output json}, the envelope the API answers for a
     * body that is not JSON, so that a script reading standard output always gets JSON.
     */
    private static void invalid(Cli cli, String details, Optional<JsonLocation> at) {
        cli.err().println("bindsmith: " + details);
        if (cli.global().json()) {
            ObjectNode envelope = cli.json().createObjectNode();
            envelope.put("error", "Invalid JSON in request body");
            envelope.put("details", details);
            at.ifPresent(l -> envelope.put("line", Integer.toString(l.getLineNr()))
                    .put("column", Integer.toString(l.getColumnNr())));
            envelope.put("code", ErrorCode.INVALID_JSON.name());
            cli.printJson(envelope);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
