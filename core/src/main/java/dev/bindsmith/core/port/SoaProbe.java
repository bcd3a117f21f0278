package dev.bindsmith.core.port;

import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;

/**
 * Asks a name server for a zone's SOA, as a secondary's clients would (a plain DNS query, no
 * recursion). Never throws and never blocks longer than its own timeout: a server that does not
 * answer in time is {@link SoaAnswer.NoAnswer}. Safe for use by several threads at once.
 */
public interface SoaProbe {

    SoaAnswer query(Endpoint server, ZoneName zone);
}
