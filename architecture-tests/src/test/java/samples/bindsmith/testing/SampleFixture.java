package samples.bindsmith.testing;

import samples.bindsmith.core.service.SampleService;

/** A test fixture: allowed to use core. */
public class SampleFixture {
    public SampleService service() {
        return new SampleService();
    }
}
