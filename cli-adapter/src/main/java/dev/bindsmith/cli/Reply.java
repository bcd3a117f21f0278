package dev.bindsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.bindsmith.core.outcome.Outcome;

import java.util.Objects;

/**
 * What one API call produced, the same in direct and remote mode: the outcome (its value is the JSON
 * body the HTTP API returns for a success) and the JSON that {@code --output json} prints: that body,
 * the error envelope of a failure, or nothing ({@link MissingNode}) for a 204.
 */
record Reply(Outcome<JsonNode> outcome, JsonNode json) {
    Reply {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(json, "json");
    }
}
