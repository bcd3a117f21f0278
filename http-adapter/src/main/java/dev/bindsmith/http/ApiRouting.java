package dev.bindsmith.http;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.http.json.Json;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The routes and the pipeline every request goes through. Route groups register endpoints here; each
 * endpoint's handler is wrapped so that a request is judged in one order:
 * <ol>
 * <li>shutting down? → 503;</li>
 * <li>(protected routes) over the client's rate limit? → 429 — before authentication, as in the
 *     reference, so that guessing tokens is throttled too;</li>
 * <li>(protected routes) authenticated? → 401;</li>
 * <li>the route: body size (413), media type (415), JSON (400), validation (400/422), existence
 *     (404/409), the backend (500) — see {@link ApiRequest#json()} and the core's use cases;</li>
 * </ol>
 * and every request gets a request id, one access-log line and its metrics, labelled with its route
 * template. An unexpected exception is logged with the request id and answered with a generic 500.
 */
final class ApiRouting {
    static final String UNMATCHED = "<unmatched>";
    private static final String ZONES_PREFIX = "/api/v1/zones/";
    /** The MDC key under which every log line written while a request is handled carries its id. */
    static final String REQUEST_ID = "requestId";

    // Client-controlled values go into log events only as arguments or key-value pairs, never into a
    // message pattern: the encoder escapes them (JSON, or the text layout), so none can start a line.
    private static final Logger LOG = LoggerFactory.getLogger("dev.bindsmith.http");
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.bindsmith.http.access");

    /** Public routes (health, readiness, metrics, the API description) need no token and are not rate-limited. */
    enum Access {
        PUBLIC,
        PROTECTED
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(ApiRequest request);
    }

    /** One registered endpoint: method, route template, access, handler. */
    record Endpoint(Method method, String template, Access access, Handler handler) {}

    private final HttpServerConfig config;
    private final Clock clock;
    private final Metrics metrics;
    private final ShutdownGate gate;
    private final RequestIds ids;
    private final Optional<GcraRateLimiter> limiter;
    private final Optional<BearerAuthenticator> authenticator;
    private final ClientAddresses clients;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Set<String> pages = new LinkedHashSet<>();

    ApiRouting(
            HttpServerConfig config,
            Clock clock,
            Supplier<? extends RandomGenerator> random,
            Metrics metrics,
            ShutdownGate gate) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.gate = gate;
        this.ids = new RequestIds(random);
        this.limiter = config.rateLimit().enabled()
                ? Optional.of(new GcraRateLimiter(config.rateLimit(), clock, 100_000))
                : Optional.empty();
        this.authenticator =
                config.authRequired() ? Optional.of(new BearerAuthenticator(config.tokens(), clock)) : Optional.empty();
        this.clients = new ClientAddresses(config.trustedProxies());
    }

    Clock clock() {
        return clock;
    }

    Metrics metrics() {
        return metrics;
    }

    ApiRouting add(RouteGroup group) {
        group.register(this);
        return this;
    }

    void get(String template, Access access, Handler handler) {
        endpoints.add(new Endpoint(Method.GET, template, access, handler));
    }

    void post(String template, Access access, Handler handler) {
        endpoints.add(new Endpoint(Method.POST, template, access, handler));
    }

    void put(String template, Access access, Handler handler) {
        endpoints.add(new Endpoint(Method.PUT, template, access, handler));
    }

    void patch(String template, Access access, Handler handler) {
        endpoints.add(new Endpoint(Method.PATCH, template, access, handler));
    }

    void delete(String template, Access access, Handler handler) {
        endpoints.add(new Endpoint(Method.DELETE, template, access, handler));
    }

    List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /**
     * A public page for people (the web console, Swagger UI): a {@code GET} through the same pipeline,
     * but not an API operation, so docs/openapi.yaml does not describe it.
     */
    void page(String template, Handler handler) {
        get(template, Access.PUBLIC, handler);
        pages.add(template);
    }

    /** Whether docs/openapi.yaml must describe this endpoint: every one but the pages. */
    boolean described(Endpoint e) {
        return !pages.contains(e.template());
    }

    /** Registers every endpoint, a 405 (with {@code Allow}) per known path, and a JSON 404 for the rest. */
    void install(HttpRouting.Builder routing) {
        Map<String, Set<Method>> methods = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            routing.route(
                    e.method(), e.template(), (req, res) -> handle(e.template(), e.access(), e.handler(), req, res));
            methods.computeIfAbsent(e.template(), t -> new LinkedHashSet<>()).add(e.method());
            if (e.method() == Method.GET) {
                // HEAD is GET without the body (RFC 9110 §9.3.2): same judgement, same status and headers
                routing.route(
                        Method.HEAD,
                        e.template(),
                        (req, res) -> handle(e.template(), e.access(), e.handler(), req, res));
                methods.get(e.template()).add(Method.HEAD);
            }
        }
        methods.forEach((template, allowed) -> {
            String allow = allowed.stream().map(Method::text).collect(Collectors.joining(", "));
            routing.any(
                    template,
                    (req, res) -> handle(
                            template,
                            Access.PUBLIC,
                            r -> OutcomeReplies.methodNotAllowed(
                                    req.prologue().method().text(), allow),
                            req,
                            res));
        });
        routing.any((req, res) -> {
            Optional<String> slashed = zoneNameWithSlash(req.path().rawPath());
            if (slashed.isPresent()) {
                // A {name} with an encoded slash (a%2F..%2Fb) is decoded before routing and matches no
                // route; it is an invalid zone name, judged like one on the route it was meant for.
                handle(
                        UNMATCHED,
                        Access.PROTECTED,
                        r -> OutcomeReplies.failure(invalidZoneName(slashed.get())),
                        req,
                        res);
            } else {
                handle(
                        UNMATCHED,
                        Access.PUBLIC,
                        r -> OutcomeReplies.notFoundEndpoint(req.path().path()),
                        req,
                        res);
            }
        });
    }

    /** The decoded first segment after {@code /api/v1/zones/} when that segment holds an encoded {@code /}. */
    private static Optional<String> zoneNameWithSlash(String rawPath) {
        if (!rawPath.startsWith(ZONES_PREFIX)) {
            return Optional.empty();
        }
        String segment = rawPath.substring(ZONES_PREFIX.length()).split("/", 2)[0];
        if (!segment.toUpperCase(Locale.ROOT).contains("%2F")) {
            return Optional.empty();
        }
        try {
            // URLDecoder decodes form data: keep a literal '+' a '+'.
            return Optional.of(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Outcome.Invalid<Void> invalidZoneName(String name) {
        String problem = ZoneName.problem(name).orElse("Invalid zone name: a zone name has no '/'");
        // As the use cases do: the raw name is not echoed, it may hold control characters.
        return new Outcome.Invalid<>(
                ErrorCode.INVALID_ZONE_NAME,
                "Invalid zone name",
                List.of(Violation.malformed("name", problem)),
                Map.of());
    }

    /**
     * The listener settings the pipeline relies on: Helidon rejects a declared body over the limit
     * before routing (without reading it), and this makes that 413 the same JSON envelope. The
     * listener's limit is one byte above ours so that a chunked body is always cut by
     * {@link ApiRequest#json()}, which answers through the pipeline.
     */
    void configure(WebServerConfig.Builder server) {
        server.maxPayloadSize(config.maxBodyBytes() + 1);
        // Helidon 4.4 reports a Content-Length over the limit as a BAD_REQUEST event with status 413.
        server.directHandlers(DirectHandlers.builder()
                .addHandler(DirectHandler.EventType.PAYLOAD_TOO_LARGE, this::tooLargeBeforeRouting)
                .addHandler(DirectHandler.EventType.BAD_REQUEST, this::tooLargeBeforeRouting)
                .build());
    }

    private DirectHandler.TransportResponse tooLargeBeforeRouting(
            DirectHandler.TransportRequest request,
            DirectHandler.EventType type,
            Status status,
            io.helidon.http.ServerResponseHeaders headers,
            String message) {
        if (status.code() != Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
            return DirectHandler.defaultHandler().handle(request, type, status, headers, message);
        }
        long start = System.nanoTime();
        String id = ids.fresh();
        long size = request.headers().contentLength().orElse(-1);
        // The body is never read here, but the judging order still holds: a closing server says so, and a
        // protected route wants its token before anyone learns about the body. (The rate limit needs the
        // client's address, which Helidon does not give before routing.)
        Reply reply;
        if (gate.isClosed()) {
            reply = OutcomeReplies.failure(
                    new Outcome.Unavailable<Void>(ErrorCode.SHUTTING_DOWN, "Server is shutting down"));
        } else {
            Optional<Refusal.Unauthenticated> denied =
                    authenticator.isPresent() && isProtected(request.method(), request.path())
                            ? authenticator.get().check(request.headers().first(HeaderNames.AUTHORIZATION))
                            : Optional.empty();
            reply = OutcomeReplies.refused(
                    denied.isPresent() ? denied.get() : new Refusal.TooLarge(config.maxBodyBytes(), size));
        }
        accessLog(request.method(), UNMATCHED, reply.status(), start, id, "");
        var response = DirectHandler.TransportResponse.builder()
                .status(Status.create(reply.status()))
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create("X-Request-Id"), id)
                .keepAlive(false);
        reply.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Connection")) {
                response.header(HeaderNames.create(k), v);
            }
        });
        if (reply instanceof Reply.Json json && json.body() instanceof Map<?, ?> map) {
            var body = new LinkedHashMap<Object, Object>(map);
            body.put("requestId", id);
            response.entity(Json.write(body));
        }
        return response.build();
    }

    /** Whether {@code method path} (a raw request target) is a registered protected endpoint. */
    private boolean isProtected(String method, String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        for (Endpoint e : endpoints) {
            if (e.access() == Access.PROTECTED
                    && e.method().text().equalsIgnoreCase(method)
                    && path.matches(e.template().replaceAll("\\{[^/]+}", "[^/]+"))) {
                return true;
            }
        }
        return false;
    }

    private void handle(String template, Access access, Handler handler, ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        String id = ids.of(req.headers().first(HeaderNames.create("X-Request-Id")));
        MDC.put(REQUEST_ID, id);
        String client = clients.resolve(
                req.remotePeer().host(),
                req.headers().first(HeaderNames.X_FORWARDED_FOR),
                req.headers().first(HeaderNames.create("X-Real-IP")));
        boolean entered = gate.enter();
        try {
            Map<String, String> extra = new LinkedHashMap<>();
            Reply reply;
            if (!entered) {
                reply = OutcomeReplies.failure(
                        new Outcome.Unavailable<Void>(ErrorCode.SHUTTING_DOWN, "Server is shutting down"));
                extra.put("Connection", "close");
            } else {
                try {
                    reply = judge(access, handler, req, id, client, extra);
                } catch (RuntimeException e) {
                    LOG.error(
                            "request {} ({} {}) failed unexpectedly",
                            id,
                            req.prologue().method().text(),
                            template,
                            e);
                    reply = OutcomeReplies.internalError();
                }
            }
            // Logged and counted before sending, so both exist by the time the client has its answer.
            accessLog(req.prologue().method().text(), template, reply.status(), start, id, client);
            send(res, reply, id, extra, req.prologue().method() == Method.HEAD);
        } finally {
            if (entered) {
                gate.exit();
            }
            MDC.remove(REQUEST_ID);
        }
    }

    private Reply judge(
            Access access, Handler handler, ServerRequest req, String id, String client, Map<String, String> extra) {
        if (access == Access.PROTECTED) {
            if (limiter.isPresent()) {
                GcraRateLimiter.Decision d = limiter.get().acquire(client);
                metrics.rateLimitDecision(d.allowed() ? "allowed" : "limited");
                var limit = config.rateLimit();
                extra.put(
                        "RateLimit-Policy",
                        "\"default\";q=" + limit.requests() + ";w="
                                + limit.period().toSeconds() + ";burst=" + limit.burst());
                extra.put("RateLimit", "\"default\";r=" + d.remaining() + ";t=" + ceilSeconds(d.reset()));
                if (!d.allowed()) {
                    return OutcomeReplies.refused(new Refusal.RateLimited(d.retryAfter()));
                }
            }
            if (authenticator.isPresent()) {
                var denied = authenticator.get().check(req.headers().first(HeaderNames.AUTHORIZATION));
                if (denied.isPresent()) {
                    return OutcomeReplies.refused(denied.get());
                }
            }
        }
        return handler.handle(new ApiRequest(req, id, config.maxBodyBytes()));
    }

    private static void send(ServerResponse res, Reply reply, String id, Map<String, String> extra, boolean head) {
        res.status(Status.create(reply.status()));
        res.header(HeaderNames.create("X-Request-Id"), id);
        extra.forEach((k, v) -> res.header(HeaderNames.create(k), v));
        reply.headers().forEach((k, v) -> res.header(HeaderNames.create(k), v));
        byte[] body = switch (reply) {
            case Reply.Json json -> {
                Object value = json.body();
                if (json.envelope() && value instanceof Map<?, ?> map) {
                    var withId = new LinkedHashMap<Object, Object>(map);
                    withId.put("requestId", id);
                    value = withId;
                }
                res.header(HeaderValues.CONTENT_TYPE_JSON);
                yield Json.write(value);
            }
            case Reply.Text text -> {
                res.header(HeaderNames.CONTENT_TYPE, text.contentType());
                yield text.body().getBytes(StandardCharsets.UTF_8);
            }
            case Reply.Empty empty -> new byte[0];
        };
        if (head) {
            // HEAD answers GET's status and headers, with the length the body would have, and no body
            res.header(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
            res.send();
        } else {
            res.send(body);
        }
    }

    private void accessLog(String method, String route, int status, long startNanos, String id, String client) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        metrics.request(method, route, status, took);
        if (ACCESS.isInfoEnabled()) {
            ACCESS.atInfo()
                    .addKeyValue("method", method)
                    .addKeyValue("route", route)
                    .addKeyValue("status", status)
                    .addKeyValue("durationMs", took.toNanos() / 1e6)
                    .addKeyValue("requestId", id)
                    .addKeyValue("client", client)
                    .log("{} {} {}", method, route, status);
        }
    }

    /** Logs, with the request id, the request fields that were ignored because no field has their name. */
    static void ignored(String requestId, Set<String> unknown) {
        // The names are the client's: an argument (escaped by the encoder), never part of the pattern.
        LOG.atInfo()
                .addKeyValue("requestId", requestId)
                .addKeyValue("ignoredFields", List.copyOf(unknown))
                .log("request {}: ignored unknown fields {}", requestId, unknown);
    }

    private static long ceilSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
