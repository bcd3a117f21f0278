package dev.bindsmith.core.outcome;

import dev.bindsmith.core.validation.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a use case (or a port) produced: a success or one failure of a closed set. Every driving
 * adapter maps it with one exhaustive {@code switch}: HTTP to a status code, the CLI to an exit
 * code, an embedding service to whatever it needs. Expected failures are values, never exceptions.
 *
 * <p>The cases are the ones a use case can produce. What only a transport can refuse (a missing
 * token, a body too large, a rate limit) belongs to that transport's adapter, so that an outcome reads
 * the same in HTTP, on the command line and in an embedding service.
 *
 * @param <T> the value of a success
 */
public sealed interface Outcome<T> {

    /** 200: reads and commands that changed something in place. */
    record Ok<T>(T value) implements Outcome<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** 201: a resource was created; {@code location} is its path, for example {@code /api/v1/zones/example.com}. */
    record Created<T>(T value, String location) implements Outcome<T> {
        public Created {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(location, "location");
        }
    }

    /** 204: the resource is gone. */
    record Deleted<T>() implements Outcome<T> {}

    /**
     * A failure. {@code error} is the short title of the error envelope, {@code details} the sentence a
     * user acts on ({@code ""} when there is none), {@code context} the envelope's context keys
     * ({@code zone}, {@code command}, {@code field} …) in a stable order.
     */
    sealed interface Failure<T> extends Outcome<T> {
        ErrorCode code();

        String error();

        String details();

        Map<String, String> context();

        /** The same failure as the outcome of another type: a failure carries no value. */
        @SuppressWarnings("unchecked")
        default <U> Failure<U> as() {
            return (Failure<U>) this;
        }
    }

    /** 400: malformed input. Every violation of the request at once, not the first. */
    record Invalid<T>(ErrorCode code, String error, List<Violation> violations, Map<String, String> context)
            implements Failure<T> {
        public Invalid {
            violations = List.copyOf(violations);
            context = ordered(context);
        }

        @Override
        public String details() {
            return Violation.describe(violations);
        }
    }

    /** 404: the zone or record does not exist. */
    record NotFound<T>(ErrorCode code, String error, String details, Map<String, String> context)
            implements Failure<T> {
        public NotFound {
            context = ordered(context);
        }
    }

    /** 409: the zone exists already. */
    record Conflict<T>(ErrorCode code, String error, String details, Map<String, String> context)
            implements Failure<T> {
        public Conflict {
            context = ordered(context);
        }
    }

    /** 422: well-formed, semantically wrong: SOA values, TTL range, records that cannot coexist. */
    record Unprocessable<T>(ErrorCode code, String error, List<Violation> violations, Map<String, String> context)
            implements Failure<T> {
        public Unprocessable {
            violations = List.copyOf(violations);
            context = ordered(context);
        }

        @Override
        public String details() {
            return Violation.describe(violations);
        }
    }

    /**
     * 500: the name server refused or failed the command, could not be reached, or a zone file could
     * not be written. {@code command} is the backend command ({@code addzone}, {@code update} …) or
     * {@code ""}. {@code details} never carries a secret or a path outside the zone directory.
     */
    record BackendFailed<T>(ErrorCode code, String error, String command, String details, Map<String, String> context)
            implements Failure<T> {
        public BackendFailed {
            context = ordered(context);
        }
    }

    /** 503: not ready, shutting down, or a dependency (the zone directory) is unusable. */
    record Unavailable<T>(ErrorCode code, String details) implements Failure<T> {
        @Override
        public String error() {
            return "Service unavailable";
        }

        @Override
        public Map<String, String> context() {
            return Map.of();
        }
    }

    // ---- factories for the failures the use cases and adapters produce most ----

    static <T> Failure<T> invalid(List<Violation> violations) {
        return invalid(violations, Map.of());
    }

    /**
     * 400 when any violation is malformed (and then every violation is reported, semantic ones too),
     * 422 when all are semantic.
     */
    static <T> Failure<T> invalid(List<Violation> violations, Map<String, String> context) {
        return rejected(violations, context, ErrorCode.INVALID_ZONE_CONFIGURATION, "Invalid zone configuration");
    }

    /** As {@link #invalid(List, Map)}, for record data: a semantic violation is a {@link ErrorCode#RECORD_CONFLICT}. */
    static <T> Failure<T> invalidRecord(List<Violation> violations, Map<String, String> context) {
        return rejected(violations, context, ErrorCode.RECORD_CONFLICT, "Invalid record");
    }

    private static <T> Failure<T> rejected(
            List<Violation> violations, Map<String, String> context, ErrorCode semanticCode, String semanticTitle) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one violation");
        }
        if (violations.stream().anyMatch(v -> v.kind() == Violation.Kind.MALFORMED)) {
            return new Invalid<>(ErrorCode.VALIDATION_FAILED, "Validation error", violations, context);
        }
        return new Unprocessable<>(semanticCode, semanticTitle, violations, context);
    }

    static <T> Failure<T> zoneNotFound(String zone) {
        return new NotFound<>(
                ErrorCode.ZONE_NOT_FOUND,
                "Zone not found",
                "No zone named '" + zone + "' exists",
                orderedPairs("zone", zone));
    }

    static <T> Failure<T> recordNotFound(String zone, String details) {
        return new NotFound<>(ErrorCode.RECORD_NOT_FOUND, "Record not found", details, orderedPairs("zone", zone));
    }

    static <T> Failure<T> zoneExists(String zone, String details) {
        return new Conflict<>(ErrorCode.ZONE_EXISTS, "Zone already exists", details, orderedPairs("zone", zone));
    }

    /** The name server answered and refused: {@code details} is its short error text. */
    static <T> Failure<T> backendRejected(String command, String details) {
        return new BackendFailed<>(
                ErrorCode.BACKEND_REJECTED, "RNDC command failed", command, details, orderedPairs("command", command));
    }

    /** The name server could not be reached or did not answer. */
    static <T> Failure<T> backendUnreachable(String command, String details) {
        return new BackendFailed<>(
                ErrorCode.BACKEND_UNREACHABLE,
                "RNDC command failed",
                command,
                details,
                orderedPairs("command", command));
    }

    /**
     * A command that changes something was sent and no verified reply came: the name server may have
     * carried it out. The caller asks the server before it undoes anything.
     */
    static <T> Failure<T> backendOutcomeUnknown(String command, String details) {
        return new BackendFailed<>(
                ErrorCode.BACKEND_OUTCOME_UNKNOWN,
                "RNDC command failed",
                command,
                details,
                orderedPairs("command", command));
    }

    static <T> Failure<T> zoneFileWriteFailed(String zone, String details) {
        return new BackendFailed<>(
                ErrorCode.ZONE_FILE_WRITE_FAILED, "Failed to write zone file", "", details, orderedPairs("zone", zone));
    }

    static <T> Failure<T> unavailable(String details) {
        return new Unavailable<>(ErrorCode.UNAVAILABLE, details);
    }

    // ---- combinators ----

    default boolean isSuccess() {
        return !(this instanceof Failure<T>);
    }

    /** Transforms the value of a success; a failure passes through unchanged. */
    default <U> Outcome<U> map(Function<? super T, ? extends U> f) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
            case Created<T> created -> new Created<>(f.apply(created.value()), created.location());
            case Deleted<T> deleted -> new Deleted<>();
            case Failure<T> failure -> failure.as();
        };
    }

    /** Continues with the value of an {@link Ok} or {@link Created}; a failure or {@link Deleted} stops here. */
    default <U> Outcome<U> flatMap(Function<? super T, Outcome<U>> f) {
        return switch (this) {
            case Ok<T> ok -> f.apply(ok.value());
            case Created<T> created -> f.apply(created.value());
            case Deleted<T> deleted -> new Deleted<>();
            case Failure<T> failure -> failure.as();
        };
    }

    private static Map<String, String> ordered(Map<String, String> context) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /** An insertion-ordered, unmodifiable context from key/value pairs. */
    static Map<String, String> orderedPairs(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
