package dev.bindsmith.core.port;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every record of a zone (a zone transfer, or the embedded server's own data), SOA first. */
public interface RecordReader {

    /** Ok with the records in the server's order; NotFound for an unknown zone; BackendFailed otherwise. */
    Outcome<List<Record>> read(ZoneName zone);

    /**
     * The records of {@code zone} owned by exactly {@code owner}, with the same outcomes as
     * {@link #read}. Adapters that can ask for one name (a DNS query) override this; the default
     * reads the whole zone.
     */
    default Outcome<List<Record>> read(ZoneName zone, DomainName owner) {
        return read(zone)
                .map(records ->
                        records.stream().filter(r -> r.owner().equals(owner)).toList());
    }

    /**
     * The records of each of {@code owners}, with the same outcomes as {@link #read}: every owner is a
     * key (with an empty list when it owns nothing). Adapters that can ask for many names at once
     * (pipelined queries) override this; the default asks for one after the other.
     */
    default Outcome<Map<DomainName, List<Record>>> read(ZoneName zone, Collection<DomainName> owners) {
        Map<DomainName, List<Record>> found = new LinkedHashMap<>();
        for (DomainName owner : owners) {
            if (found.containsKey(owner)) {
                continue;
            }
            switch (read(zone, owner)) {
                case Outcome.Ok<List<Record>> ok -> found.put(owner, List.copyOf(ok.value()));
                case Outcome.Created<List<Record>> created -> found.put(owner, List.copyOf(created.value()));
                case Outcome.Deleted<List<Record>> deleted -> found.put(owner, List.of());
                case Outcome.Failure<List<Record>> failure -> {
                    return failure.as();
                }
            }
        }
        return new Outcome.Ok<>(found);
    }
}
