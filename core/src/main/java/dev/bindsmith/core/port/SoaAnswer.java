package dev.bindsmith.core.port;

import dev.bindsmith.core.zone.Endpoint;
import java.util.Objects;
import java.util.OptionalLong;

/** What one name server said when asked for a zone's SOA. */
public sealed interface SoaAnswer {

    Endpoint server();

    /**
     * The server answered: its response code ({@code NOERROR}, {@code REFUSED}, {@code NOTAUTH} …),
     * whether the answer was authoritative (AA), and the serial of the SOA it answered, when it did.
     */
    record Answered(Endpoint server, String rcode, boolean authoritative, OptionalLong serial) implements SoaAnswer {
        public Answered {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(rcode, "rcode");
            Objects.requireNonNull(serial, "serial");
        }

        /** True when it answered the SOA itself, authoritatively: it serves the zone. */
        public boolean serves() {
            return authoritative && serial.isPresent() && rcode.equals("NOERROR");
        }
    }

    /** No usable answer within the timeout: {@code reason} says why ({@code timed out}, {@code connection refused}). */
    record NoAnswer(Endpoint server, String reason) implements SoaAnswer {
        public NoAnswer {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
