package samples.bindsmith.embedded;

import samples.bindsmith.wiring.SampleWiring;

/** Violates "only entry points depend on the wiring". */
public class EmbeddedUsingWiring {
    public SampleWiring wiring() {
        return new SampleWiring();
    }
}
