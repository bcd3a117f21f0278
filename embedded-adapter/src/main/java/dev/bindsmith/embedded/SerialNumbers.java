package dev.bindsmith.embedded;

/** SOA serial arithmetic (RFC 1982, SERIAL_BITS = 32). */
final class SerialNumbers {
    private static final long MODULUS = 1L << 32;
    private static final long HALF = 1L << 31;

    private SerialNumbers() {}

    /** The next serial: one more, modulo 2^32; 0 is skipped as named does, since some tools treat it as "unset". */
    static long increment(long serial) {
        long next = (serial + 1) % MODULUS;
        return next == 0 ? 1 : next;
    }

    /** True when {@code a} is greater than {@code b} in serial number arithmetic. */
    static boolean greater(long a, long b) {
        return (a < b && b - a > HALF) || (a > b && a - b < HALF);
    }
}
