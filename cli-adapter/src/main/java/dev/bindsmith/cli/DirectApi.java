package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.http.backend.Backend;

import java.util.Objects;

/**
 * The API in this process, on the backend itself. The requests go through the HTTP server's own
 * routes, served for this one command on a private loopback port (ephemeral, with a one-time random
 * token and no rate limit): the same validation, the same JSON and the same error envelopes as a
 * running server, with no second mapping to drift from it.
 */
final class DirectApi implements Api {
    private final Backend backend;
    private final Serve.Running server;
    private final RemoteApi api;

    DirectApi(Backend backend, Serve.Running server, RemoteApi api) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.server = Objects.requireNonNull(server, "server");
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public Reply listZones() {
        return api.listZones();
    }

    @Override
    public Reply getZone(String zone) {
        return api.getZone(zone);
    }

    @Override
    public Reply zoneStatus(String zone) {
        return api.zoneStatus(zone);
    }

    @Override
    public Reply createZone(JsonNode request) {
        return api.createZone(request);
    }

    @Override
    public Reply modifyZone(String zone, JsonNode patch) {
        return api.modifyZone(zone, patch);
    }

    @Override
    public Reply deleteZone(String zone) {
        return api.deleteZone(zone);
    }

    @Override
    public Reply zoneAction(String zone, ZoneAction action) {
        return api.zoneAction(zone, action);
    }

    @Override
    public Reply listRecords(String zone, java.util.Map<String, String> query) {
        return api.listRecords(zone, query);
    }

    @Override
    public Reply changeRecord(String zone, String method, JsonNode body) {
        return api.changeRecord(zone, method, body);
    }

    @Override
    public Reply applyRecords(String zone, JsonNode changes, boolean dryRun) {
        return api.applyRecords(zone, changes, dryRun);
    }

    @Override
    public Reply serverStatus() {
        return api.serverStatus();
    }

    @Override
    public Reply reloadServer() {
        return api.reloadServer();
    }

    @Override
    public String describe() {
        return backend.describe();
    }

    @Override
    public void close() {
        try (backend; server; api) {
            // closes the client, then the server, then the backend
        }
    }
}
