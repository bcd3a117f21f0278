package samples.bindsmith.wiring;

import samples.bindsmith.embedded.SampleServer;
import samples.bindsmith.http.SampleHttp;

/** The wiring: allowed to know every adapter. */
public class SampleWiring {
    public SampleServer backend() {
        return new SampleServer();
    }

    public SampleHttp server() {
        return new SampleHttp();
    }
}
