package dev.bindsmith.core.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Rules for the numbers of a zone: TTLs, the SOA serial and timers. A number out of range is
 * well-formed but semantically wrong (422); the messages of TTL and serial are the reference's.
 */
public final class NumberRules {
    /** RFC 2181 §8: a TTL is an unsigned 31-bit number. */
    public static final long MAX_TTL = 2147483647L;
    /** RFC 1982 serial arithmetic on 32 bits; 0 is refused as the reference does. */
    public static final long MAX_SERIAL = 4294967295L;

    public static final String TTL_MESSAGE = "TTL must be between 0 and " + MAX_TTL;
    public static final String SERIAL_MESSAGE = "SOA serial must be positive integer";

    private NumberRules() {}

    public static Parsed<Long> ttl(long ttl) {
        return ttl < 0 || ttl > MAX_TTL ? Parsed.semantic(TTL_MESSAGE) : Parsed.of(ttl);
    }

    public static Parsed<Long> serial(long serial) {
        return serial < 1 || serial > MAX_SERIAL
                ? Parsed.semantic(SERIAL_MESSAGE + " (1 to " + MAX_SERIAL + ")")
                : Parsed.of(serial);
    }

    /** An SOA timer ({@code refresh}, {@code retry}, {@code expire}, {@code negativeTtl}) in seconds. */
    public static Parsed<Long> soaTimer(String name, long seconds) {
        return seconds < 0 || seconds > MAX_TTL
                ? Parsed.semantic("SOA " + name + " must be between 0 and " + MAX_TTL + " seconds")
                : Parsed.of(seconds);
    }

    /**
     * Why the timers do not fit together, or empty. Only what is clearly wrong is refused: a zone that
     * expires on its secondaries before they first retry a failed refresh (expire below refresh or
     * retry). A retry longer than refresh is unusual but harmless, so it passes.
     */
    public static Optional<String> soaTimersProblem(long refresh, long retry, long expire) {
        if (expire < refresh) {
            return Optional.of("SOA expire (" + expire + " s) is shorter than refresh (" + refresh + " s):"
                    + " secondaries would drop the zone before they refresh it; make expire much larger"
                    + " (RFC 1912 suggests 2 to 4 weeks, 1209600 to 2419200)");
        }
        if (expire < retry) {
            return Optional.of("SOA expire (" + expire + " s) is shorter than retry (" + retry + " s):"
                    + " secondaries would drop the zone before they retry a failed refresh; make expire larger");
        }
        return Optional.empty();
    }

    /** The default serial: today's date in UTC as {@code YYYYMMDD01}, by {@code clock}. */
    public static long defaultSerial(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return (today.getYear() * 10000L + today.getMonthValue() * 100L + today.getDayOfMonth()) * 100L + 1;
    }

    /** An unsigned number field of record data ({@code preference}, {@code port}…) between 0 and {@code max}. */
    static Parsed<Integer> unsigned(String what, String token, int max) {
        if (token.isEmpty() || token.length() > 10 || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Parsed.malformed(
                    what + " must be a number between 0 and " + max + " (got " + TextRules.show(token) + ")");
        }
        long v = Long.parseLong(token);
        if (v > max) {
            return Parsed.semantic(what + " must be between 0 and " + max + ", was " + v);
        }
        return Parsed.of((int) v);
    }
}
