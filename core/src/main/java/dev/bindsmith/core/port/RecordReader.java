package dev.bindsmith.core.port;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import java.util.List;

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
}
