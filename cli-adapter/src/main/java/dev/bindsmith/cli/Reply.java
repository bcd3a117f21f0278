package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one API call produced, the same in direct and remote mode: the exit code it means, the JSON
 * that {@code --output json} prints (the success body, the error envelope of a failure, or nothing
 * ({@link MissingNode}) for a 204), and the failure to report on standard error.
 */
record Reply(int exitCode, JsonNode json, Optional<Problem> problem) {

    /** A failure as the error envelope tells it: the envelope's {@code error}, {@code details}, {@code code}, context. */
    record Problem(String error, String details, String code, Map<String, String> context) {
        Problem {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(code, "code");
            context = Map.copyOf(context);
        }

        /** One line: {@code Zone not found: No zone named 'x' exists}, the error said once. */
        String oneLine() {
            String d = details.strip();
            // Some details already begin with the error ("Invalid zone name: the name has …"): say it once.
            String line = d.isEmpty() || d.equals(error) ? error : d.startsWith(error + ":") ? d : error + ": " + d;
            return line.replace('\n', ' ');
        }
    }

    Reply {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(problem, "problem");
    }

    static Reply success(JsonNode json) {
        return new Reply(ExitCodes.SUCCESS, json, Optional.empty());
    }

    boolean ok() {
        return problem.isEmpty();
    }
}
