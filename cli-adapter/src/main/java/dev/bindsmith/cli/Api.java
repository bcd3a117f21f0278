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

    /** {@code GET /zones/{zone}/records?name=&type=&cursor=&limit=}; each query value is optional. */
    Reply listRecords(String zone, java.util.Map<String, String> query);

    /** {@code POST}, {@code PUT} or {@code DELETE /zones/{zone}/records} with the reference's bodies. */
    Reply changeRecord(String zone, String method, JsonNode body);

    /** {@code PATCH /zones/{zone}/records}: an atomic change set, {@code ?dryRun=true} to only judge it. */
    Reply applyRecords(String zone, JsonNode changes, boolean dryRun);

    Reply serverStatus();

    /** {@code GET /catalog?cursor=&limit=}: a page of the catalog zone's members. */
    Reply catalog(java.util.Map<String, String> query);

    /** {@code POST /catalog/reconcile}. */
    Reply reconcileCatalog();

    /** {@code GET /zones/{zone}/propagation[?wait=]}: what each secondary serves. */
    Reply propagation(String zone, java.util.Optional<String> wait);

    /** {@code GET /zones/{zone}/dnssec}. */
    Reply dnssecStatus(String zone);

    /** {@code POST /zones/{zone}/dnssec/rollover} or {@code …/checkds} ({@code verb}) with its body. */
    Reply dnssecCommand(String zone, String verb, JsonNode body);

    Reply reloadServer();

    /** {@code GET /zones?cursor=&limit=}: one page of zones (each query value is optional; neither is every zone). */
    Reply listZones(java.util.Map<String, String> query);

    /** {@code POST /server/reconcile?full=&setAside=}: settles the zone store with the name server. */
    Reply reconcile(boolean full, boolean setAside);

    /** {@code GET /audit?zone=&since=&until=&cursor=&limit=}; each query value is optional. */
    Reply audit(java.util.Map<String, String> query);

    /** Where the calls go, for --verbose: {@code http://127.0.0.1:8080}, or the backend ({@code embedded: …}). */
    String describe();

    @Override
    void close();
}
