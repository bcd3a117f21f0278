/**
 * Benchmarks run as main classes against a throwaway named (never as tests: speed is measured, not
 * asserted). {@link dev.bindsmith.benchmarks.RndcBenchmark} compares the {@code rndc} binary with the
 * native client.
 */
package dev.bindsmith.benchmarks;
