package dev.bindsmith.http.json;

import java.util.Objects;
import java.util.Optional;

/**
 * The query of {@code GET /zones/{name}/records} as the client typed it: each parameter absent or
 * its raw text, judged by the use case ({@code limit=abc} is reported with the allowed range).
 */
public record RecordListQuery(
        Optional<String> name, Optional<String> type, Optional<String> cursor, Optional<String> limit) {
    public RecordListQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(limit, "limit");
    }

    public static RecordListQuery all() {
        return new RecordListQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
