/**
 * The embedded name server: an authoritative DNS server on dnsjava (UDP and TCP) that implements
 * bindsmith's ports, so that bindsmith is a working DNS management stack when no BIND is configured.
 * The public surface is {@link dev.bindsmith.embedded.EmbeddedNameServer} and the four port
 * implementations it hands out; the query engine, the socket listener, the zone registry
 * (immutable zone versions, per-zone locks) and the data-directory files are package-private.
 */
package dev.bindsmith.embedded;
