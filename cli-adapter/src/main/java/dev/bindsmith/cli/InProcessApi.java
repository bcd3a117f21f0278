package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.http.access.Caller;
import dev.bindsmith.http.access.Guarded;
import dev.bindsmith.http.access.GuardedApi;
import dev.bindsmith.http.json.Answer;
import dev.bindsmith.http.json.Json;
import dev.bindsmith.http.json.JsonApi;
import dev.bindsmith.http.json.RecordListQuery;
import dev.bindsmith.wiring.Backend;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The API in this process: the use cases of the backend, through the same guarded API the HTTP routes
 * serve ({@link GuardedApi} over {@link JsonApi}), so that the bodies and error envelopes are the API's
 * own with no server, port or token in between, and every change is written to the backend's audit log
 * (as the CLI's, with the operating-system user) before it is reported. The exit code comes from the
 * outcome itself.
 */
final class InProcessApi implements Api {
    private static final SecureRandom IDS = new SecureRandom();

    private final Backend backend;
    private final GuardedApi api;
    private final String user;

    InProcessApi(Backend backend, String user) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.user = Objects.requireNonNull(user, "user");
        this.api = new GuardedApi(
                new JsonApi(backend.useCases(), backend.clock()),
                backend.useCases(),
                backend.auditLog(),
                backend.clock());
    }

    /** The operator at this machine, for one call: its own request id, as a server gives each request one. */
    private Caller caller() {
        byte[] id = new byte[8];
        IDS.nextBytes(id);
        return Caller.local(user, HexFormat.of().formatHex(id));
    }

    @Override
    public Reply listZones() {
        return reply(api.listZones(caller()));
    }

    @Override
    public Reply listZones(java.util.Map<String, String> query) {
        return reply(api.listZones(
                caller(),
                java.util.Optional.ofNullable(query.get("cursor")),
                java.util.Optional.ofNullable(query.get("limit"))));
    }

    @Override
    public Reply reconcile(boolean full, boolean setAside) {
        return reply(api.reconcile(
                caller(),
                java.util.Optional.of(Boolean.toString(full)),
                java.util.Optional.of(Boolean.toString(setAside))));
    }

    @Override
    public Reply getZone(String zone) {
        return reply(api.getZone(caller(), zone));
    }

    @Override
    public Reply zoneStatus(String zone) {
        return reply(api.zoneStatus(caller(), zone));
    }

    @Override
    public Reply createZone(JsonNode request) {
        return reply(api.createZone(caller(), request));
    }

    @Override
    public Reply modifyZone(String zone, JsonNode patch) {
        return reply(api.modifyZone(caller(), zone, patch));
    }

    @Override
    public Reply deleteZone(String zone) {
        return reply(api.deleteZone(caller(), zone));
    }

    @Override
    public Reply zoneAction(String zone, ZoneAction action) {
        return reply(api.zoneCommand(caller(), zone, action.command()));
    }

    @Override
    public Reply listRecords(String zone, Map<String, String> query) {
        return reply(api.listRecords(
                caller(),
                zone,
                new RecordListQuery(
                        Optional.ofNullable(query.get("name")),
                        Optional.ofNullable(query.get("type")),
                        Optional.ofNullable(query.get("cursor")),
                        Optional.ofNullable(query.get("limit")))));
    }

    @Override
    public Reply changeRecord(String zone, String method, JsonNode body) {
        return reply(
                switch (method) {
                    case "POST" -> api.addRecord(caller(), zone, body);
                    case "PUT" -> api.updateRecord(caller(), zone, body);
                    case "DELETE" -> api.removeRecord(caller(), zone, body);
                    default -> throw new IllegalArgumentException("no record operation is " + method);
                });
    }

    @Override
    public Reply applyRecords(String zone, JsonNode changes, boolean dryRun) {
        return reply(api.applyRecords(caller(), zone, changes, dryRun ? Optional.of("true") : Optional.empty()));
    }

    @Override
    public Reply serverStatus() {
        return reply(api.serverStatus(caller()));
    }

    @Override
    public Reply reloadServer() {
        return reply(api.reloadServer(caller()));
    }

    @Override
    public Reply audit(Map<String, String> query) {
        return reply(api.readAudit(
                caller(),
                Optional.ofNullable(query.get("zone")),
                Optional.ofNullable(query.get("since")),
                Optional.ofNullable(query.get("until")),
                Optional.ofNullable(query.get("cursor")),
                Optional.ofNullable(query.get("limit"))));
    }

    @Override
    public Reply catalog(Map<String, String> query) {
        return reply(api.catalog(
                caller(), Optional.ofNullable(query.get("cursor")), Optional.ofNullable(query.get("limit"))));
    }

    @Override
    public Reply reconcileCatalog() {
        return reply(api.reconcileCatalog(caller()));
    }

    @Override
    public Reply propagation(String zone, Optional<String> wait) {
        return reply(api.propagation(caller(), zone, wait));
    }

    @Override
    public Reply dnssecStatus(String zone) {
        return reply(api.dnssecStatus(caller(), zone));
    }

    @Override
    public Reply dnssecCommand(String zone, String verb, JsonNode body) {
        return reply(
                switch (verb) {
                    case "rollover" -> api.dnssecRollover(caller(), zone, body);
                    case "checkds" -> api.dnssecCheckds(caller(), zone, body);
                    default -> throw new IllegalArgumentException("no DNSSEC command is " + verb);
                });
    }

    @Override
    public String describe() {
        return backend.describe();
    }

    @Override
    public void close() {
        backend.close();
    }

    private static Reply reply(Guarded guarded) {
        return switch (guarded) {
            case Guarded.Answered answered -> reply(answered.answer());
            case Guarded.Refused refused -> {
                // the local operator holds an admin grant: only an embedding caller with a narrower one gets here
                var problem = new Reply.Problem(
                        "Insufficient scope", refused.why().sentence(), "INSUFFICIENT_SCOPE", Map.of());
                yield new Reply(
                        ExitCodes.AUTH,
                        Json.tree(Map.of(
                                "error",
                                problem.error(),
                                "details",
                                Map.of(
                                        "required",
                                        refused.why().required(),
                                        "granted",
                                        refused.why().granted()),
                                "code",
                                problem.code())),
                        Optional.of(problem));
            }
        };
    }

    private static Reply reply(Answer answer) {
        JsonNode json = answer.body().map(Json::tree).orElse(MissingNode.getInstance());
        Optional<Reply.Problem> problem = answer.outcome() instanceof Outcome.Failure<Object> f
                ? Optional.of(new Reply.Problem(f.error(), f.details(), f.code().name(), f.context()))
                : Optional.empty();
        return new Reply(ExitCodes.of(answer.outcome()), json, problem);
    }
}
