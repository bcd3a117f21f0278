package samples.bindsmith.http.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A JSON mapping class that breaks no rule: Jackson only. */
public class SampleJson {
    public ObjectNode body() {
        return JsonNodeFactory.instance.objectNode();
    }
}
