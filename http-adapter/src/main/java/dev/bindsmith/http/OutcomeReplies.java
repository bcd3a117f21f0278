package dev.bindsmith.http;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link Outcome} to HTTP: one exhaustive switch. Failures become the error envelope
 * {@code {error, details, <context keys>, [violations], code}} (the pipeline adds {@code requestId});
 * a rate-limit failure is the reference's plain-text sentence.
 */
final class OutcomeReplies {
    static final String API_ROOT = "/api/v1/";
    static final String RATE_LIMIT_TEXT = "Rate limit exceeded. Please try again later.";

    private OutcomeReplies() {
    }

    /** A success as {@code body(value)}; {@code Created} with its {@code Location}; {@code Deleted} as 204. */
    static <T> Reply of(Outcome<T> outcome, Function<? super T, ?> body) {
        return switch (outcome) {
            case Outcome.Ok<T> ok -> Reply.json(200, body.apply(ok.value()));
            case Outcome.Created<T> created ->
                    Reply.json(201, body.apply(created.value()), Map.of("Location", location(created.location())));
            case Outcome.Deleted<T> deleted -> new Reply.Empty(204, Map.of());
            case Outcome.Invalid<T> f -> envelope(400, f, f.violations(), Map.of());
            case Outcome.Unauthenticated<T> f -> envelope(401, f, List.of(), Map.of("WWW-Authenticate",
                    f.code() == ErrorCode.AUTH_REQUIRED
                            ? "Bearer realm=\"bindsmith\""
                            : "Bearer realm=\"bindsmith\", error=\"invalid_token\""));
            case Outcome.Forbidden<T> f -> envelope(403, f, List.of(), Map.of());
            case Outcome.NotFound<T> f -> envelope(404, f, List.of(), Map.of());
            case Outcome.Conflict<T> f -> envelope(409, f, List.of(), Map.of());
            // The body may not have been read: closing is the only safe way to end the exchange.
            case Outcome.TooLarge<T> f -> envelope(413, f, List.of(), Map.of("Connection", "close"));
            case Outcome.UnsupportedMediaType<T> f -> envelope(415, f, List.of(), Map.of());
            case Outcome.Unprocessable<T> f -> envelope(422, f, f.violations(), Map.of());
            case Outcome.RateLimited<T> f -> new Reply.Text(429, "text/plain; charset=utf-8", RATE_LIMIT_TEXT,
                    Map.of("Retry-After", Long.toString(Math.max(1, (f.retryAfter().toMillis() + 999) / 1000))));
            case Outcome.BackendFailed<T> f -> envelope(500, f, List.of(), Map.of());
            case Outcome.Unavailable<T> f -> envelope(503, f, List.of(), Map.of());
        };
    }

    /** The use cases name a created resource relative to the API root ({@code zones/example.com}). */
    static String location(String location) {
        return location.startsWith("/") ? location : API_ROOT + location;
    }

    static Reply failure(Outcome.Failure<?> failure) {
        return of(failure, v -> v);
    }

    /** The body of an unexpected exception: nothing about its cause. */
    static Reply internalError() {
        return new Reply.Json(500, envelopeBody("Internal server error", "An unexpected error occurred",
                Map.of(), List.of(), ErrorCode.INTERNAL_ERROR), Map.of(), true);
    }

    static Reply notFoundEndpoint(String path) {
        return new Reply.Json(404, envelopeBody("Not found", "No endpoint has this path",
                Map.of("path", path), List.of(), ErrorCode.ENDPOINT_NOT_FOUND), Map.of(), true);
    }

    static Reply methodNotAllowed(String method, String allow) {
        return new Reply.Json(405, envelopeBody("Method not allowed", method + " is not allowed here; use " + allow,
                Map.of(), List.of(), ErrorCode.METHOD_NOT_ALLOWED), Map.of("Allow", allow), true);
    }

    private static Reply envelope(int status, Outcome.Failure<?> f, List<Violation> violations,
                                  Map<String, String> headers) {
        return new Reply.Json(status, envelopeBody(f.error(), f.details(), f.context(), violations, f.code()),
                headers, true);
    }

    static Map<String, Object> envelopeBody(String error, String details, Map<String, String> context,
                                            List<Violation> violations, ErrorCode code) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        body.put("details", details);
        context.forEach(body::putIfAbsent);
        if (!violations.isEmpty()) {
            body.put("violations", violations.stream()
                    .map(v -> Reply.body("field", v.field(), "message", v.message()))
                    .toList());
        }
        body.put("code", code.name());
        return body;
    }
}
