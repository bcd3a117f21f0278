package samples.bindsmith.cli;

import samples.bindsmith.embedded.SampleServer;
import samples.bindsmith.wiring.SampleWiring;

/** Violates "the CLI reaches backends only through the wiring"; its use of the wiring is allowed. */
public class CliUsingEmbedded {
    public SampleServer backend() {
        return new SampleServer();
    }

    public SampleWiring wiring() {
        return new SampleWiring();
    }
}
