/** The HTTP server on Helidon SE: routes, JSON mapping, Outcome to HTTP, auth, rate limiting, health, metrics. */
package dev.bindsmith.http;
