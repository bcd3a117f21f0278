package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ControlReply;
import dev.bindsmith.core.port.DnssecControl;
import dev.bindsmith.core.port.DnssecStatus;
import dev.bindsmith.core.port.DsState;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The DNSSEC use cases: a zone's keys and the DS to publish, a manual key rollover, and the
 * operator's word on the DS at the parent. Judged in the usual order: valid request? → does the zone
 * exist (404)? → does the backend sign zones, and this one (400)? → did the name server do it?
 */
public final class DnssecService {
    private final NameServerControl control;
    private final Optional<DnssecControl> dnssec;
    private final ZoneLocks locks;

    DnssecService(NameServerControl control, Optional<DnssecControl> dnssec, ZoneLocks locks) {
        this.control = Objects.requireNonNull(control, "control");
        this.dnssec = Objects.requireNonNull(dnssec, "dnssec");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    public Outcome<DnssecStatus> status(String zone) {
        return withZone(zone, List.of(), (d, name) -> d.status(name));
    }

    public Outcome<ControlReply> rollover(String zone, DnssecRequest request) {
        Objects.requireNonNull(request, "request");
        List<Violation> violations = new ArrayList<>();
        OptionalInt tag = keyTag(request, true, violations);
        return withZone(zone, violations, (d, name) -> d.rollover(name, tag.getAsInt()));
    }

    public Outcome<ControlReply> checkds(String zone, DnssecRequest request) {
        Objects.requireNonNull(request, "request");
        List<Violation> violations = new ArrayList<>();
        OptionalInt tag = keyTag(request, false, violations);
        Optional<DsState> state = Optional.empty();
        if (request.state().isEmpty()) {
            violations.add(Violation.missing("state"));
        } else {
            state = DsState.parse(request.state().get());
            if (state.isEmpty()) {
                violations.add(Violation.malformed("state", "state must be 'published' or 'withdrawn'"));
            }
        }
        Optional<DsState> ds = state;
        return withZone(zone, violations, (d, name) -> d.checkds(name, ds.orElseThrow(), tag));
    }

    private static OptionalInt keyTag(DnssecRequest request, boolean required, List<Violation> violations) {
        if (request.keyTag().isEmpty()) {
            if (required) {
                violations.add(Violation.missing("keyTag"));
            }
            return OptionalInt.empty();
        }
        long tag = request.keyTag().getAsLong();
        if (tag < 0 || tag > 65535) {
            violations.add(Violation.malformed("keyTag", "keyTag must be between 0 and 65535"));
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) tag);
    }

    private interface Call<T> {
        Outcome<T> on(DnssecControl dnssec, ZoneName zone);
    }

    private <T> Outcome<T> withZone(String zone, List<Violation> violations, Call<T> call) {
        List<Violation> all = new ArrayList<>();
        Optional<String> badName = ZoneName.problem(zone == null ? "" : zone);
        badName.ifPresent(p -> all.add(Violation.malformed("zone", p)));
        all.addAll(violations);
        if (badName.isPresent()) {
            return new Outcome.Invalid<>(ErrorCode.INVALID_ZONE_NAME, "Invalid zone name", all, Map.of());
        }
        ZoneName name = ZoneName.of(zone);
        if (!all.isEmpty()) {
            return Outcome.invalid(all, Outcome.orderedPairs("zone", name.value()));
        }
        return locks.with(name, () -> {
            Outcome<ZoneStatus> status = control.zoneStatus(name);
            if (status instanceof Outcome.Failure<ZoneStatus> failure) {
                return failure.as();
            }
            if (dnssec.isEmpty()) {
                return DnssecControl.notSupported(name, "this backend does not sign zones");
            }
            return call.on(dnssec.get(), name);
        });
    }
}
