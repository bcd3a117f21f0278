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

    static Answer of(Outcome<?> outcome) {
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

    @SuppressWarnings("unchecked")
    private static Outcome<Object> widen(Outcome<?> outcome) {
        // Outcome is read-only in its value: an Outcome<T> is an Outcome<Object>.
        return (Outcome<Object>) outcome;
    }
}
