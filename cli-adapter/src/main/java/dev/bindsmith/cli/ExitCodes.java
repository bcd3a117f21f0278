package dev.bindsmith.cli;

import dev.bindsmith.core.outcome.Outcome;

/**
 * The exit status of every command: from a use case's outcome with one exhaustive switch (direct
 * mode), or from the HTTP status a server answered ({@code --url}). The numbers are part of the CLI's
 * contract (docs/cli.md): scripts branch on them.
 */
final class ExitCodes {
    /** The command did what it was asked. */
    static final int SUCCESS = 0;
    /** Something outside the outcome algebra: bad configuration, an unreadable input file, an unexpected error. */
    static final int ERROR = 1;
    /** The command line itself is wrong (picocli's usage error). */
    static final int USAGE = 2;
    /** The request was rejected as invalid: malformed (400), semantically wrong (422), too large, wrong media type. */
    static final int INVALID = 3;
    /** The zone, record or endpoint does not exist (404). */
    static final int NOT_FOUND = 4;
    /** The zone exists already, or an idempotency key was reused (409). */
    static final int CONFLICT = 5;
    /** The name server refused or failed the command, could not be reached, or a zone file could not be written (500). */
    static final int BACKEND_FAILED = 6;
    /** Not ready, shutting down, a dependency unusable, or the bindsmith server could not be reached (503). */
    static final int UNAVAILABLE = 7;
    /** Missing or wrong token (401), or not allowed (403). */
    static final int AUTH = 8;
    /** The server's rate limit was hit (429). */
    static final int RATE_LIMITED = 9;
    /** The change was made, but {@code --wait} ran out before every secondary served it. */
    static final int NOT_PROPAGATED = 10;

    private ExitCodes() {}

    static int of(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Ok<?> ok -> SUCCESS;
            case Outcome.Created<?> created -> SUCCESS;
            case Outcome.Deleted<?> deleted -> SUCCESS;
            case Outcome.Invalid<?> invalid -> INVALID;
            case Outcome.Unprocessable<?> unprocessable -> INVALID;
            case Outcome.NotFound<?> notFound -> NOT_FOUND;
            case Outcome.Conflict<?> conflict -> CONFLICT;
            case Outcome.BackendFailed<?> backendFailed -> BACKEND_FAILED;
            case Outcome.Unavailable<?> unavailable -> UNAVAILABLE;
        };
    }

    /** The exit code of a server's answer; a status the table does not name is an invalid request (4xx) or an error. */
    static int ofStatus(int status) {
        return switch (status) {
            case 400, 413, 415, 422 -> INVALID;
            case 401, 403 -> AUTH;
            case 404, 405 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 429 -> RATE_LIMITED;
            case 500 -> BACKEND_FAILED;
            case 503 -> UNAVAILABLE;
            default -> status >= 200 && status < 300 ? SUCCESS : status < 500 ? INVALID : ERROR;
        };
    }

    /** The table printed at the end of {@code bindsmith --help} and in docs/cli.md. */
    static final String TABLE = """
            Exit codes:
              0  success
              1  other error: bad configuration, unreadable input, unexpected failure
              2  usage error: unknown command or option, missing argument
              3  invalid request (HTTP 400, 413, 415, 422)
              4  not found (404)
              5  conflict: the zone exists already (409)
              6  backend failure: the name server refused, failed or did not answer (500)
              7  unavailable: not ready, shutting down, or no server at --url (503)
              8  unauthenticated or forbidden (401, 403)
              9  rate limited (429)
             10  made, but not on every secondary when --wait ran out""";
}
