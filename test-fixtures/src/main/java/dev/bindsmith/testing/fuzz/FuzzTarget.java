package dev.bindsmith.testing.fuzz;

/**
 * One decoder under fuzzing: {@code input} is decoded the way the product decodes bytes from the
 * network or the disk. It returns normally for every input the decoder accepts or refuses as
 * documented; anything it throws is a crash. A target class exposes the same code as Jazzer's
 * {@code public static void fuzzerTestOneInput(byte[])}, so that the smoke run and the coverage-guided
 * run fuzz the same thing.
 */
@FunctionalInterface
public interface FuzzTarget {
    void accept(byte[] input) throws Exception;
}
