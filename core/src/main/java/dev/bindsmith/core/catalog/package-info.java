/**
 * Catalog zones (RFC 9432, version 2) as bindsmith produces them: the member ids
 * ({@link dev.bindsmith.core.catalog.CatalogIds}), the mapping between members and the records of the
 * catalog zone ({@link dev.bindsmith.core.catalog.CatalogRecords}), and
 * {@link dev.bindsmith.core.catalog.RecordZoneCatalog}, the {@link dev.bindsmith.core.port.ZoneCatalog}
 * that keeps the catalog as an ordinary zone of the backend, changed through its record ports: RFC
 * 2136 on a BIND primary, the embedded server's own zone on the embedded backend.
 */
package dev.bindsmith.core.catalog;
