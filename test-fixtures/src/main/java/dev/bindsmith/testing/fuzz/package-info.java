/**
 * Fuzzing of the decoders that read bytes from the network or the disk. A target is a class with
 * Jazzer's entry point, {@code public static void fuzzerTestOneInput(byte[] input)}: it decodes the
 * input and lets only a crash escape (the decoder's documented refusals are caught inside). Its seed
 * corpus lies on the test class path under {@code fuzz/<TargetSimpleName>/}, real inputs and every
 * crash found so far.
 *
 * <ul>
 * <li>{@link dev.bindsmith.testing.fuzz.MutationFuzzer}: the normal build's smoke run, seconds per
 *     target: the corpus, then seeded mutations of it, each input under a time and an allocation
 *     bound.</li>
 * <li>{@link dev.bindsmith.testing.fuzz.JazzerRun}: the {@code -Pfuzz} profile's main class, which
 *     runs the coverage-guided fuzzer Jazzer on each target in a fresh JVM for a million inputs or
 *     more, with a per-input time-out and a bounded heap.</li>
 * </ul>
 */
package dev.bindsmith.testing.fuzz;
