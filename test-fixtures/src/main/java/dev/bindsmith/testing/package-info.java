/**
 * Test support for bindsmith and for code that embeds it: {@link dev.bindsmith.testing.TestClocks}
 * here, in-memory port implementations in {@code .memory}, one abstract contract test per port in
 * {@code .contract}, and request and zone builders in {@code .builders}. Never a production dependency.
 */
package dev.bindsmith.testing;
