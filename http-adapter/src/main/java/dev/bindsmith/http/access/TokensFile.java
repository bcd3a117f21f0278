package dev.bindsmith.http.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bindsmith.core.net.IpNetwork;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.http.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The tokens file ({@code BINDSMITH_TOKENS_FILE}): JSON, {@code {"tokens": [ … ]}}, each token
 *
 * <pre>{@code
 * {"name": "ci", "sha256": "<64 hex digits>", "access": "read" | "write" | "admin",
 *  "zones": ["example.com", "*.dev.example.com"], "recordTypes": ["A", "TXT"],
 *  "allowFrom": ["10.0.0.0/8"], "expires": "2027-01-31T00:00:00Z", "created": "…"}
 * }</pre>
 *
 * Only {@code name}, {@code sha256} and {@code access} are required. It is read strictly: an unknown
 * or misspelt field, an empty list or a value that does not parse is a problem, never ignored —
 * a restriction that was meant and silently dropped would widen what a token may do. Problems name
 * the token and the field; the file holds no secret (only digests), but they quote no value anyway.
 */
public final class TokensFile {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final Set<String> FIELDS =
            Set.of("name", "sha256", "access", "zones", "recordTypes", "allowFrom", "expires", "created");

    private TokensFile() {}

    /** Parsed tokens, or every problem of the text. */
    public sealed interface Read {
        record Tokens(List<ScopedToken> tokens) implements Read {
            public Tokens {
                tokens = List.copyOf(tokens);
            }
        }

        record Problems(List<String> problems) implements Read {
            public Problems {
                problems = List.copyOf(problems);
            }
        }
    }

    public static Read parse(byte[] text) {
        JsonNode root;
        switch (Json.parse(text)) {
            case Outcome.Ok<JsonNode> ok -> root = ok.value();
            case Outcome.Created<JsonNode> created -> root = created.value();
            case Outcome.Deleted<JsonNode> deleted -> throw new IllegalStateException("parsing deletes nothing");
            case Outcome.Failure<JsonNode> failure -> {
                return new Read.Problems(List.of("not JSON: " + failure.details()));
            }
        }
        List<String> problems = new ArrayList<>();
        if (!root.isObject() || !root.path("tokens").isArray()) {
            return new Read.Problems(List.of("expected an object {\"tokens\": [ … ]}"));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String f = names.next();
            if (!f.equals("tokens")) {
                problems.add("unknown top-level field '" + printable(f) + "'");
            }
        }
        List<ScopedToken> tokens = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode list = root.get("tokens");
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String where = "tokens[" + i + "]";
            if (!t.isObject()) {
                problems.add(where + ": expected an object");
                continue;
            }
            Optional<String> name = text(t, "name");
            if (name.isPresent() && ScopedToken.NAME.matcher(name.get()).matches()) {
                where = where + " (" + name.get() + ")";
            }
            int before = problems.size();
            Optional<ScopedToken> token = token(t, where, problems);
            if (name.isPresent() && !seen.add(name.get())) {
                problems.add(where + ": the name is used by another token");
            }
            if (problems.size() == before) {
                token.ifPresent(tokens::add);
            }
        }
        return problems.isEmpty() ? new Read.Tokens(tokens) : new Read.Problems(problems);
    }

    private static Optional<ScopedToken> token(JsonNode t, String where, List<String> problems) {
        for (Iterator<String> names = t.fieldNames(); names.hasNext(); ) {
            String f = names.next();
            if (!FIELDS.contains(f)) {
                problems.add(where + ": unknown field '" + printable(f) + "' (fields: name, sha256, access, zones,"
                        + " recordTypes, allowFrom, expires, created)");
            }
        }
        Optional<String> name = required(t, "name", where, problems);
        if (name.isPresent() && !ScopedToken.NAME.matcher(name.get()).matches()) {
            problems.add(where + ": name must be 1 to 64 of A-Z a-z 0-9 . _ -");
            name = Optional.empty();
        }
        Optional<String> sha = required(t, "sha256", where, problems);
        if (sha.isPresent() && !ScopedToken.SHA256.matcher(sha.get()).matches()) {
            problems.add(where + ": sha256 must be the token's SHA-256 as 64 lower-case hex digits");
            sha = Optional.empty();
        }
        Optional<Access> access = required(t, "access", where, problems).flatMap(a -> {
            Optional<Access> parsed = Access.parse(a);
            if (parsed.isEmpty()) {
                problems.add(where + ": access must be read, write or admin");
            }
            return parsed;
        });
        List<ZonePattern> zones = new ArrayList<>();
        for (String z : list(t, "zones", where, problems)) {
            ZonePattern.parse(z)
                    .ifPresentOrElse(
                            zones::add,
                            () -> problems.add(
                                    where + ": zones: '" + printable(z) + "' is not a zone name, *.suffix or *"));
        }
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        for (String type : list(t, "recordTypes", where, problems)) {
            RecordType.parse(type)
                    .filter(RecordType::writable)
                    .ifPresentOrElse(
                            types::add,
                            () -> problems.add(where + ": recordTypes: '" + printable(type)
                                    + "' is not a record type bindsmith changes"));
        }
        List<IpNetwork> networks = new ArrayList<>();
        for (String n : list(t, "allowFrom", where, problems)) {
            IpNetwork.parse(n)
                    .ifPresentOrElse(
                            networks::add,
                            () -> problems.add(where + ": allowFrom: '" + printable(n)
                                    + "' is not an address or CIDR network (10.0.0.0/8, no host bits)"));
        }
        Optional<Instant> expires = instant(t, "expires", where, problems);
        Optional<Instant> created = instant(t, "created", where, problems);
        if (access.isPresent() && access.get() == Access.ADMIN && (!zones.isEmpty() || !types.isEmpty())) {
            problems.add(where + ": an admin token covers every zone and record type; remove zones and recordTypes"
                    + " (or make it a write token)");
            return Optional.empty();
        }
        if (!types.isEmpty() && access.isPresent() && access.get() == Access.READ) {
            problems.add(where + ": recordTypes limit what a write token changes; a read token changes nothing");
            return Optional.empty();
        }
        if (name.isEmpty() || sha.isEmpty() || access.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScopedToken(
                name.get(), sha.get(), new Grant(access.get(), zones, types, networks, expires), created));
    }

    private static Optional<String> required(JsonNode t, String field, String where, List<String> problems) {
        Optional<String> v = text(t, field);
        if (v.isEmpty()) {
            problems.add(where + ": " + field + (t.has(field) ? " must be a string" : " is missing"));
        }
        return v;
    }

    private static Optional<String> text(JsonNode t, String field) {
        JsonNode v = t.get(field);
        return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static List<String> list(JsonNode t, String field, String where, List<String> problems) {
        JsonNode v = t.get(field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray() || v.isEmpty()) {
            problems.add(where + ": " + field + " must be a non-empty list of strings (leave it out for no limit)");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                problems.add(where + ": " + field + " must hold strings only");
                return List.of();
            }
            values.add(e.asText());
        }
        return values;
    }

    private static Optional<Instant> instant(JsonNode t, String field, String where, List<String> problems) {
        if (!t.has(field)) {
            return Optional.empty();
        }
        Optional<String> v = text(t, field);
        try {
            return Optional.of(Instant.parse(v.orElse("")));
        } catch (DateTimeParseException e) {
            problems.add(where + ": " + field + " must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
            return Optional.empty();
        }
    }

    /** What a user wrote, short and without control characters, for a message. */
    private static String printable(String s) {
        String v = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return v.replaceAll("\\p{Cntrl}", "?");
    }

    // ---- writing ----

    public static byte[] render(List<ScopedToken> tokens) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("tokens");
        for (ScopedToken t : tokens) {
            ObjectNode o = list.addObject();
            o.put("name", t.name());
            o.put("sha256", t.sha256());
            o.put("access", t.grant().access().wireName());
            if (!t.grant().zones().isEmpty()) {
                ArrayNode zones = o.putArray("zones");
                t.grant().zones().forEach(z -> zones.add(z.text()));
            }
            if (!t.grant().recordTypes().isEmpty()) {
                ArrayNode types = o.putArray("recordTypes");
                t.grant().recordTypes().stream()
                        .sorted(java.util.Comparator.comparing(Enum::name))
                        .forEach(r -> types.add(r.name()));
            }
            if (!t.grant().allowFrom().isEmpty()) {
                ArrayNode from = o.putArray("allowFrom");
                t.grant().allowFrom().forEach(n -> from.add(n.toString()));
            }
            t.grant().expires().ifPresent(e -> o.put("expires", e.toString()));
            t.created().ifPresent(c -> o.put("created", c.toString()));
        }
        return (Json.pretty(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The tokens of {@code file}; a file that does not exist holds none. */
    public static Read read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return new Read.Tokens(List.of());
        } catch (IOException e) {
            return new Read.Problems(
                    List.of("cannot read the file (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /** What an update of the file decided: the tokens to write (or none, to leave the file alone), and a result. */
    public record Change<T>(Optional<List<ScopedToken>> write, T result) {
        public Change {
            Objects.requireNonNull(write, "write");
        }

        public static <T> Change<T> write(List<ScopedToken> tokens, T result) {
            return new Change<>(Optional.of(List.copyOf(tokens)), result);
        }

        public static <T> Change<T> keep(T result) {
            return new Change<>(Optional.empty(), result);
        }
    }

    /**
     * Reads the file, lets {@code change} decide, and writes what it returns, all under an exclusive lock
     * of {@code <file>.lock} so that two {@code token create} at once do not lose one. The file is written
     * whole (a temporary file renamed over it), readable by its owner only: a server that re-reads it
     * never sees half a file.
     *
     * @throws IOException when the file cannot be read, locked or written; a file that does not parse is
     *         a {@link TokensFileException} listing its problems
     */
    public static <T> T update(Path file, Function<List<ScopedToken>, Change<T>> change) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        // a JVM may not hold two locks on one file: its own threads queue here first
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(absolute, f -> new ReentrantLock());
        inProcess.lock();
        try (FileChannel lockChannel = FileChannel.open(
                absolute.resolveSibling(absolute.getFileName() + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = lockChannel.lock();
            try {
                List<ScopedToken> tokens = switch (read(absolute)) {
                    case Read.Tokens ok -> ok.tokens();
                    case Read.Problems p -> throw new TokensFileException(absolute, p.problems());
                };
                Change<T> decided = change.apply(tokens);
                if (decided.write().isPresent()) {
                    write(absolute, decided.write().get());
                }
                return decided.result();
            } finally {
                lock.release();
            }
        } finally {
            inProcess.unlock();
        }
    }

    private static void write(Path file, List<ScopedToken> tokens) throws IOException {
        Path temporary = Files.createTempFile(
                file.getParent(),
                "." + file.getFileName(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(render(tokens)));
                out.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A tokens file that does not parse, where it had to be changed. */
    public static final class TokensFileException extends IOException {
        private static final long serialVersionUID = 1L;

        public TokensFileException(Path file, List<String> problems) {
            super(file + " does not parse: " + String.join("; ", problems));
        }
    }
}
