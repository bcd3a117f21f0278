package dev.bindsmith.http;

import java.util.Map;

/** What a route answers, before the pipeline adds the request id and sends it. */
sealed interface Reply {
    int status();

    Map<String, String> headers();

    /**
     * A JSON body. When {@code envelope} is true the body is the error envelope and the pipeline
     * appends {@code requestId} to it.
     */
    record Json(int status, Object body, Map<String, String> headers, boolean envelope) implements Reply {}

    record Text(int status, String contentType, String body, Map<String, String> headers) implements Reply {}

    record Empty(int status, Map<String, String> headers) implements Reply {}

    static Reply json(int status, Object body) {
        return new Json(status, body, Map.of(), false);
    }

    static Reply json(int status, Object body, Map<String, String> headers) {
        return new Json(status, body, headers, false);
    }
}
