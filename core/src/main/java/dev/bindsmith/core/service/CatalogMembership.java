package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.CatalogEdit;
import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.ZoneCatalog;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a zone's create and delete meet the catalog (RFC 9432): a created zone becomes a member in
 * the same step, a deleted one stops being one, and a failure of either leaves neither. The two
 * methods wrap the zone use case's own work, under the zone's lock:
 * <ul>
 * <li>create: the zone is created first and then added to the catalog (consumers never see a
 *     member the primary cannot serve); when the catalog refuses, the zone is removed again;</li>
 * <li>delete: the member is removed first (consumers stop serving what is about to go); when the
 *     delete then fails, the member is put back as it was, group and all.</li>
 * </ul>
 * With no catalog configured both run the work alone, and a {@code catalogGroup} is refused. A
 * catalog zone that does not exist yet (no {@code serve} has reconciled it, a direct-mode command) is
 * created when a zone first joins it.
 */
final class CatalogMembership {
    private final Optional<ZoneCatalog> catalog;

    CatalogMembership(Optional<ZoneCatalog> catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    static CatalogMembership none() {
        return new CatalogMembership(Optional.empty());
    }

    Optional<ZoneCatalog> catalog() {
        return catalog;
    }

    Outcome<ZoneCreated> create(
            ZoneName zone, Optional<String> group, Supplier<Outcome<ZoneCreated>> work, Consumer<ZoneName> undo) {
        if (catalog.isEmpty()) {
            if (group.isPresent()) {
                return Outcome.invalid(
                        List.of(Violation.malformed(
                                "catalogGroup",
                                "catalogGroup is the group of the zone's catalog member, and this server keeps no"
                                        + " catalog zone (BINDSMITH_CATALOG_ZONE is not set)")),
                        Outcome.orderedPairs("zone", zone.value()));
            }
            return work.get();
        }
        ZoneCatalog c = catalog.get();
        if (zone.equals(c.name())) {
            return isTheCatalog(zone);
        }
        Outcome<ZoneCreated> created = work.get();
        if (!(created instanceof Outcome.Created<ZoneCreated>)) {
            return created;
        }
        CatalogMember member = CatalogMember.of(zone, dev.bindsmith.core.catalog.CatalogIds.of(zone), group);
        Outcome<List<CatalogEdit>> added = c.apply(List.of(new CatalogEdit.Add(member)));
        if (added instanceof Outcome.NotFound<List<CatalogEdit>>
                && c.ensureExists() instanceof Outcome.Ok<Boolean>(Boolean catalogCreated)
                && catalogCreated) {
            // the catalog zone did not exist yet (no serve has reconciled it): it is made when first needed
            added = c.apply(List.of(new CatalogEdit.Add(member)));
        }
        if (added instanceof Outcome.Failure<List<CatalogEdit>> failure) {
            undo.accept(zone);
            return catalogFailed(
                    zone,
                    c,
                    failure,
                    "adding zone " + zone + " to the catalog failed, so the zone was removed again (nothing"
                            + " was created)");
        }
        return created;
    }

    Outcome<ControlReply> delete(ZoneName zone, Supplier<Outcome<ControlReply>> work) {
        if (catalog.isEmpty()) {
            return work.get();
        }
        ZoneCatalog c = catalog.get();
        if (zone.equals(c.name())) {
            return isTheCatalog(zone);
        }
        Outcome<Optional<CatalogMember>> found = c.member(zone);
        if (found instanceof Outcome.NotFound<Optional<CatalogMember>>) {
            // no catalog zone at all: the zone is no member of it
            return work.get();
        }
        if (found instanceof Outcome.Failure<Optional<CatalogMember>> failure) {
            return catalogFailed(zone, c, failure, "reading the catalog failed, so zone " + zone + " was not deleted");
        }
        Optional<CatalogMember> member = ((Outcome.Ok<Optional<CatalogMember>>) found).value();
        if (member.isEmpty()) {
            return work.get();
        }
        Outcome<List<CatalogEdit>> removed = c.apply(List.of(new CatalogEdit.Remove(member.get())));
        if (removed instanceof Outcome.Failure<List<CatalogEdit>> failure) {
            return catalogFailed(
                    zone,
                    c,
                    failure,
                    "removing zone " + zone + " from the catalog failed, so the zone was not deleted");
        }
        Outcome<ControlReply> deleted = work.get();
        if (deleted instanceof Outcome.Failure<ControlReply>) {
            List<CatalogEdit> restore = new ArrayList<>();
            restore.add(new CatalogEdit.Add(member.get()));
            member.get()
                    .changeOfOwnership()
                    .ifPresent(to -> restore.add(new CatalogEdit.ChangeOwner(member.get(), to)));
            c.apply(restore);
        }
        return deleted;
    }

    private static <T> Outcome<T> isTheCatalog(ZoneName zone) {
        return new Outcome.Conflict<>(
                ErrorCode.CATALOG_ZONE,
                "Zone is the catalog zone",
                "Zone '" + zone + "' is the catalog zone bindsmith keeps (RFC 9432): it is not created or deleted"
                        + " as a member; stop naming it as the catalog first",
                Outcome.orderedPairs("zone", zone.value()));
    }

    /** A catalog failure as the zone use case's: 500, since the catalog is the server's, not the client's. */
    private static <T> Outcome<T> catalogFailed(ZoneName zone, ZoneCatalog c, Outcome.Failure<?> failure, String what) {
        Map<String, String> context =
                Outcome.orderedPairs("zone", zone.value(), "catalog", c.name().value(), "command", commandOf(failure));
        return switch (failure) {
            case Outcome.BackendFailed<?> b ->
                new Outcome.BackendFailed<>(b.code(), b.error(), b.command(), b.details() + " (" + what + ")", context);
            case Outcome.Unavailable<?> u -> u.as();
            case Outcome.Invalid<?> f -> rejected(f, what, context);
            case Outcome.NotFound<?> f -> rejected(f, what, context);
            case Outcome.Conflict<?> f -> rejected(f, what, context);
            case Outcome.Unprocessable<?> f -> rejected(f, what, context);
        };
    }

    private static <T> Outcome<T> rejected(Outcome.Failure<?> failure, String what, Map<String, String> context) {
        return new Outcome.BackendFailed<>(
                ErrorCode.BACKEND_REJECTED,
                "Catalog update failed",
                "catalog",
                failure.error() + ": " + failure.details() + " (" + what + ")",
                context);
    }

    private static String commandOf(Outcome.Failure<?> failure) {
        return failure instanceof Outcome.BackendFailed<?> b && !b.command().isEmpty() ? b.command() : "catalog";
    }
}
