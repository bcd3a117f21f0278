package dev.bindsmith.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void aTreeBuiltForTheCliIsTheJsonTheServerWritesForTheSameBody() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("value", null);
        record.put("ttl", 3600L);
        Map<String, Object> body = Bodies.of(
                "success",
                true,
                "count",
                2,
                "serial",
                4_294_967_295L,
                "durationMs",
                1.5,
                "zones",
                List.of("a.example", "b.example"),
                "items",
                new ArrayList<>(Arrays.asList(record, Map.of("name", "x"))),
                "properties",
                Map.of("secure", "no"));

        JsonNode tree = Json.tree(body);

        assertThat(tree.toString()).isEqualTo(new String(Json.write(body), StandardCharsets.UTF_8));
    }
}
