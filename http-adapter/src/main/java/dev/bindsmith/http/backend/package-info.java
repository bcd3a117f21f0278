/**
 * The backend wiring shared by {@code bindsmith serve}, the CLI's direct mode and the HTTP server's
 * own main: {@link dev.bindsmith.http.backend.BackendSettings} (which backend, and why, from the
 * environment and command-line overrides) and {@link dev.bindsmith.http.backend.Backend} (the ports
 * of the chosen backend and the use cases built on them).
 */
package dev.bindsmith.http.backend;
