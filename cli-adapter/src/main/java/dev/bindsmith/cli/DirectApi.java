package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bindsmith.http.backend.Backend;

import java.util.Objects;

/** The API in this process: the backend's use cases, their results mapped to the HTTP API's JSON. */
final class DirectApi implements Api {
    private final Backend backend;
    private final ObjectMapper json;

    DirectApi(Backend backend, ObjectMapper json) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Reply listZones() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Reply getZone(String zone) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Reply zoneStatus(String zone) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Reply createZone(JsonNode request) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Reply modifyZone(String zone, JsonNode patch) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Reply deleteZone(String zone) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Reply zoneAction(String zone, ZoneAction action) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Reply serverStatus() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Reply reloadServer() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public String describe() {
        return backend.describe();
    }

    @Override
    public void close() {
        backend.close();
    }
}
