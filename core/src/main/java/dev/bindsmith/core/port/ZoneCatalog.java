package dev.bindsmith.core.port;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.ZoneName;
import java.util.List;

/**
 * A producer's catalog zone (RFC 9432, version 2): an ordinary zone on the primary that lists the
 * zones secondaries should serve, one PTR per member under {@code zones.<catalog>}. Every change
 * moves the catalog's SOA serial, so consumers transfer it and provision or drop members.
 * <ul>
 * <li>{@link #read} of a catalog zone that does not exist is {@code NotFound} ({@code ZONE_NOT_FOUND});</li>
 * <li>{@link #apply} changes every member it names or none;</li>
 * <li>a name server that cannot be reached, or refuses, is {@code BackendFailed}.</li>
 * </ul>
 */
public interface ZoneCatalog {

    /** The catalog zone's name ({@code catalog.bindsmith.invalid}). */
    ZoneName name();

    /** Creates the catalog zone when it does not exist: Ok with {@code true} when it was created now. */
    Outcome<Boolean> ensureExists();

    /** The catalog's serial and members. */
    Outcome<CatalogContent> read();

    /**
     * The member kept under {@code zone}'s own id (RFC 9432 ids are bindsmith's {@code CatalogIds}),
     * read without reading the whole catalog; empty when the catalog lists it under no such id.
     */
    Outcome<java.util.Optional<CatalogMember>> member(ZoneName zone);

    /** Applies {@code edits} as one atomic change of the catalog (the serial moves once); Ok with the edits. */
    Outcome<List<CatalogEdit>> apply(List<CatalogEdit> edits);

    /** A catalog of another name on the same backend (the catalog zones are moving from, for {@code coo}). */
    ZoneCatalog named(ZoneName other);
}
