package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.http.json.Answer;
import dev.bindsmith.http.json.Json;
import dev.bindsmith.http.json.JsonApi;
import dev.bindsmith.http.json.RecordListQuery;
import dev.bindsmith.wiring.Backend;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The API in this process: the use cases of the backend, through the same JSON mapping the HTTP
 * routes serve ({@link JsonApi}), so that the bodies and error envelopes are the API's own with no
 * server, port or token in between. The exit code comes from the outcome itself.
 */
final class InProcessApi implements Api {
    private final Backend backend;
    private final JsonApi api;

    InProcessApi(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.api = new JsonApi(backend.useCases(), backend.clock());
    }

    @Override
    public Reply listZones() {
        return reply(api.listZones());
    }

    @Override
    public Reply listZones(java.util.Map<String, String> query) {
        return reply(api.listZones(
                java.util.Optional.ofNullable(query.get("cursor")), java.util.Optional.ofNullable(query.get("limit"))));
    }

    @Override
    public Reply reconcile(boolean full, boolean setAside) {
        return reply(api.reconcile(
                java.util.Optional.of(Boolean.toString(full)), java.util.Optional.of(Boolean.toString(setAside))));
    }

    @Override
    public Reply getZone(String zone) {
        return reply(api.getZone(zone));
    }

    @Override
    public Reply zoneStatus(String zone) {
        return reply(api.zoneStatus(zone));
    }

    @Override
    public Reply createZone(JsonNode request) {
        return reply(api.createZone(request));
    }

    @Override
    public Reply modifyZone(String zone, JsonNode patch) {
        return reply(api.modifyZone(zone, patch));
    }

    @Override
    public Reply deleteZone(String zone) {
        return reply(api.deleteZone(zone));
    }

    @Override
    public Reply zoneAction(String zone, ZoneAction action) {
        return reply(api.zoneCommand(zone, action.command()));
    }

    @Override
    public Reply listRecords(String zone, Map<String, String> query) {
        return reply(api.listRecords(
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
                    case "POST" -> api.addRecord(zone, body);
                    case "PUT" -> api.updateRecord(zone, body);
                    case "DELETE" -> api.removeRecord(zone, body);
                    default -> throw new IllegalArgumentException("no record operation is " + method);
                });
    }

    @Override
    public Reply applyRecords(String zone, JsonNode changes, boolean dryRun) {
        return reply(api.applyRecords(zone, changes, dryRun ? Optional.of("true") : Optional.empty()));
    }

    @Override
    public Reply serverStatus() {
        return reply(api.serverStatus());
    }

    @Override
    public Reply reloadServer() {
        return reply(api.reloadServer());
    }

    @Override
    public Reply catalog(Map<String, String> query) {
        return reply(api.catalog(Optional.ofNullable(query.get("cursor")), Optional.ofNullable(query.get("limit"))));
    }

    @Override
    public Reply reconcileCatalog() {
        return reply(api.reconcileCatalog());
    }

    @Override
    public Reply propagation(String zone, Optional<String> wait) {
        return reply(api.propagation(zone, wait));
    }

    @Override
    public Reply dnssecStatus(String zone) {
        return reply(api.dnssecStatus(zone));
    }

    @Override
    public Reply dnssecCommand(String zone, String verb, JsonNode body) {
        return reply(
                switch (verb) {
                    case "rollover" -> api.dnssecRollover(zone, body);
                    case "checkds" -> api.dnssecCheckds(zone, body);
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

    private static Reply reply(Answer answer) {
        JsonNode json = answer.body().map(Json::tree).orElse(MissingNode.getInstance());
        Optional<Reply.Problem> problem = answer.outcome() instanceof Outcome.Failure<Object> f
                ? Optional.of(new Reply.Problem(f.error(), f.details(), f.code().name(), f.context()))
                : Optional.empty();
        return new Reply(ExitCodes.of(answer.outcome()), json, problem);
    }
}
