/**
 * What both driven adapters need from dnsjava and the file system, written once: the mapping
 * between core records and dnsjava's ({@link dev.bindsmith.dns.record}), named.conf syntax — the
 * lexer and the zone statement that addzone and modzone carry ({@link dev.bindsmith.dns.conf}) — and
 * atomic file writes ({@link dev.bindsmith.dns.file}). Depends on core and dnsjava only; the BIND
 * adapter, the embedded server and the test fixtures' in-memory name server use it.
 */
package dev.bindsmith.dns;
