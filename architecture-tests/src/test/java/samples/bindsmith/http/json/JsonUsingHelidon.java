package samples.bindsmith.http.json;

import io.helidon.http.Status;

/** Violates "the JSON mapping knows no server": it uses Helidon. */
public class JsonUsingHelidon {
    public int status() {
        return Status.OK_200.code();
    }
}
