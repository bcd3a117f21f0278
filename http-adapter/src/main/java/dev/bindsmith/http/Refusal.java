package dev.bindsmith.http;

import dev.bindsmith.core.outcome.Outcome;
import java.time.Duration;
import java.util.Map;

/**
 * What the HTTP server refuses before a use case runs: credentials (401, 403), the body's size or
 * media type (413, 415), the client's rate (429). These are the transport's, not the core's
 * ({@link dev.bindsmith.core.outcome.Outcome} has no such case), and map to statuses with one
 * exhaustive switch ({@link OutcomeReplies#refused}).
 */
sealed interface Refusal {
    HttpErrorCode code();

    String error();

    String details();

    Map<String, String> context();

    /** 401: no, malformed, unknown or expired credentials. */
    record Unauthenticated(HttpErrorCode code, String error, String details) implements Refusal {
        @Override
        public Map<String, String> context() {
            return Map.of();
        }
    }

    /**
     * 403: not allowed to do this: the token's address list, or (with authentication off) a request a
     * browser made for another site. {@code details} is a sentence; {@code context} its context keys.
     */
    record Forbidden(HttpErrorCode code, String error, String details, Map<String, String> context) implements Refusal {
        public Forbidden {
            context = Map.copyOf(context);
        }
    }

    /** 413: the body is larger than the limit. */
    record TooLarge(long limit, long size) implements Refusal {
        @Override
        public HttpErrorCode code() {
            return HttpErrorCode.BODY_TOO_LARGE;
        }

        @Override
        public String error() {
            return "Request body too large";
        }

        @Override
        public String details() {
            return "The body has " + size + " bytes; the limit is " + limit + " bytes";
        }

        @Override
        public Map<String, String> context() {
            return Outcome.orderedPairs("limit", limit + " bytes", "size", size + " bytes");
        }
    }

    /** 415: the body is not of the media type this endpoint takes. */
    record UnsupportedMediaType(String expected, String received) implements Refusal {
        @Override
        public HttpErrorCode code() {
            return HttpErrorCode.UNSUPPORTED_MEDIA_TYPE;
        }

        @Override
        public String error() {
            return "Unsupported media type";
        }

        @Override
        public String details() {
            return "Send the body as " + expected + " (received " + received + ")";
        }

        @Override
        public Map<String, String> context() {
            return Outcome.orderedPairs("expected", expected, "received", received);
        }
    }

    /** 429: the client's bucket is empty; it may try again after {@code retryAfter}. */
    record RateLimited(Duration retryAfter) implements Refusal {
        @Override
        public HttpErrorCode code() {
            return HttpErrorCode.RATE_LIMITED;
        }

        @Override
        public String error() {
            return "Rate limit exceeded. Please try again later.";
        }

        @Override
        public String details() {
            return "Try again in " + retryAfterSeconds() + " s";
        }

        /** Whole seconds, rounded up, never 0: what {@code Retry-After} says. */
        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }

        @Override
        public Map<String, String> context() {
            return Map.of();
        }
    }
}
