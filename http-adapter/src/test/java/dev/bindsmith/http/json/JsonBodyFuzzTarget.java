package dev.bindsmith.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.UseCases;
import dev.bindsmith.testing.TestClocks;
import dev.bindsmith.testing.builders.TestZones;
import dev.bindsmith.testing.memory.InMemoryNameServerControl;
import dev.bindsmith.testing.memory.InMemoryRecordStore;
import dev.bindsmith.testing.memory.InMemoryZoneStore;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fuzz target: a request body as the API reads it — {@link Json#parse}, then the tree through every
 * {@link JsonApi} operation that takes a body (create and modify a zone; add, update, remove and
 * apply records, with and without a dry run) against in-memory adapters that hold one dynamic zone,
 * and the answer written back as JSON ({@link Json#write}). Nothing may be thrown, and no body may be
 * answered 5xx: a hostile body is the client's mistake (4xx). Corpus: {@code fuzz/JsonBodyFuzzTarget/}
 * (the request bodies of docs/api.md and docs/records.md, and hostile ones the reference's clients sent).
 */
public final class JsonBodyFuzzTarget {
    private JsonBodyFuzzTarget() {}

    public static void fuzzerTestOneInput(byte[] input) {
        Outcome<JsonNode> parsed = Json.parse(input);
        check("parse", parsed);
        if (!(parsed instanceof Outcome.Ok<JsonNode> ok)) {
            return;
        }
        JsonNode body = ok.value();
        JsonApi api = freshApi();
        run("createZone", api, a -> a.createZone(body));
        run("modifyZone", api, a -> a.modifyZone("example.com", body));
        run("addRecord", api, a -> a.addRecord("example.com", body));
        run("updateRecord", api, a -> a.updateRecord("example.com", body));
        run("removeRecord", api, a -> a.removeRecord("example.com", body));
        run("applyRecords", api, a -> a.applyRecords("example.com", body, Optional.empty()));
        run("applyRecords?dryRun", api, a -> a.applyRecords("example.com", body, Optional.of("true")));
    }

    /** Fresh adapters per input, so that what one input created cannot grow across a million runs. */
    private static JsonApi freshApi() {
        InMemoryZoneStore store = new InMemoryZoneStore();
        InMemoryNameServerControl control = new InMemoryNameServerControl(store, TestClocks.fixed());
        InMemoryRecordStore records = new InMemoryRecordStore(control);
        UseCases useCases = UseCases.of(store, control, records, records, TestClocks.fixed());
        useCases.zones()
                .create(TestZones.request("example.com")
                        .updateKeyName("update-key")
                        .withRecord("www", "A", "192.0.2.1")
                        .build());
        return new JsonApi(useCases, TestClocks.fixed());
    }

    private static void run(String operation, JsonApi api, Function<JsonApi, Answer> call) {
        Answer answer = call.apply(api);
        check(operation, answer.outcome());
        answer.body().ifPresent(Json::write);
        if (answer.outcome() instanceof Outcome.Failure<?> failure) {
            Json.write(Envelope.of(failure));
        }
    }

    private static void check(String operation, Outcome<?> outcome) {
        if (outcome instanceof Outcome.BackendFailed<?> || outcome instanceof Outcome.Unavailable<?>) {
            throw new IllegalStateException(operation + " answered a request body with a 5xx: " + outcome);
        }
    }
}
