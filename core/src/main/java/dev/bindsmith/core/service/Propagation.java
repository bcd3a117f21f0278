package dev.bindsmith.core.service;

import dev.bindsmith.core.port.SoaAnswer;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How far a zone has reached: the serial the primary has ({@code signed serial} for a signed zone,
 * which is what it serves), and for each secondary what it answered. {@code inSync} when every
 * secondary serves the primary's serial authoritatively; {@code waited} is how long the check waited.
 */
public record Propagation(
        ZoneName zone, OptionalLong primarySerial, List<Secondary> secondaries, boolean inSync, Duration waited) {
    public Propagation {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(primarySerial, "primarySerial");
        secondaries = List.copyOf(secondaries);
        Objects.requireNonNull(waited, "waited");
    }

    /**
     * One secondary: what it answered, and whether that matches the primary. {@code state} is
     * {@code in-sync}, {@code behind} (another serial), {@code not-served} (no authoritative SOA:
     * REFUSED, NOTAUTH, SERVFAIL while it loads) or {@code no-answer}.
     */
    public record Secondary(Endpoint server, String state, OptionalLong serial, boolean authoritative, String detail) {
        public Secondary {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(serial, "serial");
            Objects.requireNonNull(detail, "detail");
        }

        public boolean matches() {
            return state.equals(IN_SYNC);
        }

        static Secondary of(SoaAnswer answer, OptionalLong primary) {
            return switch (answer) {
                case SoaAnswer.NoAnswer none ->
                    new Secondary(none.server(), NO_ANSWER, OptionalLong.empty(), false, none.reason());
                case SoaAnswer.Answered a -> {
                    if (!a.serves()) {
                        yield new Secondary(
                                a.server(),
                                NOT_SERVED,
                                a.serial(),
                                a.authoritative(),
                                a.rcode() + (a.authoritative() ? "" : ", not authoritative"));
                    }
                    boolean same = primary.isPresent()
                            && primary.getAsLong() == a.serial().getAsLong();
                    yield new Secondary(a.server(), same ? IN_SYNC : BEHIND, a.serial(), true, a.rcode());
                }
            };
        }
    }

    public static final String IN_SYNC = "in-sync";
    public static final String BEHIND = "behind";
    public static final String NOT_SERVED = "not-served";
    public static final String NO_ANSWER = "no-answer";
}
