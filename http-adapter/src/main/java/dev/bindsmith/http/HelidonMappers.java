package dev.bindsmith.http;

import io.helidon.common.mapper.MapperManager;

/**
 * Gives Helidon one mapper manager for the life of the process.
 *
 * <p>Helidon 4.4's HTTP/1 connection reads a header through {@code MapperManager.global()} on every
 * request. Unless a manager was set, that asks the service registry, whose mapper service is made anew
 * at each lookup: a registry search and a fresh manager per request (about a tenth of the server's own
 * CPU on a zone create, issue 11). Setting it is deprecated in Helidon, but it is the only value that
 * reader looks at; it must happen before anything looks mappers up, or Helidon warns, with a stack
 * trace, that it came too late: {@link BindsmithServer#prepare()} does it, first thing.
 */
final class HelidonMappers {
    private HelidonMappers() {}

    /** Sets the process's manager once; later calls do nothing. */
    static void pin() {
        Once.done();
    }

    /** Initializing it is the work: the JVM does that once, on one thread, and makes the others wait. */
    @SuppressWarnings("removal")
    private static final class Once {
        static {
            MapperManager.global(MapperManager.create());
        }

        static void done() {}
    }
}
