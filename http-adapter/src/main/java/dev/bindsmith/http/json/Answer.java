package dev.bindsmith.http.json;

import dev.bindsmith.core.outcome.Outcome;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one API operation answered: the use case's outcome, whose success value is already the JSON
 * body (maps, lists, strings and numbers, in the API's key order), and the request fields that were
 * ignored because no field has their name. HTTP maps the outcome to a status, the CLI to an exit code;
 * both send or print {@link #body()}.
 *
 * @param outcome what the use case produced; a success carries the response body
 * @param ignored the unknown request fields, by path ({@code zoneConfig.colour}); logged, never an error
 */
public record Answer(Outcome<Object> outcome, Set<String> ignored) {
    public Answer {
        Objects.requireNonNull(outcome, "outcome");
        ignored = Set.copyOf(ignored);
    }

    public static Answer of(Outcome<?> outcome) {
        return new Answer(widen(outcome), Set.of());
    }

    /** The body to send or print: a success's value, a failure's envelope, nothing for a deletion. */
    public Optional<Object> body() {
        return switch (outcome) {
            case Outcome.Ok<Object> ok -> Optional.of(ok.value());
            case Outcome.Created<Object> created -> Optional.of(created.value());
            case Outcome.Deleted<Object> deleted -> Optional.empty();
            case Outcome.Failure<Object> failure -> Optional.of(Envelope.of(failure));
        };
    }

    /** The HTTP status this answer is sent with; the audit log records it for either face. */
    public int status() {
        return status(outcome);
    }

    /** The HTTP status of an outcome: the design's table, one exhaustive switch. */
    public static int status(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Ok<?> ok -> 200;
            case Outcome.Created<?> created -> 201;
            case Outcome.Deleted<?> deleted -> 204;
            case Outcome.Invalid<?> f -> 400;
            case Outcome.NotFound<?> f -> 404;
            case Outcome.Conflict<?> f -> 409;
            case Outcome.Unprocessable<?> f -> 422;
            case Outcome.BackendFailed<?> f -> 500;
            case Outcome.Unavailable<?> f -> 503;
        };
    }

    @SuppressWarnings("unchecked")
    private static Outcome<Object> widen(Outcome<?> outcome) {
        // Outcome is read-only in its value: an Outcome<T> is an Outcome<Object>.
        return (Outcome<Object>) outcome;
    }
}
