/**
 * RFC 2136 dynamic update and zone transfer, signed with TSIG, on dnsjava messages over TCP — no
 * {@code nsupdate} process: {@link dev.bindsmith.rndc.update.Rfc2136RecordUpdater} (a change set as one
 * UPDATE message), {@link dev.bindsmith.rndc.update.AxfrRecordReader} (a zone's records by AXFR, one
 * name's by a query), their settings ({@link dev.bindsmith.rndc.update.UpdateSettings},
 * {@link dev.bindsmith.dns.tsig.TsigKey}). Every reply's signature is verified before it is believed.
 */
package dev.bindsmith.rndc.update;
