package samples.bindsmith.rndc;

import samples.bindsmith.testing.SampleFixture;

/** Violates "no production class depends on test-fixtures". */
public class RndcUsingTestFixtures {
    public SampleFixture fixture() {
        return new SampleFixture();
    }
}
