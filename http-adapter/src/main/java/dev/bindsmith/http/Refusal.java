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

    /** The envelope's {@code details}: the sentence, or for the scoped-token refusals an object (the peers' convention). */
    default Object detailsBody() {
        return details();
    }

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

    /** 403: the token's grant lacks what the request needs; the zone is in its scope. */
    record InsufficientScope(Map<String, Object> required, Map<String, Object> granted, String sentence)
            implements Refusal {
        @Override
        public HttpErrorCode code() {
            return HttpErrorCode.INSUFFICIENT_SCOPE;
        }

        @Override
        public String error() {
            return "Insufficient scope: " + sentence;
        }

        @Override
        public String details() {
            return sentence;
        }

        @Override
        public Object detailsBody() {
            var details = new java.util.LinkedHashMap<String, Object>();
            details.put("required", required);
            details.put("granted", granted);
            return details;
        }

        @Override
        public Map<String, String> context() {
            return Map.of();
        }
    }

    /** 403: the token may only be used from its {@code allowFrom} networks. */
    record IpNotAllowed(String token, String address) implements Refusal {
        @Override
        public HttpErrorCode code() {
            return HttpErrorCode.IP_NOT_ALLOWED;
        }

        @Override
        public String error() {
            return "IP address not allowed: token '" + token + "' may not be used from " + address;
        }

        @Override
        public String details() {
            return "The request came from " + address + ", outside the token's allowFrom networks";
        }

        @Override
        public Object detailsBody() {
            return Map.of("detectedAddress", address);
        }

        @Override
        public Map<String, String> context() {
            return Map.of();
        }
    }

    /** 409: the idempotency key was used before with another request. */
    record IdempotencyConflict(String key) implements Refusal {
        @Override
        public HttpErrorCode code() {
            return HttpErrorCode.IDEMPOTENCY_CONFLICT;
        }

        @Override
        public String error() {
            return "Idempotency key reused with a different request";
        }

        @Override
        public String details() {
            return "This Idempotency-Key was used for another method, path or body in the last 24 hours;"
                    + " send a new key for a new request";
        }

        @Override
        public Map<String, String> context() {
            return Outcome.orderedPairs("key", key);
        }
    }

    /** 400: the idempotency key is not one the server can keep. */
    record InvalidIdempotencyKey() implements Refusal {
        @Override
        public HttpErrorCode code() {
            return HttpErrorCode.INVALID_IDEMPOTENCY_KEY;
        }

        @Override
        public String error() {
            return "Invalid Idempotency-Key";
        }

        @Override
        public String details() {
            return "An Idempotency-Key is 1 to 255 visible ASCII characters, such as a UUID";
        }

        @Override
        public Map<String, String> context() {
            return Map.of();
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
