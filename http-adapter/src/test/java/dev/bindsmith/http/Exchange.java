package dev.bindsmith.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One HTTP exchange for the tests: a request built fluently, and the response read fully. */
final class Exchange {

    record Response(int status, Map<String, String> headers, String body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }

        JsonNode json() {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    static final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean chunked;

        Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request without(String name) {
            headers.remove(name);
            return this;
        }

        Request token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Request client(String ip) {
            return header("X-Forwarded-For", ip);
        }

        Request json(String json) {
            return body("application/json", json);
        }

        Request body(String contentType, String text) {
            header("Content-Type", contentType);
            body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** Sends the body with chunked transfer encoding (no Content-Length). */
        Request chunked() {
            chunked = true;
            return this;
        }

        Response send(Http1Client client) {
            int q = path.indexOf('?');
            Http1ClientRequest r = client.method(Method.create(method)).path(q < 0 ? path : path.substring(0, q));
            if (q >= 0) {
                // a query in the path would be percent-encoded into it: pass each parameter as one
                for (String pair : path.substring(q + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    r.queryParam(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
                }
            }
            headers.forEach((k, v) -> r.header(HeaderNames.create(k), v));
            Http1ClientResponse res;
            if (body == null) {
                res = r.request();
            } else if (chunked) {
                byte[] b = body;
                res = r.outputStream(out -> {
                    for (int i = 0; i < b.length; i += 1000) {
                        out.write(b, i, Math.min(1000, b.length - i));
                        out.flush();
                    }
                    out.close();
                });
            } else {
                res = r.submit(body);
            }
            try (res) {
                Map<String, String> h = new LinkedHashMap<>();
                res.headers().forEach(header -> h.put(header.name(), header.values()));
                String text = res.entity().hasEntity() ? res.as(String.class) : "";
                Response response = new Response(res.status().code(), h, text);
                OpenApiResponses.check(method, path, response);
                return response;
            }
        }
    }
}
