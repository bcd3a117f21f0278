/**
 * The HTTP server on Helidon SE. Public: {@link dev.bindsmith.http.BindsmithServer} (start/stop),
 * {@link dev.bindsmith.http.HttpServerConfig} (environment and flags), {@link dev.bindsmith.http.ReadinessProbe},
 * {@link dev.bindsmith.http.Metrics} and {@link dev.bindsmith.http.MeteredNameServerControl}. Inside:
 * the route groups ({@code ZoneRoutes}, {@code RecordRoutes}, {@code HealthRoutes} …) registered on one
 * pipeline ({@code ApiRouting}: request id, shutdown gate, GCRA rate limit, bearer auth, access log,
 * metrics), the server's own refusals ({@code Refusal}: 401, 403, 413, 415, 429) and the exhaustive
 * mapping of outcomes and refusals to status and error envelope ({@code OutcomeReplies}). The JSON of
 * the API lives in {@link dev.bindsmith.http.json}, which knows nothing of Helidon.
 */
package dev.bindsmith.http;
