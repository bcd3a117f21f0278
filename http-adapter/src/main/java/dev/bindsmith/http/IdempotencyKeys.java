package dev.bindsmith.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The answers of requests sent with an {@code Idempotency-Key}, kept for 24 hours per token in bounded
 * Caffeine caches (so one token cannot push out another's), keyed by the key and checked against the
 * request's fingerprint (method, path, query and body):
 * <ul>
 * <li>the first request with a key runs, and its answer is kept;</li>
 * <li>a repeat with the same fingerprint gets that answer again; one that arrives while the first still
 *     runs waits for it;</li>
 * <li>the same key with another fingerprint is a conflict (409);</li>
 * <li>an answer that says nothing about the request's effect — a 5xx, a 429 — is not kept, so a retry
 *     runs again (and a repeat that waited for it then runs itself).</li>
 * </ul>
 */
final class IdempotencyKeys {
    static final Duration KEPT_FOR = Duration.ofHours(24);
    static final int KEYS_PER_TOKEN = 1_000;
    static final int TOKENS = 10_000;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** What was answered: the reply and the id of the request that got it. */
    record Stored(Reply reply, String requestId) {}

    /** One key's request: its fingerprint, and its answer when there is one (empty: not kept). */
    static final class Entry {
        private final String fingerprint;
        private final CompletableFuture<Optional<Stored>> answer = new CompletableFuture<>();

        private Entry(String fingerprint) {
            this.fingerprint = fingerprint;
        }
    }

    /** What a request with a key is to do. */
    sealed interface Claim {
        /** Run, then {@link #complete} or {@link #abandon}. */
        record First(String token, String key, Entry entry) implements Claim {}

        /** Answer what the first request was answered. */
        record Replay(Stored stored) implements Claim {}

        /** The key was used for another request. */
        record Conflict() implements Claim {}
    }

    private final Cache<String, Cache<String, Entry>> byToken;
    private final Ticker ticker;

    IdempotencyKeys(Clock clock) {
        this.ticker = () -> nanos(clock.instant());
        this.byToken = Caffeine.newBuilder()
                .maximumSize(TOKENS)
                .expireAfterAccess(KEPT_FOR)
                .ticker(ticker)
                .build();
    }

    static boolean valid(String key) {
        return KEY.matcher(key).matches();
    }

    Claim claim(String token, String key, String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Cache<String, Entry> keys = byToken.get(
                token,
                t -> Caffeine.newBuilder()
                        .maximumSize(KEYS_PER_TOKEN)
                        .expireAfterWrite(KEPT_FOR)
                        .ticker(ticker)
                        .build());
        while (true) {
            Entry mine = new Entry(fingerprint);
            Entry existing = keys.asMap().putIfAbsent(key, mine);
            if (existing == null) {
                return new Claim.First(token, key, mine);
            }
            if (!existing.fingerprint.equals(fingerprint)) {
                return new Claim.Conflict();
            }
            Optional<Stored> answered = existing.answer.join();
            if (answered.isPresent()) {
                return new Claim.Replay(answered.get());
            }
            // the first one's answer was not kept: this one runs in its place
            keys.asMap().remove(key, existing);
        }
    }

    /** Keeps the first request's answer when it says what the request did; lets a waiting repeat go on. */
    void complete(Claim.First first, Reply reply, String requestId) {
        int status = reply.status();
        if (status >= 500 || status == 429) {
            abandon(first);
        } else {
            first.entry().answer.complete(Optional.of(new Stored(reply, requestId)));
        }
    }

    /** Forgets the key's request (it failed without an answer worth keeping): a repeat runs again. */
    void abandon(Claim.First first) {
        Cache<String, Entry> keys = byToken.getIfPresent(first.token());
        if (keys != null) {
            keys.asMap().remove(first.key(), first.entry());
        }
        first.entry().answer.complete(Optional.empty());
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
