package dev.bindsmith.http;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the {@code Authorization: Bearer …} header against the configured tokens. The presented
 * token is hashed and compared with every configured digest ({@link ApiToken#matches}), so neither
 * its length nor which token it resembles shows in the timing.
 */
final class BearerAuthenticator {
    /** RFC 6750 token68. */
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +([A-Za-z0-9\\-._~+/]+=*) *");

    private final List<ApiToken> tokens;
    private final Clock clock;

    BearerAuthenticator(List<ApiToken> tokens, Clock clock) {
        this.tokens = List.copyOf(tokens);
        this.clock = clock;
    }

    /** Empty when the header carries a valid, unexpired token; otherwise the 401 to send. */
    Optional<Refusal.Unauthenticated> check(Optional<String> authorization) {
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
        ApiToken matched = null;
        for (ApiToken token : tokens) {
            // No early exit: every digest is compared.
            if (token.matches(presented) && matched == null) {
                matched = token;
            }
        }
        if (matched == null) {
            return fail(HttpErrorCode.AUTH_FAILED, "Authentication failed", "Invalid Bearer token");
        }
        if (matched.expires().isPresent()
                && !clock.instant().isBefore(matched.expires().get())) {
            return fail(HttpErrorCode.AUTH_FAILED, "Authentication failed", "Expired Bearer token");
        }
        return Optional.empty();
    }

    private static Optional<Refusal.Unauthenticated> fail(HttpErrorCode code, String error, String details) {
        return Optional.of(new Refusal.Unauthenticated(code, error, details));
    }
}
