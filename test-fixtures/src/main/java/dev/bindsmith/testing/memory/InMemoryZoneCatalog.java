package dev.bindsmith.testing.memory;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.CatalogContent;
import dev.bindsmith.core.port.CatalogEdit;
import dev.bindsmith.core.port.CatalogMember;
import dev.bindsmith.core.port.ZoneCatalog;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ZoneCatalog} in memory: catalogs by name (one registry for a catalog and the ones
 * {@link #named} gives), each a serial and members by id, with the port's semantics (apply is all or
 * nothing and moves the serial once). Faults a test can switch on: {@link #refuse} (every apply fails
 * with {@code BACKEND_REJECTED}, as named refusing the update), {@link #unreachable}; every call is
 * logged in {@link #calls()}. Thread-safe.
 */
public final class InMemoryZoneCatalog implements ZoneCatalog {
    private final ZoneName name;
    private final Registry registry;

    /** A catalog named {@code name} that does not exist yet ({@link #ensureExists} creates it). */
    public InMemoryZoneCatalog(ZoneName name) {
        this(name, new Registry());
    }

    private InMemoryZoneCatalog(ZoneName name, Registry registry) {
        this.name = name;
        this.registry = registry;
    }

    private static final class Registry {
        final Map<ZoneName, Catalog> catalogs = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        boolean refuse;
        boolean unreachable;
    }

    private static final class Catalog {
        long serial = 1;
        final LinkedHashMap<String, CatalogMember> members = new LinkedHashMap<>();
    }

    @Override
    public ZoneName name() {
        return name;
    }

    @Override
    public ZoneCatalog named(ZoneName other) {
        return new InMemoryZoneCatalog(other, registry);
    }

    @Override
    public Outcome<Boolean> ensureExists() {
        synchronized (registry) {
            registry.calls.add("ensure " + name);
            if (registry.unreachable) {
                return Outcome.backendUnreachable("addzone", "connection refused");
            }
            return new Outcome.Ok<>(registry.catalogs.putIfAbsent(name, new Catalog()) == null);
        }
    }

    @Override
    public Outcome<CatalogContent> read() {
        synchronized (registry) {
            registry.calls.add("read " + name);
            return withCatalog(c -> new Outcome.Ok<>(content(c)));
        }
    }

    @Override
    public Outcome<Optional<CatalogMember>> member(ZoneName zone) {
        synchronized (registry) {
            registry.calls.add("member " + name + " " + zone);
            return withCatalog(c -> new Outcome.Ok<>(
                    Optional.ofNullable(c.members.get(dev.bindsmith.core.catalog.CatalogIds.of(zone)))));
        }
    }

    @Override
    public Outcome<List<CatalogEdit>> apply(List<CatalogEdit> edits) {
        List<CatalogEdit> copy = List.copyOf(edits);
        synchronized (registry) {
            registry.calls.add("apply " + name + " " + copy.size());
            if (copy.isEmpty()) {
                return new Outcome.Ok<>(copy);
            }
            if (registry.refuse) {
                return Outcome.backendRejected("update", "DNS update failed: named answered REFUSED");
            }
            return withCatalog(c -> {
                for (CatalogEdit edit : copy) {
                    CatalogMember m = edit.member();
                    switch (edit) {
                        case CatalogEdit.Add add -> {
                            CatalogMember had = c.members.get(m.id());
                            c.members.put(
                                    m.id(),
                                    new CatalogMember(
                                            m.zone(),
                                            m.id(),
                                            m.group(),
                                            had == null ? Optional.empty() : had.changeOfOwnership()));
                        }
                        case CatalogEdit.Remove remove -> c.members.remove(m.id());
                        case CatalogEdit.ChangeOwner move -> {
                            CatalogMember had = c.members.get(m.id());
                            if (had != null) {
                                c.members.put(
                                        m.id(),
                                        new CatalogMember(had.zone(), had.id(), had.group(), Optional.of(move.to())));
                            }
                        }
                    }
                }
                c.serial++;
                return new Outcome.Ok<>(copy);
            });
        }
    }

    // ---- for tests ----

    /** While on, every apply fails with {@code BACKEND_REJECTED}. */
    public InMemoryZoneCatalog refuse(boolean on) {
        synchronized (registry) {
            registry.refuse = on;
        }
        return this;
    }

    /** While on, every call fails with {@code BACKEND_UNREACHABLE}. */
    public InMemoryZoneCatalog unreachable(boolean on) {
        synchronized (registry) {
            registry.unreachable = on;
        }
        return this;
    }

    /** The zones listed now, in catalog order; empty when the catalog does not exist. */
    public List<ZoneName> memberZones() {
        synchronized (registry) {
            Catalog c = registry.catalogs.get(name);
            return c == null
                    ? List.of()
                    : content(c).members().stream().map(CatalogMember::zone).toList();
        }
    }

    /** Every call so far ({@code apply catalog.test 1}, {@code member catalog.test example.com} …). */
    public List<String> calls() {
        synchronized (registry) {
            return List.copyOf(registry.calls);
        }
    }

    private <T> Outcome<T> withCatalog(java.util.function.Function<Catalog, Outcome<T>> body) {
        if (registry.unreachable) {
            return Outcome.backendUnreachable("catalog", "connection refused");
        }
        Catalog c = registry.catalogs.get(name);
        if (c == null) {
            return Outcome.zoneNotFound(name.value());
        }
        return body.apply(c);
    }

    private CatalogContent content(Catalog c) {
        return new CatalogContent(name, c.serial, new ArrayList<>(c.members.values()));
    }
}
