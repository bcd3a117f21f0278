package dev.bindsmith.embedded;

import static dev.bindsmith.embedded.ZoneEngine.notFound;
import static dev.bindsmith.embedded.ZoneEngine.rejected;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.ZoneConfig;
import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneOptions;
import dev.bindsmith.core.zone.ZoneType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * rndc's zone commands carried out on the embedded server's zones: addzone, delzone, modzone,
 * reload, refresh, retransfer, freeze, thaw, sync, notify and a server-wide reload, with named's
 * successes and failures (reference/rndc-protocol.md §8.2). A zone added here is recorded in the data
 * directory, so it is loaded again at the next start ({@link #loadAll}).
 */
final class ZoneCommands {
    private static final Logger LOG = Logger.getLogger(ZoneCommands.class.getName());

    private final ZoneEngine engine;
    private final ZoneRegistry registry;
    private final ZoneFiles files;
    private final SecondaryRefresh secondaries;
    private final NotifySender notifier;

    ZoneCommands(ZoneEngine engine, SecondaryRefresh secondaries, NotifySender notifier) {
        this.engine = engine;
        this.registry = engine.registry;
        this.files = engine.files;
        this.secondaries = secondaries;
        this.notifier = notifier;
    }

    /**
     * Loads every zone whose statement says it is served, and records every statement in the index
     * (a zone whose statement says it is not served is an unfinished create or delete). A zone that
     * fails to load is logged and left out, as named does. The statements are read a few at a time
     * (one per processor). Returns the listing of the directory it loaded from, which the start uses
     * again for the master files no statement explains.
     *
     * @param later true to read nothing but the directory's listing: each zone with a statement is held
     *     in the index as unread and in the registry as loading, and its statement and master file are
     *     read after the start ({@link #loadInBackground}) or first by whoever needs the zone. Reading
     *     100 000 statements, then parsing as many master files, was most of a large server's start
     */
    ZoneFiles.Listing loadAll(boolean later) throws IOException {
        ZoneFiles.Listing listing = files.list();
        List<ZoneName> zones = listing.statements();
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), zones.size()));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().name("bindsmith-load-" + w).start(() -> {
                for (int i = next.getAndIncrement(); i < zones.size(); i = next.getAndIncrement()) {
                    loadOne(zones.get(i), listing, later);
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while loading the zones");
            }
        }
        if (later) {
            engine.index.heldUnread();
        }
        return listing;
    }

    /**
     * Reads the statements {@link #loadAll} left unread, then loads the zones it held as loading, a few at
     * a time (one thread fewer than the processors, leaving one to the server's start), on daemon
     * threads, and returns at once. The statements come first: they complete the index, which a
     * listing of every zone reads whole. A query or a command that reaches a zone first loads it
     * itself ({@link ZoneRegistry}), a look-up in the store reads its statement itself
     * ({@link ZoneIndex}). Stops when the server closes.
     */
    void loadInBackground() {
        List<ZoneIndex.Unread> unread = engine.index.stillUnread();
        List<ZoneRegistry.Loading> loading = registry.stillLoading();
        if (unread.isEmpty() && loading.isEmpty()) {
            return;
        }
        int workers = Math.max(
                1, Math.min(Runtime.getRuntime().availableProcessors() - 1, Math.max(unread.size(), loading.size())));
        java.util.concurrent.atomic.AtomicInteger nextStatement = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger reading = new java.util.concurrent.atomic.AtomicInteger(workers);
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger(workers);
        long started = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            Thread.ofPlatform().name("bindsmith-load-" + w).daemon(true).start(() -> {
                for (int i = nextStatement.getAndIncrement(); i < unread.size(); i = nextStatement.getAndIncrement()) {
                    if (engine.isClosed()) {
                        return;
                    }
                    engine.index.read(unread.get(i));
                }
                if (reading.decrementAndGet() == 0) {
                    LOG.info(() -> unread.size() + " zone statements read in the background in "
                            + (System.nanoTime() - started) / 1_000_000 + " ms");
                }
                for (int i = next.getAndIncrement(); i < loading.size(); i = next.getAndIncrement()) {
                    if (engine.isClosed()) {
                        return;
                    }
                    loading.get(i).load();
                }
                if (running.decrementAndGet() == 0) {
                    LOG.info(() -> loading.size() + " zones loaded in the background in "
                            + (System.nanoTime() - started) / 1_000_000 + " ms; " + registry.size() + " served");
                }
            });
        }
    }

    private void loadOne(ZoneName zone, ZoneFiles.Listing listing, boolean later) {
        if (later) {
            // the start: nothing is indexed or served yet. The statement is not read now: the index holds
            // the zone as unread and the registry as loading, and whoever needs the zone first (the
            // background loader, a query, a command, a listing) reads its statement, then its master file
            ZoneIndex.Unread unread = engine.index.holdUnread(zone, this::readStatement);
            registry.loading(zone, () -> loadListed(unread, listing.journals()), secondaries::refresh);
            return;
        }
        registry.locked(zone, () -> {
            // Read under the zone's lock, so that a concurrent delzone is never undone.
            ZoneIndex.Read read = readStatement(zone);
            if (read.statement().isEmpty()) {
                read.entry().ifPresent(e -> engine.index.put(zone, e));
                return null;
            }
            ZoneConfig config = read.statement().get().config();
            java.nio.file.Path file = engine.fileOf(zone, config);
            boolean served = read.statement().get().served();
            if (registry.get(zone).isEmpty() || engine.index.get(zone).isEmpty()) {
                engine.index.served(zone, config.type(), file.toString(), served, files);
            }
            if (!served || registry.get(zone).isPresent()) {
                return null;
            }
            read(zone, config, journalMayExist(file, listing.journals())).ifPresent(state -> {
                registry.put(state);
                secondaries.refresh(state);
            });
            return null;
        });
    }

    /**
     * A zone's statement as the index holds it: an unreadable one is logged and held as a zone not
     * served (the reconcile reports it), one that is gone is nothing.
     */
    private ZoneIndex.Read readStatement(ZoneName zone) {
        try {
            return files.readStatement(zone)
                    .map(s -> new ZoneIndex.Read(
                            Optional.of(s),
                            Optional.of(ZoneIndex.entry(
                                    zone,
                                    s.config().type(),
                                    engine.fileOf(zone, s.config()).toString(),
                                    s.served(),
                                    files))))
                    .orElseGet(() -> new ZoneIndex.Read(Optional.empty(), Optional.empty()));
        } catch (IOException e) {
            LOG.warning(() -> "zone " + zone + " not loaded: its statement is unreadable");
            return new ZoneIndex.Read(
                    Optional.empty(), Optional.of(new ZoneIndex.Entry(ZoneType.PRIMARY, null, false, false)));
        }
    }

    /**
     * The load of a zone the start listed: its statement read (once, shared with the index), then, when
     * the zone is served, its master file. Empty when the zone is not served or does not load.
     */
    private Optional<ZoneState> loadListed(ZoneIndex.Unread unread, java.util.Set<String> journals) {
        ZoneIndex.Read read = engine.index.read(unread);
        if (read.statement().isEmpty() || !read.statement().get().served()) {
            return Optional.empty();
        }
        ZoneConfig config = read.statement().get().config();
        return read(unread.zone(), config, journalMayExist(engine.fileOf(unread.zone(), config), journals));
    }

    /**
     * Only the server writes a journal, for a zone it serves: one this zone does not have yet cannot
     * appear between the listing and its load. A file elsewhere the listing did not see.
     */
    private boolean journalMayExist(java.nio.file.Path file, java.util.Set<String> journals) {
        return !file.getParent().equals(files.dir()) || journals.contains(file.getFileName() + JournalFiles.SUFFIX);
    }

    /** The zone read from its file; empty, and logged, when it does not load. */
    private Optional<ZoneState> read(ZoneName zone, ZoneConfig config, boolean journalMayExist) {
        Outcome<ZoneState> loaded = engine.load(zone, config, "load", journalMayExist);
        if (loaded instanceof Outcome.Ok<ZoneState> ok) {
            return Optional.of(ok.value());
        }
        if (loaded instanceof Outcome.Failure<ZoneState> failure) {
            LOG.warning(() -> "zone " + zone + " not loaded: " + failure.details());
        }
        return Optional.empty();
    }

    Outcome<ControlReply> addZone(ZoneName zone, ZoneConfig config) {
        return engine.changing(zone, () -> {
            if (registry.get(zone).isPresent()) {
                return Outcome.zoneExists(zone.value(), "already exists");
            }
            if (config.type() == ZoneType.SECONDARY
                    && config.options().primaries().isEmpty()) {
                return rejected("addzone", "failure", "");
            }
            return engine.load(zone, config, "addzone").flatMap(state -> {
                try {
                    files.writeStatement(new ZoneFiles.Statement(zone, state.config(), true));
                } catch (IOException e) {
                    return Outcome.zoneFileWriteFailed(zone.value(), "could not record the zone statement");
                }
                registry.put(state);
                engine.index.served(
                        zone, state.type(), engine.fileOf(zone, state.config()).toString(), true, files);
                secondaries.refresh(state);
                notifier.send(state);
                return new Outcome.Ok<>(new ControlReply("addzone", ""));
            });
        });
    }

    Outcome<ControlReply> deleteZone(ZoneName zone) {
        return engine.changing(zone, () -> {
            Optional<ZoneState> state = registry.get(zone);
            if (state.isEmpty()) {
                return notFound(zone);
            }
            registry.remove(zone);
            try {
                if (files.readStatement(zone).isPresent()) {
                    files.writeStatement(
                            new ZoneFiles.Statement(zone, state.get().config(), false));
                    engine.index.served(
                            zone,
                            state.get().type(),
                            engine.fileOf(zone, state.get().config()).toString(),
                            false,
                            files);
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not mark zone " + zone + " as no longer served", e);
            }
            String text = state.get().type() == ZoneType.SECONDARY ? "zone '" + zone + "' will be deleted." : "";
            return new Outcome.Ok<>(new ControlReply("delzone", text));
        });
    }

    Outcome<ControlReply> modifyZone(ZoneName zone, ZonePatch patch) {
        return engine.changeZone(zone, state -> {
            ZoneOptions o = state.config().options();
            List<AddressMatch> allowUpdate = patch.allowUpdate()
                    .map(addresses -> {
                        // Address elements are replaced; key elements stay, so TSIG-signed updates keep working.
                        List<AddressMatch> merged = new ArrayList<>(o.allowUpdate().stream()
                                .filter(m -> m instanceof AddressMatch.Key)
                                .toList());
                        addresses.stream().filter(m -> !merged.contains(m)).forEach(merged::add);
                        return List.copyOf(merged);
                    })
                    .orElse(o.allowUpdate());
            ZoneOptions updated = new ZoneOptions(
                    o.primaries(),
                    patch.alsoNotify().orElse(o.alsoNotify()),
                    patch.allowTransfer().orElse(o.allowTransfer()),
                    allowUpdate,
                    o.dnssecPolicy(),
                    o.inlineSigning());
            ZoneConfig config = new ZoneConfig(state.type(), state.config().file(), updated, "");
            try {
                files.writeStatement(new ZoneFiles.Statement(zone, config, true));
            } catch (IOException e) {
                return Outcome.zoneFileWriteFailed(zone.value(), "could not record the zone statement");
            }
            registry.put(state.withConfig(config));
            return new Outcome.Ok<>(new ControlReply("modzone", "zone '" + zone + "' reconfigured."));
        });
    }

    Outcome<ControlReply> reload(ZoneName zone) {
        return engine.changeZone(zone, state -> {
            if (state.type() == ZoneType.SECONDARY) {
                secondaries.refresh(state);
                return new Outcome.Ok<>(new ControlReply("reload", "zone refresh queued"));
            }
            if (state.dynamic() && !state.frozen() && state.content().isPresent()) {
                // as bindsmith reloads a dynamic zone on named (freeze, then thaw): the journal goes into
                // the file first, so the file read again holds every update
                Outcome<ControlReply> written = writeWhole(state, "reload");
                if (written instanceof Outcome.Failure<ControlReply> failed) {
                    return failed;
                }
            }
            // the file, with its journal, holds every change served: re-reading it is always safe
            return reloadFromFile(state, "reload");
        });
    }

    private Outcome<ControlReply> reloadFromFile(ZoneState state, String command) {
        Outcome<ZoneState> loaded = engine.load(state.name(), state.config(), command);
        return loaded.flatMap(fresh -> {
            if (fresh.content().isEmpty()) {
                return rejected(command, "zone not loaded", "");
            }
            boolean same = state.content().isPresent()
                    && state.content()
                            .get()
                            .records()
                            .equals(fresh.content().get().records());
            ZoneState next = new ZoneState(
                    state.name(),
                    state.config(),
                    fresh.content(),
                    state.frozen(),
                    same ? state.loadedAt() : fresh.loadedAt(),
                    // the file was edited by other means: no journal leads to it, so IXFR answers with the whole zone
                    same ? state.journal() : ZoneJournal.EMPTY);
            registry.put(next);
            if (!same) {
                notifier.send(next);
            }
            return new Outcome.Ok<>(new ControlReply(command, same ? "zone reload up-to-date" : "zone reload queued"));
        });
    }

    Outcome<ControlReply> refresh(ZoneName zone) {
        return engine.changeZone(zone, state -> {
            if (state.type() != ZoneType.SECONDARY) {
                return rejected("refresh", "failure", "not a secondary, mirror, or stub zone");
            }
            secondaries.refresh(state);
            return new Outcome.Ok<>(new ControlReply("refresh", "zone refresh queued"));
        });
    }

    Outcome<ControlReply> retransfer(ZoneName zone) {
        return engine.changeZone(zone, state -> {
            if (state.type() != ZoneType.SECONDARY) {
                return rejected(
                        "retransfer",
                        "failure",
                        "retransfer: inappropriate zone type: " + state.type().wireName());
            }
            if (state.config().options().primaries().isEmpty()) {
                return rejected("retransfer", "failure", "zone '" + zone + "' has no primaries");
            }
            // Queued, as named does: the outcome of the transfer shows in zonestatus and in the log.
            secondaries.retransfer(state);
            return new Outcome.Ok<>(new ControlReply("retransfer", ""));
        });
    }

    Outcome<ControlReply> freeze(ZoneName zone) {
        return engine.changeZone(zone, state -> {
            if (!state.dynamic()) {
                return rejected("freeze", "not dynamic", "");
            }
            if (state.frozen()) {
                return rejected(
                        "freeze",
                        "already frozen",
                        "WARNING: The zone was already frozen.\n"
                                + "Someone else may be editing it or it may still be re-loading.");
            }
            // as named's freeze: the journal goes into the file, which may then be edited by hand
            Outcome<ControlReply> written = writeWhole(state, "freeze");
            if (written instanceof Outcome.Failure<ControlReply> failed) {
                return failed;
            }
            registry.put(state.withFrozen(true));
            return new Outcome.Ok<>(new ControlReply("freeze", ""));
        });
    }

    Outcome<ControlReply> thaw(ZoneName zone) {
        return engine.changeZone(zone, state -> {
            if (!state.frozen()) {
                return new Outcome.Ok<>(new ControlReply("thaw", ""));
            }
            // While frozen the file may have been edited by hand: thawing loads it, as named does.
            return reloadFromFile(state.withFrozen(false), "thaw")
                    .map(reply -> new ControlReply("thaw", "The zone reload and thaw was successful."));
        });
    }

    /** Writes the journal's changes into the master file (rndc sync). */
    Outcome<ControlReply> sync(ZoneName zone) {
        return engine.changeZone(zone, state -> writeWhole(state, "sync"));
    }

    /** The zone written whole into its master file and its journal removed, when it has one. */
    private Outcome<ControlReply> writeWhole(ZoneState state, String command) {
        if (state.content().isEmpty()
                || !java.nio.file.Files.exists(JournalFiles.of(engine.fileOf(state.name(), state.config())))) {
            return new Outcome.Ok<>(new ControlReply(command, ""));
        }
        try {
            engine.writeWhole(state.name(), state.config(), state.content().get());
            return new Outcome.Ok<>(new ControlReply(command, ""));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "writing zone " + state.name() + " whole failed", e);
            return Outcome.zoneFileWriteFailed(
                    state.name().value(), "Could not write the zone file of '" + state.name() + "'");
        }
    }

    Outcome<ControlReply> notify(ZoneName zone) {
        return engine.changeZone(zone, state -> {
            if (state.content().isEmpty()) {
                return rejected("notify", "zone not loaded", "");
            }
            notifier.send(state);
            return new Outcome.Ok<>(new ControlReply("notify", "zone notify queued"));
        });
    }

    Outcome<ControlReply> reloadServer() {
        if (engine.isClosed()) {
            return ZoneEngine.shuttingDown();
        }
        List<String> failed = new ArrayList<>();
        for (ZoneState state : registry.all()) {
            if (state.type() == ZoneType.SECONDARY) {
                continue;
            }
            Outcome<ControlReply> r = registry.locked(
                    state.name(),
                    () -> registry.get(state.name())
                            .map(current -> reloadFromFile(current, "reload"))
                            .orElseGet(() -> new Outcome.Ok<>(new ControlReply("reload", ""))));
            if (r instanceof Outcome.Failure<ControlReply> f && !"zone not loaded".equals(f.details())) {
                failed.add(state.name() + ": " + f.details());
            }
        }
        try {
            // Zones another bindsmith process added to the data directory since the start.
            loadAll(false);
        } catch (IOException e) {
            failed.add("the data directory could not be read");
        }
        if (!failed.isEmpty()) {
            return Outcome.backendRejected("reload", String.join("; ", failed));
        }
        return new Outcome.Ok<>(new ControlReply("reload", "server reload successful"));
    }
}
