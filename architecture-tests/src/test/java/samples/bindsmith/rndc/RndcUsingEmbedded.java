package samples.bindsmith.rndc;

import samples.bindsmith.embedded.SampleServer;

/** Violates "rndc-adapter is independent": it uses the embedded adapter. */
public class RndcUsingEmbedded {
    public SampleServer server() {
        return new SampleServer();
    }
}
