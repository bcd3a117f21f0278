/**
 * Asking name servers what they serve: {@link dev.bindsmith.dns.probe.DnsSoaProbe}, the
 * {@link dev.bindsmith.core.port.SoaProbe} over plain DNS that propagation checks use.
 */
package dev.bindsmith.dns.probe;
