/**
 * Core records ({@link dev.bindsmith.core.zone.Record}) to dnsjava records and back:
 * {@link dev.bindsmith.dns.record.DnsRecords}. Used by the BIND adapter's RFC 2136 updater and AXFR
 * reader and by the embedded server's updater, loader and record reader.
 */
package dev.bindsmith.dns.record;
