package dev.bindsmith.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.http.access.Caller;
import dev.bindsmith.http.access.Guarded;
import dev.bindsmith.http.json.Answer;
import dev.bindsmith.http.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** One request as a route sees it: who asks, path parameters, its id, and its body judged as JSON. */
final class ApiRequest {
    private final ServerRequest request;
    private final String requestId;
    private final long maxBodyBytes;
    private final Caller caller;
    /** The body once read: by {@link #readBody()} for an idempotency key, or by {@link #withJson}. */
    private byte[] body;

    ApiRequest(ServerRequest request, String requestId, long maxBodyBytes, Caller caller) {
        this.request = request;
        this.requestId = requestId;
        this.maxBodyBytes = maxBodyBytes;
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    String requestId() {
        return requestId;
    }

    /** Who asks: the token's name and grant, the client's address, this request's id. */
    Caller caller() {
        return caller;
    }

    /** A path parameter of the route template, percent-decoded. */
    String param(String name) {
        return request.path().pathParameters().get(name);
    }

    /** A query parameter, percent-decoded; empty when the query does not have it. */
    Optional<String> query(String name) {
        return request.query().first(name).asOptional();
    }

    /** A request header's first value; empty when the request does not have it. */
    Optional<String> header(io.helidon.http.HeaderName name) {
        return request.headers().first(name);
    }

    /**
     * The body judged as JSON, in order: too large (413, from Content-Length before anything is read,
     * or while reading a chunked body), not {@code application/json} (415), not JSON (400); then the
     * operation on the tree.
     */
    Reply withJson(Function<JsonNode, Guarded> operation) {
        Optional<Long> declared =
                request.headers().contentLength().stream().boxed().findFirst();
        if (declared.isPresent() && declared.get() > maxBodyBytes) {
            return OutcomeReplies.refused(new Refusal.TooLarge(maxBodyBytes, declared.get()));
        }
        Optional<String> contentType = request.headers().first(HeaderNames.CONTENT_TYPE);
        if (contentType.isEmpty() || !isJson(contentType.get())) {
            return OutcomeReplies.refused(
                    new Refusal.UnsupportedMediaType("application/json", contentType.orElse("none")));
        }
        Optional<Reply> tooLarge = readBody();
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        return switch (Json.parse(body)) {
            case Outcome.Ok<JsonNode> tree -> guarded(operation.apply(tree.value()));
            case Outcome.Failure<JsonNode> invalid -> OutcomeReplies.failure(invalid);
            case Outcome.Created<JsonNode> created -> guarded(operation.apply(created.value()));
            case Outcome.Deleted<JsonNode> deleted -> throw new IllegalStateException("parsing deletes nothing");
        };
    }

    /** Reads the whole body now, once; the 413 when it passes the limit (then the connection is closed). */
    Optional<Reply> readBody() {
        if (body != null) {
            return Optional.empty();
        }
        if (!request.content().hasEntity()) {
            body = new byte[0];
            return Optional.empty();
        }
        try (InputStream in = request.content().inputStream()) {
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBodyBytes) {
                    return Optional.of(OutcomeReplies.refused(new Refusal.TooLarge(maxBodyBytes, total)));
                }
                out.write(buffer, 0, n);
            }
            body = out.toByteArray();
            return Optional.empty();
        } catch (RequestException e) {
            // The listener's own limit fired while a chunk was being read.
            if (e.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
                return Optional.of(OutcomeReplies.refused(new Refusal.TooLarge(maxBodyBytes, maxBodyBytes + 1)));
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body read by {@link #readBody()}. */
    byte[] body() {
        if (body == null) {
            throw new IllegalStateException("the body has not been read");
        }
        return body.clone();
    }

    /** What the guarded API answered, as the reply to send: its ignored fields logged with this request's id. */
    Reply guarded(Guarded guarded) {
        return switch (guarded) {
            case Guarded.Answered answered -> answer(answered.answer());
            case Guarded.Refused refused ->
                OutcomeReplies.refused(new Refusal.InsufficientScope(
                        refused.why().required(),
                        refused.why().granted(),
                        refused.why().sentence()));
        };
    }

    /** The answer as the reply to send, its ignored fields logged with this request's id. */
    Reply answer(Answer answer) {
        if (!answer.ignored().isEmpty()) {
            ApiRouting.ignored(requestId, answer.ignored());
        }
        return OutcomeReplies.of(answer);
    }

    /** {@code application/json}, with parameters such as {@code charset} allowed. */
    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }
}
