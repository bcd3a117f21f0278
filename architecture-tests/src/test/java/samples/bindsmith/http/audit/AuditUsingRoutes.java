package samples.bindsmith.http.audit;

import samples.bindsmith.http.SampleHttp;

/** Violates "the JSON mapping knows no server" from the audit package: it uses the server's routes. */
public class AuditUsingRoutes {
    public Object server() {
        return new SampleHttp();
    }
}
