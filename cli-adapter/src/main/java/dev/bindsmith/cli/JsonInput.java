package dev.bindsmith.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code -f FILE} ({@code -} is standard input): every top-level JSON value in it, so that one
 * object, a JSON-lines file and a sequence of objects all work; a top-level array counts as its
 * elements. A file that cannot be read or parsed is reported on standard error; the result is then empty.
 */
final class JsonInput {
    private JsonInput() {
    }

    static Optional<List<JsonNode>> read(Cli cli, String file) {
        String name = nameOf(file);
        Optional<byte[]> read = bytes(cli, file);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = read.get();
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
            cli.err().println("bindsmith: " + name + " is not valid JSON: " + e.getOriginalMessage()
                    + location(e));
            return Optional.empty();
        } catch (IOException e) {
            cli.err().println("bindsmith: cannot read " + name + ": " + e.getMessage());
            return Optional.empty();
        }
        if (values.isEmpty()) {
            cli.err().println("bindsmith: " + name + " holds no JSON");
            return Optional.empty();
        }
        return Optional.of(values);
    }

    /** Exactly one JSON value (an object or an array, kept as it is). */
    static Optional<JsonNode> readOne(Cli cli, String file) {
        return bytes(cli, file).flatMap(b -> {
            try {
                JsonNode node = cli.json().readerFor(JsonNode.class)
                        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(b);
                if (node == null || node.isMissingNode()) {
                    cli.err().println("bindsmith: " + nameOf(file) + " holds no JSON");
                    return Optional.empty();
                }
                return Optional.of(node);
            } catch (JsonProcessingException e) {
                cli.err().println("bindsmith: " + nameOf(file) + " is not valid JSON: " + e.getOriginalMessage() + location(e));
                return Optional.empty();
            } catch (IOException e) {
                cli.err().println("bindsmith: cannot read " + nameOf(file) + ": " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static Optional<byte[]> bytes(Cli cli, String file) {
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

    private static String nameOf(String file) {
        return file.equals("-") ? "standard input" : file;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
