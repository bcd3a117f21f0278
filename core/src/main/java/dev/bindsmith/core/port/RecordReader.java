package dev.bindsmith.core.port;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;

import java.util.List;

/** Reads every record of a zone (a zone transfer, or the embedded server's own data), SOA first. */
public interface RecordReader {

    /** Ok with the records in the server's order; NotFound for an unknown zone; BackendFailed otherwise. */
    Outcome<List<Record>> read(ZoneName zone);
}
