/**
 * The wiring: the only package that knows every adapter. {@link dev.bindsmith.wiring.BackendSettings}
 * reads the configuration (environment variables, with command-line flags laid over them) into typed
 * settings, {@link dev.bindsmith.wiring.Backend} opens the backend they choose and builds the
 * process's use cases once, and {@link dev.bindsmith.wiring.ApiServer} serves them over HTTP.
 * {@code bindsmith serve}, the CLI's direct mode and the benchmarks start here.
 */
package dev.bindsmith.wiring;
