package dev.bindsmith.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.testing.MutableClock;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.Threads;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {
    private final MutableClock clock = new MutableClock(TestClocks.INSTANT);
    private final IdempotencyKeys keys = new IdempotencyKeys(clock);
    private static final Reply CREATED = Reply.json(201, Map.of("zone", "example.com"));

    private IdempotencyKeys.Claim.First first(String token, String key, String fingerprint) {
        var claim = keys.claim(token, key, fingerprint);
        assertThat(claim).isInstanceOf(IdempotencyKeys.Claim.First.class);
        return (IdempotencyKeys.Claim.First) claim;
    }

    @Test
    void theFirstRequestRunsARepeatGetsItsAnswerAndAnotherRequestWithTheKeyConflicts() {
        keys.complete(first("ci", "k1", "body-a"), CREATED, "req-1");

        assertThat(keys.claim("ci", "k1", "body-a"))
                .isEqualTo(new IdempotencyKeys.Claim.Replay(new IdempotencyKeys.Stored(CREATED, "req-1")));
        assertThat(keys.claim("ci", "k1", "body-b")).isInstanceOf(IdempotencyKeys.Claim.Conflict.class);
    }

    @Test
    void aRepeatThatArrivesWhileTheFirstRunsWaitsForItsAnswer() throws Exception {
        var running = first("ci", "k1", "body-a");
        AtomicReference<IdempotencyKeys.Claim> repeat = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> repeat.set(keys.claim("ci", "k1", "body-a")));
        Threads.awaitBlocked(waiter);
        assertThat(repeat.get()).isNull();

        keys.complete(running, CREATED, "req-1");
        waiter.join(Duration.ofSeconds(30).toMillis());

        assertThat(repeat.get()).isInstanceOf(IdempotencyKeys.Claim.Replay.class);
    }

    @Test
    void anAnswerThatSaysNothingAboutTheEffectIsNotKeptSoARetryRunsAgain() throws Exception {
        var running = first("ci", "k1", "body-a");
        CompletableFuture<IdempotencyKeys.Claim> repeat =
                CompletableFuture.supplyAsync(() -> keys.claim("ci", "k1", "body-a"));

        keys.complete(running, Reply.json(503, Map.of()), "req-1");

        assertThat(repeat.get()).isInstanceOf(IdempotencyKeys.Claim.First.class);
        keys.complete(first("ci", "k2", "x"), new Reply.Text(429, "text/plain", "slow down", Map.of()), "req-2");
        assertThat(keys.claim("ci", "k2", "x")).isInstanceOf(IdempotencyKeys.Claim.First.class);
    }

    @Test
    void keysBelongToTheirTokenAndAreForgottenAfter24Hours() {
        keys.complete(first("ci", "k1", "body-a"), CREATED, "req-1");

        assertThat(keys.claim("other", "k1", "body-b")).isInstanceOf(IdempotencyKeys.Claim.First.class);
        clock.advance(Duration.ofHours(23));
        assertThat(keys.claim("ci", "k1", "body-a")).isInstanceOf(IdempotencyKeys.Claim.Replay.class);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(keys.claim("ci", "k1", "body-b")).isInstanceOf(IdempotencyKeys.Claim.First.class);
    }

    @Test
    void aKeyIsOneTo255VisibleAsciiCharacters() {
        assertThat(IdempotencyKeys.valid("550e8400-e29b-41d4-a716-446655440000"))
                .isTrue();
        assertThat(IdempotencyKeys.valid("")).isFalse();
        assertThat(IdempotencyKeys.valid("a b")).isFalse();
        assertThat(IdempotencyKeys.valid("x".repeat(256))).isFalse();
        assertThat(IdempotencyKeys.valid("ключ")).isFalse();
    }
}
