package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerAuthenticatorTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));
    private final BearerAuthenticator auth = new BearerAuthenticator(
            List.of(
                    ApiToken.of("alpha-token", Optional.empty()),
                    ApiToken.of("beta", Optional.of(Instant.parse("2026-11-21T01:00:00Z")))),
            clock);

    private Optional<Refusal.Unauthenticated> check(String header) {
        return auth.check(Optional.ofNullable(header));
    }

    @Test
    void aConfiguredTokenPasses() {
        assertThat(check("Bearer alpha-token")).isEmpty();
        assertThat(check("bearer alpha-token")).isEmpty();
        assertThat(check("Bearer beta")).isEmpty();
    }

    @Test
    void aMissingHeaderIsAuthRequired() {
        var f = check(null).orElseThrow();
        assertThat(f.code()).isEqualTo(HttpErrorCode.AUTH_REQUIRED);
        assertThat(f.details()).isEqualTo("Missing Authorization header");
    }

    @Test
    void malformedHeadersAreRejectedAsMalformed() {
        for (String h :
                List.of("Basic YWxhZGRpbjpvcGVu", "Bearer", "Bearer two tokens", "alpha-token", "Bearer a\"b")) {
            var f = check(h).orElseThrow();
            assertThat(f.code()).as(h).isEqualTo(HttpErrorCode.AUTH_FAILED);
            assertThat(f.details()).as(h).startsWith("Malformed Authorization header");
        }
    }

    @Test
    void anUnknownTokenOfAnyLengthIsInvalid() {
        for (String t : List.of("x", "alpha-toke", "alpha-token-", "alpha-token".repeat(50))) {
            assertThat(check("Bearer " + t).orElseThrow().details()).as(t).isEqualTo("Invalid Bearer token");
        }
    }

    @Test
    void aTokenIsRefusedFromItsExpiryOn() {
        clock.advance(Duration.ofMinutes(59));
        assertThat(check("Bearer beta")).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(check("Bearer beta").orElseThrow().details()).isEqualTo("Expired Bearer token");
    }

    @Test
    void theTokenIsKeptOnlyAsItsDigest() {
        var token = ApiToken.of("alpha-token", Optional.empty());
        assertThat(token.toString()).doesNotContain("alpha");
        assertThat(token.digest()).hasSize(32).isEqualTo(ApiToken.sha256("alpha-token"));
    }
}
