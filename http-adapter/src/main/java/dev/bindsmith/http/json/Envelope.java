package dev.bindsmith.http.json;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.validation.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error envelope: {@code {error, details, <context keys>, [violations], code}}, a superset of the
 * reference API's {@code {error, details}}. A server adds {@code requestId}; the CLI prints it as is.
 */
public final class Envelope {
    private Envelope() {}

    /** The envelope of a use case's failure. */
    public static Map<String, Object> of(Outcome.Failure<?> failure) {
        List<Violation> violations = switch (failure) {
            case Outcome.Invalid<?> invalid -> invalid.violations();
            case Outcome.Unprocessable<?> unprocessable -> unprocessable.violations();
            case Outcome.NotFound<?> notFound -> List.of();
            case Outcome.Conflict<?> conflict -> List.of();
            case Outcome.BackendFailed<?> backendFailed -> List.of();
            case Outcome.Unavailable<?> unavailable -> List.of();
        };
        return body(
                failure.error(),
                failure.details(),
                failure.context(),
                violations,
                failure.code().name());
    }

    /** An envelope from its parts, for the failures only a transport produces (401, 413, 429 …). */
    public static Map<String, Object> body(
            String error, String details, Map<String, String> context, List<Violation> violations, String code) {
        return body(error, (Object) details, context, violations, code);
    }

    /**
     * The same, with {@code details} an object where a peer convention wants one ({@code {required,
     * granted}} of a 403 {@code INSUFFICIENT_SCOPE}).
     */
    public static Map<String, Object> body(
            String error, Object details, Map<String, String> context, List<Violation> violations, String code) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        body.put("details", details);
        context.forEach(body::putIfAbsent);
        if (!violations.isEmpty()) {
            body.put(
                    "violations",
                    violations.stream()
                            .map(v -> Bodies.of("field", v.field(), "message", v.message()))
                            .toList());
        }
        body.put("code", code);
        return body;
    }
}
