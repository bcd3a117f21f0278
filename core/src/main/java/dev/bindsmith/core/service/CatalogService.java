package dev.bindsmith.core.service;

import dev.bindsmith.core.catalog.CatalogIds;
import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.CatalogContent;
import dev.bindsmith.core.port.CatalogEdit;
import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.ZoneCatalog;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.ZoneName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalog use cases: list the catalog's members a page at a time, and reconcile the catalog
 * with the zones bindsmith manages (the zone store's list): a managed zone the catalog does not list
 * is added, a member whose zone is not managed is removed, and — when the zones are moving here from
 * another catalog — the old catalog gets a {@code coo} property pointing here for each of them (RFC
 * 9432 §5.6), so that consumers move them without dropping their data.
 */
public final class CatalogService {
    /** Edits per change set while reconciling: one RFC 2136 message stays well under 64 KiB. */
    static final int BATCH = 250;

    private final Optional<ZoneCatalog> catalog;
    private final Optional<ZoneName> moveFrom;
    private final ZoneStore store;
    private final ZoneLocks locks;

    CatalogService(Optional<ZoneCatalog> catalog, Optional<ZoneName> moveFrom, ZoneStore store, ZoneLocks locks) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.moveFrom = Objects.requireNonNull(moveFrom, "moveFrom");
        this.store = Objects.requireNonNull(store, "store");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    /** The catalog zone's name, when this server keeps one. */
    public Optional<ZoneName> name() {
        return catalog.map(ZoneCatalog::name);
    }

    /** One page of members, sorted by zone name. */
    public Outcome<CatalogPage> list(CatalogQuery query) {
        Objects.requireNonNull(query, "query");
        List<Violation> violations = new ArrayList<>();
        int limit = query.limit().orElse(RecordService.DEFAULT_LIMIT);
        if (limit < 1 || limit > RecordService.MAX_LIMIT) {
            violations.add(Violation.malformed("limit", "limit must be between 1 and " + RecordService.MAX_LIMIT));
        }
        Optional<String> after = Optional.empty();
        if (query.cursor().isPresent()) {
            after = decode(query.cursor().get());
            if (after.isEmpty()) {
                violations.add(Violation.malformed("cursor", "The cursor is not one this server issued"));
            }
        }
        if (!violations.isEmpty()) {
            return Outcome.invalid(violations);
        }
        if (catalog.isEmpty()) {
            return notConfigured();
        }
        Optional<String> afterKey = after;
        return catalog.get().read().map(content -> page(content, afterKey, limit));
    }

    private static CatalogPage page(CatalogContent content, Optional<String> after, int limit) {
        List<CatalogMember> rest = content.members().stream()
                .filter(m -> after.map(k -> key(m).compareTo(k) > 0).orElse(true))
                .toList();
        if (rest.size() <= limit) {
            return new CatalogPage(
                    content.catalog(), content.serial(), content.members().size(), rest, Optional.empty());
        }
        List<CatalogMember> page = rest.subList(0, limit);
        return new CatalogPage(
                content.catalog(),
                content.serial(),
                content.members().size(),
                page,
                Optional.of(encode(key(page.get(limit - 1)))));
    }

    /**
     * Makes the catalog agree with the managed zones, creating the catalog zone when it is missing.
     * No zone is created or deleted meanwhile (every zone lock is held), so what it compares is what
     * it changes.
     */
    public Outcome<CatalogReconciliation> reconcile() {
        if (catalog.isEmpty()) {
            return notConfigured();
        }
        ZoneCatalog c = catalog.get();
        return locks.withAll(() -> reconcileLocked(c));
    }

    private Outcome<CatalogReconciliation> reconcileLocked(ZoneCatalog c) {
        Outcome<Boolean> ensured = c.ensureExists();
        if (ensured instanceof Outcome.Failure<Boolean> failure) {
            return failure.as();
        }
        boolean created = ((Outcome.Ok<Boolean>) ensured).value();
        Outcome<CatalogContent> read = c.read();
        if (read instanceof Outcome.Failure<CatalogContent> failure) {
            return failure.as();
        }
        CatalogContent before = ((Outcome.Ok<CatalogContent>) read).value();

        Set<ZoneName> managed = new TreeSet<>();
        for (StoredZone z : store.list()) {
            if (!z.name().equals(c.name()) && !moveFrom.map(z.name()::equals).orElse(false)) {
                managed.add(z.name());
            }
        }
        Map<ZoneName, List<CatalogMember>> listed = new HashMap<>();
        before.members()
                .forEach(m ->
                        listed.computeIfAbsent(m.zone(), k -> new ArrayList<>()).add(m));

        // the old catalog: members that move here keep their group and get a coo pointing here
        Map<ZoneName, CatalogMember> moving = new HashMap<>();
        List<CatalogEdit> oldEdits = new ArrayList<>();
        Optional<ZoneCatalog> old = moveFrom.filter(m -> !m.equals(c.name())).map(c::named);
        if (old.isPresent()) {
            Outcome<CatalogContent> oldRead = old.get().read();
            if (oldRead instanceof Outcome.Ok<CatalogContent>(CatalogContent oldContent)) {
                for (CatalogMember m : oldContent.members()) {
                    if (managed.contains(m.zone()) && !listed.containsKey(m.zone())) {
                        moving.put(m.zone(), m);
                        if (!m.changeOfOwnership().equals(Optional.of(c.name()))) {
                            oldEdits.add(new CatalogEdit.ChangeOwner(m, c.name()));
                        }
                    }
                }
            } else if (!(oldRead instanceof Outcome.NotFound<CatalogContent>)) {
                return ((Outcome.Failure<CatalogContent>) oldRead).as();
            }
        }

        List<CatalogEdit> edits = new ArrayList<>();
        List<ZoneName> added = new ArrayList<>();
        List<ZoneName> moved = new ArrayList<>();
        for (ZoneName zone : managed) {
            if (listed.containsKey(zone)) {
                continue;
            }
            CatalogMember from = moving.get(zone);
            Optional<String> group = from == null ? Optional.empty() : from.group();
            edits.add(new CatalogEdit.Add(CatalogMember.of(zone, CatalogIds.of(zone), group)));
            (from == null ? added : moved).add(zone);
        }
        List<ZoneName> removed = new ArrayList<>();
        Set<ZoneName> removedSet = new LinkedHashSet<>();
        for (CatalogMember m : before.members()) {
            if (!managed.contains(m.zone())) {
                edits.add(new CatalogEdit.Remove(m));
                removedSet.add(m.zone());
            } else if (listed.get(m.zone()).size() > 1 && !m.id().equals(CatalogIds.of(m.zone()))) {
                // listed twice: the member under bindsmith's own id stays, another goes
                boolean ownIdListed =
                        listed.get(m.zone()).stream().anyMatch(o -> o.id().equals(CatalogIds.of(m.zone())));
                if (ownIdListed) {
                    edits.add(new CatalogEdit.Remove(m));
                }
            }
        }
        removed.addAll(removedSet);

        // coo first: a consumer that sees the member in this catalog must already see where it came from
        for (List<CatalogEdit> batch : batches(oldEdits)) {
            Outcome<List<CatalogEdit>> applied = old.orElseThrow().apply(batch);
            if (applied instanceof Outcome.Failure<List<CatalogEdit>> failure) {
                return failure.as();
            }
        }
        for (List<CatalogEdit> batch : batches(edits)) {
            Outcome<List<CatalogEdit>> applied = c.apply(batch);
            if (applied instanceof Outcome.Failure<List<CatalogEdit>> failure) {
                return failure.as();
            }
        }
        long serialAfter = before.serial();
        if (!edits.isEmpty()) {
            Outcome<CatalogContent> after = c.read();
            if (after instanceof Outcome.Ok<CatalogContent>(CatalogContent content)) {
                serialAfter = content.serial();
            }
        }
        return new Outcome.Ok<>(new CatalogReconciliation(
                c.name(),
                created,
                before.serial(),
                serialAfter,
                added,
                removed,
                moved,
                moved.isEmpty() ? Optional.empty() : moveFrom));
    }

    private static List<List<CatalogEdit>> batches(List<CatalogEdit> edits) {
        List<List<CatalogEdit>> out = new ArrayList<>();
        for (int i = 0; i < edits.size(); i += BATCH) {
            out.add(edits.subList(i, Math.min(edits.size(), i + BATCH)));
        }
        return out;
    }

    static <T> Outcome<T> notConfigured() {
        return new Outcome.NotFound<>(
                ErrorCode.CATALOG_NOT_CONFIGURED,
                "No catalog zone",
                "This server keeps no catalog zone: start it with BINDSMITH_CATALOG_ZONE (--catalog-zone) set",
                Map.of());
    }

    private static String key(CatalogMember m) {
        return m.zone().value() + "\u0000" + m.id();
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int nul = key.indexOf('\u0000');
            return nul > 0 && ZoneName.parse(key.substring(0, nul)).isPresent() ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
