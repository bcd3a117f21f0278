/**
 * The outbound ports — what the use cases need from the world — and the values they speak:
 * {@link dev.bindsmith.core.port.ZoneStore} (where zones are kept),
 * {@link dev.bindsmith.core.port.NameServerControl} (zone and server commands),
 * {@link dev.bindsmith.core.port.RecordUpdater} (atomic record change sets) and
 * {@link dev.bindsmith.core.port.RecordReader} (a zone's records). Adapters live in other modules;
 * each passes the port's contract test from {@code test-fixtures}.
 */
package dev.bindsmith.core.port;
