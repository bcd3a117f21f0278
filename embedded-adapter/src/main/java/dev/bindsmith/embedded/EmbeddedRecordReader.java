package dev.bindsmith.embedded;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.RecordReader;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.dns.record.DnsRecords;
import java.util.List;
import java.util.Optional;

/** A zone's records as the embedded server serves them, SOA first, read from one consistent version. */
public final class EmbeddedRecordReader implements RecordReader {
    private final ZoneRegistry registry;

    EmbeddedRecordReader(ZoneRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Outcome<List<Record>> read(ZoneName zone) {
        Optional<ZoneState> state = registry.get(zone);
        if (state.isEmpty()) {
            return ZoneEngine.notFound(zone);
        }
        if (state.get().content().isEmpty()) {
            return Outcome.backendRejected("axfr", "SERVFAIL: zone not loaded");
        }
        return new Outcome.Ok<>(state.get().content().get().records().stream()
                .map(DnsRecords::toCore)
                .flatMap(Optional::stream)
                .toList());
    }

    /** One name's records straight from the served version: a change set reads only the names it touches. */
    @Override
    public Outcome<List<Record>> read(ZoneName zone, DomainName owner) {
        Optional<ZoneState> state = registry.get(zone);
        if (state.isEmpty()) {
            return ZoneEngine.notFound(zone);
        }
        if (state.get().content().isEmpty()) {
            return Outcome.backendRejected("axfr", "SERVFAIL: zone not loaded");
        }
        List<Record> records = new java.util.ArrayList<>();
        state.get()
                .content()
                .get()
                .rrsets(DnsRecords.name(owner))
                .values()
                .forEach(rrs -> rrs.stream()
                        .map(DnsRecords::toCore)
                        .flatMap(Optional::stream)
                        .forEach(records::add));
        return new Outcome.Ok<>(records);
    }
}
