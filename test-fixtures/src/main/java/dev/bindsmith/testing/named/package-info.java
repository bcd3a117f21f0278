/**
 * A real named for integration tests: {@link dev.bindsmith.testing.named.NamedLauncher} starts a
 * throwaway BIND 9 on free loopback ports with generated keys and returns a
 * {@link dev.bindsmith.testing.named.RunningNamed} (ports, keys, zone directory, log; closing it
 * stops named and deletes its files). {@link dev.bindsmith.testing.named.NamedAvailability} skips a
 * test when named is missing, or fails it when {@code bindsmith.requireNamed=true}.
 */
package dev.bindsmith.testing.named;
