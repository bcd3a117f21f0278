package dev.bindsmith.rndc.bind;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.rndc.client.RndcException;
import dev.bindsmith.rndc.client.RndcReply;
import java.util.Optional;
import java.util.Set;

/**
 * named's failure texts ({@code err} of a reply) that bindsmith tells apart, and how each becomes an
 * {@link Outcome}. Classification is by these strings, which have not changed from BIND 9.11 to 9.21,
 * never by the numeric result, which has.
 */
enum NamedError {
    NOT_FOUND("not found"),
    ALREADY_EXISTS("already exists"),
    PERMISSION_DENIED("permission denied"),
    NOT_DYNAMIC("not dynamic"),
    /** named will not reload a zone that takes updates from its file: the journal would be lost. */
    DYNAMIC_ZONE("dynamic zone"),
    ALREADY_FROZEN("already frozen"),
    FILE_NOT_FOUND("file not found"),
    FAILURE("failure"),
    UNEXPECTED_TOKEN("unexpected token"),
    UNEXPECTED_END("unexpected end of input"),
    ZONE_NOT_LOADED("zone not loaded"),
    UNKNOWN_COMMAND("unknown command"),
    /** Any other text: reported as named gave it. */
    OTHER("");

    private final String text;

    NamedError(String text) {
        this.text = text;
    }

    static NamedError of(String err) {
        for (NamedError e : values()) {
            if (e != OTHER && e.text.equals(err)) {
                return e;
            }
        }
        return OTHER;
    }

    static NamedError of(RndcReply reply) {
        return of(reply.err().orElse(""));
    }

    /** {@code rndc: '<verb>' failed: <err>}, then named's text on the same line when it sent one. */
    static String details(String verb, RndcReply reply) {
        String base = "rndc: '" + verb + "' failed: " + reply.err().orElse("result " + reply.result());
        String text = oneLine(reply.text());
        return text.isEmpty() ? base : base + ": " + text;
    }

    /**
     * The outcome of a reply that is not a success. {@code zone} is the zone the command named, when
     * it named one: {@code not found} is then that zone's absence.
     */
    static <T> Outcome.Failure<T> classify(String verb, Optional<ZoneName> zone, RndcReply reply) {
        String details = details(verb, reply);
        return switch (of(reply)) {
            case NOT_FOUND ->
                zone.isPresent() && !verb.equals("addzone")
                        ? Outcome.zoneNotFound(zone.get().value())
                        // addzone says "not found" only for an unknown view: not the zone's absence
                        : Outcome.backendRejected(verb, details);
            case ALREADY_EXISTS ->
                zone.isPresent()
                        ? Outcome.zoneExists(zone.get().value(), details)
                        : Outcome.backendRejected(verb, details);
            case PERMISSION_DENIED ->
                Outcome.backendRejected(
                        verb,
                        verb.equals("addzone")
                                ? details
                                        + " (named does not allow new zones: allow-new-zones is off; set allow-new-zones yes;"
                                        + " in named.conf)"
                                : details + " (named refused the command; is the control channel read-only?)");
            case NOT_DYNAMIC ->
                Outcome.backendRejected(
                        verb,
                        details + " (the zone takes no dynamic updates: it has no allow-update or update-policy)");
            case DYNAMIC_ZONE ->
                Outcome.backendRejected(
                        verb,
                        details
                                + " (a zone that takes dynamic updates is reloaded from its file by freezing it, editing"
                                + " the file, and thawing it: thaw reloads it)");
            case ALREADY_FROZEN, FILE_NOT_FOUND, ZONE_NOT_LOADED, UNKNOWN_COMMAND, OTHER ->
                Outcome.backendRejected(verb, details);
            case FAILURE, UNEXPECTED_TOKEN, UNEXPECTED_END ->
                Outcome.backendRejected(
                        verb, reply.text().isBlank() ? details + " (named's log has the reason)" : details);
        };
    }

    /** The commands that only read: named changes nothing for them, whatever happened to the reply. */
    private static final Set<String> READS = Set.of("zonestatus", "showzone", "status");

    /**
     * No verified reply: the server is unreachable, closed the session, or answered something
     * untrustworthy. The client's messages are already in rndc's form ({@code rndc: connect failed: …})
     * and free of secrets. A command that changes something and that named may have run all the same
     * (it was delivered on an authenticated session, {@link RndcException#mayHaveRun()}) is
     * {@code BACKEND_OUTCOME_UNKNOWN}: its caller must ask named before it undoes anything.
     */
    static <T> Outcome.Failure<T> classify(String verb, RndcException e) {
        String message = e.getMessage() == null ? "" : oneLine(e.getMessage());
        if (e.mayHaveRun() && !READS.contains(verb)) {
            return Outcome.backendOutcomeUnknown(
                    verb,
                    (message.isEmpty() ? "rndc: '" + verb + "' failed: no reply" : rndc(message))
                            + " (the command was sent; named may have carried it out)");
        }
        return switch (e) {
            case RndcException.Unreachable u ->
                Outcome.backendUnreachable(
                        verb,
                        message.isEmpty() ? "rndc: '" + verb + "' failed: named could not be reached" : rndc(message));
            case RndcException.Rejected r when r.mayHaveRun() -> Outcome.backendUnreachable(verb, rndc(message));
            case RndcException.Rejected r ->
                Outcome.backendUnreachable(
                        verb,
                        "rndc: '" + verb
                                + "' failed: rejected: check key, algorithm and clock (named closed the connection without"
                                + " a reply; its log says which)");
            case RndcException.Protocol p ->
                Outcome.backendUnreachable(
                        verb, message.isEmpty() ? "rndc: '" + verb + "' failed: invalid reply" : rndc(message));
        };
    }

    private static String rndc(String message) {
        return message.startsWith("rndc:") ? message : "rndc: " + message;
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
