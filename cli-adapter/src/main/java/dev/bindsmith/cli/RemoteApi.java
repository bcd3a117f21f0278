package dev.bindsmith.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bindsmith.core.outcome.ErrorCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The API of a running bindsmith server, over HTTP ({@code --url}). Its status and envelope become
 * the reply ({@link RemoteReplies}); a server that cannot be reached is exit code 7, like a 503. The
 * token goes only into the {@code Authorization} header, never into a message.
 *
 * <p>Every change (POST, PUT, PATCH, DELETE) carries a fresh {@code Idempotency-Key}, so that the
 * command's own retries are safe: when the answer is lost on the way (the connection cut after the
 * request was sent, no answer within the timeout) the request is sent again, at most {@link #ATTEMPTS}
 * times, with the same key — a change the server made already is answered again instead of being made
 * twice. An answer, whatever its status, is reported as it is; a server that cannot be connected to at
 * all is not retried (nothing was sent).
 */
final class RemoteApi implements Api {
    private static final String PREFIX = "/api/v1";
    /** The longest {@code ?wait=} a server accepts. */
    private static final Duration MAX_SERVER_WAIT = dev.bindsmith.core.service.PropagationService.MAX_WAIT;

    static final int ATTEMPTS = 3;
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final URI base;
    /** {@code scheme://host[:port]}: the base without any user:password, which is never sent nor shown. */
    private final String origin;
    /** The origin and the base's path, for messages. */
    private final String shown;

    private final Optional<String> token;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Duration timeout;

    RemoteApi(URI base, Optional<String> token, ObjectMapper json, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.origin = base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
        this.shown = origin + Objects.requireNonNullElse(base.getRawPath(), "");
        this.token = Objects.requireNonNull(token, "token");
        this.json = Objects.requireNonNull(json, "json");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Reply listZones() {
        return send("GET", "/zones", Optional.empty());
    }

    @Override
    public Reply listZones(Map<String, String> query) {
        return send("GET", "/zones" + queryString(query), Optional.empty());
    }

    @Override
    public Reply reconcile(boolean full, boolean setAside) {
        return send("POST", "/server/reconcile?full=" + full + "&setAside=" + setAside, Optional.empty());
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    @Override
    public Reply getZone(String zone) {
        return send("GET", "/zones/" + segment(zone), Optional.empty());
    }

    @Override
    public Reply zoneStatus(String zone) {
        return send("GET", "/zones/" + segment(zone) + "/status", Optional.empty());
    }

    @Override
    public Reply createZone(JsonNode request) {
        return send("POST", "/zones", Optional.of(request));
    }

    @Override
    public Reply modifyZone(String zone, JsonNode patch) {
        return send("PATCH", "/zones/" + segment(zone), Optional.of(patch));
    }

    @Override
    public Reply deleteZone(String zone) {
        return send("DELETE", "/zones/" + segment(zone), Optional.empty());
    }

    @Override
    public Reply zoneAction(String zone, ZoneAction action) {
        return send("POST", "/zones/" + segment(zone) + "/" + action.path(), Optional.empty());
    }

    @Override
    public Reply listRecords(String zone, Map<String, String> query) {
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send("GET", "/zones/" + segment(zone) + "/records" + q, Optional.empty());
    }

    @Override
    public Reply changeRecord(String zone, String method, JsonNode body) {
        return send(method, "/zones/" + segment(zone) + "/records", Optional.of(body));
    }

    @Override
    public Reply applyRecords(String zone, JsonNode changes, boolean dryRun) {
        return send(
                "PATCH", "/zones/" + segment(zone) + "/records" + (dryRun ? "?dryRun=true" : ""), Optional.of(changes));
    }

    @Override
    public Reply serverStatus() {
        return send("GET", "/server/status", Optional.empty());
    }

    @Override
    public Reply reloadServer() {
        return send("POST", "/server/reload", Optional.empty());
    }

    @Override
    public Reply catalog(Map<String, String> query) {
        return send("GET", "/catalog" + queryString(query), Optional.empty());
    }

    @Override
    public Reply reconcileCatalog() {
        return send("POST", "/catalog/reconcile", Optional.empty());
    }

    @Override
    public Reply propagation(String zone, Optional<String> wait) {
        String path = "/zones/" + segment(zone) + "/propagation"
                + wait.map(w -> "?wait=" + URLEncoder.encode(w, StandardCharsets.UTF_8))
                        .orElse("");
        // the server may wait up to its maximum before it answers: the client waits that long too
        return send("GET", path, Optional.empty(), timeout.plus(MAX_SERVER_WAIT));
    }

    @Override
    public Reply dnssecStatus(String zone) {
        return send("GET", "/zones/" + segment(zone) + "/dnssec", Optional.empty());
    }

    @Override
    public Reply dnssecCommand(String zone, String verb, JsonNode body) {
        return send("POST", "/zones/" + segment(zone) + "/dnssec/" + verb, Optional.of(body));
    }

    @Override
    public Reply audit(Map<String, String> query) {
        return send("GET", "/audit" + queryString(query), Optional.empty());
    }

    @Override
    public String describe() {
        return shown;
    }

    @Override
    public void close() {
        http.close();
    }

    Reply send(String method, String path, Optional<JsonNode> body) {
        return send(method, path, body, timeout);
    }

    Reply send(String method, String path, Optional<JsonNode> body, Duration timeout) {
        // Built as a string, not with resolve(): resolve would normalise a ".." zone name into another route.
        URI uri = URI.create(origin + basePath() + PREFIX + path);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        if (CHANGES.contains(method)) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (body.isPresent()) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body.get())));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest built = request.build();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == ATTEMPTS;
            try {
                HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
                return RemoteReplies.of(
                        response.statusCode(), response.headers().firstValue("Retry-After"), response.body(), json);
            } catch (HttpConnectTimeoutException e) {
                return unreachable("cannot connect to " + shown + " (timed out)");
            } catch (ConnectException e) {
                if (unresolved(e)) {
                    return unreachable("cannot connect to " + shown + " (unknown host " + base.getHost() + ")");
                }
                return unreachable("cannot connect to " + shown + " ("
                        + (e.getMessage() == null ? "connection refused" : reason(e)) + ")");
            } catch (HttpTimeoutException e) {
                if (!last) {
                    continue;
                }
                return unreachable("no answer from " + shown + " within " + timeout.toSeconds() + " s (" + ATTEMPTS
                        + " attempts)");
            } catch (IOException e) {
                if (!last) {
                    pause(500L * attempt);
                    continue;
                }
                return unreachable("the connection to " + shown + " failed (" + reason(e) + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unreachable("interrupted while waiting for " + shown);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** No answer at all: the envelope a server would send for 503, with the code of the core's UNAVAILABLE. */
    private static Reply unreachable(String details) {
        Reply.Problem problem =
                new Reply.Problem("Service unavailable", details, ErrorCode.UNAVAILABLE.name(), Map.of());
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("error", problem.error());
        envelope.put("details", details);
        envelope.put("code", problem.code());
        return new Reply(ExitCodes.UNAVAILABLE, envelope, Optional.of(problem));
    }

    private String basePath() {
        String p = base.getRawPath();
        return p == null || p.equals("/") ? "" : p.replaceAll("/+$", "");
    }

    private byte[] bytes(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The HTTP client reports a host name that does not resolve as a ConnectException without a message. */
    private static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** A zone name as one path segment: anything but unreserved characters is percent-encoded, so no name adds a path. */
    static String segment(String raw) {
        StringBuilder sb = new StringBuilder();
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (raw.chars().allMatch(ch -> ch == '.')) {
                sb.append("%2E");
            } else if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
