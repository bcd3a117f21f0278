package dev.bindsmith.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A point in time as a person types it: an ISO-8601 instant, or a span from now ({@code 30d}, {@code 12h}, {@code 90m}, {@code 2w}). */
final class Durations {
    private static final Pattern SPAN = Pattern.compile("(\\d{1,6})([smhdw])");

    private Durations() {}

    /** {@code 30d} as a duration; empty when it is not a span. */
    static Optional<Duration> span(String text) {
        Matcher m = SPAN.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(
                switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(7 * n);
                });
    }

    /** An instant, or a span counted {@code forward} (an expiry) or back (a {@code --since}) from now. */
    static Optional<Instant> instant(String text, Clock clock, boolean forward) {
        Optional<Duration> span = span(text);
        if (span.isPresent()) {
            Instant now = clock.instant();
            return Optional.of(forward ? now.plus(span.get()) : now.minus(span.get()));
        }
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
