/**
 * The zone model: validated names ({@link dev.bindsmith.core.zone.ZoneName},
 * {@link dev.bindsmith.core.zone.DomainName}), a zone as created
 * ({@link dev.bindsmith.core.zone.ZoneSpec}), records with typed data
 * ({@link dev.bindsmith.core.zone.Record}, {@link dev.bindsmith.core.zone.RData}), zone-statement
 * options, and the master-file writer that renders a zone for named.
 */
package dev.bindsmith.core.zone;
