package dev.bindsmith.rndc.update;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.dns.tsig.TsigKey;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/**
 * Signing a query with the key and believing a reply only once its TSIG has verified. A reply that is
 * unsigned, signed with another key, stale, or answers another query is a failure; a reply in which
 * named says it rejected <em>our</em> signature (TSIG error BADKEY, BADSIG, BADTIME) is reported as
 * that, naming what to check.
 */
final class SignedExchange {
    /** RFC 1035 over TCP: a message's length is a 16-bit number. */
    static final int MAX_MESSAGE = 0xFFFF;

    private final TsigKey key;
    /** Where the messages go, as {@code host#port} (named\'s notation), for messages that help find a wrong setting. */
    private final String server;

    private final TSIG signer;
    private final String command;
    private final String title;

    SignedExchange(UpdateSettings settings, TSIG signer, String command, String title) {
        this.key = settings.key();
        this.server = settings.server() + "#" + settings.port();
        this.signer = signer;
        this.command = command;
        this.title = title;
    }

    /** A failure that stops the exchange; carries the outcome to return. */
    static final class Failed extends Exception {
        private final transient Outcome.Failure<Object> failure;
        private final boolean answered;

        Failed(Outcome.Failure<Object> failure) {
            this(failure, false);
        }

        Failed(Outcome.Failure<Object> failure, boolean answered) {
            super(failure.details(), null, false, false);
            this.failure = failure;
            this.answered = answered;
        }

        <T> Outcome.Failure<T> failure() {
            return failure.as();
        }

        /** True when named itself answered that it refused the request (a TSIG error): it changed nothing. */
        boolean answered() {
            return answered;
        }
    }

    /** The signer of this exchange: each exchange has its own, as dnsjava's keeps MAC state while signing. */
    TSIG signer() {
        return signer;
    }

    String keyName() {
        return key.name();
    }

    /** Signs {@code query} in place and returns its wire form. */
    byte[] sign(Message query) {
        signer.apply(query, null);
        return query.toWire();
    }

    /** Reads one reply to {@code query} (already signed and sent) and verifies it. */
    Message receive(DnsTcpConnection connection, Message query, String zone) throws Failed, IOException {
        byte[] wire = connection.receive();
        return verify(parse(wire, zone), wire, query, zone);
    }

    /** Believes {@code reply} (read as {@code wire}) only as the verified answer to {@code query}. */
    Message verify(Message reply, byte[] wire, Message query, String zone) throws Failed {
        if (reply.getHeader().getID() != query.getHeader().getID()) {
            throw rejected(
                    zone,
                    "the reply answers another message (ID " + reply.getHeader().getID() + " instead of "
                            + query.getHeader().getID() + ")");
        }
        TSIGRecord tsig = reply.getTSIG();
        if (tsig == null) {
            throw rejected(
                    zone,
                    "the reply (" + Rcode.string(reply.getRcode()) + ") was not signed; an unsigned"
                            + " reply cannot be trusted");
        }
        if (tsig.getError() != Rcode.NOERROR) {
            throw new Failed(rejected(zone, keyRejected(tsig.getError())).failure(), true);
        }
        int verified = signer.verify(reply, wire, query.getTSIG());
        if (verified != Rcode.NOERROR || !reply.isVerified()) {
            throw rejected(
                    zone,
                    "the reply's TSIG signature did not verify (" + Rcode.TSIGstring(verified) + ") with key '"
                            + key.name() + "'");
        }
        return reply;
    }

    Message parse(byte[] wire, String zone) throws Failed {
        try {
            return new Message(wire);
        } catch (IOException e) {
            throw rejected(zone, "the reply is not a well-formed DNS message");
        }
    }

    /** The sentence for a TSIG error named reported about our request. */
    String keyRejected(int tsigError) {
        if (tsigError == Rcode.BADKEY) {
            return "named does not know the TSIG key '" + key.name() + "' with algorithm "
                    + key.algorithm().text()
                    + " (BADKEY): check the key name and algorithm, and that the zone's allow-update names this key";
        }
        if (tsigError == Rcode.BADSIG) {
            return "named rejected the signature made with TSIG key '" + key.name() + "' ("
                    + key.algorithm().text() + ") (BADSIG): the secret differs from named's";
        }
        if (tsigError == Rcode.BADTIME) {
            return "named rejected the time of the signature (BADTIME): the clocks of this host and the name"
                    + " server differ by more than the allowed fudge";
        }
        return "named rejected the TSIG signature with key '" + key.name() + "' (" + Rcode.TSIGstring(tsigError) + ")";
    }

    Failed rejected(String zone, String details) {
        return new Failed(new Outcome.BackendFailed<>(
                ErrorCode.BACKEND_REJECTED,
                title,
                command,
                details,
                Outcome.orderedPairs("zone", zone, "command", command)));
    }

    Failed unreachable(String zone, IOException e) {
        String why = switch (e) {
            case SocketTimeoutException t -> "timed out waiting for the name server";
            case ConnectException c -> "the name server refused the connection";
            case NoRouteToHostException n -> "no route to the name server";
            case UnknownHostException u -> "the name server's host name does not resolve";
            default -> "the connection to the name server failed";
        };
        return new Failed(new Outcome.BackendFailed<>(
                ErrorCode.BACKEND_UNREACHABLE,
                title,
                command,
                why + " at " + server + " (set by NSUPDATE_SERVER and NSUPDATE_PORT)",
                Outcome.orderedPairs("zone", zone, "command", command)));
    }

    /**
     * The message went out and no answer that can be trusted came back: named may have carried it out.
     * {@code cause} is an I/O failure or the reason the answer was not believed.
     */
    Failed outcomeUnknown(String zone, Exception cause) {
        String why = cause instanceof SocketTimeoutException
                ? "timed out waiting for the answer"
                : cause instanceof Failed f
                        ? "the answer was not believed: " + f.getMessage()
                        : "the connection was lost before the answer";
        return new Failed(new Outcome.BackendFailed<>(
                ErrorCode.BACKEND_OUTCOME_UNKNOWN,
                title,
                command,
                why + " from " + server + " after the " + command + " was sent; named may have applied it",
                Outcome.orderedPairs("zone", zone, "command", command)));
    }

    static <T> Outcome.Failure<T> tooLarge(String zone, int size) {
        return new Outcome.Invalid<>(
                ErrorCode.VALIDATION_FAILED,
                "Change set too large",
                List.of(dev.bindsmith.core.validation.Violation.malformed(
                        "changes",
                        "The change set needs " + size
                                + " bytes as one UPDATE message, more than the 65535 a DNS message can hold; it is not"
                                + " split, because it would no longer be atomic: send fewer changes at a time")),
                Outcome.orderedPairs("zone", zone));
    }
}
