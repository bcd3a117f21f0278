package dev.bindsmith.http;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.http.json.Answer;
import dev.bindsmith.http.json.Envelope;
import java.util.List;
import java.util.Map;

/**
 * Answers to HTTP, with two exhaustive switches: a use case's {@link Outcome} (its body already made
 * by {@link dev.bindsmith.http.json.JsonApi}) and the server's own {@link Refusal}s. Failures are the
 * error envelope (the pipeline adds {@code requestId}); a rate-limit refusal is the reference's
 * plain-text sentence.
 */
final class OutcomeReplies {
    static final String API_ROOT = "/api/v1/";
    static final String RATE_LIMIT_TEXT = "Rate limit exceeded. Please try again later.";
    /** What a 503 asks the client to wait before it tries again. */
    static final long RETRY_AFTER_SECONDS = 5;

    private OutcomeReplies() {}

    /** A success with its body; {@code Created} with its {@code Location}; {@code Deleted} as 204. */
    static Reply of(Answer answer) {
        Object body = answer.body().orElse(Map.of());
        int status = answer.status();
        return switch (answer.outcome()) {
            case Outcome.Ok<Object> ok -> Reply.json(status, body);
            case Outcome.Created<Object> created ->
                Reply.json(status, body, Map.of("Location", location(created.location())));
            case Outcome.Deleted<Object> deleted -> new Reply.Empty(status, Map.of());
            // a zone directory that comes back, a shutdown that hands over: worth asking again shortly
            case Outcome.Unavailable<Object> f ->
                new Reply.Json(status, body, Map.of("Retry-After", Long.toString(RETRY_AFTER_SECONDS)), true);
            case Outcome.Failure<Object> failure -> envelope(status, body);
        };
    }

    /** A failure the server produced itself (the shutdown gate, an encoded slash in a zone name). */
    static Reply failure(Outcome.Failure<?> failure) {
        return of(new Answer(failure.as(), java.util.Set.of()));
    }

    static Reply refused(Refusal refusal) {
        return switch (refusal) {
            case Refusal.Unauthenticated r ->
                envelope(
                        401,
                        r,
                        Map.of(
                                "WWW-Authenticate",
                                r.code() == HttpErrorCode.AUTH_REQUIRED
                                        ? "Bearer realm=\"bindsmith\""
                                        : "Bearer realm=\"bindsmith\", error=\"invalid_token\""));
            case Refusal.Forbidden r -> envelope(403, r, Map.of());
            case Refusal.InsufficientScope r -> envelope(403, r, Map.of());
            case Refusal.IpNotAllowed r -> envelope(403, r, Map.of());
            case Refusal.IdempotencyConflict r -> envelope(409, r, Map.of());
            case Refusal.InvalidIdempotencyKey r -> envelope(400, r, Map.of());
            // The body may not have been read: closing is the only safe way to end the exchange.
            case Refusal.TooLarge r -> envelope(413, r, Map.of("Connection", "close"));
            case Refusal.UnsupportedMediaType r -> envelope(415, r, Map.of());
            case Refusal.RateLimited r ->
                new Reply.Text(
                        429,
                        "text/plain; charset=utf-8",
                        RATE_LIMIT_TEXT,
                        Map.of("Retry-After", Long.toString(r.retryAfterSeconds())));
        };
    }

    /** The use cases name a created resource relative to the API root ({@code zones/example.com}). */
    static String location(String location) {
        return location.startsWith("/") ? location : API_ROOT + location;
    }

    /** The body of an unexpected exception: nothing about its cause. */
    static Reply internalError() {
        return envelope(
                500,
                Envelope.body(
                        "Internal server error",
                        "An unexpected error occurred",
                        Map.of(),
                        List.of(),
                        HttpErrorCode.INTERNAL_ERROR.name()));
    }

    static Reply notFoundEndpoint(String path) {
        return envelope(
                404,
                Envelope.body(
                        "Not found",
                        "No endpoint has this path",
                        Map.of("path", path),
                        List.of(),
                        HttpErrorCode.ENDPOINT_NOT_FOUND.name()));
    }

    static Reply methodNotAllowed(String method, String allow) {
        return new Reply.Json(
                405,
                Envelope.body(
                        "Method not allowed",
                        method + " is not allowed here; use " + allow,
                        Map.of(),
                        List.of(),
                        HttpErrorCode.METHOD_NOT_ALLOWED.name()),
                Map.of("Allow", allow),
                true);
    }

    private static Reply envelope(int status, Object body) {
        return new Reply.Json(status, body, Map.of(), true);
    }

    private static Reply envelope(int status, Refusal r, Map<String, String> headers) {
        return new Reply.Json(
                status,
                Envelope.body(
                        r.error(),
                        r.detailsBody(),
                        r.context(),
                        List.of(),
                        r.code().name()),
                headers,
                true);
    }
}
