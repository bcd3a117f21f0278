/**
 * In-memory implementations of the ports that behave like BIND 9.18, failures included:
 * {@link dev.bindsmith.testing.memory.InMemoryZoneStore} (a zone directory in a map),
 * {@link dev.bindsmith.testing.memory.InMemoryNameServerControl} (named's rndc commands, with its
 * exact texts, and switchable faults: unreachable, refused, slow) and
 * {@link dev.bindsmith.testing.memory.InMemoryRecordStore} (RFC 2136 updates and zone reads over the
 * zones the control serves). Each passes its port's contract test.
 */
package dev.bindsmith.testing.memory;
