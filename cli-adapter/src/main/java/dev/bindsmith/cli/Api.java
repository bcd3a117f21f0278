package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bindsmith API as the commands see it, one method per HTTP route. {@link DirectApi} calls the
 * use cases in this process; {@link RemoteApi} calls a running bindsmith server. Both answer with the
 * same {@link Reply}, so that every command prints the same thing in both modes. Request bodies are
 * the JSON the HTTP API takes.
 */
interface Api extends AutoCloseable {

    Reply listZones();

    Reply getZone(String zone);

    Reply zoneStatus(String zone);

    Reply createZone(JsonNode request);

    Reply modifyZone(String zone, JsonNode patch);

    Reply deleteZone(String zone);

    Reply zoneAction(String zone, ZoneAction action);

    Reply serverStatus();

    Reply reloadServer();

    /** Where the calls go, for messages: {@code http://127.0.0.1:8080} or {@code backend: embedded (…)}. */
    String describe();

    @Override
    void close();
}
