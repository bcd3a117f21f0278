package dev.bindsmith.http;

/**
 * The stable codes of the failures only the HTTP server produces, beside the use cases' own
 * ({@link dev.bindsmith.core.outcome.ErrorCode}) in the envelope's {@code code}. Clients branch on
 * these: a code is never renamed or reused.
 */
enum HttpErrorCode {
    /** No credentials were presented. */
    AUTH_REQUIRED,
    /** Credentials were presented but are malformed, unknown or expired. */
    AUTH_FAILED,
    /** The caller is known but may not do this. */
    FORBIDDEN,
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
