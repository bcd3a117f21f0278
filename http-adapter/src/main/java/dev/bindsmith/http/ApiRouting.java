package dev.bindsmith.http;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.http.access.Caller;
import dev.bindsmith.http.access.TokenStore;
import dev.bindsmith.http.json.Envelope;
import dev.bindsmith.http.json.Json;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
 * <li>(authentication off) a browser's request for another site, or a host name that is not ours? → 403;</li>
 * <li>(protected routes) over the client's rate limit? → 429 — before authentication and before the
 *     body, as in the reference, so that every guess at a token is counted whatever it looks like;</li>
 * <li>(protected routes) too many failed authentications from this client? → 429, without looking at
 *     the token (a stricter bucket that only failures spend);</li>
 * <li>(protected routes) authenticated? → 401 (an expired token: {@code TOKEN_EXPIRED});</li>
 * <li>(protected routes) from an address the token's {@code allowFrom} admits? → 403 {@code IP_NOT_ALLOWED};</li>
 * <li>a declared body over the limit? → 413 (nothing is read; the connection is closed);</li>
 * <li>(a change with an {@code Idempotency-Key}) the same key for another request? → 409; the same
 *     request again? → the first one's answer ({@link IdempotencyKeys});</li>
 * <li>the operation, judged against the token's grant and audited ({@link dev.bindsmith.http.access.GuardedApi}):
 *     a zone outside the grant 404, a verb or record type it lacks 403 {@code INSUFFICIENT_SCOPE};</li>
 * <li>the route: body size (413), media type (415), JSON (400), validation (400/422), existence
 *     (404/409), the backend (500) — see {@link ApiRequest#withJson} and the core's use cases;</li>
 * </ol>
 * A body the route did not read is never drained: the connection is closed after the answer, so a
 * client cannot make the server read a body of any size it declares.
 * and every request gets a request id, one access-log line and its metrics, labelled with its route
 * template. An unexpected exception is logged with the request id and answered with a generic 500.
 */
final class ApiRouting {
    static final String UNMATCHED = "<unmatched>";
    /** The methods an {@code Idempotency-Key} applies to. */
    private static final Set<Method> IDEMPOTENT = Set.of(Method.POST, Method.PUT, Method.PATCH, Method.DELETE);

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
    /** Spent only by failed authentications; when it is empty the client gets 429 before its token is looked at. */
    private final GcraRateLimiter authFailures;

    private final Optional<BearerAuthenticator> authenticator;
    private final ClientAddresses clients;
    private final IdempotencyKeys idempotency;
    /** With authentication off: refuses what a web page would send. */
    private final Optional<BrowserGuard> browsers;

    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Set<String> pages = new LinkedHashSet<>();

    ApiRouting(
            HttpServerConfig config,
            Clock clock,
            Supplier<? extends RandomGenerator> random,
            Metrics metrics,
            ShutdownGate gate) {
        this(config, clock, random, metrics, gate, TokenStore.none());
    }

    ApiRouting(
            HttpServerConfig config,
            Clock clock,
            Supplier<? extends RandomGenerator> random,
            Metrics metrics,
            ShutdownGate gate,
            TokenStore scopedTokens) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.gate = gate;
        this.ids = new RequestIds(random);
        this.limiter = config.rateLimit().enabled()
                ? Optional.of(new GcraRateLimiter(config.rateLimit(), clock, 100_000))
                : Optional.empty();
        this.authFailures = new GcraRateLimiter(config.authFailures(), clock, 100_000);
        this.authenticator = config.authRequired()
                ? Optional.of(new BearerAuthenticator(config.tokens(), scopedTokens, clock))
                : Optional.empty();
        this.idempotency = new IdempotencyKeys(clock);
        this.clients = new ClientAddresses(config.trustedProxies());
        this.browsers = config.authRequired() ? Optional.empty() : Optional.of(new BrowserGuard(config.allowedHosts()));
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
     * The listener settings the pipeline relies on. The listener has no body limit of its own: a declared
     * Content-Length over ours is refused by the pipeline ({@link #judge}), after the rate limit and the
     * token, so that a request never learns whether its token is right before it has been counted;
     * a chunked body is cut by {@link ApiRequest#withJson} as it passes the limit. Connections and
     * concurrent requests are bounded (Helidon's default is unlimited); a request over the concurrency
     * limit is answered at once with the JSON 503 ({@link #busyBeforeRouting}).
     */
    void configure(WebServerConfig.Builder server) {
        // Helidon 4.4.0's default NIO socket writes a response 8 KiB at a time and drops what the kernel
        // did not take of a write when the send buffer is nearly full: a body of megabytes (every zone of
        // 100 000) lost a few KiB and the client waited for ever on its Content-Length (issue 11,
        // LargeZoneListTest). The plain socket writes each buffer whole.
        server.useNio(false);
        // Nagle off (Helidon leaves it on): an answer larger than Helidon's write buffer (a 100-change
        // PATCH's, 17 KB) goes out in more than one write, and the last waited for the client's delayed
        // ACK, 40 ms on Linux, on every such answer.
        server.connectionOptions(o -> o.tcpNoDelay(true));
        server.maxPayloadSize(-1);
        server.maxTcpConnections(config.maxConnections());
        server.maxConcurrentRequests(config.maxConcurrentRequests());
        server.directHandlers(DirectHandlers.builder()
                .addHandler(DirectHandler.EventType.OTHER, this::busyBeforeRouting)
                .build());
    }

    /** Helidon's "too many concurrent requests" (an OTHER event with 503) as the API's JSON 503. */
    private DirectHandler.TransportResponse busyBeforeRouting(
            DirectHandler.TransportRequest request,
            DirectHandler.EventType type,
            Status status,
            io.helidon.http.ServerResponseHeaders headers,
            String message) {
        if (status.code() != Status.SERVICE_UNAVAILABLE_503.code()) {
            return DirectHandler.defaultHandler().handle(request, type, status, headers, message);
        }
        long start = System.nanoTime();
        String id = ids.fresh();
        accessLog(request.method(), UNMATCHED, 503, start, id, "");
        var body = new LinkedHashMap<Object, Object>(Envelope.body(
                "Service unavailable",
                "The server is handling as many requests as it may at once (BINDSMITH_MAX_CONCURRENT_REQUESTS);"
                        + " try again",
                Map.of(),
                List.of(),
                ErrorCode.UNAVAILABLE.name()));
        body.put("requestId", id);
        return DirectHandler.TransportResponse.builder()
                .status(Status.SERVICE_UNAVAILABLE_503)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create("X-Request-Id"), id)
                .header(HeaderNames.RETRY_AFTER, "1")
                .keepAlive(false)
                .entity(Json.write(body))
                .build();
    }

    private void handle(String template, Access access, Handler handler, ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        String id = ids.of(req.headers().first(HeaderNames.create("X-Request-Id")));
        MDC.put(REQUEST_ID, id);
        String client = clients.resolve(
                req.remotePeer().host(),
                req.headers().all(HeaderNames.X_FORWARDED_FOR, List::of),
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
            if (req.content().hasEntity() && !req.content().consumed()) {
                // Helidon would read the rest of a body nobody wants (whatever size it declares): close instead.
                extra.put("Connection", "close");
            }
            // Logged and counted before sending, so both exist by the time the client has its answer.
            accessLog(req.prologue().method().text(), template, reply.status(), start, id, client);
            send(res, reply, id, extra, req.prologue().method() == Method.HEAD);
            if ("close".equalsIgnoreCase(extra.get("Connection"))
                    || "close".equalsIgnoreCase(reply.headers().get("Connection"))) {
                // A header alone does not end a Helidon connection: it would go on reading the next request,
                // or the rest of a body nobody reads. The answer is written; this ends the exchange.
                throw new CloseConnectionException("closed after the answer (" + id + ")");
            }
        } finally {
            if (entered) {
                gate.exit();
            }
            MDC.remove(REQUEST_ID);
        }
    }

    private Reply judge(
            Access access, Handler handler, ServerRequest req, String id, String client, Map<String, String> extra) {
        Caller caller = Caller.anonymous(client, id);
        if (browsers.isPresent()) {
            Optional<Refusal.Forbidden> refused = browsers.get()
                    .check(
                            req.headers().first(HeaderNames.HOST),
                            req.headers().first(HeaderNames.ORIGIN),
                            req.headers().first(HeaderNames.create("Sec-Fetch-Site")));
            if (refused.isPresent()) {
                return OutcomeReplies.refused(refused.get());
            }
        }
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
                GcraRateLimiter.Decision failures = authFailures.peek(client);
                if (!failures.allowed()) {
                    metrics.rateLimitDecision("limited");
                    return OutcomeReplies.refused(new Refusal.RateLimited(failures.retryAfter()));
                }
                switch (authenticator.get().authenticate(req.headers().first(HeaderNames.AUTHORIZATION))) {
                    case BearerAuthenticator.Result.Refused refused -> {
                        authFailures.acquire(client);
                        return OutcomeReplies.refused(refused.refusal());
                    }
                    case BearerAuthenticator.Result.Authenticated who -> {
                        if (!who.grant().allowFrom().isEmpty()
                                && !ClientAddresses.literal(client)
                                        .map(who.grant()::allowsAddress)
                                        .orElse(false)) {
                            return OutcomeReplies.refused(new Refusal.IpNotAllowed(who.name(), client));
                        }
                        caller = Caller.token(who.name(), who.grant(), client, id);
                    }
                }
            }
        }
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > config.maxBodyBytes()) {
            return OutcomeReplies.refused(new Refusal.TooLarge(config.maxBodyBytes(), declared.getAsLong()));
        }
        ApiRequest request = new ApiRequest(req, id, config.maxBodyBytes(), caller);
        Optional<String> key = req.headers().first(HeaderNames.create("Idempotency-Key"));
        if (access == Access.PROTECTED
                && key.isPresent()
                && IDEMPOTENT.contains(req.prologue().method())) {
            return idempotent(handler, request, req, key.get(), caller, id);
        }
        return handler.handle(request);
    }

    /**
     * A change sent with an {@code Idempotency-Key} ({@link IdempotencyKeys}): the first runs and its
     * answer is kept; a repeat with the same method, path and body gets that answer again, marked
     * {@code Idempotent-Replayed: true} (waiting for it when the first still runs); another request with
     * the same key is 409.
     */
    private Reply idempotent(
            Handler handler, ApiRequest request, ServerRequest req, String key, Caller caller, String id) {
        if (!IdempotencyKeys.valid(key)) {
            return OutcomeReplies.refused(new Refusal.InvalidIdempotencyKey());
        }
        Optional<Reply> tooLarge = request.readBody();
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        String fingerprint = fingerprint(
                req.prologue().method().text(),
                req.path().rawPath(),
                req.query().rawValue(),
                req.headers().first(HeaderNames.CONTENT_TYPE).orElse(""),
                request.body());
        String token = caller.token().orElse("");
        return switch (idempotency.claim(token, key, fingerprint)) {
            case IdempotencyKeys.Claim.Conflict conflict ->
                OutcomeReplies.refused(new Refusal.IdempotencyConflict(key));
            case IdempotencyKeys.Claim.Replay replay -> replayed(replay.stored());
            case IdempotencyKeys.Claim.First first -> {
                Reply reply;
                try {
                    reply = handler.handle(request);
                } catch (RuntimeException e) {
                    idempotency.abandon(first);
                    throw e;
                }
                idempotency.complete(first, reply, id);
                yield reply;
            }
        };
    }

    /** A kept answer as it was sent (its request id too), marked as a replay. */
    private static Reply replayed(IdempotencyKeys.Stored stored) {
        Map<String, String> headers = new LinkedHashMap<>(stored.reply().headers());
        headers.put("X-Request-Id", stored.requestId());
        headers.put("Idempotent-Replayed", "true");
        return switch (stored.reply()) {
            case Reply.Json json -> {
                Object body = json.body();
                if (json.envelope() && body instanceof Map<?, ?> map) {
                    var withId = new LinkedHashMap<Object, Object>(map);
                    withId.put("requestId", stored.requestId());
                    body = withId;
                }
                yield new Reply.Json(json.status(), body, headers, false);
            }
            case Reply.Text text -> new Reply.Text(text.status(), text.contentType(), text.body(), headers);
            case Reply.Empty empty -> new Reply.Empty(empty.status(), headers);
        };
    }

    /** What makes two requests the same request: method, raw path and query, media type, body. */
    private static String fingerprint(String method, String path, String query, String contentType, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(method, path, query, contentType)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void send(ServerResponse res, Reply reply, String id, Map<String, String> extra, boolean head) {
        res.status(Status.create(reply.status()));
        res.header(HeaderNames.create("X-Request-Id"), id);
        extra.forEach((k, v) -> res.header(HeaderNames.create(k), v));
        reply.headers().forEach((k, v) -> res.header(HeaderNames.create(k), v));
        byte[] body;
        switch (reply) {
            case Reply.Json json -> {
                Object value = json.body();
                if (json.envelope() && value instanceof Map<?, ?> map) {
                    var withId = new LinkedHashMap<Object, Object>(map);
                    withId.put("requestId", id);
                    value = withId;
                }
                res.header(HeaderValues.CONTENT_TYPE_JSON);
                Optional<Json.Streamed> streamed = Json.streamed(value);
                if (streamed.isPresent()) {
                    sendStreamed(res, streamed.get(), head);
                    return;
                }
                body = Json.write(value);
            }
            case Reply.Text text -> {
                res.header(HeaderNames.CONTENT_TYPE, text.contentType());
                body = text.body().getBytes(StandardCharsets.UTF_8);
            }
            case Reply.Empty empty -> body = new byte[0];
        }
        if (head) {
            // HEAD answers GET's status and headers, with the length the body would have, and no body
            res.header(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
            res.send();
        } else {
            res.send(body);
        }
    }

    /**
     * A body written a piece at a time behind its {@code Content-Length} (the list of every zone): no
     * array of the whole body, and none of Helidon's, which copies a {@code send(byte[])} body whole
     * behind the headers. With the length set, Helidon's stream writes the first piece with the headers
     * and each later one to the socket as it is, neither chunked nor copied.
     */
    private static void sendStreamed(ServerResponse res, Json.Streamed body, boolean head) {
        res.header(HeaderNames.CONTENT_LENGTH, Long.toString(body.length()));
        if (head) {
            res.send();
            return;
        }
        try (OutputStream out = res.outputStream()) {
            body.writeTo(out);
        } catch (IOException e) {
            // the client went away or the connection broke mid-body: nothing more can be sent on it
            throw new UncheckedIOException(e);
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
