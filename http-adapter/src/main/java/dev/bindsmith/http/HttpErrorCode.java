package dev.bindsmith.http;

/**
 * The stable codes of the failures only the HTTP server produces, beside the use cases' own
 * ({@link dev.bindsmith.core.outcome.ErrorCode}) in the envelope's {@code code}. Clients branch on
 * these: a code is never renamed or reused.
 */
enum HttpErrorCode {
    /** No credentials were presented. */
    AUTH_REQUIRED,
    /** Credentials were presented but are malformed or unknown. */
    AUTH_FAILED,
    /** The token is known, and its {@code expires} has passed (401). */
    TOKEN_EXPIRED,
    /** The caller is known but may not do this. */
    FORBIDDEN,
    /**
     * The zone is in the token's scope, but the verb, a record type or the server action is not: the
     * envelope's {@code details} is {@code {required, granted}} (403).
     */
    INSUFFICIENT_SCOPE,
    /** The token may only be used from its {@code allowFrom} networks; {@code details} holds the address seen (403). */
    IP_NOT_ALLOWED,
    /** An {@code Idempotency-Key} was used again with another request (409). */
    IDEMPOTENCY_CONFLICT,
    /** The {@code Idempotency-Key} header is not 1 to 255 visible ASCII characters (400). */
    INVALID_IDEMPOTENCY_KEY,
    /**
     * Authentication is off and a browser sent this request for another site ({@code Origin},
     * {@code Sec-Fetch-Site}): a web page may not drive the API.
     */
    CROSS_SITE_REQUEST,
    /**
     * Authentication is off and the request names a host that is neither an IP address, {@code localhost}
     * nor one of {@code BINDSMITH_ALLOWED_HOSTS}: how a page on a rebound DNS name would reach the API.
     */
    HOST_NOT_ALLOWED,
    /** No route has this path. */
    ENDPOINT_NOT_FOUND,
    /** The path exists but not with this method. */
    METHOD_NOT_ALLOWED,
    BODY_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    RATE_LIMITED,
    /** An unexpected exception; its cause is in the server's log under the request id, never in the body. */
    INTERNAL_ERROR
}
