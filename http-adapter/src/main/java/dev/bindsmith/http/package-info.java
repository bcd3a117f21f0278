/**
 * The HTTP server on Helidon SE. Public: {@link dev.bindsmith.http.BindsmithServer} (start/stop),
 * {@link dev.bindsmith.http.HttpServerConfig} (environment and flags), {@link dev.bindsmith.http.ReadinessProbe},
 * {@link dev.bindsmith.http.Metrics} and {@link dev.bindsmith.http.MeteredNameServerControl}. Inside:
 * the route groups ({@code ZoneRoutes}, {@code ServerRoutes}, {@code HealthRoutes} …) registered on one
 * pipeline ({@code ApiRouting}: request id, shutdown gate, GCRA rate limit, bearer auth, access log,
 * metrics), JSON trees to the core's request records ({@code RequestBodies}), and the exhaustive
 * mapping of {@code Outcome} to status and error envelope ({@code OutcomeReplies}).
 */
package dev.bindsmith.http;
