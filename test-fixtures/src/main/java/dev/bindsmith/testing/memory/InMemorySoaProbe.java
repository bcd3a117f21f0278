package dev.bindsmith.testing.memory;

import dev.bindsmith.core.port.SoaAnswer;
import dev.bindsmith.core.port.SoaProbe;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A {@link SoaProbe} over scripted secondaries: each server answers what the test said it serves
 * ({@link #serve}), or a queue of answers one query at a time ({@link #script}, the last one
 * repeating), or nothing ({@link #silent}). A zone a server was told nothing about is answered
 * {@code REFUSED}, not authoritative, as named answers a zone it does not have. Thread-safe.
 */
public final class InMemorySoaProbe implements SoaProbe {
    private final Map<List<Object>, Deque<SoaAnswer>> scripts = new HashMap<>();
    private final Set<Endpoint> silent = new HashSet<>();
    private final List<String> queries = new ArrayList<>();

    @Override
    public synchronized SoaAnswer query(Endpoint server, ZoneName zone) {
        queries.add(server + " " + zone);
        if (silent.contains(server)) {
            return new SoaAnswer.NoAnswer(server, "timed out");
        }
        Deque<SoaAnswer> script = scripts.get(List.of(server, zone));
        if (script == null || script.isEmpty()) {
            return new SoaAnswer.Answered(server, "REFUSED", false, OptionalLong.empty());
        }
        return script.size() > 1 ? script.poll() : script.peek();
    }

    /** From now on {@code server} serves {@code zone} at {@code serial}, authoritatively. */
    public synchronized InMemorySoaProbe serve(Endpoint server, ZoneName zone, long serial) {
        return script(server, zone, List.of(served(server, serial)));
    }

    /** {@code server} answers these for {@code zone}, one per query; the last one is repeated. */
    public synchronized InMemorySoaProbe script(Endpoint server, ZoneName zone, List<SoaAnswer> answers) {
        scripts.put(List.of(server, zone), new ArrayDeque<>(answers));
        return this;
    }

    /** {@code server} answers nothing (a timeout) until {@link #clear()}. */
    public synchronized InMemorySoaProbe silent(Endpoint server) {
        silent.add(server);
        return this;
    }

    public synchronized InMemorySoaProbe clear() {
        scripts.clear();
        silent.clear();
        return this;
    }

    /** Every query so far, as {@code <server> <zone>}. */
    public synchronized List<String> queries() {
        return List.copyOf(queries);
    }

    /** An authoritative answer of {@code serial}. */
    public static SoaAnswer served(Endpoint server, long serial) {
        return new SoaAnswer.Answered(server, "NOERROR", true, OptionalLong.of(serial));
    }
}
