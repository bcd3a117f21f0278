package dev.bindsmith.http;

import dev.bindsmith.http.access.Grant;
import dev.bindsmith.http.access.ScopedToken;
import dev.bindsmith.http.access.TokenStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the {@code Authorization: Bearer …} header against the admin tokens of the configuration and
 * the scoped tokens of the tokens file (as they are now: the file may change while the server runs).
 * The presented token is hashed and compared with every digest, with no early exit, so neither its
 * length nor which token it resembles shows in the timing.
 */
final class BearerAuthenticator {
    /** RFC 6750 token68. */
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +([A-Za-z0-9\\-._~+/]+=*) *");

    /** Who the token is: its name (never the token) and its grant. */
    sealed interface Result {
        record Authenticated(String name, Grant grant) implements Result {}

        record Refused(Refusal.Unauthenticated refusal) implements Result {}
    }

    private final List<ApiToken> admin;
    private final TokenStore scoped;
    private final Clock clock;

    BearerAuthenticator(List<ApiToken> admin, TokenStore scoped, Clock clock) {
        this.admin = List.copyOf(admin);
        this.scoped = Objects.requireNonNull(scoped, "scoped");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    BearerAuthenticator(List<ApiToken> admin, Clock clock) {
        this(admin, TokenStore.none(), clock);
    }

    /** Empty when the header carries a valid, unexpired token; otherwise the 401 to send. */
    Optional<Refusal.Unauthenticated> check(Optional<String> authorization) {
        return authenticate(authorization) instanceof Result.Refused refused
                ? Optional.of(refused.refusal())
                : Optional.empty();
    }

    Result authenticate(Optional<String> authorization) {
        if (authorization.isEmpty() || authorization.get().isBlank()) {
            return fail(HttpErrorCode.AUTH_REQUIRED, "Authentication required", "Missing Authorization header");
        }
        var m = BEARER.matcher(authorization.get());
        if (!m.matches()) {
            return fail(
                    HttpErrorCode.AUTH_FAILED,
                    "Authentication failed",
                    "Malformed Authorization header: expected 'Bearer <token>'");
        }
        byte[] presented = ApiToken.sha256(m.group(1));
        Result.Authenticated matched = null;
        for (ApiToken token : admin) {
            // No early exit: every digest is compared.
            if (token.matches(presented) && matched == null) {
                matched = new Result.Authenticated(token.name(), Grant.admin(token.expires()));
            }
        }
        for (ScopedToken token : scoped.current()) {
            if (token.matches(presented) && matched == null) {
                matched = new Result.Authenticated(token.name(), token.grant());
            }
        }
        if (matched == null) {
            return fail(HttpErrorCode.AUTH_FAILED, "Authentication failed", "Invalid Bearer token");
        }
        if (matched.grant().expiredAt(clock.instant())) {
            return fail(HttpErrorCode.TOKEN_EXPIRED, "Token expired", "Expired Bearer token");
        }
        return matched;
    }

    private static Result fail(HttpErrorCode code, String error, String details) {
        return new Result.Refused(new Refusal.Unauthenticated(code, error, details));
    }
}
