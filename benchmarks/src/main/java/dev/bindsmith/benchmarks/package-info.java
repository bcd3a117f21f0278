/**
 * Benchmarks run as main classes against a throwaway named (never as tests: speed is measured, not
 * asserted). {@link dev.bindsmith.benchmarks.RndcBenchmark} compares the {@code rndc} binary with the
 * native client; {@link dev.bindsmith.benchmarks.RecordUpdateBenchmark} compares {@code nsupdate} with
 * the RFC 2136 updater. {@code Runs} holds what both mains share.
 */
package dev.bindsmith.benchmarks;
