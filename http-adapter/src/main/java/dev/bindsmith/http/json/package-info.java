/**
 * The API's JSON without a transport, and without Helidon: {@link dev.bindsmith.http.json.JsonApi}
 * (request bodies into the core's requests, use-case outcomes into the API's bodies),
 * {@link dev.bindsmith.http.json.Envelope} (the error envelope) and {@link dev.bindsmith.http.json.Json}
 * (the one mapper). The HTTP routes serve it; the CLI's direct mode calls it in process.
 */
package dev.bindsmith.http.json;
